package io.polyclinic.billing;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.polyclinic.audit.AuditLog;
import io.polyclinic.audit.AuditRecord;
import io.polyclinic.billing.internal.BillingProperties;
import io.polyclinic.billing.internal.Ledger;
import io.polyclinic.billing.internal.OfflineGateway;
import io.polyclinic.billing.internal.PaymentGateway;
import io.polyclinic.billing.internal.StoredLink;
import io.polyclinic.billing.internal.StoredLinks;
import io.polyclinic.billing.internal.StoredPayment;
import io.polyclinic.billing.internal.StoredPayments;
import io.polyclinic.billing.internal.WebhookEvents;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Role;
import io.polyclinic.notify.Channel;
import io.polyclinic.notify.Message;
import io.polyclinic.notify.MessageKind;
import io.polyclinic.notify.Messenger;
import io.polyclinic.platform.Refusal;
import io.polyclinic.platform.PhoneNumbers;
import io.polyclinic.platform.PolyclinicProperties;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Collecting appointment fees: provider orders and the verification of their checkout, payment links sent over
 * WhatsApp, the provider's webhooks, and the payment queries the faces show. Amounts are minor units (paise).
 *
 * <p>Who may do what is decided here, from the {@link Actor} and the patient id a face resolved for its caller:
 * <ul>
 * <li>staff (admin, managers, coordinators, front desk, secretaries) may act on every payment;</li>
 * <li>a patient only on their own: the face passes the patient id it resolved for the caller as {@code patientId},
 * and payments of another patient are refused (403) or, in lists, absent;</li>
 * <li>a clinician may read the payment of appointments ({@link #latestForAppointment},
 * {@link #latestForAppointments}), which the face takes from the appointments scheduling showed them, and nothing
 * else;</li>
 * <li>anyone else is refused.</li>
 * </ul>
 * Provider calls happen outside database transactions; a failing provider is a 502 PAYMENT_FAILED.
 */
@Service
public class Payments {

	private static final Logger log = LoggerFactory.getLogger(Payments.class);
	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final Duration SHORTEST_LINK = Duration.ofMinutes(15);
	private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));

	static final String PAYMENT = "PAYMENT";
	static final String PAYMENT_LINK = "PAYMENT_LINK";

	private final PaymentGateway gateway;
	private final StoredPayments payments;
	private final StoredLinks links;
	private final Ledger ledger;
	private final WebhookEvents webhookEvents;
	private final AuditLog audit;
	private final Messenger messenger;
	private final BillingProperties billing;
	private final PolyclinicProperties platform;
	private final TransactionTemplate tx;
	private final Clock clock;

	Payments(PaymentGateway gateway, StoredPayments payments, StoredLinks links, Ledger ledger,
			WebhookEvents webhookEvents, AuditLog audit, Messenger messenger, BillingProperties billing,
			PolyclinicProperties platform, PlatformTransactionManager transactions, Clock clock) {
		this.gateway = gateway;
		this.payments = payments;
		this.links = links;
		this.ledger = ledger;
		this.webhookEvents = webhookEvents;
		this.audit = audit;
		this.messenger = messenger;
		this.billing = billing;
		this.platform = platform;
		this.tx = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/** The public key id a client's checkout opens with: Razorpay's key id, or {@code rzp_test_offline}. */
	public String keyId() {
		return gateway.keyId();
	}

	/** The clinic's currency, which amounts without one are in. */
	public String currency() {
		return billing.currency();
	}

	// ---- orders and checkout

	/**
	 * Opens a payment for an appointment with a provider order, for the client's checkout. An open order of the same
	 * appointment, patient and amount is handed out again rather than a second one opened. Staff, or the patient
	 * themself ({@code order.patientId()} being the patient the face resolved for the caller).
	 *
	 * @throws Refusal 409 DUPLICATE_ENTRY when the appointment is already paid; 400 VALIDATION_ERROR for a
	 *         non-positive amount or an unknown currency; 502 PAYMENT_FAILED when the provider fails
	 */
	public PaymentOrder createOrder(Actor actor, NewOrder order) {
		requireStaffOrPatient(actor, order.patientId(), "CREATE", PAYMENT, null);
		long amount = positive(order.amountMinor(), "amount");
		String currency = currency(order.currency(), "currency");
		requireUnpaid(order.appointmentId());
		List<StoredPayment> open = payments.openOrders(order.appointmentId(), order.patientId(), gateway.name(), amount,
				currency, PageRequest.of(0, 1));
		if (!open.isEmpty()) {
			StoredPayment existing = open.get(0);
			return new PaymentOrder(existing.getProviderOrderId(), amount, currency, gateway.keyId(), existing.getId());
		}
		UUID publicId = UUID.randomUUID();
		String orderId = gateway.createOrder(new PaymentGateway.OrderRequest(amount, currency, publicId.toString(),
				notes(order.appointmentId(), order.patientId(), publicId)));
		StoredPayment saved = tx.execute(s -> {
			StoredPayment payment = payments.save(new StoredPayment(publicId, order.appointmentId(), order.patientId(),
					amount, currency, gateway.name(), orderId, Ledger.now(clock)));
			audit.record(success(actor, "CREATE", PAYMENT, payment.getId(), order.patientId()));
			return payment;
		});
		return new PaymentOrder(orderId, amount, currency, gateway.keyId(), saved.getId());
	}

	/**
	 * Verifies what the checkout handed the client and settles the payment. The signature is checked with Razorpay's
	 * algorithm in every mode; a repeated verification of a settled payment answers the same and publishes nothing.
	 * The method comes from the provider (Razorpay) or the request (offline, UPI by default).
	 *
	 * @param patientId the caller's own patient id when the caller is a patient; null for staff
	 * @throws Refusal 400 PAYMENT_FAILED for a forged signature; 404 for an unknown order; 403 for another
	 *         patient's order; 409 PAYMENT_FAILED when the order was paid by another payment
	 */
	public Payment verifyCheckout(Actor actor, @Nullable Long patientId, CheckoutVerification verification) {
		requireStaffOrPatient(actor, patientId, "VERIFY", PAYMENT, null);
		String orderId = required(verification.orderId(), "orderId", "Order id is required");
		String paymentId = required(verification.paymentId(), "paymentId", "Payment id is required");
		String signature = required(verification.signature(), "signature", "Signature is required");
		if (!gateway.validCheckoutSignature(orderId, paymentId, signature)) {
			audit.recordDenied(AuditRecord.of(actor, "VERIFY", PAYMENT, orderId, patientId,
					AuditRecord.Outcome.FAILED, "invalid checkout signature"));
			throw Refusal.invalid("SIGNATURE_INVALID", "Payment verification failed: the signature is invalid");
		}
		StoredPayment payment = payments.findByProviderAndProviderOrderId(gateway.name(), orderId)
			.orElseThrow(() -> Refusal.notFound("Payment order"));
		requireOwn(actor, patientId, payment, "VERIFY");
		if (verification.appointmentId() != null && verification.appointmentId() != payment.getAppointmentId()) {
			throw Refusal.invalidField("appointmentId", "The order belongs to another appointment");
		}
		if (payment.isPaid() && !paymentId.equals(payment.getProviderPaymentId())) {
			throw Refusal.conflict("PAID_ELSEWHERE", "This order was already paid by another payment");
		}
		String method = payment.isPaid() ? null : methodOf(paymentId, verification.method());
		return tx.execute(s -> {
			Ledger.Settlement settled = ledger.settle(payment.getId(), paymentId, method, null);
			audit.record(success(actor, "VERIFY", PAYMENT, payment.getId(), payment.getPatientId()));
			return settled.payment();
		});
	}

	// ---- webhooks

	/**
	 * Takes in a provider webhook: the signature over the raw body first (a missing or wrong one is refused), then
	 * each event once. The event is recorded before it is acted on, in one transaction; a second delivery (same
	 * {@code X-Razorpay-Event-Id}, or without it the same event for the same payment or link), even a concurrent
	 * one, changes nothing and answers {@link WebhookResult#DUPLICATE}.
	 *
	 * <p>{@code payment.captured} settles the order's payment; {@code payment.failed} marks it failed (not once it
	 * is settled); {@code payment_link.paid} marks the link paid and settles its payment;
	 * {@code payment_link.expired} and {@code payment_link.cancelled} close the link. Other events are recorded and
	 * ignored.
	 *
	 * @param rawBody the request body exactly as received: the signature is over these bytes
	 * @param signature the {@code X-Razorpay-Signature} header
	 * @param eventId the {@code X-Razorpay-Event-Id} header, when sent
	 * @throws Refusal 400 PAYMENT_FAILED "Invalid webhook signature" for a missing or wrong signature; 400
	 *         VALIDATION_ERROR for a signed body that is no event
	 */
	public WebhookResult handleWebhook(byte[] rawBody, @Nullable String signature, @Nullable String eventId) {
		if (signature == null || signature.isBlank() || !gateway.validWebhookSignature(rawBody, signature)) {
			audit.recordDenied(new AuditRecord(null, null, "WEBHOOK", PAYMENT, eventId, null, AuditRecord.Outcome.DENIED,
					signature == null || signature.isBlank() ? "missing webhook signature" : "invalid webhook signature"));
			throw Refusal.invalid("SIGNATURE_INVALID", "Invalid webhook signature");
		}
		ProviderEvent event = ProviderEvent.parse(rawBody, eventId);
		try {
			return tx.execute(s -> {
				try {
					webhookEvents.record(gateway.name(), event.key(), event.type(), Ledger.now(clock));
				}
				catch (DuplicateKeyException e) {
					throw new AlreadyTakenIn();
				}
				return switch (event.type()) {
					case "payment.captured" -> captured(event);
					case "payment.failed" -> failed(event);
					case "payment_link.paid" -> linkPaid(event);
					case "payment_link.expired" -> linkClosed(event, PaymentLinkStatus.EXPIRED);
					case "payment_link.cancelled" -> linkClosed(event, PaymentLinkStatus.CANCELLED);
					default -> WebhookResult.IGNORED;
				};
			});
		}
		catch (AlreadyTakenIn e) {
			return WebhookResult.DUPLICATE;
		}
	}

	private WebhookResult captured(ProviderEvent event) {
		String paymentId = event.paymentId();
		Optional<StoredPayment> payment = paymentOf(event);
		if (paymentId == null || payment.isEmpty()) {
			log.info("Webhook {} for a payment the clinic does not know ({} / {})", event.type(), event.orderId(),
					paymentId);
			return WebhookResult.IGNORED;
		}
		StoredPayment p = payment.get();
		if (ledger.heldByAnother(gateway.name(), paymentId, p.getId())) {
			log.warn("Webhook {}: payment {} is already recorded for another order", event.type(), paymentId);
			return WebhookResult.IGNORED;
		}
		Ledger.Settlement settled = ledger.settle(p.getId(), paymentId, upper(event.method()), event.orderId());
		audit.record(webhookAudit(event, p));
		return settled.first() ? WebhookResult.PROCESSED : WebhookResult.IGNORED;
	}

	private WebhookResult failed(ProviderEvent event) {
		Optional<StoredPayment> payment = paymentOf(event);
		if (payment.isEmpty()) {
			return WebhookResult.IGNORED;
		}
		boolean changed = ledger.fail(payment.get().getId(), event.paymentId(), event.failureReason());
		audit.record(webhookAudit(event, payment.get()));
		return changed ? WebhookResult.PROCESSED : WebhookResult.IGNORED;
	}

	private WebhookResult linkPaid(ProviderEvent event) {
		Optional<StoredLink> found = event.linkId() == null ? Optional.empty()
				: links.findByProviderAndProviderLinkId(gateway.name(), event.linkId());
		if (found.isEmpty()) {
			log.info("Webhook {} for a payment link the clinic does not know ({})", event.type(), event.linkId());
			return WebhookResult.IGNORED;
		}
		StoredLink link = links.lock(found.get().getId()).orElseThrow();
		link.update(PaymentLinkStatus.PAID, event.linkAmountPaid() > 0 ? event.linkAmountPaid() : link.getAmountMinor(),
				Ledger.now(clock));
		StoredPayment payment = payments.findById(link.getPaymentId()).orElseThrow();
		boolean first = false;
		String paymentId = event.paymentId();
		if (paymentId != null && !ledger.heldByAnother(gateway.name(), paymentId, payment.getId())) {
			first = ledger.settle(payment.getId(), paymentId, upper(event.method()), event.orderId()).first();
		}
		audit.record(webhookAudit(event, payment));
		return first ? WebhookResult.PROCESSED : WebhookResult.IGNORED;
	}

	private WebhookResult linkClosed(ProviderEvent event, PaymentLinkStatus status) {
		Optional<StoredLink> found = event.linkId() == null ? Optional.empty()
				: links.findByProviderAndProviderLinkId(gateway.name(), event.linkId());
		if (found.isEmpty()) {
			return WebhookResult.IGNORED;
		}
		StoredLink link = links.lock(found.get().getId()).orElseThrow();
		link.update(status, link.getAmountPaidMinor(), Ledger.now(clock));
		return WebhookResult.PROCESSED;
	}

	/** The order's payment; for a link's payment (whose order the clinic may not know yet) its payment id. */
	private Optional<StoredPayment> paymentOf(ProviderEvent event) {
		Optional<StoredPayment> byOrder = event.orderId() == null ? Optional.empty()
				: payments.findByProviderAndProviderOrderId(gateway.name(), event.orderId());
		if (byOrder.isPresent() || event.paymentId() == null) {
			return byOrder;
		}
		return payments.findByProviderAndProviderPaymentId(gateway.name(), event.paymentId());
	}

	private static AuditRecord webhookAudit(ProviderEvent event, StoredPayment payment) {
		return new AuditRecord(null, null, "UPDATE", PAYMENT, String.valueOf(payment.getId()), payment.getPatientId(),
				AuditRecord.Outcome.SUCCESS, "webhook " + event.type());
	}

	/** Thrown inside the webhook's transaction to roll it back when the event was taken in before. */
	private static final class AlreadyTakenIn extends RuntimeException {
		AlreadyTakenIn() {
			super(null, null, false, false);
		}
	}

	// ---- payment links

	/**
	 * Opens a payment for an appointment with a provider payment link (valid 24 h unless told otherwise) and sends
	 * its short URL to the customer's phone over WhatsApp. Staff only.
	 *
	 * @throws Refusal 400 VALIDATION_ERROR for a bad amount, phone, email or validity; 409 DUPLICATE_ENTRY
	 *         when the appointment is already paid; 502 PAYMENT_FAILED when the provider fails
	 */
	public SentPaymentLink createLink(Actor actor, NewPaymentLink request) {
		if (!actor.isStaff()) {
			throw deny(actor, "CREATE", PAYMENT_LINK, null, request.patientId());
		}
		long amount = positive(request.amountMinor(), "amount");
		String currency = currency(request.currency(), "currency");
		String name = required(request.customerName(), "customerName", "Customer name is required");
		String phone = PhoneNumbers.normalize(request.customerPhone(), platform.defaultCountryCode());
		if (phone == null) {
			throw Refusal.invalidField("customerPhone", "Invalid phone number");
		}
		String email = email(request.customerEmail());
		Duration validFor = request.validFor() == null ? billing.linkTtl() : request.validFor();
		if (validFor.compareTo(SHORTEST_LINK) < 0) {
			throw Refusal.invalidField("validFor", "A payment link must stay valid for at least 15 minutes");
		}
		requireUnpaid(request.appointmentId());
		UUID publicId = UUID.randomUUID();
		Instant now = Ledger.now(clock);
		Instant expiresAt = now.plus(validFor).truncatedTo(ChronoUnit.SECONDS);
		String description = request.description() == null || request.description().isBlank()
				? "Consultation fee, appointment #" + request.appointmentId() : request.description().trim();
		PaymentGateway.CreatedLink created = gateway.createLink(new PaymentGateway.LinkRequest(amount, currency,
				description, name, phone, email, publicId.toString(), expiresAt,
				notes(request.appointmentId(), request.patientId(), publicId)));
		PaymentLink link = tx.execute(s -> {
			StoredPayment payment = payments.save(new StoredPayment(publicId, request.appointmentId(),
					request.patientId(), amount, currency, gateway.name(), null, now));
			StoredLink stored = links.save(new StoredLink(request.appointmentId(), payment.getId(), gateway.name(),
					created.id(), created.shortUrl(), amount, currency, created.status(), expiresAt, now));
			audit.record(success(actor, "CREATE", PAYMENT_LINK, created.id(), request.patientId()));
			return stored.toLink();
		});
		return new SentPaymentLink(link, send(link, name, phone, request.patientId()));
	}

	private boolean send(PaymentLink link, String name, String phone, long patientId) {
		String body = "Hello " + name + ", please pay " + money(link.amountMinor(), link.currency())
				+ " for your appointment: " + link.shortUrl() + " (valid until "
				+ DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").format(link.expiresAt().atOffset(ZoneOffset.UTC))
				+ ").";
		try {
			return messenger.send(new Message(Channel.WHATSAPP, phone, "Payment link", body, MessageKind.PAYMENT_LINK,
					patientId, link.appointmentId(), false)).sent();
		}
		catch (RuntimeException e) {
			log.warn("The payment link {} could not be sent: {}", link.linkId(), e.getMessage());
			return false;
		}
	}

	/**
	 * A payment link's state, refreshed from the provider (offline: an unpaid link past its expiry is expired). A
	 * link found paid settles its payment, once. Staff, or the patient whose payment it is.
	 *
	 * @param patientId the caller's own patient id when the caller is a patient; null for staff
	 */
	public PaymentLink verifyLink(Actor actor, @Nullable Long patientId, String linkId) {
		requireStaffOrPatient(actor, patientId, "READ", PAYMENT_LINK, linkId);
		StoredLink link = links.findByProviderAndProviderLinkId(gateway.name(), linkId.trim())
			.orElseThrow(() -> Refusal.notFound("Payment link"));
		StoredPayment payment = payments.findById(link.getPaymentId()).orElseThrow();
		requireOwn(actor, patientId, payment, "READ");
		Optional<PaymentGateway.LinkState> state = gateway.fetchLink(link.getProviderLinkId());
		return tx.execute(s -> {
			StoredLink locked = links.lock(link.getId()).orElseThrow();
			Instant now = Ledger.now(clock);
			if (state.isPresent()) {
				PaymentGateway.LinkState current = state.get();
				locked.update(current.status(), current.amountPaidMinor(), now);
				String paid = current.paymentId();
				if (current.status() == PaymentLinkStatus.PAID && paid != null
						&& !ledger.heldByAnother(gateway.name(), paid, payment.getId())) {
					ledger.settle(payment.getId(), paid, upper(current.method()), current.orderId());
				}
			}
			else {
				locked.expireIfDue(now);
			}
			audit.record(success(actor, "READ", PAYMENT_LINK, linkId, payment.getPatientId()));
			return locked.toLink();
		});
	}

	// ---- queries

	/**
	 * The newest payment of an appointment (what "payment details" of an appointment show). Staff, clinicians, or
	 * the patient whose payment it is.
	 *
	 * @param patientId the caller's own patient id when the caller is a patient; null otherwise
	 */
	public Optional<Payment> latestForAppointment(Actor actor, @Nullable Long patientId, long appointmentId) {
		requireReader(actor, patientId, appointmentId);
		return tx.execute(s -> {
			Optional<StoredPayment> latest = payments.findFirstByAppointmentIdOrderByCreatedAtDescIdDesc(appointmentId);
			if (latest.isEmpty()) {
				return Optional.<Payment>empty();
			}
			requireOwn(actor, patientId, latest.get(), "READ");
			audit.record(success(actor, "READ", PAYMENT, latest.get().getId(), latest.get().getPatientId()));
			return Optional.of(latest.get().toPayment());
		});
	}

	/**
	 * The newest payment of each of the given appointments, in one query: for lists that show a payment status.
	 * Appointments without a payment are absent from the map; so are other patients' when a patient id is given.
	 * Staff, clinicians, or a patient.
	 *
	 * @param patientId the caller's own patient id when the caller is a patient (required then); otherwise null, or a
	 *        patient to narrow to
	 */
	public Map<Long, Payment> latestForAppointments(Actor actor, @Nullable Long patientId,
			Collection<Long> appointmentIds) {
		requireReader(actor, patientId, null);
		if (appointmentIds.isEmpty()) {
			return Map.of();
		}
		Set<Long> ids = Set.copyOf(appointmentIds);
		return tx.execute(s -> {
			Map<Long, Payment> latest = payments.latestOf(ids, patientId).stream()
				.map(StoredPayment::toPayment)
				.collect(Collectors.toMap(Payment::appointmentId, Function.identity(), (a, b) -> a, LinkedHashMap::new));
			if (!latest.isEmpty()) {
				audit.record(AuditRecord.of(actor, "READ", PAYMENT, null, patientId,
						AuditRecord.Outcome.SUCCESS, latest.size() + " payments of listed appointments"));
			}
			return latest;
		});
	}

	/**
	 * A patient's payments, newest first, a page at a time (the page's own sort is not used). Staff, or the patient
	 * themself ({@code patientId} being the one the face resolved for the caller).
	 */
	public Page<Payment> ofPatient(Actor actor, long patientId, Pageable page) {
		requireStaffOrPatient(actor, patientId, "READ", PAYMENT, null);
		return tx.execute(s -> {
			Page<Payment> result = payments
				.findByPatientId(patientId, PageRequest.of(page.getPageNumber(), page.getPageSize(), NEWEST_FIRST))
				.map(StoredPayment::toPayment);
			audit.record(AuditRecord.of(actor, "READ", PAYMENT, null, patientId,
					AuditRecord.Outcome.SUCCESS, "payment history page " + page.getPageNumber()));
			return result;
		});
	}

	/** What a patient has paid in the clinic's currency, in minor units. Staff, or the patient themself. */
	public long totalPaid(Actor actor, long patientId) {
		requireStaffOrPatient(actor, patientId, "READ", PAYMENT, null);
		return tx.execute(s -> {
			long total = payments.totalPaid(patientId, billing.currency());
			audit.record(AuditRecord.of(actor, "READ", PAYMENT, null, patientId,
					AuditRecord.Outcome.SUCCESS, "total paid"));
			return total;
		});
	}

	// ---- rules

	private void requireStaffOrPatient(Actor actor, @Nullable Long patientId, String action, String resource,
			@Nullable Object resourceId) {
		if (!(actor.isStaff() || (actor.is(Role.PATIENT) && patientId != null))) {
			throw deny(actor, action, resource, resourceId, patientId);
		}
	}

	private void requireReader(Actor actor, @Nullable Long patientId, @Nullable Long appointmentId) {
		if (!(actor.isStaff() || actor.is(Role.CLINICIAN) || (actor.is(Role.PATIENT) && patientId != null))) {
			throw deny(actor, "READ", PAYMENT, appointmentId == null ? null : "appointment " + appointmentId, patientId);
		}
	}

	/** A patient acts only on their own payments. */
	private void requireOwn(Actor actor, @Nullable Long patientId, StoredPayment payment, String action) {
		if (actor.is(Role.PATIENT) && (patientId == null || patientId != payment.getPatientId())) {
			throw deny(actor, action, PAYMENT, payment.getId(), payment.getPatientId());
		}
	}

	private Refusal deny(Actor actor, String action, String resource, @Nullable Object resourceId,
			@Nullable Long patientId) {
		audit.recordDenied(AuditRecord.denied(actor, action, resource, resourceId, patientId));
		return Refusal.forbidden();
	}

	private void requireUnpaid(long appointmentId) {
		if (payments.existsByAppointmentIdAndStatus(appointmentId, PaymentStatus.PAID)) {
			throw Refusal.conflict("ALREADY_PAID", "This appointment is already paid");
		}
	}

	private @Nullable String methodOf(String paymentId, @Nullable String given) {
		if (OfflineGateway.NAME.equals(gateway.name())) {
			return upper(given == null || given.isBlank() ? "UPI" : given.trim());
		}
		try {
			return gateway.paymentMethod(paymentId).map(Payments::upper).orElse(null);
		}
		catch (Refusal e) {
			// The valid signature is the proof of payment; the method is a detail the webhook fills in later.
			log.warn("The method of payment {} could not be fetched: {}", paymentId, e.getMessage());
			return null;
		}
	}

	private static AuditRecord success(Actor actor, String action, String resource, @Nullable Object resourceId,
			@Nullable Long patientId) {
		return AuditRecord.success(actor, action, resource, resourceId, patientId);
	}

	private static Map<String, String> notes(long appointmentId, long patientId, UUID paymentId) {
		Map<String, String> notes = new LinkedHashMap<>();
		notes.put("appointment_id", String.valueOf(appointmentId));
		notes.put("patient_id", String.valueOf(patientId));
		notes.put("payment_id", paymentId.toString());
		return notes;
	}

	private static long positive(long amountMinor, String field) {
		if (amountMinor <= 0) {
			throw Refusal.invalidField(field, "Amount must be greater than zero");
		}
		return amountMinor;
	}

	private String currency(@Nullable String raw, String field) {
		if (raw == null || raw.isBlank()) {
			return billing.currency();
		}
		String code = raw.trim().toUpperCase(Locale.ROOT);
		try {
			return Currency.getInstance(code).getCurrencyCode();
		}
		catch (IllegalArgumentException e) {
			throw Refusal.invalidField(field, "Unknown currency");
		}
	}

	private static String required(@Nullable String value, String field, String message) {
		if (value == null || value.isBlank()) {
			throw Refusal.invalidField(field, message);
		}
		return value.trim();
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

	private static @Nullable String upper(@Nullable String method) {
		return method == null || method.isBlank() ? null : method.trim().toUpperCase(Locale.ROOT);
	}

	static String money(long amountMinor, String currency) {
		int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
		String amount = BigDecimal.valueOf(amountMinor, digits).toPlainString();
		return "INR".equals(currency) ? "\u20B9" + amount : currency + " " + amount;
	}

	/** The parts of a provider event the clinic acts on. */
	private record ProviderEvent(String type, String key, @Nullable String paymentId, @Nullable String orderId,
			@Nullable String method, @Nullable String failureReason, @Nullable String linkId, long linkAmountPaid) {

		static ProviderEvent parse(byte[] body, @Nullable String eventId) {
			JsonNode root;
			try {
				root = JSON.readTree(body);
			}
			catch (JacksonException e) {
				throw Refusal.invalidField("body", "The webhook body is not JSON");
			}
			String type = text(root.path("event"));
			if (type == null || type.isBlank()) {
				throw Refusal.invalidField("event", "The webhook names no event");
			}
			JsonNode payload = root.path("payload");
			JsonNode payment = payload.path("payment").path("entity");
			JsonNode link = payload.path("payment_link").path("entity");
			String paymentId = text(payment.path("id"));
			String orderId = text(payment.path("order_id"));
			if (orderId == null) {
				orderId = text(payload.path("order").path("entity").path("id"));
			}
			String linkId = text(link.path("id"));
			String subject = type.startsWith("payment_link.") ? linkId : paymentId != null ? paymentId : orderId;
			String key = eventId != null && !eventId.isBlank() ? eventId.trim() : type + ":" + subject;
			return new ProviderEvent(truncate(type, 80), truncate(key, 120), paymentId, orderId,
					text(payment.path("method")), text(payment.path("error_description")), linkId,
					link.path("amount_paid").asLong(0));
		}

		private static @Nullable String text(JsonNode node) {
			return node.isString() ? node.asString() : null;
		}

		private static String truncate(String s, int max) {
			return s.length() <= max ? s : s.substring(0, max);
		}
	}
}
