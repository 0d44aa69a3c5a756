package io.polyclinic.faces.hcp;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.polyclinic.billing.EarningsSummary;
import io.polyclinic.billing.PaymentCondition;
import io.polyclinic.billing.PaymentLine;
import io.polyclinic.billing.PaymentProviders;
import io.polyclinic.billing.Payout;
import io.polyclinic.billing.PayoutStatus;
import io.polyclinic.billing.Refund;
import io.polyclinic.billing.RefundLine;
import io.polyclinic.billing.RefundStatus;
import io.polyclinic.faces.LocalFormats;
import io.polyclinic.faces.Money;
import io.polyclinic.platform.Refusal;

/**
 * hcp's payment objects as the original's serializers render them: {@code PaymentTransaction}, {@code Refund} and
 * {@code DoctorPayout}, with money as DRF's DecimalField writes it (a string with two decimals, {@code "1500.00"}),
 * the original's lower-case statuses, and people by their integer ids (a patient by their user id, a doctor by the
 * doctor profile's). What the clinic knows beyond the original (refunded amounts, a payout's gross and commission)
 * comes as extra fields beside.
 */
@Component
class HcpPayments {

	private final PaymentProviders providers;

	HcpPayments(PaymentProviders providers) {
		this.providers = providers;
	}

	/**
	 * The original's {@code PaymentTransactionSerializer}, with {@code appointment} as its id (the app's type), the
	 * doctor beside, and what went back.
	 *
	 * @param clientSecret the provider's client secret: shown where a payment is opened (intent, create), null in
	 *        lists and details
	 */
	record Transaction(long id, String provider, String amount, String currency, String status,
			@Nullable String externalId, @Nullable String clientSecret, long appointment, long patient,
			String patientName, long doctor, String doctorName, String description, Map<String, String> metadata,
			String refundedAmount, @Nullable String failureReason, Instant createdAt, Instant updatedAt,
			@Nullable Instant completedAt) {
	}

	/** The original's {@code RefundSerializer}, with its payment nested. */
	record RefundJson(long id, Transaction payment, String amount, String reason, String status,
			String externalRefundId, String processedByName, @Nullable String failureReason, Instant createdAt,
			Instant updatedAt, @Nullable Instant processedAt) {
	}

	/**
	 * The original's {@code DoctorPayoutSerializer} ({@code amount} is what is paid), with {@code doctor} as the
	 * doctor's id and how the amount was made: gross, refunds, commission.
	 */
	record PayoutJson(long id, long doctor, String doctorName, String amount, String grossAmount,
			String refundedAmount, String commissionRate, String commissionAmount, String netAmount,
			String currency, String status, String periodStart, String periodEnd, int appointmentsCount,
			String externalPayoutId, @Nullable Instant processedAt, Instant createdAt, Instant updatedAt) {
	}

	record Earnings(long doctor, String currency, String totalEarnings, String thisMonthEarnings,
			String totalPaid, String totalRefunded, String totalRevenue, String platformCommission,
			String pendingPayouts, String paidOut, String unpaidEarnings, long completedAppointments,
			java.util.List<PayoutJson> recentPayouts) {
	}

	/** The clinic's currency, which payouts are counted in. */
	String currency() {
		return providers.currency();
	}

	/** The provider hcp pays with: Stripe when it is configured, then Razorpay, otherwise the offline provider. */
	String provider(@Nullable String asked) {
		if (asked == null || asked.isBlank()) {
			return providers.first(PaymentProviders.STRIPE, PaymentProviders.RAZORPAY, PaymentProviders.OFFLINE);
		}
		String p = asked.trim().toLowerCase(Locale.ROOT);
		if (!providers.offers(p)) {
			throw Refusal.invalidField("provider", "\"" + asked + "\" is not a valid choice.");
		}
		return p;
	}

	Transaction transaction(PaymentLine line, @Nullable String clientSecret) {
		var p = line.payment();
		String description = p.metadata().get("description");
		return new Transaction(p.id(), p.provider(), money(p.amountMinor(), p.currency()), p.currency(),
				status(p.condition()), p.orderId() != null ? p.orderId() : p.providerPaymentId(), clientSecret,
				p.appointmentId(), line.patientUserId(), line.patientName(), line.clinicianId(), line.clinicianName(),
				description != null ? description : "Consultation fee for appointment with Dr. " + line.clinicianName(),
				p.metadata(), money(p.refundedMinor(), p.currency()), p.failureReason(), LocalFormats.instant(p.createdAt()),
				LocalFormats.instant(p.updatedAt()), LocalFormats.instantOrNull(p.paidAt()));
	}

	RefundJson refund(RefundLine line) {
		Refund r = line.refund();
		return new RefundJson(r.id(), transaction(line.payment(), null), money(r.amountMinor(), r.currency()),
				r.reason() == null ? "" : r.reason(), status(r), r.providerRefundId() == null ? "" : r.providerRefundId(),
				line.requestedByName() == null ? "" : line.requestedByName(), r.failureReason(),
				LocalFormats.instant(r.createdAt()), LocalFormats.instant(line.updatedAt()),
				LocalFormats.instantOrNull(r.processedAt()));
	}

	PayoutJson payout(Payout p) {
		return new PayoutJson(p.id(), p.clinicianId(), p.clinicianName(), money(p.netMinor(), p.currency()),
				money(p.grossMinor(), p.currency()), money(p.refundedMinor(), p.currency()), rate(p.commissionRate()),
				money(p.commissionMinor(), p.currency()), money(p.netMinor(), p.currency()), p.currency(),
				p.status().name().toLowerCase(Locale.ROOT), LocalFormats.date(p.periodStart()),
				LocalFormats.date(p.periodEnd()), p.appointmentsCount(),
				p.externalPayoutId() == null ? "" : p.externalPayoutId(), LocalFormats.instantOrNull(p.processedAt()),
				LocalFormats.instant(p.createdAt()), LocalFormats.instant(p.updatedAt()));
	}

	Earnings earnings(EarningsSummary e) {
		String c = e.currency();
		return new Earnings(e.clinicianId(), c, money(e.totalEarningsMinor(), c), money(e.thisMonthEarningsMinor(), c),
				money(e.paidMinor(), c), money(e.refundedMinor(), c), money(e.paidMinor() - e.refundedMinor(), c),
				rate(e.commissionRate()), money(e.pendingPayoutsMinor(), c), money(e.paidOutMinor(), c),
				money(e.unpaidEarningsMinor(), c), e.completedAppointments(),
				e.recentPayouts().stream().map(this::payout).toList());
	}

	/** The original's transaction statuses. */
	static String status(PaymentCondition condition) {
		return switch (condition) {
			case AWAITING -> "pending";
			case PROCESSING -> "processing";
			case SETTLED -> "completed";
			case REFUNDED -> "refunded";
			case FAILED -> "failed";
			case CANCELLED -> "cancelled";
		};
	}

	static PaymentCondition condition(String status) {
		return switch (status.trim()) {
			case "pending" -> PaymentCondition.AWAITING;
			case "processing" -> PaymentCondition.PROCESSING;
			case "completed" -> PaymentCondition.SETTLED;
			case "refunded" -> PaymentCondition.REFUNDED;
			case "failed" -> PaymentCondition.FAILED;
			case "cancelled" -> PaymentCondition.CANCELLED;
			default -> throw choice("status", status);
		};
	}

	/** The original's refund statuses: asked, taken by the provider (processing), money back (completed), refused. */
	static String status(Refund r) {
		return switch (r.status()) {
			case PENDING -> r.providerRefundId() == null ? "pending" : "processing";
			case PROCESSED -> "completed";
			case FAILED -> "failed";
		};
	}

	static PayoutStatus payoutStatus(String status) {
		return switch (status.trim()) {
			case "pending" -> PayoutStatus.PENDING;
			case "processing" -> PayoutStatus.PROCESSING;
			case "completed" -> PayoutStatus.COMPLETED;
			case "failed" -> PayoutStatus.FAILED;
			default -> throw choice("status", status);
		};
	}

	/** A refund status filter: the clinic's status, and for PENDING whether the provider has taken it. */
	record RefundFilter(RefundStatus status, @Nullable Boolean accepted) {

		static RefundFilter of(String status) {
			return switch (status.trim()) {
				case "pending" -> new RefundFilter(RefundStatus.PENDING, false);
				case "processing" -> new RefundFilter(RefundStatus.PENDING, true);
				case "completed" -> new RefundFilter(RefundStatus.PROCESSED, null);
				case "failed" -> new RefundFilter(RefundStatus.FAILED, null);
				default -> throw choice("status", status);
			};
		}
	}

	/** DRF's DecimalField: two decimals at least ({@code "1500.00"}). */
	static String money(long minor, String currency) {
		BigDecimal major = Money.major(minor, currency);
		return (major.scale() < 2 ? major.setScale(2) : major).toPlainString();
	}

	/** An amount a client gave, in minor units of the currency; zero or less is refused. */
	static long minor(BigDecimal amount, String currency, String field) {
		if (amount.signum() <= 0) {
			throw Refusal.invalidField(field, "Ensure this value is greater than 0.");
		}
		return Money.minor(amount, currency, field);
	}

	/** A fraction as two decimals at least: 0.2 → {@code "0.20"}. */
	static String rate(BigDecimal rate) {
		BigDecimal plain = rate.stripTrailingZeros();
		return (plain.scale() < 2 ? plain.setScale(2) : plain).toPlainString();
	}

	static Refusal choice(String field, String value) {
		return Refusal.invalidField(field, "Select a valid choice. " + value + " is not one of the available choices.");
	}

	static Refusal required(String field) {
		return Refusal.invalidField(field, "This field is required.");
	}
}
