package io.polyclinic.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Ref;
import io.polyclinic.platform.Refusal;
import io.polyclinic.platform.Role;
import io.polyclinic.scheduling.Appointment;

/**
 * Who may read transactions and refunds, pay clinicians and read earnings, asked of the billing module itself (no
 * face): patient A and B, the clinician of A's appointment and another, administrators and managers, a centre manager
 * of A's centre and of another, front desk and care coordinator of A's centre, a pharmacist and a guest. Every refusal
 * is FORBIDDEN and audited. And the webhook endpoint for every provider, which has no caller: its signature decides.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LedgerAuthorizationTests extends BillingTest {

	private static final Set<String> VIEWERS = Set.of("patient A", "clinician of A", "admin", "manager",
			"centre manager of A's centre", "front desk", "care coordinator");
	private static final Set<String> LISTERS = Set.of("patient A", "patient B", "clinician of A", "another clinician",
			"admin", "manager", "centre manager of A's centre", "centre manager of another centre", "front desk",
			"care coordinator");
	private static final Set<String> STAFF = Set.of("admin", "manager", "centre manager of A's centre", "front desk",
			"care coordinator");
	private static final Set<String> ALL_STAFF = Set.of("admin", "manager", "centre manager of A's centre",
			"centre manager of another centre", "front desk", "care coordinator");
	private static final Set<String> TREASURERS = Set.of("admin", "manager");

	@Autowired
	Transactions transactions;
	@Autowired
	RefundQueries refundQueries;
	@Autowired
	Payouts payouts;
	@Autowired
	Earnings earnings;

	private final Map<String, Actor> callers = new LinkedHashMap<>();
	private io.polyclinic.directory.Clinician clinicianOfA;
	private Payment paymentOfA;
	private Refund refundOfA;

	@BeforeAll
	void aClinicWithTwoCentres() {
		var world = new BillingFixture(clinic, book, staff);
		long centreX = world.clinic().centre("Kochi").id();
		long centreY = world.clinic().centre("Madurai").id();
		clinicianOfA = world.clinician(centreX);
		var clinicianB = world.clinician(centreY);
		var patientA = world.patient();
		var patientB = world.patient();
		Appointment ofA = world.appointment(patientA, clinicianOfA, centreX);
		Appointment ofB = world.appointment(patientB, clinicianB, centreY);
		fixture = world;
		paymentOfA = paid(patientA, ofA);
		paid(patientB, ofB);
		refundOfA = refunds.refund(new RefundRequest(Ref.id(paymentOfA.id()), 100L, "ledger-matrix", "goodwill"),
				world.admin());
		callers.put("patient A", patientA.actor());
		callers.put("patient B", patientB.actor());
		callers.put("clinician of A", world.actorOf(clinicianOfA));
		callers.put("another clinician", world.actorOf(clinicianB));
		callers.put("admin", world.actor(Role.ADMIN));
		callers.put("manager", world.actor(Role.MANAGER));
		callers.put("centre manager of A's centre", world.staffAt(Role.CENTRE_MANAGER, centreX));
		callers.put("centre manager of another centre", world.staffAt(Role.CENTRE_MANAGER, centreY));
		callers.put("front desk", world.staffAt(Role.FRONT_DESK, centreX));
		callers.put("care coordinator", world.staffAt(Role.CARE_COORDINATOR, centreX));
		callers.put("pharmacist", world.actor(Role.PHARMACIST));
		callers.put("guest", world.actor(Role.GUEST));
	}

	@Test
	void transactions_whoeverSeesTheAppointment_listsScopedToWhatTheyReach() {
		expect("a transaction", VIEWERS, actor -> {
			PaymentLine line = transactions.get(paymentOfA.id(), actor);
			assertThat(line.clinicianId()).isEqualTo(clinicianOfA.id());
			assertThat(line.payment().refundedMinor()).isEqualTo(100);
		});
		expect("the transaction list", LISTERS, actor -> {
			var found = transactions.list(TransactionListing.newestFirst(), PageRequest.of(0, 100), actor);
			assertThat(found.getContent().stream().anyMatch(l -> l.payment().id() == paymentOfA.id()))
				.as("A's payment listed").isEqualTo(VIEWERS.contains(name(actor)));
			assertThat(found.getContent()).allSatisfy(l -> {
				if (actor.is(Role.PATIENT)) {
					assertThat(l.patientUserId()).isEqualTo(actor.userId());
				}
			});
		});
	}

	@Test
	void refunds_staffWhoReachThePayment() {
		expect("the refund list", ALL_STAFF, actor -> {
			var found = refundQueries.list(RefundListing.newestFirst(), PageRequest.of(0, 100), actor);
			assertThat(found.getContent().stream().anyMatch(l -> l.refund().id() == refundOfA.id()))
				.as("A's refund listed").isEqualTo(STAFF.contains(name(actor)));
		});
		expect("a refund", STAFF, actor -> assertThat(refundQueries.get(refundOfA.id(), actor).payment().payment().id())
			.isEqualTo(paymentOfA.id()));
		expect("a refund's reason", STAFF, actor -> assertThat(refunds.describe(refundOfA.id(), "by " + name(actor), actor)
			.reason()).isEqualTo("by " + name(actor)));
	}

	@Test
	void payouts_administratorsAndManagersOnly() {
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Kolkata"));
		PayoutRequest request = new PayoutRequest(clinicianOfA.id(), today.withDayOfMonth(1), today, null);
		expect("generate a payout", TREASURERS, actor -> assertThat(payouts.generate(request, actor).payout()
			.clinicianId()).isEqualTo(clinicianOfA.id()));
		long id = payouts.generate(request, fixture.admin()).payout().id();
		expect("the payout list", TREASURERS, actor -> payouts.list(PayoutListing.newestFirst(), PageRequest.of(0, 5),
				actor));
		expect("a payout", TREASURERS, actor -> payouts.get(id, actor));
		expect("record a payout", TREASURERS, actor -> payouts.record(id, new PayoutChange(PayoutStatus.PROCESSING,
				"TRF-" + name(actor).replace(' ', '-')), actor));
	}

	@Test
	void earnings_theClinicianTheirOwn_treasurersAnyones() {
		expect("my earnings", Set.of("clinician of A", "another clinician", "admin", "manager"), actor -> {
			if (actor.is(Role.ADMIN, Role.MANAGER)) {
				// may read anyone's, so must name whose
				assertThatThrownBy(() -> earnings.of(null, actor)).isInstanceOfSatisfying(Refusal.class,
						e -> assertThat(e.fields()).containsKey("clinicianId"));
			}
			else {
				earnings.of(null, actor);
			}
		});
		expect("A's clinician's earnings", Set.of("clinician of A", "admin", "manager"), actor -> assertThat(
				earnings.of(clinicianOfA.id(), actor).paidMinor()).isGreaterThanOrEqualTo(paymentOfA.amountMinor()));
	}

	@Test
	void theWebhookForEveryProvider_isTheirsWhoseSignatureHolds() {
		String body = paymentEvent("payment.captured", newPaymentId(), "order_unknown000000", "captured", "upi", null);
		byte[] raw = body.getBytes(StandardCharsets.UTF_8);
		assertThat(webhooks.receive(raw, Map.of("x-razorpay-signature", webhookSignature(body))))
			.isEqualTo(WebhookResult.IGNORED);
		for (Map<String, String> forged : java.util.List.of(Map.<String, String>of(),
				Map.of("X-Razorpay-Signature", webhookSignature(body + " ")),
				Map.of("Stripe-Signature", "t=1,v1=" + webhookSignature(body)))) {
			long denials = denials();
			assertThatThrownBy(() -> webhooks.receive(raw, forged)).isInstanceOfSatisfying(Refusal.class, e -> {
				assertThat(e.kind()).isEqualTo(Refusal.Kind.INVALID);
				assertThat(e.code()).isEqualTo("SIGNATURE_INVALID");
			});
			assertThat(denials()).as("a forged webhook is audited").isGreaterThan(denials);
		}
	}

	/** Calls as every caller: those named succeed, every other one is refused FORBIDDEN, and the refusal audited. */
	private void expect(String what, Set<String> allowed, Consumer<Actor> call) {
		callers.forEach((name, actor) -> {
			if (allowed.contains(name)) {
				assertThatCode(() -> call.accept(actor)).as(what + " as " + name).doesNotThrowAnyException();
			}
			else {
				long denials = denials();
				assertThatThrownBy(() -> call.accept(actor)).as(what + " as " + name)
					.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.kind()).isEqualTo(Refusal.Kind.FORBIDDEN));
				assertThat(denials()).as(what + " as " + name + " audited").isGreaterThan(denials);
			}
		});
	}

	private String name(Actor actor) {
		return callers.entrySet().stream().filter(e -> e.getValue().equals(actor)).findFirst().orElseThrow().getKey();
	}

	private long denials() {
		return jdbc.sql("SELECT COUNT(*) FROM audit_entries WHERE outcome = 'DENIED'").query(Long.class).single();
	}
}
