/**
 * Demo mode's small clinic, seeded through the modules' own APIs on the first start of an empty database.
 */
@NullMarked
package io.polyclinic.demo;

import org.jspecify.annotations.NullMarked;
