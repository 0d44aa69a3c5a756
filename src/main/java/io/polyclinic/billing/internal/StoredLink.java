package io.polyclinic.billing.internal;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.polyclinic.billing.PaymentLink;
import io.polyclinic.billing.PaymentLinkStatus;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A payment link sent for an appointment, and the payment it collects. Its status is kept in Razorpay's words.
 */
@Entity
@Table(name = "payment_links")
public class StoredLink {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;
	private UUID publicId;
	private long appointmentId;
	private Long paymentId;
	private String provider;
	private String providerLinkId;
	private String shortUrl;
	private long amountMinor;
	private long amountPaidMinor;
	private String currency;
	private String status;
	private @Nullable Instant expiresAt;
	private Instant createdAt;
	private Instant updatedAt;
	@Version
	private long version;

	protected StoredLink() {
	}

	public StoredLink(long appointmentId, long paymentId, String provider, String providerLinkId, String shortUrl,
			long amountMinor, String currency, PaymentLinkStatus status, Instant expiresAt, Instant now) {
		this.publicId = UUID.randomUUID();
		this.appointmentId = appointmentId;
		this.paymentId = paymentId;
		this.provider = provider;
		this.providerLinkId = providerLinkId;
		this.shortUrl = shortUrl;
		this.amountMinor = amountMinor;
		this.currency = currency;
		this.status = status.value();
		this.expiresAt = expiresAt;
		this.createdAt = now;
		this.updatedAt = now;
	}

	public PaymentLinkStatus status() {
		PaymentLinkStatus s = PaymentLinkStatus.of(status);
		return s == null ? PaymentLinkStatus.CREATED : s;
	}

	/** Takes the provider's word for the link; a paid link never goes back. */
	public void reported(PaymentLinkStatus newStatus, long amountPaidMinor, Instant now) {
		if (status() == PaymentLinkStatus.PAID) {
			return;
		}
		this.status = newStatus.value();
		this.amountPaidMinor = Math.max(this.amountPaidMinor, amountPaidMinor);
		this.updatedAt = now;
	}

	/** The offline provider keeps no clock of its own: an unpaid link past its expiry is expired. */
	public boolean expireIfDue(Instant now) {
		if (!status().finished() && expiresAt != null && !now.isBefore(expiresAt)) {
			reported(PaymentLinkStatus.EXPIRED, amountPaidMinor, now);
			return true;
		}
		return false;
	}

	public PaymentLink toLink() {
		return new PaymentLink(providerLinkId, shortUrl, appointmentId, paymentId, amountMinor, amountPaidMinor, currency,
				status(), expiresAt);
	}

	public Long getId() { return id; }
	public long getAppointmentId() { return appointmentId; }
	public Long getPaymentId() { return paymentId; }
	public String getProvider() { return provider; }
	public String getProviderLinkId() { return providerLinkId; }
	public long getAmountMinor() { return amountMinor; }
	public long getAmountPaidMinor() { return amountPaidMinor; }
}
