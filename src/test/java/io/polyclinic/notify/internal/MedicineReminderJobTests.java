package io.polyclinic.notify.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import io.polyclinic.clinical.Encounter;
import io.polyclinic.clinical.Encounters;
import io.polyclinic.clinical.Medication;
import io.polyclinic.clinical.MedicineReminder;
import io.polyclinic.clinical.MedicineReminders;
import io.polyclinic.clinical.NewConsultation;
import io.polyclinic.clinical.NewPrescription;
import io.polyclinic.clinical.Prescriptions;
import io.polyclinic.directory.Clinician;
import io.polyclinic.directory.Patient;
import io.polyclinic.directory.PatientRegistry;
import io.polyclinic.notify.Messenger;
import io.polyclinic.notify.NotificationPreferences;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Ref;
import io.polyclinic.platform.Role;
import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.scheduling.AppointmentRequest;
import io.polyclinic.scheduling.SessionType;
import io.polyclinic.support.ApiTest;
import io.polyclinic.support.Clinic;

/**
 * The medicine reminder job in the running application, on a clock set where the test wants it: a dose whose time
 * has come is told to its patient once — in the app and by the way they take messages — however many rounds run; a
 * patient who turned reminders off is told nothing; a dose long past is let go.
 */
class MedicineReminderJobTests extends ApiTest {

	static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

	@Autowired
	Clinic clinic;
	@Autowired
	AppointmentBook book;
	@Autowired
	Encounters encounters;
	@Autowired
	Prescriptions prescriptions;
	@Autowired
	MedicineReminders reminders;
	@Autowired
	InAppNotices notices;
	@Autowired
	Messenger messenger;
	@Autowired
	PatientRegistry patients;
	@Autowired
	PreferenceRows preferenceRows;
	@Autowired
	NotificationPreferences preferences;
	@Autowired
	PlatformTransactionManager transactions;
	@Autowired
	JdbcClient jdbc;

	int week = 1;

	@Test
	void aDueDoseIsToldOnceInTheAppAndByText() {
		Patient patient = clinic.patient();
		MedicineReminder reminder = prescribe(patient, "Azithromycin", "Twice daily");
		Instant dose = reminder.nextDoseAt();

		MedicineReminderJob job = jobAt(dose.plusSeconds(40));
		job.remind();
		job.remind();
		jobAt(dose.plusSeconds(100)).remind();

		assertThat(told(patient)).singleElement().satisfies(title -> assertThat(title)
			.isEqualTo("Time for your Azithromycin"));
		List<String> texts = jdbc.sql("SELECT body FROM deliveries WHERE patient_id = ? AND kind = 'MEDICINE_REMINDER'"
				+ " AND channel = 'WHATSAPP' AND recipient = ?").params(patient.id(), patient.phone())
			.query(String.class).list();
		assertThat(texts).singleElement().satisfies(body -> assertThat(body).contains("Azithromycin 500 mg"));

		// the next dose is not due yet: nothing more until its time
		Instant next = dose.plus(Duration.ofHours(12));
		jobAt(next.minusSeconds(60)).remind();
		assertThat(told(patient)).hasSize(1);
		jobAt(next.plusSeconds(30)).remind();
		assertThat(told(patient)).hasSize(2);
	}

	@Test
	void aPatientWhoTurnedRemindersOffIsNotToldAndADoseLongPastIsLetGo() {
		Patient quiet = clinic.patient();
		preferences.change(new NotificationPreferences.Changes(null, null, null, false, null, null, null),
				new Actor(quiet.userId(), quiet.accountId(), Role.PATIENT, java.util.UUID.randomUUID()));
		MedicineReminder muted = prescribe(quiet, "Metformin", "Once daily");
		jobAt(muted.nextDoseAt().plusSeconds(30)).remind();
		assertThat(told(quiet)).isEmpty();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM medicine_doses d JOIN medicine_reminders r ON r.id = d.reminder_id"
				+ " WHERE r.public_id = ? AND d.reminded_at IS NOT NULL").param(muted.id()).query(Long.class).single())
			.isEqualTo(1);

		Patient late = clinic.patient();
		MedicineReminder missed = prescribe(late, "Vitamin D", "Once daily");
		jobAt(missed.nextDoseAt().plus(Duration.ofHours(2))).remind();
		assertThat(told(late)).isEmpty();
	}

	private MedicineReminderJob jobAt(Instant now) {
		return new MedicineReminderJob(reminders, notices, messenger, patients, preferenceRows, transactions,
				Clock.fixed(now, ZoneOffset.UTC), Duration.ofHours(1));
	}

	private List<String> told(Patient patient) {
		return jdbc.sql("SELECT title FROM in_app_notifications WHERE user_id = ? AND topic = 'medicine_reminder'"
				+ " ORDER BY created_at, id").param(patient.userId()).query(String.class).list();
	}

	private MedicineReminder prescribe(Patient patient, String drug, String frequency) {
		Clinician doctor = clinic.clinician(null, KOLKATA.getId());
		Actor doctorActor = clinic.actorOf(doctor.userId(), Role.CLINICIAN);
		var appointment = book.book(AppointmentRequest.onGrid(Ref.id(patient.id()), Ref.id(doctor.id()), null,
				Clinic.nextWeekday(KOLKATA, DayOfWeek.TUESDAY).plusWeeks(week++), LocalTime.of(10, 0),
				SessionType.IN_PERSON), clinic.admin()).appointment();
		Encounter seen = encounters.conclude(new NewConsultation(appointment.id(), "Infection", "Rest", null, null),
				doctorActor);
		var written = prescriptions.writeAt(Ref.of(seen.publicId()), new NewPrescription(null,
				List.of(new Medication(drug, "500 mg", frequency, "3 days", "after food")), null, null, null, null,
				null, null, null), doctorActor);
		return reminders.ofPatient(patient.id(), clinic.admin()).stream()
			.filter(r -> r.prescriptionId().equals(written.publicId()))
			.findFirst()
			.orElseThrow();
	}
}
