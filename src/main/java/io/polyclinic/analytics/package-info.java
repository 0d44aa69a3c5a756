/**
 * Management dashboards: counts, revenue net of refunds, rankings and lead sources, for the whole clinic or one
 * centre, decided for the caller through directory's access policy (a centre manager of one centre reads only it).
 *
 * <p>Follow-ups, revenue and rankings come from figures the module keeps from scheduling's and billing's events
 * (booked, cancelled, rescheduled, paid, refunded), so that none reads the whole appointments or payments table;
 * {@link io.polyclinic.analytics.AnalyticsFigures#rebuild()} recomputes them from the raw rows. Counts of a period's
 * appointments, of patients, clinicians and leads are aggregated in SQL on indexes.
 */
@NullMarked
package io.polyclinic.analytics;

import org.jspecify.annotations.NullMarked;
