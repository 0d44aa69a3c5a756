/**
 * The Mibo face: contracts/mibo.md (mental-health clinic booking) at {@code /mibo/api/...}.
 */
@NullMarked
package io.polyclinic.faces.mibo;

import org.jspecify.annotations.NullMarked;
