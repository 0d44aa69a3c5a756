package io.polyclinic.billing;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.polyclinic.audit.AuditLog;
import io.polyclinic.audit.AuditRecord;
import io.polyclinic.billing.internal.PaymentAccess;
import io.polyclinic.billing.internal.PaymentLines;
import io.polyclinic.directory.Reach;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Refusal;
import io.polyclinic.scheduling.AppointmentBook;

/**
 * Payments as transactions: each with its patient and clinician, for whoever sees the appointment it pays for — a
 * patient their own, a clinician those of their own appointments (what they are paid from), staff what their reach
 * runs. Unlike {@link PaymentQueries}, which keeps a clinician to the standing of their appointments, a transaction
 * shows its clinician the amount and its state; paying, confirming and refunding stay as they are. Lists are scoped,
 * filtered, counted and paged in SQL; every read is audited.
 */
@Service
@Transactional // reads of payments are audited: even they write
public class Transactions {

	private final PaymentAccess access;
	private final PaymentLines lines;
	private final AppointmentBook book;
	private final AuditLog audit;

	Transactions(PaymentAccess access, PaymentLines lines, AppointmentBook book, AuditLog audit) {
		this.access = access;
		this.lines = lines;
		this.book = book;
		this.audit = audit;
	}

	/**
	 * The transactions the caller reaches, as the listing filters and orders them, a page at a time.
	 *
	 * @throws Refusal FORBIDDEN (audited) for a caller who reaches no payment (a pharmacist, a guest)
	 */
	public Page<PaymentLine> list(TransactionListing listing, Pageable page, Actor actor) {
		PaymentLines.Scope scope = scope(actor);
		Pageable plain = PageRequest.of(page.getPageNumber(), page.getPageSize());
		var content = lines.lines(scope, listing, plain);
		long total = content.isEmpty() && plain.getOffset() == 0 ? 0
				: content.size() < plain.getPageSize() && !content.isEmpty() ? plain.getOffset() + content.size()
						: lines.count(scope, listing);
		audit.record(AuditRecord.of(actor, "LIST", PaymentAccess.PAYMENT, null, scope.patientId(),
				AuditRecord.Outcome.SUCCESS, "transactions, page " + page.getPageNumber()));
		return new PageImpl<>(content, plain, total);
	}

	/**
	 * One transaction: whoever sees its appointment.
	 *
	 * @throws Refusal NOT_FOUND; FORBIDDEN (audited)
	 */
	public PaymentLine get(long paymentId, Actor actor) {
		PaymentLine line = lines.line(paymentId).orElseThrow(() -> Refusal.notFound("Payment"));
		access.requireViewer(book.require(line.payment().appointmentId()), actor, "READ", PaymentAccess.PAYMENT,
				paymentId);
		audit.record(AuditRecord.success(actor, "READ", PaymentAccess.PAYMENT, paymentId, line.payment().patientId()));
		return line;
	}

	private PaymentLines.Scope scope(Actor actor) {
		Reach reach = access.reach(actor);
		return switch (reach.kind()) {
			case PATIENT -> new PaymentLines.Scope(reach.patientId(), null, null);
			case CLINICIAN -> new PaymentLines.Scope(null, reach.clinicianId(), null);
			case CENTRE -> new PaymentLines.Scope(null, null, reach.centreId());
			case CLINIC -> PaymentLines.Scope.ALL;
			case NONE -> throw access.denied(actor, "LIST", PaymentAccess.PAYMENT, null, null);
		};
	}
}
