package io.polyclinic.billing.internal;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.polyclinic.billing.Refund;
import io.polyclinic.billing.RefundStatus;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * One refund of a payment, under the caller's idempotency key (unique per payment). The provider is asked with a key
 * of its own ({@link #providerKey()}): asking again after a crash or a lost answer is the same request to the provider,
 * while asking again after the provider refused is a new attempt.
 */
@Entity
@Table(name = "refunds")
public class StoredRefund {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;
	private UUID publicId;
	private long paymentId;
	private long amountMinor;
	private String currency;
	@Enumerated(EnumType.STRING)
	private RefundStatus status;
	private String provider;
	private @Nullable String providerRefundId;
	private String idempotencyKey;
	private @Nullable String reason;
	private @Nullable String failureReason;
	private @Nullable Long requestedByUserId;
	private int attempts;
	private @Nullable Instant processedAt;
	private @Nullable String providerStatus;
	private Instant createdAt;
	private Instant updatedAt;
	@Version
	private long version;

	protected StoredRefund() {
	}

	public StoredRefund(StoredPayment payment, long amountMinor, String idempotencyKey, @Nullable String reason,
			@Nullable Long requestedByUserId, Instant now) {
		this.publicId = UUID.randomUUID();
		this.paymentId = payment.getId();
		this.amountMinor = amountMinor;
		this.currency = payment.getCurrency();
		this.status = RefundStatus.PENDING;
		this.provider = payment.getProvider();
		this.idempotencyKey = idempotencyKey;
		this.reason = reason;
		this.requestedByUserId = requestedByUserId;
		this.attempts = 1;
		this.createdAt = now;
		this.updatedAt = now;
	}

	/** Whether the provider still has to be asked: never answered, or refused and asked again. */
	public boolean awaitsProvider() {
		return status == RefundStatus.PENDING && providerRefundId == null;
	}

	/** The provider took the request and will say later (a webhook) whether the money went back. */
	public void accepted(String providerRefundId, Instant now) {
		if (status == RefundStatus.PENDING) {
			this.providerRefundId = providerRefundId;
			this.updatedAt = now;
		}
	}

	/** The money went back; false when it had been recorded before. */
	public boolean processed(@Nullable String providerRefundId, Instant now) {
		if (status == RefundStatus.PROCESSED) {
			return false;
		}
		if (providerRefundId != null) {
			this.providerRefundId = providerRefundId;
		}
		this.status = RefundStatus.PROCESSED;
		this.failureReason = null;
		this.processedAt = now;
		this.updatedAt = now;
		return true;
	}

	/** The provider refused; false when it was settled either way before. */
	public boolean failed(@Nullable String reason, Instant now) {
		if (status != RefundStatus.PENDING) {
			return false;
		}
		this.status = RefundStatus.FAILED;
		this.failureReason = reason == null ? null : reason.substring(0, Math.min(500, reason.length()));
		this.updatedAt = now;
		return true;
	}

	/** A refused refund asked for again under its key: pending once more, a new attempt at the provider. */
	public void retry(Instant now) {
		if (status == RefundStatus.FAILED) {
			this.status = RefundStatus.PENDING;
			this.providerRefundId = null;
			this.failureReason = null;
			this.attempts++;
			this.updatedAt = now;
		}
	}

	/** Why the money went back, as staff put it (a correction): the amount and status stay the provider's. */
	public void describe(String reason, Instant now) {
		this.reason = reason;
		this.updatedAt = now;
	}

	/** The provider's own word for the refund ({@code succeeded}, {@code pending}), as it last said it. */
	public void track(@Nullable String providerStatus, Instant now) {
		if (providerStatus != null) {
			this.providerStatus = providerStatus.length() <= 40 ? providerStatus : providerStatus.substring(0, 40);
			this.updatedAt = now;
		}
	}

	/** The idempotency key the provider is asked with: this refund, this attempt. */
	public String providerKey() {
		return publicId + "-" + attempts;
	}

	public Refund toRefund() {
		return new Refund(id, publicId, paymentId, amountMinor, currency, status, providerRefundId, reason,
				failureReason, createdAt, processedAt, providerStatus);
	}

	public Long getId() { return id; }
	public UUID getPublicId() { return publicId; }
	public long getPaymentId() { return paymentId; }
	public long getAmountMinor() { return amountMinor; }
	public RefundStatus getStatus() { return status; }
	public @Nullable String getProviderRefundId() { return providerRefundId; }
	public String getIdempotencyKey() { return idempotencyKey; }
	public @Nullable String getReason() { return reason; }
}
