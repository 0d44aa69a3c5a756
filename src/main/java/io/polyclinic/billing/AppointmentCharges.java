package io.polyclinic.billing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.polyclinic.billing.internal.PaymentAccess;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Ref;
import io.polyclinic.platform.Refusal;
import io.polyclinic.scheduling.Appointment;
import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.scheduling.AppointmentRequest;
import io.polyclinic.scheduling.Booked;

/**
 * Booking with payment, in one transaction: scheduling books (and decides who may book what), billing charges the
 * fee. An order the provider cannot make undoes the booking, so that no patient holds an unpaid slot without an order
 * behind it; a link the provider cannot make does not (staff can send one later).
 */
@Service
public class AppointmentCharges {

	private static final Logger log = LoggerFactory.getLogger(AppointmentCharges.class);

	private final AppointmentBook book;
	private final Checkout checkout;
	private final PaymentLinks links;
	private final PaymentAccess access;

	AppointmentCharges(AppointmentBook book, Checkout checkout, PaymentLinks links, PaymentAccess access) {
		this.book = book;
		this.checkout = checkout;
		this.links = links;
		this.access = access;
	}

	/**
	 * Books and charges: ORDER opens a provider order for the patient's checkout, LINK (staff only) sends the patient
	 * a payment link over WhatsApp, NONE charges nothing now. A free appointment is charged nothing whatever asked.
	 *
	 * @throws Refusal whatever booking refuses; FORBIDDEN for a link asked by anyone but staff; UNAVAILABLE
	 *         PAYMENT_PROVIDER_FAILED when the provider cannot make the order
	 */
	@Transactional
	public Charged bookAndCharge(AppointmentRequest request, Charge charge, Actor actor) {
		if (charge.kind() == Charge.Kind.LINK) {
			access.requireStaff(actor, "CREATE", PaymentAccess.PAYMENT_LINK);
		}
		Booked booked = book.book(request, actor);
		Appointment a = booked.appointment();
		String provider = charge.provider();
		if (provider == null || a.feeMinor() <= 0) {
			return new Charged(booked, null, null);
		}
		if (charge.kind() == Charge.Kind.ORDER) {
			return new Charged(booked, checkout.open(a, provider, actor), null);
		}
		try {
			// the booking already read the patient's contact: the link goes there without reading it again
			var patient = booked.patient();
			return new Charged(booked, null, links.sendFor(a, new LinkRequest(Ref.id(a.id()), null, patient.fullName(),
					patient.phone(), patient.email(), null, null), provider, actor));
		}
		catch (Refusal e) {
			log.info("Appointment {} booked without a payment link: {}", a.id(), e.getMessage());
			return new Charged(booked, null, null);
		}
	}
}
