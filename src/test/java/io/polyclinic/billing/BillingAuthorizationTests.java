package io.polyclinic.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.data.domain.PageRequest;

import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Ref;
import io.polyclinic.platform.Refusal;
import io.polyclinic.platform.Role;
import io.polyclinic.scheduling.Appointment;
import io.polyclinic.scheduling.AppointmentRequest;
import io.polyclinic.scheduling.PaymentStanding;
import io.polyclinic.scheduling.SessionType;

/**
 * Who may do what with money, asked of the billing module itself (no face, no HTTP): patient A, patient B, the
 * clinician who cares for A, one who does not, administrators and managers, a centre manager of A's centre and of
 * another, front desk and care coordinator of A's centre, and roles with no reach. Every refusal is FORBIDDEN and
 * audited; every permission is used.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BillingAuthorizationTests extends BillingTest {

	private static final Set<String> PAYERS = Set.of("patient A", "admin", "manager", "centre manager of A's centre",
			"front desk", "care coordinator");
	private static final Set<String> STAFF = Set.of("admin", "manager", "centre manager of A's centre", "front desk",
			"care coordinator");
	private static final Set<String> VIEWERS = Set.of("patient A", "clinician of A", "admin", "manager",
			"centre manager of A's centre", "front desk", "care coordinator");
	private static final Set<String> CLINIC_STAFF = Set.of("admin", "manager", "centre manager of A's centre",
			"centre manager of another centre", "front desk", "care coordinator");

	private final Map<String, Actor> callers = new LinkedHashMap<>();
	private BillingFixture.Patient patientA;
	private Appointment paidOfA;
	private Appointment toOrder;
	private Appointment toVerify;
	private Appointment toLink;
	private io.polyclinic.directory.Clinician clinicianOfA;
	private Payment paymentOfA;
	private long centreX;

	@BeforeAll
	void aClinicWithTwoCentres() {
		var world = new BillingFixture(clinic, book, staff);
		centreX = world.clinic().centre("Kochi").id();
		long centreY = world.clinic().centre("Madurai").id();
		var clinicianA = world.clinician(centreX);
		clinicianOfA = clinicianA;
		var clinicianB = world.clinician(centreY);
		patientA = world.patient();
		var patientB = world.patient();
		paidOfA = world.appointment(patientA, clinicianA, centreX);
		toOrder = world.appointment(patientA, clinicianA, centreX);
		toVerify = world.appointment(patientA, clinicianA, centreX);
		toLink = world.appointment(patientA, clinicianA, centreX);
		world.appointment(patientB, clinicianB, centreY);
		fixture = world;
		paymentOfA = paid(patientA, paidOfA);
		callers.put("patient A", patientA.actor());
		callers.put("patient B", patientB.actor());
		callers.put("clinician of A", world.actorOf(clinicianA));
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
	void orderingAndVerifying_thePatientAndStaffWhoReachTheAppointment() {
		expect("order", PAYERS, actor -> checkout.order(Ref.id(toOrder.id()), null, OFFLINE, actor));
		PaymentOrder order = checkout.order(Ref.id(toVerify.id()), null, OFFLINE, fixture.admin());
		String paymentId = newPaymentId();
		var verification = new CheckoutVerification(order.orderId(), paymentId,
				checkoutSignature(order.orderId(), paymentId));
		expect("verify", PAYERS, actor -> checkout.verify(OFFLINE, verification, actor));
		expect("abandon a checkout", PAYERS, actor -> {
			Appointment open = fixture.appointment(patientA, clinicianOfA, centreX);
			PaymentOrder unpaid = checkout.order(Ref.id(open.id()), null, OFFLINE, fixture.admin());
			checkout.abandon(Ref.id(open.id()), OFFLINE, unpaid.orderId(), "closed the checkout", actor);
		});
		expect("confirm a payment", PAYERS, actor -> {
			Appointment open = fixture.appointment(patientA, clinicianOfA, centreX);
			PaymentOrder unpaid = checkout.order(new CheckoutRequest(Ref.id(open.id()), null, null, OFFLINE, "card",
					Map.of()), fixture.admin());
			assertThat(checkout.confirm(Ref.of(unpaid.paymentPublicId()), new PaymentConfirmation(null, null), actor)
				.payment().paid()).isTrue();
		});
		expect("cancel a payment", PAYERS, actor -> {
			Appointment open = fixture.appointment(patientA, clinicianOfA, centreX);
			PaymentOrder unpaid = checkout.order(Ref.id(open.id()), null, OFFLINE, fixture.admin());
			assertThat(checkout.cancel(Ref.id(unpaid.paymentId()), null, actor).providerStatus())
				.isEqualTo(Payment.CANCELED);
		});
	}

	@Test
	void readingPayments_thePatientAndStaffWhoReachIt_theStandingItsClinicianToo() {
		expect("payment details", PAYERS, actor -> assertThat(queries.latestOf(Ref.id(paidOfA.id()), actor)
			.map(Payment::id)).contains(paymentOfA.id()));
		expect("one payment", PAYERS, actor -> assertThat(queries.get(Ref.of(paymentOfA.publicId()), actor).id())
			.isEqualTo(paymentOfA.id()));
		expect("refunds of a payment", PAYERS, actor -> refunds.of(Ref.id(paymentOfA.id()), actor));
		expect("net paid for an appointment", PAYERS,
				actor -> assertThat(queries.netPaidFor(Ref.id(paidOfA.id()), actor)).isPositive());
		expect("payment standing", VIEWERS,
				actor -> assertThat(queries.standingOf(Ref.id(paidOfA.id()), actor)).isIn(PaymentStanding.PAID,
						PaymentStanding.PARTIALLY_REFUNDED));
		expect("standings of a list", Set.copyOf(callers.keySet()), actor -> {
			var visible = queries.standingsOf(java.util.List.of(paidOfA), actor);
			assertThat(visible.containsKey(paidOfA.id())).as("standing shown").isEqualTo(VIEWERS.contains(name(actor)));
		});
	}

	@Test
	void listingAPatientsPayments_thePatientAndStaff_scopedToTheirCentre() {
		Set<String> listers = Set.of("patient A", "admin", "manager", "centre manager of A's centre",
				"centre manager of another centre", "front desk", "care coordinator");
		expect("a patient's payments", listers, actor -> {
			var found = queries.ofPatient(Ref.id(patientA.id()), PageRequest.of(0, 50), actor).getContent();
			boolean reaches = PAYERS.contains(name(actor));
			assertThat(found.stream().anyMatch(e -> e.payment().id() == paymentOfA.id())).as("A's payment listed")
				.isEqualTo(reaches);
		});
		expect("a patient's payments, filtered and sorted", listers, actor -> {
			var found = queries.list(new PaymentListing(Ref.id(patientA.id()), null, false,
					PaymentListing.Order.AMOUNT, true), PageRequest.of(0, 50), actor).getContent();
			assertThat(found.stream().anyMatch(e -> e.payment().id() == paymentOfA.id())).as("A's payment listed")
				.isEqualTo(PAYERS.contains(name(actor)));
		});
		expect("the caller's own payments", Set.of("patient A", "patient B", "admin", "manager",
				"centre manager of A's centre", "centre manager of another centre", "front desk", "care coordinator"),
				actor -> queries.list(PaymentListing.newestFirst(null), PageRequest.of(0, 5), actor));
		expect("a patient's summary", listers, actor -> assertThat(
				queries.summary(Ref.id(patientA.id()), 5, actor).netPaidMinor() > 0).isEqualTo(PAYERS.contains(name(actor))));
		expect("payments needing attention", CLINIC_STAFF,
				actor -> queries.needingAttention(PageRequest.of(0, 10), actor));
	}

	@Test
	void linksAndRefunds_staffWhoReachTheAppointment() {
		expect("send a link", STAFF, actor -> links.send(LinkRequest.of(Ref.id(toLink.id())), OFFLINE, actor));
		String linkId = links.send(LinkRequest.of(Ref.id(toLink.id())), OFFLINE, fixture.admin()).link().linkId();
		expect("refresh a link", PAYERS, actor -> links.refresh(OFFLINE, linkId, actor));
		expect("refund", STAFF, actor -> refunds.refund(new RefundRequest(Ref.id(paymentOfA.id()), 100L,
				"matrix-" + name(actor).replace(' ', '-').replace('\'', '-'), null), actor));
		expect("book and send a link", STAFF, actor -> charges().bookAndCharge(new AppointmentRequest(
				new AppointmentRequest.KnownPatient(Ref.id(patientA.id())), Ref.id(toLink.clinicianId()), centreX,
				new AppointmentRequest.GridSlot(nextFreeDay(), java.time.LocalTime.of(16, 0)), SessionType.ONLINE, null,
				null), Charge.link(OFFLINE), actor));
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

	private int days = 0;

	/** A weekday of its own for each booking, so that the staff who may book never meet a taken slot. */
	private java.time.LocalDate nextFreeDay() {
		var day = io.polyclinic.support.Clinic.nextWeekday(java.time.ZoneId.of("Asia/Kolkata"), java.time.DayOfWeek.MONDAY)
			.plusWeeks(30);
		int n = days++;
		return day.plusWeeks(n / 5).plusDays(n % 5);
	}

	private AppointmentCharges charges() {
		return context.getBean(AppointmentCharges.class);
	}
}
