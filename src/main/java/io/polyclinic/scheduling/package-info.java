/**
 * The appointment book: clinicians' weekly hours and the slots they yield, appointments as intervals of a clinician's
 * time through their lifecycle (book, confirm, reschedule, start, cancel, complete, miss, remove), and the appointment
 * read model every face shows.
 *
 * <p>It owns the tables {@code appointments}, {@code availability_rules} and {@code availability_slots} (slots a
 * clinician opens in batches, offered beside the weekly grid). It depends on platform, audit and
 * directory (the access policy decides who reaches what; care links and centre enrolment follow bookings), and reads
 * the directory's and identity's tables in SQL for names and a booking's facts. It depends on no downstream module:
 * billing and video answer the read model through {@link io.polyclinic.scheduling.PaymentStandings} and
 * {@link io.polyclinic.scheduling.MeetingPlaces}, and notify, billing and analytics learn what happens from its events
 * ({@code AppointmentBooked}, {@code AppointmentConfirmed}, {@code AppointmentRescheduled}, {@code AppointmentStarted},
 * {@code AppointmentCancelled}, {@code AppointmentCompleted}, {@code AppointmentMissed}). The database refuses two
 * active appointments of one clinician that overlap (db/migration V20).
 */
@NullMarked
package io.polyclinic.scheduling;

import org.jspecify.annotations.NullMarked;
