package io.polyclinic.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.PageRequest;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import io.polyclinic.billing.internal.BillingProperties;
import io.polyclinic.billing.internal.OfflineGateway;
import io.polyclinic.billing.internal.Signatures;
import io.polyclinic.directory.StaffRegistry;
import io.polyclinic.platform.Ref;
import io.polyclinic.platform.Refusal;
import io.polyclinic.scheduling.Appointment;
import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.scheduling.AppointmentStatus;
import io.polyclinic.scheduling.PaymentStanding;
import io.polyclinic.support.Clinic;
import io.polyclinic.support.ClinicConfiguration;
import io.polyclinic.support.TestDatabase;

/**
 * Billing on its own (with the modules it depends on, no face): what it publishes and what its listener does, with
 * Spring Modulith's {@link Scenario}. Besides the offline provider, a "flaky" one whose refunds a test can make
 * processed at once, pending until a webhook, or refused.
 */
// the module structure as a whole is ModularityTests' to verify; this bootstraps billing and what it depends on
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES, verifyAutomatically = false)
@Import({ ClinicConfiguration.class, BillingEventsTests.Providers.class })
@TestPropertySource(properties = { "polyclinic.rate-limit.enabled=false", "polyclinic.demo=true",
		"polyclinic.demo-clinic=false" })
class BillingEventsTests {

	static final String OFFLINE = PaymentProviders.OFFLINE;
	static final String FLAKY = "flaky";
	private static final Duration WAIT = Duration.ofSeconds(20);

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry);
	}

	/** Codes and links go nowhere: notify is not part of billing's module test. */
	@MockitoBean
	io.polyclinic.identity.OtpDelivery codes;
	@MockitoBean
	PaymentLinkDelivery links;

	/** A provider that speaks the offline protocol and answers refunds as the test says. */
	static class FlakyGateway extends OfflineGateway {

		enum Refunding {
			PROCESS, PEND, REFUSE
		}

		final AtomicReference<Refunding> refunding = new AtomicReference<>(Refunding.PROCESS);
		final AtomicReference<@Nullable String> lastKey = new AtomicReference<>();

		FlakyGateway(BillingProperties.Offline secrets) {
			super(secrets, "http://localhost:8080");
		}

		@Override
		public String name() {
			return FLAKY;
		}

		@Override
		public ProviderRefund refund(RefundRequest request) {
			lastKey.set(request.idempotencyKey());
			return switch (refunding.get()) {
				case PROCESS -> new ProviderRefund(newId("rfnd"), ProviderRefund.Outcome.PROCESSED);
				case PEND -> new ProviderRefund(newId("rfnd"), ProviderRefund.Outcome.PENDING);
				case REFUSE -> throw Refusal.unavailable("PAYMENT_PROVIDER_FAILED",
						"The payment provider refused the request: The payment has been fully refunded already");
			};
		}
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Providers {

		@Bean
		FlakyGateway flakyGateway(BillingProperties billing) {
			return new FlakyGateway(billing.offline());
		}
	}

	@Autowired
	Checkout checkout;
	@Autowired
	Refunds refunds;
	@Autowired
	Webhooks webhooks;
	@Autowired
	PaymentQueries queries;
	@Autowired
	AppointmentBook book;
	@Autowired
	Clinic clinic;
	@Autowired
	StaffRegistry staff;
	@Autowired
	BillingProperties billing;
	@Autowired
	FlakyGateway flaky;

	BillingFixture fixture;

	@BeforeEach
	void setUp() {
		fixture = new BillingFixture(clinic, book, staff);
		flaky.refunding.set(FlakyGateway.Refunding.PROCESS);
	}

	@Test
	void aVerifiedCheckoutPublishesPaymentSucceeded_andConfirmsTheAppointment(Scenario scenario) {
		var patient = fixture.patient();
		Appointment appointment = fixture.appointment(patient);
		PaymentOrder order = checkout.order(Ref.id(appointment.id()), null, OFFLINE, patient.actor());

		scenario.stimulate(() -> verify(OFFLINE, order, patient.actor()))
			.andWaitAtMost(WAIT)
			.andWaitForEventOfType(PaymentSucceeded.class)
			.matching(e -> e.paymentId() == order.paymentId())
			.toArriveAndVerify(e -> {
				assertThat(e.appointmentId()).isEqualTo(appointment.id());
				assertThat(e.patientId()).isEqualTo(patient.id());
				assertThat(e.amountMinor()).isEqualTo(150_000);
				assertThat(e.currency()).isEqualTo("INR");
				assertThat(e.clinicianId()).isEqualTo(appointment.clinicianId());
			});
		scenario.stimulate(() -> verify(OFFLINE, order, patient.actor()).id())
			.andWaitAtMost(WAIT)
			.andWaitForStateChange(() -> book.require(appointment.id()).status(), s -> s == AppointmentStatus.CONFIRMED)
			.andVerify(s -> assertThat(s).isEqualTo(AppointmentStatus.CONFIRMED));
	}

	@Test
	void aRefundPublishesPaymentRefunded(Scenario scenario) {
		var patient = fixture.patient();
		Payment payment = pay(OFFLINE, patient, fixture.appointment(patient));

		scenario.stimulate(() -> refunds.refund(new RefundRequest(Ref.id(payment.id()), 40_000L, "ev-" + payment.id(),
				null), fixture.admin()))
			.andWaitAtMost(WAIT)
			.andWaitForEventOfType(PaymentRefunded.class)
			.matching(e -> e.paymentId() == payment.id())
			.toArriveAndVerify((e, refund) -> {
				assertThat(e.refundId()).isEqualTo(refund.id());
				assertThat(e.amountMinor()).isEqualTo(40_000);
				assertThat(e.full()).isFalse();
				assertThat(e.paidAt()).isEqualTo(payment.paidAt());
			});
	}

	@Test
	void moneyThatArrivesForACancelledAppointmentGoesBackInFull(Scenario scenario) {
		var patient = fixture.patient();
		Appointment appointment = fixture.appointment(patient);
		PaymentOrder order = checkout.order(Ref.id(appointment.id()), null, OFFLINE, patient.actor());
		book.cancel(appointment.id(), "Changed my mind", patient.actor());

		scenario.stimulate(() -> verify(OFFLINE, order, patient.actor()))
			.andWaitAtMost(WAIT)
			.andWaitForEventOfType(PaymentRefunded.class)
			.matching(e -> e.paymentId() == order.paymentId())
			.toArriveAndVerify(e -> {
				assertThat(e.full()).isTrue();
				assertThat(e.amountMinor()).isEqualTo(150_000);
			});
		assertThat(book.require(appointment.id()).status()).isEqualTo(AppointmentStatus.CANCELLED);
		assertThat(queries.standingOf(Ref.id(appointment.id()), fixture.admin())).isEqualTo(PaymentStanding.REFUNDED);
	}

	@Test
	void moneyForACancelledAppointmentThatTheProviderWillNotGiveBackIsFlaggedForStaff(Scenario scenario) {
		flaky.refunding.set(FlakyGateway.Refunding.REFUSE);
		var patient = fixture.patient();
		Appointment appointment = fixture.appointment(patient);
		PaymentOrder order = checkout.order(Ref.id(appointment.id()), null, FLAKY, patient.actor());
		book.cancel(appointment.id(), null, fixture.admin());

		scenario.stimulate(() -> verify(FLAKY, order, patient.actor()))
			.andWaitAtMost(WAIT)
			.andWaitForStateChange(() -> queries.latestOf(Ref.id(appointment.id()), fixture.admin()).orElseThrow()
				.attention(), Objects::nonNull)
			.andVerify(attention -> assertThat(attention).startsWith("Paid for a cancelled appointment")
				.contains("fully refunded already"));
		Payment flagged = queries.latestOf(Ref.id(appointment.id()), fixture.admin()).orElseThrow();
		assertThat(flagged.refundedMinor()).isZero();
		assertThat(queries.needingAttention(PageRequest.of(0, 100), fixture.admin()).getContent())
			.extracting(Payment::id).contains(flagged.id());
		assertThat(refunds.of(Ref.id(flagged.id()), fixture.admin())).singleElement()
			.satisfies(r -> assertThat(r.status()).isEqualTo(RefundStatus.FAILED));
	}

	@Test
	void aRefundThatTheProviderRefusesIsReleased_andTheSameRequestTriesAgainAsANewAttempt() {
		var patient = fixture.patient();
		Payment payment = pay(FLAKY, patient, fixture.appointment(patient));
		var request = new RefundRequest(Ref.id(payment.id()), null, "retry-" + payment.id(), null);
		flaky.refunding.set(FlakyGateway.Refunding.REFUSE);

		assertThatThrownBy(() -> refunds.refund(request, fixture.admin()))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.code()).isEqualTo("PAYMENT_PROVIDER_FAILED"));
		String firstKey = flaky.lastKey.get();
		assertThat(refunds.of(Ref.id(payment.id()), fixture.admin())).singleElement()
			.satisfies(r -> assertThat(r.status()).isEqualTo(RefundStatus.FAILED));
		assertThat(queries.netPaidFor(Ref.id(payment.appointmentId()), fixture.admin())).isEqualTo(150_000);

		flaky.refunding.set(FlakyGateway.Refunding.PROCESS);
		Refund refund = refunds.refund(request, fixture.admin());

		assertThat(refund.status()).isEqualTo(RefundStatus.PROCESSED);
		assertThat(flaky.lastKey.get()).isNotEqualTo(firstKey).endsWith("-2");
		assertThat(queries.netPaidFor(Ref.id(payment.appointmentId()), fixture.admin())).isZero();
	}

	@Test
	void aRefundThePendingProviderProcessesLaterCountsWhenItsWebhookSaysSo(Scenario scenario) {
		var patient = fixture.patient();
		Payment payment = pay(FLAKY, patient, fixture.appointment(patient));
		flaky.refunding.set(FlakyGateway.Refunding.PEND);
		Refund pending = refunds.refund(new RefundRequest(Ref.id(payment.id()), 70_000L, "later-" + payment.id(), null),
				fixture.admin());
		assertThat(pending.status()).isEqualTo(RefundStatus.PENDING);
		assertThat(queries.netPaidFor(Ref.id(payment.appointmentId()), fixture.admin())).isEqualTo(150_000);
		assertThatThrownBy(() -> refunds.refund(new RefundRequest(Ref.id(payment.id()), 80_001L, "more-" + payment.id(),
				null), fixture.admin()))
			.as("what is on its way back is held")
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.fields()).containsKey("amount"));
		String body = BillingTest.refundEvent("refund.processed", pending.providerRefundId(),
				payment.providerPaymentId(), 70_000, pending.publicId().toString());

		scenario.stimulate(() -> webhooks.receive(FLAKY, body.getBytes(StandardCharsets.UTF_8), signed(body)))
			.andWaitAtMost(WAIT)
			.andWaitForEventOfType(PaymentRefunded.class)
			.matching(e -> e.paymentId() == payment.id())
			.toArriveAndVerify((e, result) -> {
				assertThat(result).isEqualTo(WebhookResult.PROCESSED);
				assertThat(e.refundId()).isEqualTo(pending.id());
				assertThat(e.amountMinor()).isEqualTo(70_000);
			});
		assertThat(webhooks.receive(FLAKY, body.getBytes(StandardCharsets.UTF_8), signed(body)))
			.isEqualTo(WebhookResult.DUPLICATE);
		assertThat(queries.netPaidFor(Ref.id(payment.appointmentId()), fixture.admin())).isEqualTo(80_000);
	}

	private Payment pay(String provider, BillingFixture.Patient patient, Appointment appointment) {
		return verify(provider, checkout.order(Ref.id(appointment.id()), null, provider, patient.actor()),
				patient.actor());
	}

	private Payment verify(String provider, PaymentOrder order, io.polyclinic.platform.Actor actor) {
		String paymentId = "pay_ev" + order.paymentId();
		return checkout.verify(provider, new CheckoutVerification(order.orderId(), paymentId,
				Signatures.checkoutSignature(order.orderId(), paymentId, billing.offline().keySecret())), actor);
	}

	private Map<String, String> signed(String body) {
		return Map.of("X-Razorpay-Signature",
				Signatures.webhookSignature(body.getBytes(StandardCharsets.UTF_8), billing.offline().webhookSecret()));
	}
}
