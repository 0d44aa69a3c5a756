/**
 * How the clinical module keeps its records: entities and repositories.
 */
@NullMarked
package io.polyclinic.clinical.internal;

import org.jspecify.annotations.NullMarked;
