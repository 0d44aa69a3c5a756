package io.polyclinic.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.data.domain.PageRequest;

import io.polyclinic.platform.Role;
import io.polyclinic.platform.Refusal;

class PaymentQueriesTests extends BillingTest {

	private Payment pay(BillingFixture.Patient patient, long appointment, long amount) {
		PaymentOrder order = payments.createOrder(patient.actor(), new NewOrder(appointment, patient.id(), amount, null));
		String paymentId = newPaymentId();
		return payments.verifyCheckout(patient.actor(), patient.id(),
				new CheckoutVerification(order.orderId(), paymentId, checkoutSignature(order.orderId(), paymentId)));
	}

	@Test
	void aPatientsPaymentsComeNewestFirstAPageAtATime_andTheTotalCountsOnlyPaidOnes() {
		var patient = fixture.patient();
		long first = fixture.appointment(patient);
		long second = fixture.appointment(patient);
		long third = fixture.appointment(patient);
		pay(patient, first, 150_000);
		pay(patient, second, 120_000);
		payments.createOrder(patient.actor(), new NewOrder(third, patient.id(), 99_900, null));

		var page = payments.ofPatient(patient.actor(), patient.id(), PageRequest.of(0, 2));
		var next = payments.ofPatient(patient.actor(), patient.id(), PageRequest.of(1, 2));

		assertThat(page.getTotalElements()).isEqualTo(3);
		assertThat(page.getContent()).extracting(Payment::appointmentId).containsExactly(third, second);
		assertThat(next.getContent()).extracting(Payment::appointmentId).containsExactly(first);
		assertThat(payments.totalPaid(patient.actor(), patient.id())).isEqualTo(270_000);
		assertThat(payments.totalPaid(fixture.actor(Role.MANAGER), fixture.patient().id())).isZero();
		assertThat(jdbc.sql("""
				SELECT COUNT(*) FROM audit_entries WHERE action = 'READ' AND resource_type = 'PAYMENT' AND patient_id = ?""")
			.param(patient.id()).query(Long.class).single()).isEqualTo(3);
	}

	@Test
	void theLatestPaymentOfEachAppointmentComesInOneMap() {
		var patient = fixture.patient();
		var other = fixture.patient();
		long paid = fixture.appointment(patient);
		long reordered = fixture.appointment(patient);
		long unpaid = fixture.appointment(patient);
		long othersAppointment = fixture.appointment(other);
		pay(patient, paid, 150_000);
		payments.createOrder(patient.actor(), new NewOrder(reordered, patient.id(), 100_000, null));
		PaymentOrder newer = payments.createOrder(patient.actor(), new NewOrder(reordered, patient.id(), 90_000, null));
		pay(other, othersAppointment, 150_000);
		List<Long> all = List.of(paid, reordered, unpaid, othersAppointment);

		Map<Long, Payment> staffView = payments.latestForAppointments(fixture.actor(Role.FRONT_DESK), null, all);
		Map<Long, Payment> patientView = payments.latestForAppointments(patient.actor(), patient.id(), all);

		assertThat(staffView).containsOnlyKeys(paid, reordered, othersAppointment);
		assertThat(staffView.get(paid).status()).isEqualTo(PaymentStatus.PAID);
		assertThat(staffView.get(reordered).orderId()).isEqualTo(newer.orderId());
		assertThat(staffView.get(reordered).amountMinor()).isEqualTo(90_000);
		assertThat(patientView).containsOnlyKeys(paid, reordered);
		assertThat(payments.latestForAppointments(patient.actor(), patient.id(), List.of())).isEmpty();
	}

	@Test
	void theLatestPaymentOfAnAppointmentIsItsPaymentDetails() {
		var patient = fixture.patient();
		long appointment = fixture.appointment(patient);
		Payment paid = pay(patient, appointment, 150_000);

		var details = payments.latestForAppointment(fixture.actor(Role.CLINICIAN), null, appointment).orElseThrow();

		assertThat(details).isEqualTo(paid);
		assertThat(details.method()).isEqualTo("UPI");
		assertThat(payments.latestForAppointment(patient.actor(), patient.id(), fixture.appointment(patient))).isEmpty();
	}

	@Test
	void aPatientReadsOnlyTheirOwnPayments() {
		var patient = fixture.patient();
		var stranger = fixture.patient();
		long appointment = fixture.appointment(patient);
		pay(patient, appointment, 150_000);

		assertThatThrownBy(() -> payments.latestForAppointment(stranger.actor(), stranger.id(), appointment))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.code()).isEqualTo("FORBIDDEN"));
		assertThatThrownBy(() -> payments.latestForAppointment(stranger.actor(), null, appointment))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.code()).isEqualTo("FORBIDDEN"));
		assertThatThrownBy(() -> payments.ofPatient(fixture.actor(Role.CLINICIAN), patient.id(), PageRequest.of(0, 10)))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.code()).isEqualTo("FORBIDDEN"));
		assertThatThrownBy(() -> payments.totalPaid(fixture.actor(Role.GUEST), patient.id()))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.code()).isEqualTo("FORBIDDEN"));
		assertThatThrownBy(() -> payments.latestForAppointments(fixture.actor(Role.PHARMACIST), null, List.of(appointment)))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.code()).isEqualTo("FORBIDDEN"));
	}
}
