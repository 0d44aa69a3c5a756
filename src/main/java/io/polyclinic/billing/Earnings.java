package io.polyclinic.billing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.polyclinic.audit.AuditLog;
import io.polyclinic.audit.AuditRecord;
import io.polyclinic.billing.internal.BillingProperties;
import io.polyclinic.billing.internal.PaymentAccess;
import io.polyclinic.billing.internal.PayoutBook;
import io.polyclinic.billing.internal.StoredPayout;
import io.polyclinic.directory.Clinician;
import io.polyclinic.directory.ClinicianRegistry;
import io.polyclinic.directory.Reach;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Refusal;

/**
 * What a clinician earns: their share, after the platform's commission, of what their appointments brought in net of
 * refunds — of all time and of this month in their zone — beside what payouts have paid. A clinician reads their own
 * (resolved from the caller); administrators and managers any clinician's. Sums in SQL, in the clinic's currency.
 */
@Service
@Transactional // reads are audited: even they write
public class Earnings {

	private final PayoutBook book;
	private final ClinicianRegistry clinicians;
	private final PaymentAccess access;
	private final BillingProperties billing;
	private final AuditLog audit;
	private final Clock clock;

	Earnings(PayoutBook book, ClinicianRegistry clinicians, PaymentAccess access, BillingProperties billing,
			AuditLog audit, Clock clock) {
		this.book = book;
		this.clinicians = clinicians;
		this.access = access;
		this.billing = billing;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * @param clinicianId whose earnings; null for the calling clinician's own
	 * @throws Refusal FORBIDDEN (audited) for anyone but the clinician and those who keep the accounts; INVALID_INPUT
	 *         (clinicianId) when a treasurer names none
	 */
	public EarningsSummary of(@Nullable Long clinicianId, Actor actor) {
		Reach reach = access.reach(actor);
		long whose;
		if (reach.kind() == Reach.Kind.CLINICIAN && reach.clinicianId() != null
				&& (clinicianId == null || reach.isClinician(clinicianId))) {
			whose = reach.clinicianId();
		}
		else if (access.isTreasurer(actor)) {
			if (clinicianId == null) {
				throw Refusal.invalidField("clinicianId", "Name the clinician whose earnings to show");
			}
			whose = clinicianId;
		}
		else {
			throw access.denied(actor, "READ", Payouts.PAYOUT, clinicianId == null ? "earnings" : clinicianId, null);
		}
		Clinician clinician = clinicians.get(whose);
		ZoneId zone = clinician.timeZone();
		String currency = billing.currency();
		var rate = billing.platformCommission();
		PayoutBook.Takings all = book.takings(whose, currency, null, null);
		LocalDate firstOfMonth = LocalDate.now(clock.withZone(zone)).withDayOfMonth(1);
		Instant from = firstOfMonth.atStartOfDay(zone).toInstant();
		Instant to = firstOfMonth.plusMonths(1).atStartOfDay(zone).toInstant();
		PayoutBook.Takings month = book.takings(whose, currency, from, to);
		Map<PayoutStatus, Long> payouts = book.payoutTotals(whose, currency);
		long total = StoredPayout.share(all.netMinor(), rate);
		long pending = payouts.get(PayoutStatus.PENDING) + payouts.get(PayoutStatus.PROCESSING);
		long paidOut = payouts.get(PayoutStatus.COMPLETED);
		var recent = book.payouts(new PayoutListing(null, whose, null, null, PayoutListing.Order.CREATED_AT, false),
				PageRequest.of(0, 5));
		audit.record(AuditRecord.of(actor, "READ", Payouts.PAYOUT, "earnings of clinician " + whose, null,
				AuditRecord.Outcome.SUCCESS, "earnings"));
		return new EarningsSummary(whose, currency, rate, all.paidMinor(), all.refundedMinor(), total,
				StoredPayout.share(month.netMinor(), rate), pending, paidOut, total - pending - paidOut,
				book.completedPaidAppointments(whose), recent);
	}
}
