package io.polyclinic.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import io.polyclinic.clinical.GlucoseReadingLogged;
import io.polyclinic.directory.Clinician;
import io.polyclinic.directory.Patient;
import io.polyclinic.directory.PatientRequest;
import io.polyclinic.directory.PatientRequests;
import io.polyclinic.identity.accounts.Accounts;
import io.polyclinic.messaging.MessageSent;
import io.polyclinic.notify.InAppNotification.Severity;
import io.polyclinic.notify.InAppNotification.Type;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Role;
import io.polyclinic.platform.realtime.LiveListeners;
import io.polyclinic.platform.realtime.LiveUpdate;
import io.polyclinic.scheduling.AppointmentActedOn;
import io.polyclinic.support.ApiTest;
import io.polyclinic.support.Clinic;

/**
 * What the clinic tells people inside the app, from the other modules' events, each published as its module does
 * (in a transaction that commits): who is told, of what, with which related id and severity — and who is not told.
 */
class InAppFeedsTests extends ApiTest {

	@Autowired
	Clinic clinic;
	@Autowired
	PatientRequests requests;
	@Autowired
	InAppNotifications notifications;
	@Autowired
	Accounts accounts;
	@Autowired
	ApplicationEventPublisher events;
	@Autowired
	TransactionTemplate transactions;
	@Autowired
	LiveListeners live;

	record Person(long userId, UUID account, Actor actor) {
	}

	Person of(Patient patient) {
		return new Person(patient.userId(), patient.accountId(), actor(patient.userId(), Role.PATIENT));
	}

	Person of(Clinician clinician) {
		return new Person(clinician.userId(), clinician.accountId(), actor(clinician.userId(), Role.CLINICIAN));
	}

	Actor actor(long userId, Role role) {
		return new Actor(userId, accounts.get(userId).publicId(), role, UUID.randomUUID());
	}

	@Test
	void aDoctorIsToldOfANewRequestAndPushedIt() {
		Clinician doctor = clinic.clinician(null, "Asia/Kolkata");
		Patient patient = clinic.patient();
		List<LiveUpdate> pushed = new CopyOnWriteArrayList<>();
		try (var listening = live.listen(doctor.userId(), pushed::add)) {
			PatientRequest request = requests.request(patient.accountId(), doctor.accountId(), "Very high readings",
					of(patient).actor());

			InAppNotification told = single(of(doctor), Type.NEW_REQUEST);
			assertThat(told.relatedId()).isEqualTo(request.id());
			assertThat(told.title()).isEqualTo("New patient request");
			assertThat(told.message()).isEqualTo(patient.fullName() + " asked you to follow them, with an urgent note.");
			assertThat(told.severity()).isEqualTo(Severity.WARNING);
			assertThat(told.read()).isFalse();
			await(() -> pushed, list -> !list.isEmpty());
			assertThat(pushed).containsExactly(new LiveUpdate(doctor.userId(), "notification", told.id()));
		}
		assertThat(notifications.mine(InAppNotifications.Query.latest(), of(patient).actor()).notifications())
			.isEmpty();
	}

	@Test
	void aMessagesReceiverIsToldOnceWithTheConversation() {
		Clinician doctor = clinic.clinician(null, "Asia/Kolkata");
		Patient patient = clinic.patient();
		UUID conversation = UUID.randomUUID();
		MessageSent sent = new MessageSent(UUID.randomUUID(), conversation, doctor.userId(), patient.userId(),
				doctor.fullName(), "  Your results\n are fine.  ", Instant.now());
		publish(sent);
		publish(sent); // delivered again: told once

		InAppNotification told = single(of(patient), Type.MESSAGE);
		assertThat(told.relatedId()).isEqualTo(conversation);
		assertThat(told.title()).isEqualTo("New message from " + doctor.fullName());
		assertThat(told.message()).isEqualTo("Your results are fine.");
		assertThat(told.severity()).isEqualTo(Severity.INFO);
		assertThat(told.userAccountId()).isEqualTo(patient.accountId());
		pause();
		assertThat(all(of(patient))).hasSize(1);
		assertThat(all(of(doctor))).isEmpty();
	}

	@Test
	void theOtherPartyOfAnAppointmentIsToldAndBothWhenStaffActed() {
		Clinician doctor = clinic.clinician(null, "Asia/Kolkata");
		Patient patient = clinic.patient();
		UUID appointment = UUID.randomUUID();
		Instant startsAt = Instant.parse("2031-03-17T04:30:00Z");

		publish(new AppointmentActedOn(1, appointment, patient.id(), doctor.id(), patient.userId(), "BOOKED",
				startsAt));
		InAppNotification toDoctor = single(of(doctor), Type.APPOINTMENT);
		assertThat(toDoctor.relatedId()).isEqualTo(appointment);
		assertThat(toDoctor.title()).isEqualTo("Appointment booked");
		assertThat(toDoctor.topic()).isEqualTo("appointment_confirmation");
		assertThat(toDoctor.via()).isEqualTo(InAppNotification.Via.IN_APP);
		assertThat(toDoctor.status()).isEqualTo(InAppNotification.Status.DELIVERED);
		assertThat(toDoctor.message()).isEqualTo(patient.fullName()
				+ " booked the appointment of Monday 17 March 2031 at 10:00 (Asia/Kolkata).");
		pause();
		assertThat(all(of(patient))).isEmpty();

		publish(new AppointmentActedOn(1, appointment, patient.id(), doctor.id(), doctor.userId(), "CANCELLED",
				startsAt));
		InAppNotification toPatient = single(of(patient), Type.APPOINTMENT);
		assertThat(toPatient.severity()).isEqualTo(Severity.WARNING);
		assertThat(toPatient.topic()).isEqualTo("appointment_cancelled");
		assertThat(toPatient.message()).startsWith(doctor.fullName() + " cancelled the appointment");

		publish(new AppointmentActedOn(1, appointment, patient.id(), doctor.id(), clinic.admin().userId(),
				"RESCHEDULED", startsAt.plusSeconds(3600)));
		await(() -> all(of(patient)), list -> list.size() == 2);
		await(() -> all(of(doctor)), list -> list.size() == 2);
		assertThat(all(of(doctor)).get(0).topic()).isEqualTo("appointment_rescheduled");
		assertThat(all(of(doctor)).get(0).message()).startsWith("The clinic rescheduled the appointment of Monday 17"
				+ " March 2031 at 11:00");
	}

	@Test
	void aCriticalReadingIsToldToEveryFollowingDoctorAndNobodyElse() {
		Patient patient = clinic.patient();
		Clinician first = clinic.clinician(null, "Asia/Kolkata");
		Clinician second = clinic.clinician(null, "Asia/Kolkata");
		Clinician asked = clinic.clinician(null, "Asia/Kolkata"); // asked, not (yet) following
		follow(patient, first);
		follow(patient, second);
		requests.request(patient.accountId(), asked.accountId(), null, of(patient).actor());

		publish(reading(patient, "180", "mg/dL", "180"));
		UUID critical = UUID.randomUUID();
		publish(new GlucoseReadingLogged(critical, patient.id(), new BigDecimal("262.7"), new BigDecimal("262.7"),
				"mg/dL", Instant.now()));
		publish(new GlucoseReadingLogged(UUID.randomUUID(), patient.id(), new BigDecimal("45.03"),
				new BigDecimal("2.5"), "mmol/L", Instant.now()));

		for (Clinician doctor : List.of(first, second)) {
			await(() -> alerts(of(doctor)), list -> list.size() == 2);
			List<InAppNotification> alerts = alerts(of(doctor));
			// the listeners run on their own threads: either reading may be told first
			assertThat(alerts).extracting(InAppNotification::message).containsExactlyInAnyOrder(
					"Patient " + patient.fullName() + " has critical glucose level: 2.5 mmol/L (45 mg/dL)",
					"Patient " + patient.fullName() + " has critical glucose level: 263 mg/dL");
			assertThat(alerts).allSatisfy(a -> {
				assertThat(a.title()).isEqualTo("Critical Glucose Alert");
				assertThat(a.severity()).isEqualTo(Severity.CRITICAL);
				assertThat(a.relatedId()).isEqualTo(patient.accountId());
			});
		}
		pause();
		assertThat(alerts(of(asked))).isEmpty();
		assertThat(all(of(patient))).isEmpty();
		// the same reading delivered again tells nobody anew
		publish(new GlucoseReadingLogged(critical, patient.id(), new BigDecimal("262.7"), new BigDecimal("262.7"),
				"mg/dL", Instant.now()));
		pause();
		assertThat(alerts(of(first))).hasSize(2);
	}

	void follow(Patient patient, Clinician doctor) {
		PatientRequest request = requests.request(patient.accountId(), doctor.accountId(), null, of(patient).actor());
		requests.accept(doctor.accountId(), request.id(), of(doctor).actor());
	}

	static GlucoseReadingLogged reading(Patient patient, String mg, String unit, String value) {
		return new GlucoseReadingLogged(UUID.randomUUID(), patient.id(), new BigDecimal(mg), new BigDecimal(value),
				unit, Instant.now());
	}

	void publish(Object event) {
		transactions.executeWithoutResult(status -> events.publishEvent(event));
	}

	List<InAppNotification> all(Person person) {
		return notifications.mine(InAppNotifications.Query.latest(), person.actor()).notifications();
	}

	List<InAppNotification> alerts(Person person) {
		return notifications.mine(new InAppNotifications.Query(false, Type.PATIENT_ALERT, 20, 0), person.actor())
			.notifications();
	}

	InAppNotification single(Person person, Type type) {
		await(() -> all(person), list -> !list.isEmpty());
		List<InAppNotification> told = all(person);
		assertThat(told).singleElement().satisfies(n -> assertThat(n.type()).isEqualTo(type));
		return told.get(0);
	}

	/** Listeners run after the commit, on their own thread: what must not happen is given time to. */
	static void pause() {
		try {
			Thread.sleep(300);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	static <T> void await(Supplier<T> read, java.util.function.Predicate<T> done) {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (!done.test(read.get())) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Still not there: " + read.get());
			}
			pause();
		}
	}
}
