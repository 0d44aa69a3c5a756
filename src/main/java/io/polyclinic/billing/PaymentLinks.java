package io.polyclinic.billing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.polyclinic.audit.AuditLog;
import io.polyclinic.audit.AuditRecord;
import io.polyclinic.billing.internal.Amounts;
import io.polyclinic.billing.internal.BillingProperties;
import io.polyclinic.billing.internal.Gateways;
import io.polyclinic.billing.internal.Ledger;
import io.polyclinic.billing.internal.PaymentAccess;
import io.polyclinic.billing.internal.PaymentGateway;
import io.polyclinic.billing.internal.StoredLink;
import io.polyclinic.billing.internal.StoredLinks;
import io.polyclinic.billing.internal.StoredPayment;
import io.polyclinic.billing.internal.StoredPayments;
import io.polyclinic.directory.Patient;
import io.polyclinic.directory.PatientRegistry;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.PhoneNumbers;
import io.polyclinic.platform.PolyclinicProperties;
import io.polyclinic.platform.Refusal;
import io.polyclinic.scheduling.Appointment;
import io.polyclinic.scheduling.AppointmentBook;

/**
 * Payment links: a provider link for an appointment's fee, sent to the patient's phone through
 * {@link PaymentLinkDelivery} (staff who reach the appointment), and its state refreshed from the provider (the
 * patient too). A link found paid settles its payment, once.
 */
@Service
public class PaymentLinks {

	private static final Logger log = LoggerFactory.getLogger(PaymentLinks.class);
	private static final Duration SHORTEST = Duration.ofMinutes(15);

	private final Gateways gateways;
	private final StoredPayments payments;
	private final StoredLinks links;
	private final Ledger ledger;
	private final PaymentAccess access;
	private final AppointmentBook book;
	private final PatientRegistry patients;
	private final ObjectProvider<PaymentLinkDelivery> delivery;
	private final AuditLog audit;
	private final BillingProperties billing;
	private final PolyclinicProperties platform;
	private final TransactionTemplate tx;
	private final Clock clock;

	PaymentLinks(Gateways gateways, StoredPayments payments, StoredLinks links, Ledger ledger, PaymentAccess access,
			AppointmentBook book, PatientRegistry patients, ObjectProvider<PaymentLinkDelivery> delivery, AuditLog audit,
			BillingProperties billing, PolyclinicProperties platform, PlatformTransactionManager transactions,
			Clock clock) {
		this.gateways = gateways;
		this.payments = payments;
		this.links = links;
		this.ledger = ledger;
		this.access = access;
		this.book = book;
		this.patients = patients;
		this.delivery = delivery;
		this.audit = audit;
		this.billing = billing;
		this.platform = platform;
		this.tx = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/**
	 * Opens a payment with a provider link (valid 24 h unless told otherwise) and sends its short URL to the
	 * customer's phone.
	 *
	 * @throws Refusal INVALID_INPUT for a bad amount, phone, email or validity; CONFLICT NOT_PAYABLE for a closed
	 *         appointment, ALREADY_PAID; UNAVAILABLE PAYMENT_PROVIDER_FAILED when the provider fails
	 */
	public SentPaymentLink send(LinkRequest request, String provider, Actor actor) {
		access.requireStaff(actor, "CREATE", PaymentAccess.PAYMENT_LINK);
		Appointment a = book.require(book.idOf(request.appointment()));
		access.requireStaff(a, actor, "CREATE", PaymentAccess.PAYMENT_LINK, "appointment " + a.id());
		ledger.requirePayable(a);
		return sendFor(a, request, provider, actor);
	}

	/** A link for an appointment whose access is decided (just booked by staff, in the booking's transaction). */
	SentPaymentLink sendFor(Appointment a, LinkRequest request, String provider, Actor actor) {
		PaymentGateway gateway = gateways.get(provider);
		Patient patient = request.customerName() != null && request.customerPhone() != null ? null
				: patients.findAll(List.of(a.patientId())).get(a.patientId());
		long amount = Amounts.positive(request.amountMinor() == null ? a.feeMinor() : request.amountMinor(), "amount");
		String name = Amounts.required(request.customerName() != null ? request.customerName()
				: patient == null ? null : patient.fullName(), "customerName", "Customer name is required");
		String given = request.customerPhone() != null ? request.customerPhone() : patient == null ? null : patient.phone();
		if (given == null) {
			throw Refusal.invalidField("customerPhone", "A phone number to send the link to is required");
		}
		String phone = PhoneNumbers.normalize(given, platform.defaultCountryCode());
		if (phone == null) {
			throw Refusal.invalidField("customerPhone", "Invalid phone number");
		}
		String email = email(request.customerEmail() != null ? request.customerEmail()
				: patient == null ? null : patient.email());
		Duration validFor = request.validFor() == null ? billing.linkTtl() : request.validFor();
		if (validFor.compareTo(SHORTEST) < 0) {
			throw Refusal.invalidField("validFor", "A payment link must stay valid for at least 15 minutes");
		}
		UUID publicId = UUID.randomUUID();
		Instant now = Ledger.now(clock);
		Instant expiresAt = now.plus(validFor).truncatedTo(ChronoUnit.SECONDS);
		String description = request.description() == null || request.description().isBlank()
				? "Consultation fee, appointment #" + a.id() : request.description().trim();
		PaymentGateway.CreatedLink created = gateway.createLink(new PaymentGateway.LinkRequest(amount, a.currency(),
				description, name, phone, email, publicId.toString(), expiresAt, Amounts.notes(a, publicId)));
		PaymentLink link = tx.execute(s -> {
			StoredPayment payment = payments.save(new StoredPayment(publicId, a, amount, a.currency(), gateway.name(),
					null, now));
			StoredLink stored = links.save(new StoredLink(a.id(), payment.getId(), gateway.name(), created.id(),
					created.shortUrl(), amount, a.currency(), created.status(), expiresAt, now));
			audit.record(AuditRecord.success(actor, "CREATE", PaymentAccess.PAYMENT_LINK, created.id(), a.patientId()));
			return stored.toLink();
		});
		boolean sent = deliver(new PaymentLinkNotice(link.linkId(), link.shortUrl(), amount, link.currency(),
				link.expiresAt(), name, phone, email, a.patientId(), a.id()));
		return new SentPaymentLink(link, sent);
	}

	/**
	 * A payment link's state, refreshed from the provider (offline: an unpaid link past its expiry is expired). A
	 * link found paid settles its payment, once. The patient whose payment it is, or staff who reach it.
	 */
	public PaymentLink refresh(String provider, String linkId, Actor actor) {
		StoredLink link = links.findByProviderAndProviderLinkId(provider, linkId.trim())
			.orElseThrow(() -> Refusal.notFound("Payment link"));
		Appointment a = book.require(link.getAppointmentId());
		access.requirePayer(a, actor, "READ", PaymentAccess.PAYMENT_LINK, link.getProviderLinkId());
		Optional<PaymentGateway.LinkState> state = gateways.get(provider).fetchLink(link.getProviderLinkId());
		return tx.execute(s -> {
			StoredLink locked = links.lock(link.getId()).orElseThrow();
			Instant now = Ledger.now(clock);
			if (state.isPresent()) {
				PaymentGateway.LinkState current = state.get();
				locked.reported(current.status(), current.amountPaidMinor(), now);
				String paid = current.paymentId();
				if (current.status() == PaymentLinkStatus.PAID && paid != null
						&& !ledger.heldByAnother(provider, paid, link.getPaymentId())) {
					ledger.settle(link.getPaymentId(), paid, Amounts.upper(current.method()), current.orderId());
				}
			}
			else {
				locked.expireIfDue(now);
			}
			audit.record(AuditRecord.success(actor, "READ", PaymentAccess.PAYMENT_LINK, link.getProviderLinkId(),
					a.patientId()));
			return locked.toLink();
		});
	}

	private boolean deliver(PaymentLinkNotice notice) {
		PaymentLinkDelivery channel = delivery.getIfAvailable();
		if (channel == null) {
			log.warn("No channel delivers payment links: link {} was not sent", notice.linkId());
			return false;
		}
		try {
			return channel.deliver(notice);
		}
		catch (RuntimeException e) {
			log.warn("The payment link {} could not be sent: {}", notice.linkId(), e.getMessage());
			return false;
		}
	}

	private static @Nullable String email(@Nullable String raw) {
		if (raw == null || raw.isBlank()) {
			return null;
		}
		String email = raw.trim().toLowerCase(Locale.ROOT);
		if (!email.matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$")) {
			throw Refusal.invalidField("customerEmail", "Invalid email format");
		}
		return email;
	}
}
