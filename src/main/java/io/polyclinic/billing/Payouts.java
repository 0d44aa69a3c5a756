package io.polyclinic.billing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.polyclinic.audit.AuditLog;
import io.polyclinic.audit.AuditRecord;
import io.polyclinic.billing.internal.BillingProperties;
import io.polyclinic.billing.internal.Ledger;
import io.polyclinic.billing.internal.PaymentAccess;
import io.polyclinic.billing.internal.PayoutBook;
import io.polyclinic.billing.internal.StoredPayout;
import io.polyclinic.billing.internal.StoredPayouts;
import io.polyclinic.directory.Clinician;
import io.polyclinic.directory.ClinicianRegistry;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Refusal;

/**
 * Paying clinicians: a payout for a clinician and a period is their share of the payments settled in it less the
 * refunds processed in it — (payments − refunds) × (1 − the platform's commission,
 * {@code polyclinic.billing.platform-commission}) — in the clinic's currency, the period's dates in the clinician's
 * zone. Each payment and refund is paid out once, by the database's keys: generating a period again answers its
 * payout, a period that overlaps another payout is refused, and two generated at the same moment cannot both claim the
 * same money. Administrators and managers of the clinic only; every change is audited.
 */
@Service
public class Payouts {

	static final String PAYOUT = "PAYOUT";

	private final StoredPayouts payouts;
	private final PayoutBook book;
	private final ClinicianRegistry clinicians;
	private final PaymentAccess access;
	private final BillingProperties billing;
	private final AuditLog audit;
	private final TransactionTemplate tx;
	private final Clock clock;

	Payouts(StoredPayouts payouts, PayoutBook book, ClinicianRegistry clinicians, PaymentAccess access,
			BillingProperties billing, AuditLog audit, PlatformTransactionManager transactions, Clock clock) {
		this.payouts = payouts;
		this.book = book;
		this.clinicians = clinicians;
		this.access = access;
		this.billing = billing;
		this.audit = audit;
		this.tx = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/**
	 * Generates the clinician's payout for the period, or answers the one it has.
	 *
	 * @throws Refusal FORBIDDEN (audited); NOT_FOUND for an unknown clinician; INVALID_INPUT (periodEnd) for a period
	 *         that ends before it starts or after today, (amount) for an expected amount that is not the computed one;
	 *         INVALID NOTHING_TO_PAY when the period brought the clinician nothing; CONFLICT PAYOUT_OVERLAPS when another
	 *         payout of the clinician covers part of the period
	 */
	public PayoutGenerated generate(PayoutRequest request, Actor actor) {
		access.requireTreasurer(actor, "CREATE", PAYOUT, null);
		Clinician clinician = clinicians.get(request.clinicianId());
		ZoneId zone = clinician.timeZone();
		if (request.periodEnd().isBefore(request.periodStart())) {
			throw Refusal.invalidField("periodEnd", "The period cannot end before it starts");
		}
		if (request.periodEnd().isAfter(LocalDate.now(clock.withZone(zone)))) {
			throw Refusal.invalidField("periodEnd", "A payout is for a period that has come by today");
		}
		Optional<Payout> existing = existing(request);
		if (existing.isPresent()) {
			return checked(new PayoutGenerated(existing.get(), false), request);
		}
		List<StoredPayout> overlapping = payouts.overlapping(clinician.id(), request.periodStart(), request.periodEnd());
		if (!overlapping.isEmpty()) {
			throw overlaps(overlapping.get(0).getId());
		}
		Instant from = request.periodStart().atStartOfDay(zone).toInstant();
		Instant to = request.periodEnd().plusDays(1).atStartOfDay(zone).toInstant();
		try {
			Payout made = tx.execute(s -> {
				Instant now = Ledger.now(clock);
				StoredPayout payout = payouts.saveAndFlush(new StoredPayout(clinician.id(), request.periodStart(),
						request.periodEnd(), billing.currency(), billing.platformCommission(), actor.auditUserId(), now));
				PayoutBook.Claimed claimed = book.claim(payout.getId(), clinician.id(), billing.currency(), from, to);
				payout.counted(claimed.grossMinor(), claimed.refundedMinor(), claimed.appointments(), now);
				Long expected = request.expectedNetMinor();
				if (expected != null && expected != payout.getNetMinor()) {
					throw Refusal.invalidField("amount", "The amount is computed: this period pays "
							+ payout.getNetMinor() + " minor units, not " + expected);
				}
				payouts.saveAndFlush(payout);
				audit.record(AuditRecord.of(actor, "CREATE", PAYOUT, payout.getId(), null, AuditRecord.Outcome.SUCCESS,
						"payout to clinician " + clinician.id() + " for " + request.periodStart() + ".."
								+ request.periodEnd()));
				return payout.toPayout(clinician.fullName());
			});
			return new PayoutGenerated(made, true);
		}
		catch (DataIntegrityViolationException e) {
			// generated at the same moment by someone else: the same period answers theirs, an overlapping one is refused
			return existing(request).map(p -> checked(new PayoutGenerated(p, false), request))
				.orElseThrow(() -> overlaps(null));
		}
	}

	/** @throws Refusal FORBIDDEN (audited) */
	public Page<Payout> list(PayoutListing listing, Pageable page, Actor actor) {
		access.requireTreasurer(actor, "LIST", PAYOUT, null);
		Pageable plain = PageRequest.of(page.getPageNumber(), page.getPageSize());
		List<Payout> content = book.payouts(listing, plain);
		long total = content.isEmpty() && plain.getOffset() == 0 ? 0
				: content.size() < plain.getPageSize() && !content.isEmpty() ? plain.getOffset() + content.size()
						: book.count(listing);
		return new PageImpl<>(content, plain, total);
	}

	/** @throws Refusal FORBIDDEN (audited); NOT_FOUND */
	public Payout get(long id, Actor actor) {
		access.requireTreasurer(actor, "READ", PAYOUT, id);
		return book.payout(id).orElseThrow(() -> Refusal.notFound("Payout"));
	}

	/**
	 * Records how a payout is being sent.
	 *
	 * @throws Refusal FORBIDDEN (audited); NOT_FOUND; CONFLICT PAYOUT_COMPLETED for a change to a completed payout
	 */
	public Payout record(long id, PayoutChange change, Actor actor) {
		access.requireTreasurer(actor, "UPDATE", PAYOUT, id);
		String reference = change.externalPayoutId() == null || change.externalPayoutId().isBlank() ? null
				: change.externalPayoutId().strip();
		if (reference != null && reference.length() > 255) {
			throw Refusal.invalidField("externalPayoutId", "At most 255 characters");
		}
		tx.executeWithoutResult(s -> {
			StoredPayout payout = payouts.findById(id).orElseThrow(() -> Refusal.notFound("Payout"));
			payout.record(change.status(), reference, Ledger.now(clock));
			payouts.saveAndFlush(payout);
			audit.record(AuditRecord.of(actor, "UPDATE", PAYOUT, id, null, AuditRecord.Outcome.SUCCESS,
					"payout " + (change.status() == null ? "reference" : change.status().name().toLowerCase())));
		});
		return book.payout(id).orElseThrow();
	}

	private Optional<Payout> existing(PayoutRequest request) {
		return payouts.findByClinicianIdAndPeriodStartAndPeriodEnd(request.clinicianId(), request.periodStart(),
				request.periodEnd()).flatMap(p -> book.payout(p.getId()));
	}

	private static PayoutGenerated checked(PayoutGenerated generated, PayoutRequest request) {
		Long expected = request.expectedNetMinor();
		if (expected != null && expected != generated.payout().netMinor()) {
			throw Refusal.invalidField("amount", "The amount is computed: this period pays "
					+ generated.payout().netMinor() + " minor units, not " + expected);
		}
		return generated;
	}

	private static Refusal overlaps(Long other) {
		return Refusal.conflict("PAYOUT_OVERLAPS", other == null ? "Another payout covers part of this period"
				: "Payout " + other + " covers part of this period", "periodStart");
	}
}
