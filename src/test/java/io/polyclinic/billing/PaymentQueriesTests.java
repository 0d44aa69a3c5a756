package io.polyclinic.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.data.domain.PageRequest;

import io.polyclinic.platform.Ref;
import io.polyclinic.platform.Refusal;
import io.polyclinic.platform.Role;
import io.polyclinic.scheduling.PaymentStanding;

class PaymentQueriesTests extends BillingTest {

	@Test
	void aPatientsPaymentsComeNewestFirstAPageAtATimeWithTheirClinician_andTheTotalIsNetOfRefunds() {
		var patient = fixture.patient();
		var first = fixture.appointment(patient);
		var second = fixture.appointment(patient);
		var third = fixture.appointment(patient);
		paid(patient, first);
		Payment refundedInPart = paid(patient, second);
		checkout.order(Ref.id(third.id()), null, OFFLINE, patient.actor());
		refunds.refund(new RefundRequest(Ref.id(refundedInPart.id()), 50_000L, "part-" + refundedInPart.id(), null),
				fixture.admin());

		var page = queries.ofPatient(null, PageRequest.of(0, 2), patient.actor());
		var next = queries.ofPatient(Ref.of(patient.patient().publicId()), PageRequest.of(1, 2), patient.actor());
		var summary = queries.summary(null, 5, patient.actor());

		assertThat(page.getTotalElements()).isEqualTo(3);
		assertThat(page.getContent()).extracting(e -> e.payment().appointmentId()).containsExactly(third.id(), second.id());
		assertThat(page.getContent().get(0).clinicianId()).isEqualTo(third.clinicianId());
		assertThat(page.getContent().get(0).clinicianName()).startsWith("Dr. ");
		assertThat(page.getContent().get(0).appointmentStartsAt()).isEqualTo(third.startsAt());
		assertThat(next.getContent()).extracting(e -> e.payment().appointmentId()).containsExactly(first.id());
		assertThat(summary.recent()).hasSize(3);
		assertThat(summary.netPaidMinor()).isEqualTo(150_000 + 100_000);
		assertThat(summary.currency()).isEqualTo("INR");
		assertThat(queries.netPaidFor(Ref.id(second.id()), patient.actor())).isEqualTo(100_000);
		assertThat(queries.summary(Ref.id(fixture.patient().id()), 5, fixture.actor(Role.MANAGER)).netPaidMinor())
			.isZero();
	}

	@Test
	void aListFiltersByStandingAndSortsInSql() {
		var patient = fixture.patient();
		Payment paid = paid(patient, fixture.appointment(patient));
		Payment partly = paid(patient, fixture.appointment(patient));
		Payment whole = paid(patient, fixture.appointment(patient));
		refunds.refund(new RefundRequest(Ref.id(partly.id()), 1_000L, "l-part-" + partly.id(), null), fixture.admin());
		refunds.refund(new RefundRequest(Ref.id(whole.id()), null, "l-whole-" + whole.id(), null), fixture.admin());
		var cancelled = checkout.order(Ref.id(fixture.appointment(patient).id()), null, OFFLINE, patient.actor());
		checkout.cancel(Ref.id(cancelled.paymentId()), null, patient.actor());
		var pending = checkout.order(Ref.id(fixture.appointment(patient).id()), null, OFFLINE, patient.actor());
		var processing = checkout.order(Ref.id(fixture.appointment(patient).id()), null, OFFLINE, patient.actor());
		jdbc.sql("UPDATE payments SET provider_status = 'processing' WHERE id = ?").param(processing.paymentId()).update();

		assertThat(ids(PaymentStanding.PAID, null)).containsExactly(paid.id());
		assertThat(ids(PaymentStanding.PARTIALLY_REFUNDED, null)).containsExactly(partly.id());
		assertThat(ids(PaymentStanding.REFUNDED, null)).containsExactly(whole.id());
		assertThat(ids(PaymentStanding.FAILED, null)).containsExactly(cancelled.paymentId());
		assertThat(ids(PaymentStanding.PENDING, false)).containsExactly(pending.paymentId());
		assertThat(ids(PaymentStanding.PENDING, true)).containsExactly(processing.paymentId());
		assertThat(ids(PaymentStanding.PENDING, null)).containsExactlyInAnyOrder(pending.paymentId(),
				processing.paymentId());

		var byPaidAt = queries.list(new PaymentListing(Ref.id(patient.id()), null, null, PaymentListing.Order.PAID_AT,
				true), PageRequest.of(0, 3), fixture.admin());
		assertThat(byPaidAt.getTotalElements()).isEqualTo(6);
		assertThat(byPaidAt.getContent()).extracting(e -> e.payment().id()).containsExactly(paid.id(), partly.id(),
				whole.id());
		var oldestFirst = queries.list(new PaymentListing(Ref.id(patient.id()), null, null,
				PaymentListing.Order.CREATED_AT, true), PageRequest.of(0, 1), patient.actor());
		assertThat(oldestFirst.getContent()).extracting(e -> e.payment().id()).containsExactly(paid.id());
		assertThat(queries.list(PaymentListing.newestFirst(null), PageRequest.of(0, 1), patient.actor()).getContent())
			.extracting(e -> e.payment().id()).containsExactly(processing.paymentId());
	}

	private List<Long> ids(PaymentStanding standing, Boolean processing) {
		long patient = jdbc.sql("SELECT patient_id FROM payments ORDER BY id DESC LIMIT 1").query(Long.class).single();
		return queries.list(new PaymentListing(Ref.id(patient), standing, processing, PaymentListing.Order.CREATED_AT,
				false), PageRequest.of(0, 20), fixture.admin()).getContent().stream().map(e -> e.payment().id()).toList();
	}

	@Test
	void theStandingOfAnAppointmentIsItsSettledOrNewestPayment_refundsCounted() {
		var patient = fixture.patient();
		var other = fixture.patient();
		var paid = fixture.appointment(patient);
		var doctor = fixture.clinician(null);
		var refunded = fixture.appointment(patient, doctor, null);
		var partly = fixture.appointment(patient);
		var ordered = fixture.appointment(patient);
		var unpaid = fixture.appointment(patient);
		var othersAppointment = fixture.appointment(other);
		paid(patient, paid);
		Payment whole = paid(patient, refunded);
		Payment part = paid(patient, partly);
		checkout.order(Ref.id(ordered.id()), null, OFFLINE, patient.actor());
		paid(other, othersAppointment);
		refunds.refund(new RefundRequest(Ref.id(whole.id()), null, "all-" + whole.id(), null), fixture.admin());
		refunds.refund(new RefundRequest(Ref.id(part.id()), 1_000L, "some-" + part.id(), null), fixture.admin());
		var all = List.of(paid, refunded, partly, ordered, unpaid, othersAppointment);

		var staffView = queries.standingsOf(all, fixture.actor(Role.FRONT_DESK));
		var patientView = queries.standingsOf(all, patient.actor());

		assertThat(staffView).containsOnlyKeys(paid.id(), refunded.id(), partly.id(), ordered.id(),
				othersAppointment.id());
		assertThat(staffView.get(paid.id())).isEqualTo(PaymentStanding.PAID);
		assertThat(staffView.get(refunded.id())).isEqualTo(PaymentStanding.REFUNDED);
		assertThat(staffView.get(partly.id())).isEqualTo(PaymentStanding.PARTIALLY_REFUNDED);
		assertThat(staffView.get(ordered.id())).isEqualTo(PaymentStanding.PENDING);
		assertThat(patientView).containsOnlyKeys(paid.id(), refunded.id(), partly.id(), ordered.id());
		assertThat(queries.standingOf(Ref.id(unpaid.id()), patient.actor())).isEqualTo(PaymentStanding.PENDING);
		assertThat(queries.standingOf(Ref.of(refunded.publicId()), fixture.actorOf(doctor)))
			.isEqualTo(PaymentStanding.REFUNDED);
	}

	@Test
	void theLatestPaymentOfAnAppointmentIsItsPaymentDetails() {
		var patient = fixture.patient();
		var appointment = fixture.appointment(patient);
		Payment paid = paid(patient, appointment);

		var details = queries.latestOf(Ref.id(appointment.id()), fixture.actor(Role.CARE_COORDINATOR)).orElseThrow();

		assertThat(details).isEqualTo(paid);
		assertThat(details.method()).isEqualTo("UPI");
		assertThat(queries.latestOf(Ref.id(fixture.appointment(patient).id()), patient.actor())).isEmpty();
	}

	@Test
	void aPatientReadsOnlyTheirOwnPayments_andCentreStaffOnlyThoseOfTheirCentre() {
		var patient = fixture.patient();
		var stranger = fixture.patient();
		var centre = fixture.clinic().centre("Pune");
		var elsewhere = fixture.clinic().centre("Nagpur");
		var doctor = fixture.clinician(centre.id());
		var atCentre = fixture.appointment(patient, doctor, centre.id());
		var online = fixture.appointment(patient);
		paid(patient, atCentre);
		paid(patient, online);

		assertThatThrownBy(() -> queries.latestOf(Ref.id(atCentre.id()), stranger.actor()))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.code()).isEqualTo("FORBIDDEN"));
		assertThatThrownBy(() -> queries.ofPatient(Ref.id(patient.id()), PageRequest.of(0, 10), stranger.actor()))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.code()).isEqualTo("FORBIDDEN"));
		assertThatThrownBy(() -> queries.ofPatient(Ref.id(patient.id()), PageRequest.of(0, 10),
				fixture.actorOf(doctor)))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.code()).isEqualTo("FORBIDDEN"));
		assertThatThrownBy(() -> queries.summary(Ref.id(patient.id()), 5, fixture.actor(Role.GUEST)))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.code()).isEqualTo("FORBIDDEN"));
		assertThat(queries.ofPatient(null, PageRequest.of(0, 10), stranger.actor())).isEmpty();
		var manager = fixture.staffAt(Role.CENTRE_MANAGER, centre.id());
		assertThat(queries.ofPatient(Ref.id(patient.id()), PageRequest.of(0, 10), manager).getContent())
			.extracting(e -> e.payment().appointmentId()).containsExactly(atCentre.id());
		assertThat(queries.ofPatient(Ref.id(patient.id()), PageRequest.of(0, 10),
				fixture.staffAt(Role.FRONT_DESK, elsewhere.id()))).isEmpty();
		assertThat(queries.summary(Ref.id(patient.id()), 5, manager).netPaidMinor()).isEqualTo(150_000);
	}
}
