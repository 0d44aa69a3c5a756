package io.polyclinic.billing.internal;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.polyclinic.billing.Payment;
import io.polyclinic.billing.PaymentStatus;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * One payment for an appointment: opened with a provider order (or a payment link), settled once. The transitions
 * say whether they changed anything, so that a repeated verification or webhook publishes nothing twice.
 */
@Entity
@Table(name = "payments")
public class StoredPayment {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;
	private UUID publicId;
	private long appointmentId;
	private long patientId;
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
	private Instant createdAt;
	private Instant updatedAt;
	@Version
	private long version;

	protected StoredPayment() {
	}

	public StoredPayment(UUID publicId, long appointmentId, long patientId, long amountMinor, String currency,
			String provider, @Nullable String providerOrderId, Instant now) {
		this.publicId = publicId;
		this.appointmentId = appointmentId;
		this.patientId = patientId;
		this.amountMinor = amountMinor;
		this.currency = currency;
		this.status = PaymentStatus.CREATED;
		this.provider = provider;
		this.providerOrderId = providerOrderId;
		this.createdAt = now;
		this.updatedAt = now;
	}

	/**
	 * Settles the payment. Returns false, changing at most a missing method or order id, when it was settled before:
	 * the caller then publishes nothing.
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
		return true;
	}

	/** Records a failed attempt. A settled payment stays settled (a late failure of another attempt changes nothing). */
	public boolean fail(@Nullable String providerPaymentId, @Nullable String reason, Instant now) {
		if (status == PaymentStatus.PAID) {
			return false;
		}
		if (status == PaymentStatus.FAILED && providerPaymentId != null
				&& providerPaymentId.equals(this.providerPaymentId)) {
			return false;
		}
		this.status = PaymentStatus.FAILED;
		if (providerPaymentId != null) {
			this.providerPaymentId = providerPaymentId;
		}
		this.failureReason = reason == null ? null : reason.substring(0, Math.min(500, reason.length()));
		this.updatedAt = now;
		return true;
	}

	public boolean isPaid() {
		return status == PaymentStatus.PAID;
	}

	public Payment toPayment() {
		return new Payment(id, publicId, appointmentId, patientId, amountMinor, currency, status, provider,
				providerOrderId, providerPaymentId, method, failureReason, paidAt, createdAt);
	}

	public Long getId() { return id; }
	public UUID getPublicId() { return publicId; }
	public long getAppointmentId() { return appointmentId; }
	public long getPatientId() { return patientId; }
	public long getAmountMinor() { return amountMinor; }
	public String getCurrency() { return currency; }
	public PaymentStatus getStatus() { return status; }
	public String getProvider() { return provider; }
	public @Nullable String getProviderOrderId() { return providerOrderId; }
	public @Nullable String getProviderPaymentId() { return providerPaymentId; }
	public @Nullable String getMethod() { return method; }
	public @Nullable Instant getPaidAt() { return paidAt; }
}
