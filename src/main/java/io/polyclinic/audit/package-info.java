/**
 * The audit trail: every read and write of patient data and every admin action, denied attempts included.
 */
@NullMarked
package io.polyclinic.audit;

import org.jspecify.annotations.NullMarked;
