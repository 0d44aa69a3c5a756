package io.polyclinic.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Ref;
import io.polyclinic.platform.Refusal;
import io.polyclinic.support.ApiTest;
import io.polyclinic.support.Clinic;

/**
 * The delivery history as notify's API gives it: messages sent through {@link Messenger} are found, filtered and
 * counted. Each test works on its own patient ids or its own period, since the database is the whole suite's.
 */
class NotificationHistoryTests extends ApiTest {

	private static final AtomicLong IDS = new AtomicLong(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50));

	@Autowired
	Messenger messenger;

	@Autowired
	NotificationHistory history;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clinic clinic;

	/** The whole clinic's reader. */
	Actor admin;

	@BeforeEach
	void administrator() {
		admin = clinic.admin();
	}

	List<DeliveryRecord> list(DeliveryQuery query) {
		return history.list(query, admin);
	}

	DeliveryRecord get(long id) {
		return history.get(Ref.id(id), admin);
	}

	DeliveryStats stats(Instant from, Instant to) {
		return history.stats(from, to, admin);
	}

	static long newId() {
		return IDS.incrementAndGet();
	}

	DeliveryReceipt send(MessageKind kind, long patientId, Long appointmentId, String body) {
		return messenger.send(new Message(Channel.WHATSAPP, "+919800000001", "Your appointment", body, kind, patientId,
				appointmentId, false));
	}

	@Test
	void findsOneDeliveryWithEverythingItsHistoryKeeps() {
		long patient = newId();
		long appointment = newId();
		Instant before = Instant.now().minusSeconds(1);
		var receipt = send(MessageKind.APPOINTMENT_CONFIRMATION, patient, appointment, "Your appointment is confirmed");

		DeliveryRecord found = get(receipt.deliveryId());

		assertThat(found.id()).isEqualTo(receipt.deliveryId());
		assertThat(found.publicId()).isNotNull();
		assertThat(found.channel()).isEqualTo(Channel.WHATSAPP);
		assertThat(found.recipient()).isEqualTo("+919800000001");
		assertThat(found.subject()).isEqualTo("Your appointment");
		assertThat(found.body()).isEqualTo("Your appointment is confirmed");
		assertThat(found.kind()).isEqualTo(MessageKind.APPOINTMENT_CONFIRMATION);
		assertThat(found.status()).isEqualTo(DeliveryStatus.SENT);
		assertThat(found.provider()).isEqualTo("outbox");
		assertThat(found.failureReason()).isNull();
		assertThat(found.patientId()).isEqualTo(patient);
		assertThat(found.appointmentId()).isEqualTo(appointment);
		assertThat(found.createdAt()).isAfter(before);
		assertThat(found.sentAt()).isNotNull().isAfterOrEqualTo(found.createdAt());
		assertThat(history.get(Ref.of(found.publicId()), admin)).isEqualTo(found);
	}

	@Test
	void aOneTimeCodeIsInTheHistoryWithoutItsCode() {
		var receipt = messenger.send(Message.secret(Channel.SMS, "+919800000002", "Your code", "Your code is 123456"));

		DeliveryRecord found = get(receipt.deliveryId());

		assertThat(found.kind()).isEqualTo(MessageKind.OTP);
		assertThat(found.body()).doesNotContain("123456");
	}

	@Test
	void anUnknownDeliveryIsNotFound() {
		assertThatThrownBy(() -> get(Long.MAX_VALUE))
			.isInstanceOfSatisfying(Refusal.class, e -> {
				assertThat(e.kind()).isEqualTo(Refusal.Kind.NOT_FOUND);
				assertThat(e.code()).isEqualTo("NOT_FOUND");
			});
	}

	@Test
	void listsAPatientsDeliveriesNewestFirst() {
		long patient = newId();
		long first = send(MessageKind.APPOINTMENT_CONFIRMATION, patient, newId(), "one").deliveryId();
		long second = send(MessageKind.APPOINTMENT_REMINDER, patient, newId(), "two").deliveryId();
		long third = send(MessageKind.PAYMENT_LINK, patient, newId(), "three").deliveryId();
		send(MessageKind.PAYMENT_LINK, newId(), newId(), "someone else's");

		List<DeliveryRecord> listed = list(DeliveryQuery.newest().forPatient(patient));

		assertThat(listed).extracting(DeliveryRecord::id).containsExactly(third, second, first);
	}

	@Test
	void filtersByAppointmentKindStatusAndChannel() {
		long patient = newId();
		long appointment = newId();
		long confirmation = send(MessageKind.APPOINTMENT_CONFIRMATION, patient, appointment, "confirmed").deliveryId();
		long reminder = send(MessageKind.APPOINTMENT_REMINDER, patient, appointment, "reminder").deliveryId();
		long otherAppointment = send(MessageKind.APPOINTMENT_REMINDER, patient, newId(), "other").deliveryId();
		long failed = insert(patient, appointment, MessageKind.APPOINTMENT_REMINDER, DeliveryStatus.FAILED,
				Instant.now()).id();

		var mine = DeliveryQuery.newest().forPatient(patient);
		assertThat(list(mine.forAppointment(appointment))).extracting(DeliveryRecord::id)
			.containsExactlyInAnyOrder(confirmation, reminder, failed);
		assertThat(list(mine.ofKind(MessageKind.APPOINTMENT_REMINDER))).extracting(DeliveryRecord::id)
			.containsExactlyInAnyOrder(reminder, otherAppointment, failed);
		assertThat(list(mine.withStatus(DeliveryStatus.FAILED))).extracting(DeliveryRecord::id)
			.containsExactly(failed);
		assertThat(list(mine.withStatus(DeliveryStatus.SENT).ofKind(MessageKind.APPOINTMENT_REMINDER)
			.forAppointment(appointment))).extracting(DeliveryRecord::id).containsExactly(reminder);
		assertThat(list(mine.through(Channel.EMAIL))).isEmpty();
		assertThat(get(failed).failureReason()).isEqualTo("refused by the test");
	}

	@Test
	void filtersByPeriodWithAnInclusiveStartAndAnExclusiveEnd() {
		long patient = newId();
		Instant t = Instant.parse("2003-05-01T10:00:00Z").plus(newId() % 1000, ChronoUnit.DAYS);
		var early = insert(patient, null, MessageKind.GENERAL, DeliveryStatus.SENT, t);
		var middle = insert(patient, null, MessageKind.GENERAL, DeliveryStatus.SENT, t.plusSeconds(60));
		insert(patient, null, MessageKind.GENERAL, DeliveryStatus.SENT, t.plusSeconds(120));

		var mine = DeliveryQuery.newest().forPatient(patient);
		assertThat(list(mine.between(t, t.plusSeconds(120)))).extracting(DeliveryRecord::id)
			.containsExactly(middle.id(), early.id());
		assertThat(list(mine.between(t.plusSeconds(1), null))).hasSize(2);
		assertThat(list(mine.between(null, t))).isEmpty();
		assertThat(get(early.id()).createdAt()).isEqualTo(t);
	}

	@Test
	void limitsTheListToTheNewestAndCapsTheLimit() {
		long patient = newId();
		for (int i = 0; i < 3; i++) {
			send(MessageKind.GENERAL, patient, null, "message " + i);
		}

		var mine = DeliveryQuery.newest().forPatient(patient);
		assertThat(list(mine.limit(2))).extracting(DeliveryRecord::body).containsExactly("message 2", "message 1");
		assertThat(list(mine.limit(10_000))).hasSize(3);
		assertThat(list(mine)).hasSize(3);
		assertThatThrownBy(() -> list(mine.limit(0)))
			.isInstanceOfSatisfying(Refusal.class, e -> {
				assertThat(e.code()).isEqualTo("INVALID_INPUT");
				assertThat(e.fields()).containsKey("limit");
			});
	}

	@Test
	void noListIsLongerThanTheMaximumWhateverTheLimitAsked() {
		long patient = newId();
		Instant t = quietPeriod();
		for (int i = 0; i <= NotificationHistory.MAX_LIMIT; i++) {
			insert(patient, null, MessageKind.GENERAL, DeliveryStatus.SENT, t.plusSeconds(i));
		}

		assertThat(NotificationHistory.MAX_LIMIT).isEqualTo(100);
		assertThat(list(DeliveryQuery.newest().forPatient(patient).limit(100_000)))
			.hasSize(NotificationHistory.MAX_LIMIT);
	}

	@Test
	void anUnfilteredListIsCappedAtTheDefaultLimit() {
		for (int i = 0; i <= NotificationHistory.DEFAULT_LIMIT; i++) {
			send(MessageKind.GENERAL, newId(), null, "bulk " + i);
		}

		assertThat(list(DeliveryQuery.newest())).hasSize(NotificationHistory.DEFAULT_LIMIT);
	}

	@Test
	void statsCountSentAndFailedMessagesOfAPeriodByKind() {
		Instant start = quietPeriod();
		long patient = newId();
		for (int i = 0; i < 6; i++) {
			insert(patient, null, MessageKind.APPOINTMENT_CONFIRMATION, DeliveryStatus.SENT, start.plusSeconds(i));
		}
		for (int i = 0; i < 3; i++) {
			insert(patient, null, MessageKind.APPOINTMENT_REMINDER, DeliveryStatus.SENT, start.plusSeconds(10 + i));
		}
		insert(patient, null, MessageKind.PAYMENT_LINK, DeliveryStatus.SENT, start.plusSeconds(20));
		insert(patient, null, MessageKind.APPOINTMENT_REMINDER, DeliveryStatus.FAILED, start.plusSeconds(21));
		insert(patient, null, MessageKind.PAYMENT_LINK, DeliveryStatus.FAILED, start.plusSeconds(22));
		insert(patient, null, MessageKind.PAYMENT_LINK, DeliveryStatus.FAILED, start.plusSeconds(23));
		// outside the period: just before it, and at its (exclusive) end
		insert(patient, null, MessageKind.PAYMENT_LINK, DeliveryStatus.SENT, start.minusSeconds(1));
		insert(patient, null, MessageKind.PAYMENT_LINK, DeliveryStatus.SENT, start.plus(Duration.ofDays(1)));

		DeliveryStats stats = stats(start, start.plus(Duration.ofDays(1)));

		assertThat(stats.totalSent()).isEqualTo(10);
		assertThat(stats.totalFailed()).isEqualTo(3);
		assertThat(stats.successRate()).isEqualTo(76.9); // 10 of 13
		assertThat(stats.byKind()).isEqualTo(Map.of(MessageKind.APPOINTMENT_CONFIRMATION, 6L,
				MessageKind.APPOINTMENT_REMINDER, 3L, MessageKind.PAYMENT_LINK, 1L));
	}

	@Test
	void aPeriodWithoutMessagesHasASuccessRateOfZero() {
		Instant start = quietPeriod();

		DeliveryStats stats = stats(start, start.plus(Duration.ofDays(1)));

		assertThat(stats.totalSent()).isZero();
		assertThat(stats.totalFailed()).isZero();
		assertThat(stats.successRate()).isZero();
		assertThat(stats.byKind()).isEmpty();
	}

	@Test
	void statsOfAnOpenPeriodIncludeWhatWasJustSent() {
		Instant since = Instant.now().minusSeconds(1);
		DeliveryStats before = stats(since, null);
		send(MessageKind.PAYMENT_RECEIPT, newId(), newId(), "Payment received");

		DeliveryStats after = stats(since, null);

		assertThat(after.totalSent()).isGreaterThan(before.totalSent());
		assertThat(after.byKind().get(MessageKind.PAYMENT_RECEIPT))
			.isGreaterThan(before.byKind().getOrDefault(MessageKind.PAYMENT_RECEIPT, 0L));
	}

	@Test
	void theSuccessRateIsRoundedToOneDecimal() {
		assertThat(NotificationHistory.successRate(1500, 25)).isEqualTo(98.4);
		assertThat(NotificationHistory.successRate(2, 1)).isEqualTo(66.7);
		assertThat(NotificationHistory.successRate(1, 0)).isEqualTo(100.0);
		assertThat(NotificationHistory.successRate(0, 4)).isEqualTo(0.0);
	}

	/** A day long ago that no other test writes into. */
	private static Instant quietPeriod() {
		return Instant.parse("1990-01-01T00:00:00Z").plus(newId() % 3000, ChronoUnit.DAYS);
	}

	/** A delivery at a chosen time and with a chosen outcome, which the dev outbox cannot produce. */
	private DeliveryRecord insert(long patientId, Long appointmentId, MessageKind kind, DeliveryStatus status,
			Instant at) {
		UUID publicId = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO deliveries (public_id, channel, recipient, subject, body, kind, status, provider,
				  failure_reason, patient_id, appointment_id, created_at, sent_at)
				VALUES (:publicId, 'WHATSAPP', '+919800000003', NULL, 'inserted', :kind, :status, 'test', :reason,
				  :patientId, :appointmentId, :at, :sentAt)""")
			.param("publicId", publicId)
			.param("kind", kind.name())
			.param("status", status.name())
			.param("reason", status == DeliveryStatus.FAILED ? "refused by the test" : null)
			.param("patientId", patientId)
			.param("appointmentId", appointmentId)
			.param("at", at.atOffset(ZoneOffset.UTC))
			.param("sentAt", status == DeliveryStatus.SENT ? at.atOffset(ZoneOffset.UTC) : null)
			.update();
		long id = jdbc.sql("SELECT id FROM deliveries WHERE public_id = ?").param(publicId).query(Long.class).single();
		return get(id);
	}
}
