package io.polyclinic.billing.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.AbstractAggregateRoot;

import io.polyclinic.billing.Payment;
import io.polyclinic.billing.PaymentFailed;
import io.polyclinic.billing.PaymentRefunded;
import io.polyclinic.billing.PaymentStatus;
import io.polyclinic.billing.PaymentSucceeded;
import io.polyclinic.platform.Refusal;
import io.polyclinic.scheduling.Appointment;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * One payment for an appointment with one provider: opened with a provider order (or a payment link), settled once,
 * and given back in whole or in parts. It guards its own transitions and registers what happened (published when it
 * is saved); a transition that changes nothing says so and registers nothing, so that a repeated verification or
 * webhook publishes nothing twice. Money on its way back ({@code refundingMinor}) is held until the provider answers,
 * so that refunds never add up to more than was paid.
 */
@Entity
@Table(name = "payments")
public class StoredPayment extends AbstractAggregateRoot<StoredPayment> {

	private static final int TEXT = 500;
	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final TypeReference<LinkedHashMap<String, String>> NOTES = new TypeReference<>() {
	};

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;
	private UUID publicId;
	private long appointmentId;
	private long patientId;
	private @Nullable Long clinicianId;
	private @Nullable Long centreId;
	private long amountMinor;
	private String currency;
	@Enumerated(EnumType.STRING)
	private PaymentStatus status;
	private String provider;
	private @Nullable String providerOrderId;
	private @Nullable String providerPaymentId;
	private @Nullable String method;
	private @Nullable String failureReason;
	private @Nullable Instant paidAt;
	private long refundedMinor;
	private long refundingMinor;
	private @Nullable String attention;
	private @Nullable Instant attentionSince;
	private @Nullable String providerStatus;
	private @Nullable String metadata;
	private @Nullable Instant refundedAt;
	private @Nullable String lastRefundId;
	private @Nullable String refundReason;
	private Instant createdAt;
	private Instant updatedAt;
	@Version
	private long version;

	protected StoredPayment() {
	}

	/**
	 * A payment opened with what its order said besides its id: the provider's status, how the patient means to pay,
	 * and the client's notes.
	 */
	public StoredPayment(UUID publicId, Appointment appointment, long amountMinor, String currency, String provider,
			@Nullable String providerOrderId, @Nullable String providerStatus, @Nullable String method,
			Map<String, String> metadata, Instant now) {
		this(publicId, appointment, amountMinor, currency, provider, providerOrderId, now);
		this.providerStatus = providerStatus;
		this.method = method;
		this.metadata = metadata.isEmpty() ? null : JSON.writeValueAsString(metadata);
	}

	/** A payment of an appointment's fee (or a staff-set amount) to collect through the provider. */
	public StoredPayment(UUID publicId, Appointment appointment, long amountMinor, String currency, String provider,
			@Nullable String providerOrderId, Instant now) {
		this.publicId = publicId;
		this.appointmentId = appointment.id();
		this.patientId = appointment.patientId();
		this.clinicianId = appointment.clinicianId();
		this.centreId = appointment.centreId();
		this.amountMinor = amountMinor;
		this.currency = currency;
		this.status = PaymentStatus.CREATED;
		this.provider = provider;
		this.providerOrderId = providerOrderId;
		this.createdAt = now;
		this.updatedAt = now;
	}

	/**
	 * Settles the payment and registers {@link PaymentSucceeded}. Returns false, changing at most a missing method,
	 * when it was settled before.
	 */
	public boolean settle(String providerPaymentId, @Nullable String method, @Nullable String orderId, Instant now) {
		if (status == PaymentStatus.PAID) {
			if (this.method == null && method != null) {
				this.method = method;
				this.updatedAt = now;
			}
			return false;
		}
		this.status = PaymentStatus.PAID;
		this.providerPaymentId = providerPaymentId;
		if (method != null) {
			this.method = method;
		}
		if (this.providerOrderId == null && orderId != null) {
			this.providerOrderId = orderId;
		}
		this.failureReason = null;
		this.paidAt = now;
		this.updatedAt = now;
		registerEvent(new PaymentSucceeded(id, appointmentId, patientId, amountMinor, currency, providerPaymentId, now,
				clinicianId, centreId));
		return true;
	}

	/**
	 * Records a failed attempt and registers {@link PaymentFailed}. A settled payment stays settled, and the same
	 * attempt failing twice is one failure: both change nothing.
	 */
	public boolean fail(@Nullable String providerPaymentId, @Nullable String reason, Instant now) {
		if (status == PaymentStatus.PAID) {
			return false;
		}
		if (status == PaymentStatus.FAILED && providerPaymentId != null
				&& providerPaymentId.equals(this.providerPaymentId)) {
			return false;
		}
		if (status == PaymentStatus.FAILED && Payment.CANCELED.equals(providerStatus)) {
			return false; // cancelled is final: the provider's word that it was cancelled changes nothing
		}
		this.status = PaymentStatus.FAILED;
		if (providerPaymentId != null) {
			this.providerPaymentId = providerPaymentId;
		}
		this.failureReason = clip(reason);
		this.updatedAt = now;
		registerEvent(new PaymentFailed(id, appointmentId, patientId, amountMinor, currency, providerPaymentId, reason,
				now));
		return true;
	}

	/** The provider's latest word on the unsettled order ({@code requires_action}, {@code canceled}). */
	public void track(@Nullable String providerStatus, Instant now) {
		if (providerStatus != null && !providerStatus.equals(this.providerStatus)) {
			this.providerStatus = providerStatus.length() <= 40 ? providerStatus : providerStatus.substring(0, 40);
			this.updatedAt = now;
		}
	}

	public @Nullable String getProviderStatus() {
		return providerStatus;
	}

	/** What can still go back: the amount paid, less what went back and what is on its way. */
	public long refundable() {
		return status == PaymentStatus.PAID ? amountMinor - refundedMinor - refundingMinor : 0;
	}

	/**
	 * Holds an amount for a refund the provider is about to be asked for; null holds all that is left.
	 *
	 * @return the amount held
	 * @throws Refusal CONFLICT NOT_REFUNDABLE for a payment not settled or already given back in full; INVALID_INPUT
	 *         (amount) for more than is left
	 */
	public long holdRefund(@Nullable Long amount, Instant now) {
		if (status != PaymentStatus.PAID || refundable() <= 0) {
			throw Refusal.conflict("NOT_REFUNDABLE", "This payment has nothing left to refund");
		}
		long held = amount == null ? refundable() : amount;
		if (held <= 0) {
			throw Refusal.invalidField("amount", "Amount must be greater than zero");
		}
		if (held > refundable()) {
			throw Refusal.invalidField("amount", "A refund cannot exceed what is left of the payment (" + refundable()
					+ " " + currency + " minor units)");
		}
		this.refundingMinor += held;
		this.updatedAt = now;
		return held;
	}

	/** The provider gave the held money back: it counts as refunded, and {@link PaymentRefunded} is registered. */
	public void refunded(StoredRefund refund, Instant now) {
		long amount = refund.getAmountMinor();
		this.refundingMinor = Math.max(0, refundingMinor - amount);
		this.refundedMinor += amount;
		this.refundedAt = now;
		this.lastRefundId = refund.getProviderRefundId();
		this.refundReason = refund.getReason();
		if (refundedMinor >= amountMinor) {
			this.attention = null;
			this.attentionSince = null;
		}
		this.updatedAt = now;
		registerEvent(new PaymentRefunded(id, refund.getId(), appointmentId, patientId, amount, currency,
				refundedMinor >= amountMinor, now, paidAt, clinicianId, centreId));
	}

	/** The provider did not give the held money back: it is released for another refund. */
	public void refundFailed(StoredRefund refund, Instant now) {
		this.refundingMinor = Math.max(0, refundingMinor - refund.getAmountMinor());
		this.updatedAt = now;
	}

	/** Marks the payment for staff to look at, saying why. */
	public void flag(String reason, Instant now) {
		this.attention = clip(reason);
		this.attentionSince = now;
		this.updatedAt = now;
	}

	public boolean isPaid() {
		return status == PaymentStatus.PAID;
	}

	public Payment toPayment() {
		return new Payment(id, publicId, appointmentId, patientId, amountMinor, currency, status, provider,
				providerOrderId, providerPaymentId, method, failureReason, paidAt, createdAt, refundedMinor, attention,
				providerStatus, notes(metadata), refundedAt, lastRefundId, refundReason, updatedAt);
	}

	/** The client's notes stored as a JSON object; an unreadable value reads as none. */
	public static Map<String, String> notes(@Nullable String json) {
		if (json == null || json.isBlank()) {
			return Map.of();
		}
		try {
			return JSON.readValue(json, NOTES);
		}
		catch (JacksonException e) {
			return Map.of();
		}
	}

	private static @Nullable String clip(@Nullable String text) {
		return text == null ? null : text.substring(0, Math.min(TEXT, text.length()));
	}

	public Long getId() { return id; }
	public UUID getPublicId() { return publicId; }
	public long getAppointmentId() { return appointmentId; }
	public long getPatientId() { return patientId; }
	public long getAmountMinor() { return amountMinor; }
	public String getCurrency() { return currency; }
	public String getProvider() { return provider; }
	public @Nullable String getProviderOrderId() { return providerOrderId; }
	public @Nullable String getProviderPaymentId() { return providerPaymentId; }
}
