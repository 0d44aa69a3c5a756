package io.polyclinic.scheduling;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.polyclinic.billing.CheckoutVerification;
import io.polyclinic.billing.NewOrder;
import io.polyclinic.billing.NewPaymentLink;
import io.polyclinic.billing.Payment;
import io.polyclinic.billing.PaymentLink;
import io.polyclinic.billing.PaymentOrder;
import io.polyclinic.billing.Payments;
import io.polyclinic.billing.SentPaymentLink;
import io.polyclinic.directory.Patient;
import io.polyclinic.directory.PatientRegistry;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Role;
import io.polyclinic.platform.Refusal;

/**
 * Paying for appointments: an appointment's fee decides what is charged, and whoever may see the appointment may
 * see its payment. Billing keeps the money; this is where appointments and payments meet.
 */
@Service
@Transactional // reads of payments are audited: even they write
public class AppointmentPayments {

	private final AppointmentBook book;
	private final Payments payments;
	private final PatientRegistry patients;

	AppointmentPayments(AppointmentBook book, Payments payments, PatientRegistry patients) {
		this.book = book;
		this.payments = payments;
		this.patients = patients;
	}

	/** An appointment with the payment order that pays for it, made in one transaction. */
	public record BookedForPayment(Appointment appointment, PaymentOrder order) {
	}

	/** An appointment with the payment link sent to its patient, if one could be made. */
	public record BookedWithLink(Appointment appointment, @Nullable PaymentLink link) {
	}

	/**
	 * A patient's booking: the slot and the order for its fee together, so that a provider failure leaves no unpaid
	 * appointment without an order behind.
	 */
	public BookedForPayment bookForPayment(BookingRequest request, Actor actor) {
		Appointment appointment = book.book(request, actor);
		return new BookedForPayment(appointment, order(appointment.id(), null, actor));
	}

	/**
	 * A staff booking: the slot, and for a fee a payment link sent to the patient over WhatsApp. A link the provider
	 * cannot make does not undo the booking; staff can send one later.
	 */
	public BookedWithLink bookWithLink(BookingRequest request, Actor actor) {
		Appointment appointment = book.book(request, actor);
		if (appointment.feeMinor() <= 0) {
			return new BookedWithLink(appointment, null);
		}
		try {
			return new BookedWithLink(appointment, link(appointment.id(), null, null, null, null, actor).link());
		}
		catch (Refusal e) {
			return new BookedWithLink(appointment, null);
		}
	}

	/**
	 * An order for an open appointment's fee. A client may state the amount it expects; one that differs from the
	 * fee is refused rather than charged.
	 */
	public PaymentOrder order(long appointmentId, @Nullable Long expectedAmountMinor, Actor actor) {
		Appointment appointment = book.requireAccess(appointmentId, actor, "PAY");
		if (actor.role() == Role.CLINICIAN) {
			throw Refusal.forbidden();
		}
		if (!appointment.status().isOpen()) {
			throw Refusal.conflict("NOT_PAYABLE", "This appointment can no longer be paid for");
		}
		if (expectedAmountMinor != null && expectedAmountMinor != appointment.feeMinor()) {
			throw Refusal.invalidField("amount", "Amount must equal the appointment's fee (" + appointment.feeMinor() / 100
					+ ")");
		}
		return payments.createOrder(actor,
				new NewOrder(appointment.id(), appointment.patientId(), appointment.feeMinor(), appointment.currency()));
	}

	public Payment verify(CheckoutVerification verification, Actor actor) {
		if (verification.appointmentId() != null) {
			book.requireAccess(verification.appointmentId(), actor, "PAY");
		}
		return payments.verifyCheckout(actor, patientScope(actor), verification);
	}

	/** A payment link for an appointment's fee (or a staff-set amount), sent to the patient over WhatsApp. */
	public SentPaymentLink link(long appointmentId, @Nullable Long amountMinor, @Nullable String customerName,
			@Nullable String customerPhone, @Nullable String customerEmail, Actor actor) {
		Appointment appointment = book.requireAccess(appointmentId, actor, "PAY");
		if (!actor.isStaff()) {
			throw Refusal.forbidden();
		}
		Patient patient = patients.findAll(java.util.List.of(appointment.patientId())).get(appointment.patientId());
		String phone = customerPhone != null ? customerPhone : patient == null ? null : patient.phone();
		if (phone == null) {
			throw Refusal.invalidField("customerPhone", "A phone number to send the link to is required");
		}
		return payments.createLink(actor,
				new NewPaymentLink(appointment.id(), appointment.patientId(),
						amountMinor == null ? appointment.feeMinor() : amountMinor, appointment.currency(),
						customerName != null ? customerName : patient == null ? "Patient" : patient.fullName(), phone,
						customerEmail != null ? customerEmail : patient == null ? null : patient.email(), null, null));
	}

	public PaymentLink verifyLink(String linkId, Actor actor) {
		return payments.verifyLink(actor, patientScope(actor), linkId);
	}

	/** The latest payment of an appointment the caller may see. */
	public Optional<Payment> ofAppointment(long appointmentId, Actor actor) {
		book.requireAccess(appointmentId, actor, "READ");
		return payments.latestForAppointment(actor, patientScope(actor), appointmentId);
	}

	/** The latest payment of each appointment in a list the caller has already been shown: one query. */
	public Map<Long, Payment> ofAppointments(Collection<Appointment> appointments, Actor actor) {
		var visible = book.visibleTo(appointments, actor).stream().map(Appointment::id).collect(Collectors.toSet());
		return visible.isEmpty() ? Map.of() : payments.latestForAppointments(actor, patientScope(actor), visible);
	}

	/** A patient's payments, newest first: the patient themself or staff. */
	public Page<Payment> ofPatient(long patientId, Pageable page, Actor actor) {
		return payments.ofPatient(actor, patientId, page);
	}

	public long totalPaid(long patientId, Actor actor) {
		return payments.totalPaid(actor, patientId);
	}

	private @Nullable Long patientScope(Actor actor) {
		return actor.role() == Role.PATIENT ? patients.self(actor).id() : null;
	}
}
