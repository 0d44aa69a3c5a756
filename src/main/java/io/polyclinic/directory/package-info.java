/**
 * Who is who in the clinic: centres, clinicians, patients and staff, and which clinicians care for which patients.
 *
 * <p>It also answers, for every module, how far a caller reaches: {@link io.polyclinic.directory.AccessPolicy} turns
 * an {@code Actor} into a {@link io.polyclinic.directory.Reach} (the clinic, one centre, one patient's own records, one
 * clinician's patients, nothing), looked up once per request, and answers "may this caller see this patient". The
 * registries check their own callers with it — hiring, opening and closing centres, registering and removing
 * clinicians, registering, changing and searching patients — whichever face asks, and audit every refusal. A
 * patient's centres (enrolment) and care links are kept here as bookings make them. Patients ask clinicians to follow
 * them ({@link io.polyclinic.directory.PatientRequests}); an accepted request is the follow link other modules ask
 * about ({@code CareTeam.follows}, {@code followersOf}), announced by {@code PatientRequestCreated}, {@code
 * PatientRequestAccepted} and {@code PatientRequestDeclined}. Clinicians who register their own practice pass a KYC
 * check ({@link io.polyclinic.directory.ClinicianVerification}, documents kept by files) before the public sees them;
 * patients review completed visits ({@link io.polyclinic.directory.ClinicianReviews}), the appointment book answering
 * {@link io.polyclinic.directory.Visits}. People's identity checks (a document, then an administrator's decision:
 * {@link io.polyclinic.directory.IdentityChecks}) are kept here too. It depends on identity (accounts), files, audit
 * and platform.
 */
@NullMarked
package io.polyclinic.directory;

import org.jspecify.annotations.NullMarked;
