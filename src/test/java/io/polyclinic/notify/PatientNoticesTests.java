package io.polyclinic.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import io.polyclinic.audit.AuditLog;
import io.polyclinic.billing.PaymentRefunded;
import io.polyclinic.billing.PaymentSucceeded;
import io.polyclinic.directory.AccessPolicy;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Ref;
import io.polyclinic.platform.security.BearerTokens;
import io.polyclinic.scheduling.Appointment;
import io.polyclinic.scheduling.AppointmentCancelled;
import io.polyclinic.scheduling.AppointmentConfirmed;
import io.polyclinic.scheduling.AppointmentRescheduled;
import io.polyclinic.scheduling.AppointmentStatus;
import io.polyclinic.scheduling.AppointmentView;
import io.polyclinic.scheduling.AppointmentViews;
import io.polyclinic.scheduling.PaymentStanding;
import io.polyclinic.scheduling.SessionType;
import io.polyclinic.support.TestDatabase;
import io.polyclinic.video.MeetingLink;
import io.polyclinic.video.MeetingLinks;

/**
 * The notify module on its own: each event of scheduling and billing that concerns a patient sends them its message,
 * with the appointment read through scheduling's views (stood in for here) and the message kept in the delivery
 * history. Appointment ids are random, since the database is the whole suite's. The module's boundaries are verified
 * once for the whole application (ModularityTests), not again here.
 */
@ApplicationModuleTest(verifyAutomatically = false, extraIncludes = "platform")
class PatientNoticesTests {

	private static final AtomicLong IDS = new AtomicLong(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50));
	private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
	private static final LocalDate DAY = LocalDate.of(2031, 3, 17);

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry);
		registry.add("polyclinic.demo", () -> "true");
	}

	@MockitoBean
	AppointmentViews appointments;
	@MockitoBean
	MeetingLinks meetings;
	@MockitoBean
	AccessPolicy access;
	@MockitoBean
	AuditLog audit;
	@MockitoBean
	BearerTokens tokens;
	/** What the in-app notices read of the directory: not asked here. */
	@MockitoBean
	io.polyclinic.directory.CareTeam careTeam;
	@MockitoBean
	io.polyclinic.directory.PatientRegistry patients;
	@MockitoBean
	io.polyclinic.directory.ClinicianRegistry clinicians;
	@MockitoBean
	io.polyclinic.directory.People people;
	/** Whose booking confirmations the notices would send: none recorded here. */
	@MockitoBean
	io.polyclinic.scheduling.AppointmentBook book;
	/** Whose doses the medicine reminder job would send: none due here. */
	@MockitoBean
	io.polyclinic.clinical.MedicineReminders medicineReminders;

	@Autowired
	JdbcClient jdbc;

	record Sent(String kind, String channel, String recipient, String body, @Nullable Long patientId) {
	}

	@Test
	void aConfirmedAppointmentIsAnnouncedWithTheClinicianItsTimeOnTheirClockAndANewLink(Scenario scenario) {
		var view = view(SessionType.ONLINE, AppointmentStatus.CONFIRMED, null, "+919811100001", null);
		long id = view.appointment().id();
		when(meetings.ensure(eq(Ref.id(id)), any(), eq(Actor.system())))
			.thenReturn(new MeetingLink(1, id, "http://localhost:8080/video/rooms/r00m", "internal", "r00m", null,
					null, null, Instant.now()));

		scenario.publish(new AppointmentConfirmed(id, view.patient().id(), view.clinician().id(),
				view.appointment().startsAt()))
			.andWaitForStateChange(() -> sent(id), list -> !list.isEmpty())
			.andVerify(list -> {
				assertThat(list).singleElement().satisfies(m -> {
					assertThat(m.kind()).isEqualTo("APPOINTMENT_CONFIRMATION");
					assertThat(m.channel()).isEqualTo("WHATSAPP");
					assertThat(m.recipient()).isEqualTo("+919811100001");
					assertThat(m.patientId()).isEqualTo(view.patient().id());
					assertThat(m.body()).isEqualTo("Hello Jane Patient, your online appointment with Dr. Asha Rao on "
							+ "Monday, 17 March 2031 at 10:00 AM (Asia/Kolkata) is confirmed. "
							+ "Join here: http://localhost:8080/video/rooms/r00m");
				});
			});
		verify(meetings).ensure(eq(Ref.id(id)), eq("Consultation with Dr. Asha Rao"), eq(Actor.system()));
	}

	@Test
	void aCancellationIsToldByEmailToAPatientWithoutAPhone(Scenario scenario) {
		var view = view(SessionType.IN_PERSON, AppointmentStatus.CANCELLED, null, null, "jane@patient.test");
		long id = view.appointment().id();

		scenario.publish(new AppointmentCancelled(id, view.patient().id(), view.clinician().id(),
				view.appointment().startsAt(), "Unwell", null, null))
			.andWaitForStateChange(() -> sent(id), list -> !list.isEmpty())
			.andVerify(list -> assertThat(list).singleElement().satisfies(m -> {
				assertThat(m.kind()).isEqualTo("APPOINTMENT_CANCELLATION");
				assertThat(m.channel()).isEqualTo("EMAIL");
				assertThat(m.recipient()).isEqualTo("jane@patient.test");
				assertThat(m.body()).isEqualTo("Hello Jane Patient, your in-person appointment with Dr. Asha Rao on "
						+ "Monday, 17 March 2031 at 10:00 AM (Asia/Kolkata) is cancelled.");
			}));
	}

	@Test
	void aNewTimeIsToldWithTheLinkTheVisitAlreadyHas(Scenario scenario) {
		var view = view(SessionType.ONLINE, AppointmentStatus.CONFIRMED, "https://meet.google.com/abc-defg-hij",
				"+919811100002", null);
		long id = view.appointment().id();

		scenario.publish(new AppointmentRescheduled(id, view.patient().id(), view.clinician().id(),
				view.appointment().startsAt().minusSeconds(3600), view.appointment().startsAt(), null, null))
			.andWaitForStateChange(() -> sent(id), list -> !list.isEmpty())
			.andVerify(list -> assertThat(list).singleElement().satisfies(m -> {
				assertThat(m.kind()).isEqualTo("APPOINTMENT_RESCHEDULED");
				assertThat(m.body()).isEqualTo("Hello Jane Patient, your online appointment with Dr. Asha Rao has moved "
						+ "to Monday, 17 March 2031 at 10:00 AM (Asia/Kolkata). "
						+ "Join here: https://meet.google.com/abc-defg-hij");
			}));
	}

	@Test
	void aPaymentIsAcknowledgedWithItsAmountAndReference(Scenario scenario) {
		var view = view(SessionType.IN_PERSON, AppointmentStatus.PENDING, null, "+919811100003", null);
		long id = view.appointment().id();

		scenario.publish(new PaymentSucceeded(IDS.incrementAndGet(), id, view.patient().id(), 150_000, "INR",
				"pay_receipt" + id, Instant.now()))
			.andWaitForStateChange(() -> sent(id), list -> !list.isEmpty())
			.andVerify(list -> assertThat(list).singleElement().satisfies(m -> {
				assertThat(m.kind()).isEqualTo("PAYMENT_RECEIPT");
				assertThat(m.body()).isEqualTo("Hello Jane Patient, we received your payment of \u20B91500.00 for your "
						+ "in-person appointment with Dr. Asha Rao on Monday, 17 March 2031 at 10:00 AM "
						+ "(Asia/Kolkata). Reference: pay_receipt" + id + ".");
			}));
	}

	@Test
	void aPartialRefundIsToldAsPartOfThePayment(Scenario scenario) {
		var view = view(SessionType.IN_PERSON, AppointmentStatus.CANCELLED, null, "+919811100004", null);
		long id = view.appointment().id();

		scenario.publish(new PaymentRefunded(IDS.incrementAndGet(), IDS.incrementAndGet(), id, view.patient().id(),
				50_000, "INR", false, Instant.now()))
			.andWaitForStateChange(() -> sent(id), list -> !list.isEmpty())
			.andVerify(list -> assertThat(list).singleElement().satisfies(m -> {
				assertThat(m.kind()).isEqualTo("PAYMENT_REFUND");
				assertThat(m.body()).startsWith("Hello Jane Patient, we have refunded \u20B9500.00, part of your payment, "
						+ "for your in-person appointment with Dr. Asha Rao on Monday, 17 March 2031");
			}));
	}

	@Test
	void aPatientWhoCannotBeReachedIsSkippedAndTheEventIsStillDone(Scenario scenario) {
		var view = view(SessionType.IN_PERSON, AppointmentStatus.CANCELLED, null, null, null);
		long id = view.appointment().id();

		scenario.publish(new AppointmentCancelled(id, view.patient().id(), view.clinician().id(),
				view.appointment().startsAt(), null, null, null))
			.andWaitForStateChange(() -> open(id), open -> open == 0)
			.andVerify(open -> assertThat(sent(id)).isEmpty());
	}

	/** An appointment as scheduling's views would show it, answered for the system's reading. */
	AppointmentView view(SessionType type, AppointmentStatus status, @Nullable String link, @Nullable String phone,
			@Nullable String email) {
		long id = IDS.incrementAndGet();
		long patientId = IDS.incrementAndGet();
		long clinicianId = IDS.incrementAndGet();
		ZonedDateTime start = ZonedDateTime.of(DAY, LocalTime.of(10, 0), KOLKATA);
		var appointment = new Appointment(id, UUID.randomUUID(), patientId, clinicianId, null, DAY,
				LocalTime.of(10, 0), KOLKATA, start.toInstant(), start.plusHours(1).toInstant(), type, status, 150_000,
				"INR", null, null, null, Instant.now(), null);
		var view = new AppointmentView(appointment, new AppointmentView.Person(patientId, "Jane Patient", phone, email),
				new AppointmentView.Person(clinicianId, "Dr. Asha Rao", null, null), null, link,
				PaymentStanding.PENDING);
		when(appointments.get(Ref.id(id), Actor.system())).thenReturn(view);
		return view;
	}

	List<Sent> sent(long appointmentId) {
		return jdbc.sql("SELECT kind, channel, recipient, body, patient_id FROM deliveries WHERE appointment_id = ?")
			.param(appointmentId)
			.query((rs, i) -> new Sent(rs.getString("kind"), rs.getString("channel"), rs.getString("recipient"),
					rs.getString("body"), rs.getObject("patient_id", Long.class)))
			.list();
	}

	/** Publications of events about the appointment that no listener has finished yet. */
	long open(long appointmentId) {
		return jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL AND serialized_event LIKE ?")
			.param("%\"appointmentId\":" + appointmentId + ",%")
			.query(Long.class)
			.single();
	}
}
