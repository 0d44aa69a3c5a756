package io.polyclinic.billing.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.polyclinic.billing.Payout;
import io.polyclinic.billing.PayoutStatus;
import io.polyclinic.platform.Refusal;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * What the clinic pays one clinician for one period. It is opened empty, claims its payments and refunds (in SQL, see
 * {@link PayoutBook}), then is {@link #counted} once from what it claimed: the commission is rounded half up to the
 * minor unit and the clinician is paid the rest. Then it is sent: processing, completed (final) or failed (sent again).
 */
@Entity
@Table(name = "doctor_payouts")
public class StoredPayout {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;
	private UUID publicId;
	private long clinicianId;
	private LocalDate periodStart;
	private LocalDate periodEnd;
	private String currency;
	private long grossMinor;
	private long refundedMinor;
	private BigDecimal commissionRate;
	private long commissionMinor;
	private long netMinor;
	private int appointmentsCount;
	@Enumerated(EnumType.STRING)
	private PayoutStatus status;
	private @Nullable String externalPayoutId;
	private @Nullable Instant processedAt;
	private @Nullable Long createdByUserId;
	private Instant createdAt;
	private Instant updatedAt;
	@Version
	private long version;

	protected StoredPayout() {
	}

	public StoredPayout(long clinicianId, LocalDate periodStart, LocalDate periodEnd, String currency,
			BigDecimal commissionRate, @Nullable Long createdByUserId, Instant now) {
		this.publicId = UUID.randomUUID();
		this.clinicianId = clinicianId;
		this.periodStart = periodStart;
		this.periodEnd = periodEnd;
		this.currency = currency;
		this.commissionRate = commissionRate;
		this.status = PayoutStatus.PENDING;
		this.createdByUserId = createdByUserId;
		this.createdAt = now;
		this.updatedAt = now;
	}

	/** The platform's commission on an amount: the rate's share, rounded half up to the minor unit. */
	public static long commission(long amountMinor, BigDecimal rate) {
		return BigDecimal.valueOf(amountMinor).multiply(rate).setScale(0, RoundingMode.HALF_UP).longValueExact();
	}

	/** The clinician's share of an amount: what the commission leaves. */
	public static long share(long amountMinor, BigDecimal rate) {
		return amountMinor - commission(amountMinor, rate);
	}

	/**
	 * Counts what the payout claimed.
	 *
	 * @throws Refusal INVALID NOTHING_TO_PAY when the period brought the clinician nothing (no settled payment, or
	 *         refunds that take back all of it)
	 */
	public void counted(long grossMinor, long refundedMinor, int appointments, Instant now) {
		if (grossMinor <= 0 || grossMinor - refundedMinor <= 0) {
			throw Refusal.invalid("NOTHING_TO_PAY", "No completed payments to pay out for this period");
		}
		this.grossMinor = grossMinor;
		this.refundedMinor = refundedMinor;
		this.commissionMinor = commission(grossMinor - refundedMinor, commissionRate);
		this.netMinor = grossMinor - refundedMinor - commissionMinor;
		this.appointmentsCount = appointments;
		this.updatedAt = now;
	}

	/**
	 * Records how the payout is being sent. A completed payout is final: nothing about it changes any more.
	 *
	 * @throws Refusal CONFLICT PAYOUT_COMPLETED for a change to a completed payout
	 */
	public void record(@Nullable PayoutStatus next, @Nullable String externalPayoutId, Instant now) {
		boolean statusChanges = next != null && next != status;
		boolean referenceChanges = externalPayoutId != null && !externalPayoutId.equals(this.externalPayoutId);
		if (!statusChanges && !referenceChanges) {
			return;
		}
		if (status == PayoutStatus.COMPLETED) {
			throw Refusal.conflict("PAYOUT_COMPLETED", "A completed payout cannot change", "status");
		}
		if (referenceChanges) {
			this.externalPayoutId = externalPayoutId;
		}
		if (statusChanges) {
			this.status = next;
			if (next == PayoutStatus.COMPLETED) {
				this.processedAt = now;
			}
		}
		this.updatedAt = now;
	}

	public Payout toPayout(String clinicianName) {
		return new Payout(id, publicId, clinicianId, clinicianName, periodStart, periodEnd, currency, grossMinor,
				refundedMinor, commissionRate, commissionMinor, netMinor, appointmentsCount, status, externalPayoutId,
				processedAt, createdAt, updatedAt);
	}

	public Long getId() { return id; }
	public long getClinicianId() { return clinicianId; }
	public long getNetMinor() { return netMinor; }
}
