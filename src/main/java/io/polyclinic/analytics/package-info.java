/**
 * Management dashboards: counts, revenue, rankings and lead sources, aggregated in SQL over the clinic's tables.
 */
@NullMarked
package io.polyclinic.analytics;

import org.jspecify.annotations.NullMarked;
