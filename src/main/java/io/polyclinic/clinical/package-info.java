/**
 * What clinicians record about their patients: consultations and their notes, prescriptions, records and vitals.
 *
 * <p>Who may write is decided here: notes, the clinician who cares for the patient and administrators; medical
 * records, those clinicians and the staff who reach the patient, read also by the patient once shared with them.
 * Everyone else is refused and audited. An appointment's encounter, and the prescriptions written at it, are written
 * by the appointment's clinician alone and read by whoever may see the patient; a prescription prints as a PDF.
 * Glucose readings are the patient's own diary: the patient logs and keeps
 * them, a clinician who follows the patient reads them, and their statistics are SQL on the readings in mg/dL.
 * A patient's chart (documents, medical history, vital signs and their summary) is read by whoever may see the
 * patient and written by the patient themself, their clinicians and staff who reach them; a document's bytes are the
 * files module's, downloaded through its signed links.
 * Saving an appointment's consultation (clinico's) completes the appointment. A prescription reminds its patient of
 * each medicine's doses until the course ends; the patient alone logs them, and notify sends the reminders as they
 * fall due. A patient's medical profile (the consultation room's view of the chart) is read only by a clinician with
 * an appointment with them; a clinician who cares for a patient asks them for test reports (each request coded
 * {@code REQ-<year>-<number>}, numbered per year by a locked counter row).
 * It depends on directory (the access policy, care links), scheduling (a note's or record's appointment must be the
 * patient's; a consultation completes its appointment), identity (the author's name, a patient's account id), files
 * (documents' bytes), audit and platform; it owns the tables {@code clinical_notes}, {@code medical_records},
 * {@code glucose_readings}, {@code encounters}, {@code prescriptions}, {@code prescription_items},
 * {@code medicine_reminders}, {@code medicine_doses}, {@code reminder_logs}, {@code medical_documents},
 * {@code medical_histories}, {@code vital_signs}, {@code upload_report_requests} and
 * {@code report_request_counters}, and lists them in SQL within the caller's reach.
 */
@NullMarked
package io.polyclinic.clinical;

import org.jspecify.annotations.NullMarked;
