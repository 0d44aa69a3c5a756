package io.polyclinic.billing;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.polyclinic.audit.AuditLog;
import io.polyclinic.audit.AuditRecord;
import io.polyclinic.billing.internal.BillingProperties;
import io.polyclinic.billing.internal.PaymentAccess;
import io.polyclinic.billing.internal.PaymentReadModel.Scope;
import io.polyclinic.billing.internal.PaymentReadModel;
import io.polyclinic.billing.internal.StoredPayment;
import io.polyclinic.billing.internal.StoredPayments;
import io.polyclinic.directory.Reach;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Ref;
import io.polyclinic.platform.Refusal;
import io.polyclinic.scheduling.Appointment;
import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.scheduling.PaymentStanding;

/**
 * What the faces show of payments: an appointment's payment and standing, a patient's payments and what they paid
 * net of refunds, the payments staff must look at. Lists are scoped and paged in SQL to what the caller reaches — a
 * patient their own (from the caller, never a parameter), staff of a centre the appointments it runs, staff of the
 * clinic all; clinicians see only the standing of their own appointments. Every read is audited.
 */
@Service
@Transactional // reads of payments are audited: even they write
public class PaymentQueries {

	private final PaymentAccess access;
	private final PaymentReadModel model;
	private final StoredPayments payments;
	private final AppointmentBook book;
	private final AuditLog audit;
	private final BillingProperties billing;

	PaymentQueries(PaymentAccess access, PaymentReadModel model, StoredPayments payments, AppointmentBook book,
			AuditLog audit, BillingProperties billing) {
		this.access = access;
		this.model = model;
		this.payments = payments;
		this.book = book;
		this.audit = audit;
		this.billing = billing;
	}

	/** The newest payment of an appointment (its "payment details"): its patient, or staff who reach it. */
	public Optional<Payment> latestOf(Ref appointment, Actor actor) {
		Appointment a = book.require(book.idOf(appointment));
		access.requirePayer(a, actor, "READ", PaymentAccess.PAYMENT, "appointment " + a.id());
		Optional<Payment> latest = payments.findFirstByAppointmentIdOrderByCreatedAtDescIdDesc(a.id())
			.map(StoredPayment::toPayment);
		latest.ifPresent(p -> audit.record(AuditRecord.success(actor, "READ", PaymentAccess.PAYMENT, p.id(),
				p.patientId())));
		return latest;
	}

	/** One payment: the appointment's patient, or staff who reach it; never its clinician. */
	public Payment get(Ref payment, Actor actor) {
		StoredPayment stored = (payment.id() != null ? payments.findById(payment.id())
				: payments.findByPublicId(payment.publicId())).orElseThrow(() -> Refusal.notFound("Payment"));
		access.requirePayer(book.require(stored.getAppointmentId()), actor, "READ", PaymentAccess.PAYMENT,
				stored.getId());
		audit.record(AuditRecord.success(actor, "READ", PaymentAccess.PAYMENT, stored.getId(), stored.getPatientId()));
		return stored.toPayment();
	}

	/**
	 * Payments as a list asks for them — a standing, an order — a page at a time, each with its clinician's name, in
	 * the caller's scope (as {@link #ofPatient}).
	 */
	public Page<PaymentEntry> list(PaymentListing listing, Pageable page, Actor actor) {
		Scope scope = scope(listing.patient(), actor, "page " + page.getPageNumber());
		Pageable plain = PageRequest.of(page.getPageNumber(), page.getPageSize());
		var found = model.entries(scope, new PaymentReadModel.Listing(listing.standing(), listing.processing(),
				listing.order(), listing.ascending()), plain, billing.currency());
		return new PageImpl<>(found.content(), plain, found.total());
	}

	/** Where an appointment's payment stands: whoever sees the appointment, its clinician too. */
	public PaymentStanding standingOf(Ref appointment, Actor actor) {
		Appointment a = book.require(book.idOf(appointment));
		access.requireViewer(a, actor, "READ");
		return model.standings(java.util.List.of(a.id())).getOrDefault(a.id(), PaymentStanding.PENDING);
	}

	/**
	 * The standing of each of these appointments the caller may see, in one statement; the others are absent, as are
	 * appointments without a payment (PENDING).
	 */
	public Map<Long, PaymentStanding> standingsOf(Collection<Appointment> appointments, Actor actor) {
		var visible = book.visibleTo(appointments, actor).stream().map(Appointment::id).toList();
		return visible.isEmpty() ? Map.of() : model.standings(visible);
	}

	/**
	 * Payments, newest first, a page at a time (the page's own sort is not used), each with its clinician's name.
	 *
	 * @param patient whose payments; null means the caller's own for a patient, and every payment the caller reaches
	 *        for staff
	 */
	public Page<PaymentEntry> ofPatient(@Nullable Ref patient, Pageable page, Actor actor) {
		Scope scope = scope(patient, actor, "page " + page.getPageNumber());
		Pageable newestFirst = PageRequest.of(page.getPageNumber(), page.getPageSize());
		var found = model.entries(scope, newestFirst, billing.currency());
		return new PageImpl<>(found.content(), newestFirst, found.total());
	}

	/** A patient's newest payments and what they paid net of refunds (a dashboard's figures), in one statement. */
	public PaymentSummary summary(@Nullable Ref patient, int recent, Actor actor) {
		Scope scope = scope(patient, actor, "summary");
		var found = model.entries(scope, PageRequest.of(0, recent), billing.currency());
		return new PaymentSummary(found.content(), found.netPaid(), billing.currency());
	}

	/** What was paid for an appointment, net of refunds, in the clinic's currency: its patient or staff who reach it. */
	public long netPaidFor(Ref appointment, Actor actor) {
		Appointment a = book.require(book.idOf(appointment));
		access.requirePayer(a, actor, "READ", PaymentAccess.PAYMENT, "appointment " + a.id());
		audit.record(AuditRecord.of(actor, "READ", PaymentAccess.PAYMENT, "appointment " + a.id(), a.patientId(),
				AuditRecord.Outcome.SUCCESS, "net paid"));
		return model.netPaid(new Scope(null, null, a.id()), billing.currency());
	}

	/** Payments flagged for staff (paid for a cancelled appointment, the provider refusing the refund): staff only. */
	public Page<Payment> needingAttention(Pageable page, Actor actor) {
		access.requireStaff(actor, "LIST", PaymentAccess.PAYMENT);
		Reach reach = access.reach(actor);
		Scope scope = new Scope(null, reach.kind() == Reach.Kind.CENTRE ? reach.centreId() : null, null);
		var content = model.needingAttention(scope, PageRequest.of(page.getPageNumber(), page.getPageSize()));
		audit.record(AuditRecord.of(actor, "LIST", PaymentAccess.PAYMENT, null, null, AuditRecord.Outcome.SUCCESS,
				content.size() + " payments needing attention"));
		return new PageImpl<>(content, page, page.getOffset() + content.size());
	}

	/** The payments a caller may list: a patient their own, staff what their reach runs; anyone else is refused. */
	private Scope scope(@Nullable Ref patient, Actor actor, String what) {
		Reach reach = access.reach(actor);
		Long named = patient == null ? null : patientId(patient);
		Scope scope = switch (reach.kind()) {
			case PATIENT -> {
				if (named != null && !reach.isPatient(named)) {
					throw access.denied(actor, "READ", PaymentAccess.PAYMENT, null, named);
				}
				yield new Scope(reach.patientId(), null, null);
			}
			case CLINIC -> new Scope(named, null, null);
			case CENTRE -> new Scope(named, reach.centreId(), null);
			case CLINICIAN, NONE -> throw access.denied(actor, "READ", PaymentAccess.PAYMENT, null, named);
		};
		audit.record(AuditRecord.of(actor, "READ", PaymentAccess.PAYMENT, null, scope.patientId(),
				AuditRecord.Outcome.SUCCESS, "payments, " + what));
		return scope;
	}

	private long patientId(Ref patient) {
		if (patient.id() != null) {
			return patient.id();
		}
		return model.patientId(patient.publicId()).orElseThrow(() -> Refusal.notFound("Patient"));
	}
}
