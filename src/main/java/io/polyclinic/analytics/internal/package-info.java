/**
 * The analytics tables and queries: the listener that keeps the figures from events (per care pair and centre, per
 * centre, per clinician, a ledger of money in and out with its sums per UTC day), the set-based rebuild, and one
 * aggregating SQL statement per figure, never rows counted in memory.
 */
@NullMarked
package io.polyclinic.analytics.internal;

import org.jspecify.annotations.NullMarked;
