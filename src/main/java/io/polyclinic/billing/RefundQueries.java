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
 * Refunds as staff review them, with their payments and who asked: those who may refund (staff who reach the
 * payment's appointment) list and read them — the clinic's staff all, a centre's those of its appointments. Scoped,
 * filtered and paged in SQL; every read is audited.
 */
@Service
@Transactional // reads are audited: even they write
public class RefundQueries {

	private final PaymentAccess access;
	private final PaymentLines lines;
	private final AppointmentBook book;
	private final AuditLog audit;

	RefundQueries(PaymentAccess access, PaymentLines lines, AppointmentBook book, AuditLog audit) {
		this.access = access;
		this.lines = lines;
		this.book = book;
		this.audit = audit;
	}

	/** @throws Refusal FORBIDDEN (audited) for anyone but staff */
	public Page<RefundLine> list(RefundListing listing, Pageable page, Actor actor) {
		access.requireStaff(actor, "LIST", PaymentAccess.PAYMENT);
		Reach reach = access.reach(actor);
		PaymentLines.Scope scope = switch (reach.kind()) {
			case CLINIC -> PaymentLines.Scope.ALL;
			case CENTRE -> new PaymentLines.Scope(null, null, reach.centreId());
			default -> throw access.denied(actor, "LIST", PaymentAccess.PAYMENT, null, null);
		};
		Pageable plain = PageRequest.of(page.getPageNumber(), page.getPageSize());
		var content = lines.refunds(scope, listing, plain);
		long total = content.isEmpty() && plain.getOffset() == 0 ? 0
				: content.size() < plain.getPageSize() && !content.isEmpty() ? plain.getOffset() + content.size()
						: lines.countRefunds(scope, listing);
		audit.record(AuditRecord.of(actor, "LIST", PaymentAccess.PAYMENT, null, null, AuditRecord.Outcome.SUCCESS,
				"refunds, page " + page.getPageNumber()));
		return new PageImpl<>(content, plain, total);
	}

	/** @throws Refusal NOT_FOUND; FORBIDDEN (audited) for anyone but staff who reach the payment's appointment */
	public RefundLine get(long refundId, Actor actor) {
		access.requireStaff(actor, "READ", PaymentAccess.PAYMENT);
		RefundLine line = lines.refund(refundId).orElseThrow(() -> Refusal.notFound("Refund"));
		Payment payment = line.payment().payment();
		access.requireStaff(book.require(payment.appointmentId()), actor, "READ", PaymentAccess.PAYMENT, payment.id());
		audit.record(AuditRecord.of(actor, "READ", PaymentAccess.PAYMENT, payment.id(), payment.patientId(),
				AuditRecord.Outcome.SUCCESS, "refund " + refundId));
		return line;
	}
}
