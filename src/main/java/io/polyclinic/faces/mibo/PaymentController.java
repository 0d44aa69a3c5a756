package io.polyclinic.faces.mibo;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.polyclinic.billing.Checkout;
import io.polyclinic.billing.CheckoutVerification;
import io.polyclinic.billing.LinkRequest;
import io.polyclinic.billing.Payment;
import io.polyclinic.billing.PaymentLinks;
import io.polyclinic.billing.PaymentQueries;
import io.polyclinic.billing.Webhooks;
import io.polyclinic.faces.PageQuery;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.PublicEndpoint;
import io.polyclinic.platform.Ref;
import io.polyclinic.platform.Refusal;
import io.polyclinic.platform.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * Payments through Razorpay: {@code /api/payments}. Amounts are whole rupees here, paise towards the provider.
 * Clinicians have no access (the contract's matrix); the billing module decides the rest.
 */
@RestController
@RequestMapping("/api/payments")
class PaymentController {

	private static final String PAYERS = "hasAnyRole('ADMIN','MANAGER','CENTRE_MANAGER','CARE_COORDINATOR','FRONT_DESK','PATIENT')";

	private final Checkout checkout;
	private final PaymentLinks links;
	private final Webhooks webhooks;
	private final PaymentQueries queries;
	private final MiboPaymentProvider provider;

	PaymentController(Checkout checkout, PaymentLinks links, Webhooks webhooks, PaymentQueries queries,
			MiboPaymentProvider provider) {
		this.checkout = checkout;
		this.links = links;
		this.webhooks = webhooks;
		this.queries = queries;
		this.provider = provider;
	}

	record CreateOrder(@NotNull(message = "Appointment id is required") Long appointmentId,
			@Nullable @Positive(message = "Amount must be positive") Long amount) {
	}

	record Order(String orderId, long amount, String currency, String razorpayKeyId) {
	}

	record Verify(@NotBlank(message = "Razorpay order id is required") String razorpayOrderId,
			@NotBlank(message = "Razorpay payment id is required") String razorpayPaymentId,
			@NotBlank(message = "Razorpay signature is required") String razorpaySignature, @Nullable Long appointmentId) {
	}

	record Verified(String paymentId, String status) {
	}

	record Details(long appointmentId, long amount, String status, @Nullable String paymentMethod,
			@Nullable String transactionId, @Nullable Instant paidAt) {
	}

	record HistoryItem(long appointmentId, @Nullable String clinicianName, long amount, String status,
			@Nullable Instant paidAt) {
	}

	record CreateLink(@NotNull(message = "Appointment id is required") Long appointmentId,
			@Nullable @Positive(message = "Amount must be positive") Long amount, @Nullable String customerName,
			@Nullable String customerPhone, @Nullable @Email(message = "Invalid email format") String customerEmail) {
	}

	record LinkCreated(String paymentLinkId, String shortUrl, @Nullable Instant expiresAt) {
	}

	record LinkStatus(String paymentLinkId, String status, long amountPaid) {
	}

	@PreAuthorize(PAYERS)
	@PostMapping("/create-order")
	Reply<Order> createOrder(@AuthenticationPrincipal Actor actor, @Valid @RequestBody CreateOrder request) {
		var order = checkout.order(Ref.id(request.appointmentId()), MiboFormats.paise(request.amount()), provider.name(),
				actor);
		return Reply.of(new Order(order.orderId(), MiboFormats.rupees(order.amountMinor()), order.currency(), order.keyId()));
	}

	@PreAuthorize(PAYERS)
	@PostMapping("/verify")
	Reply<Verified> verify(@AuthenticationPrincipal Actor actor, @Valid @RequestBody Verify request) {
		Payment payment = checkout.verify(provider.name(), new CheckoutVerification(request.razorpayOrderId(),
				request.razorpayPaymentId(), request.razorpaySignature(),
				request.appointmentId() == null ? null : Ref.id(request.appointmentId()), null), actor);
		return Reply.of("Payment verified successfully",
				new Verified(payment.providerPaymentId() == null ? request.razorpayPaymentId() : payment.providerPaymentId(),
						status(payment)));
	}

	/** Verified by {@code X-Razorpay-Signature} over the raw body; a repeated event is acknowledged and ignored. */
	@PublicEndpoint
	@PostMapping("/webhook")
	Reply<Map<String, String>> webhook(@RequestBody byte[] body,
			@RequestHeader(name = "X-Razorpay-Signature", required = false) @Nullable String signature,
			@RequestHeader(name = "X-Razorpay-Event-Id", required = false) @Nullable String eventId) {
		Map<String, String> headers = new HashMap<>();
		if (signature != null) {
			headers.put("X-Razorpay-Signature", signature);
		}
		if (eventId != null) {
			headers.put("X-Razorpay-Event-Id", eventId);
		}
		var result = webhooks.receive(provider.name(), body, headers);
		return Reply.of(Map.of("result", result.name()));
	}

	/** A patient's own history; staff name the patient (the contract's history is one patient's). */
	@PreAuthorize(PAYERS)
	@GetMapping("/history")
	Reply<List<HistoryItem>> history(@AuthenticationPrincipal Actor actor,
			@RequestParam(required = false) @Nullable Long patientId, PageQuery page) {
		if (!actor.is(Role.PATIENT) && patientId == null) {
			throw Refusal.invalidField("patientId", "Staff must name the patient whose history they want");
		}
		var found = queries.ofPatient(actor.is(Role.PATIENT) ? null : Ref.id(patientId), page.pageable(), actor);
		return Reply.of(found.stream().map(e -> new HistoryItem(e.payment().appointmentId(), e.clinicianName(),
				MiboFormats.rupees(e.payment().amountMinor()), status(e.payment()), e.payment().paidAt())).toList());
	}

	@PreAuthorize(PAYERS)
	@GetMapping("/{appointmentId}")
	Reply<Details> details(@AuthenticationPrincipal Actor actor, @PathVariable long appointmentId) {
		Payment p = queries.latestOf(Ref.id(appointmentId), actor).orElseThrow(() -> Refusal.notFound("Payment"));
		return Reply.of(new Details(p.appointmentId(), MiboFormats.rupees(p.amountMinor()), status(p), p.method(),
				p.providerPaymentId(), p.paidAt()));
	}

	@PreAuthorize("hasAnyRole('ADMIN','MANAGER','FRONT_DESK','CARE_COORDINATOR')")
	@PostMapping("/create-link")
	Reply<LinkCreated> createLink(@AuthenticationPrincipal Actor actor, @Valid @RequestBody CreateLink request) {
		var sent = links.send(new LinkRequest(Ref.id(request.appointmentId()), MiboFormats.paise(request.amount()),
				request.customerName(), request.customerPhone(), request.customerEmail(), null, null), provider.name(),
				actor);
		var link = sent.link();
		return Reply.of(sent.sent() ? "Payment link created and sent via WhatsApp"
				: "Payment link created; the WhatsApp message could not be sent",
				new LinkCreated(link.linkId(), link.shortUrl(), link.expiresAt()));
	}

	@PreAuthorize(PAYERS)
	@GetMapping("/verify/{linkId}")
	Reply<LinkStatus> verifyLink(@AuthenticationPrincipal Actor actor, @PathVariable String linkId) {
		var link = links.refresh(provider.name(), linkId, actor);
		return Reply.of(new LinkStatus(link.linkId(), link.status().value(), MiboFormats.rupees(link.amountPaidMinor())));
	}

	/** A payment's status as Mibo shows it: the provider's state, and once money went back, how much of it did. */
	static String status(Payment payment) {
		return payment.refundedMinor() > 0 ? payment.standing().name() : payment.status().name();
	}
}
