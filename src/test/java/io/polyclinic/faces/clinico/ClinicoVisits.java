package io.polyclinic.faces.clinico;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import io.polyclinic.platform.Ref;
import io.polyclinic.scheduling.Appointment;
import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.scheduling.AppointmentRequest;
import io.polyclinic.scheduling.SessionType;
import io.polyclinic.support.Clinic;

/** Appointments booked by the clinic's staff between a clinico patient and doctor, and the bodies clinico sends. */
final class ClinicoVisits {

	private final AppointmentBook book;
	private final Clinic clinic;
	private int hour;

	ClinicoVisits(AppointmentBook book, Clinic clinic) {
		this.book = book;
		this.clinic = clinic;
	}

	/** A visit a week or more ahead, on the doctor's 09:00-17:00 grid; each call takes the next hour. */
	Appointment visit(ClinicoPeople.Person patient, ClinicoPeople.Person doctor) {
		ZoneId zone = ZoneId.of("Asia/Kolkata");
		int n = hour++;
		return book.book(AppointmentRequest.onGrid(Ref.id(patient.requirePatient().id()),
				Ref.id(doctor.requireClinician().id()), null,
				Clinic.nextWeekday(zone, DayOfWeek.THURSDAY).plusWeeks(n / 8), LocalTime.of(9 + n % 8, 0),
				SessionType.IN_PERSON), clinic.admin()).appointment();
	}

	static Map<String, Object> consultation(long appointmentId) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("appointment_id", appointmentId);
		body.put("diagnosis", "Acute Bronchitis");
		body.put("doctor_recommendations", "Steam inhalation, rest.");
		body.put("follow_up_instructions", "Visit again if fever persists > 3 days.");
		body.put("notes", "Patient presented with dry cough.");
		return body;
	}

	static Map<String, Object> prescription(Object consultationId) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("consultation_id", consultationId);
		body.put("medication_name", "Azithromycin");
		body.put("dosage", "500mg");
		body.put("frequency", "Once daily before food");
		body.put("duration", "5 days");
		body.put("medication_category", "Antibiotic");
		body.put("doctor_notes", "Complete the full course");
		body.put("important_notes", "May cause slight drowsiness");
		return body;
	}
}
