/**
 * The analytics queries: one aggregating SQL statement per figure, never rows counted in memory.
 */
@NullMarked
package io.polyclinic.analytics.internal;

import org.jspecify.annotations.NullMarked;
