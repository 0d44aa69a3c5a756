package io.polyclinic.faces.sos;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.polyclinic.billing.Checkout;
import io.polyclinic.billing.CheckoutRequest;
import io.polyclinic.billing.Confirmed;
import io.polyclinic.billing.Payment;
import io.polyclinic.billing.PaymentConfirmation;
import io.polyclinic.billing.PaymentListing;
import io.polyclinic.billing.PaymentOrder;
import io.polyclinic.billing.PaymentQueries;
import io.polyclinic.billing.Refund;
import io.polyclinic.billing.RefundRequest;
import io.polyclinic.billing.RefundStatus;
import io.polyclinic.billing.Refunds;
import io.polyclinic.billing.Webhooks;
import io.polyclinic.directory.PatientRegistry;
import io.polyclinic.directory.People;
import io.polyclinic.faces.Money;
import io.polyclinic.faces.Ordering;
import io.polyclinic.faces.PageQuery;
import io.polyclinic.faces.Pagination;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.PublicEndpoint;
import io.polyclinic.platform.Ref;
import io.polyclinic.platform.Refusal;
import io.polyclinic.scheduling.AppointmentViews;
import io.polyclinic.scheduling.PaymentStanding;

/**
 * Payments: {@code /api/v1/payments} (contract section 5), through Stripe when it is configured and the offline
 * provider otherwise (where confirm settles the payment). Amounts are major units here, minor units towards billing;
 * who may pay, read, confirm and cancel is billing's rule (the patient of the appointment and staff who reach it);
 * refunds are admin/secretary's, as the contract says.
 */
@RestController
@RequestMapping("/api/v1/payments")
class SosPaymentController {

	private final Checkout checkout;
	private final PaymentQueries queries;
	private final Refunds refunds;
	private final Webhooks webhooks;
	private final AppointmentViews appointments;
	private final People people;
	private final PatientRegistry patients;
	private final SosPayments payments;

	SosPaymentController(Checkout checkout, PaymentQueries queries, Refunds refunds, Webhooks webhooks,
			AppointmentViews appointments, People people, PatientRegistry patients, SosPayments payments) {
		this.checkout = checkout;
		this.queries = queries;
		this.refunds = refunds;
		this.webhooks = webhooks;
		this.appointments = appointments;
		this.people = people;
		this.patients = patients;
		this.payments = payments;
	}

	record Create(@Nullable UUID appointmentId, @Nullable BigDecimal amount, @Nullable String currency,
			@Nullable String paymentMethod, @Nullable Map<String, String> metadata) {
	}

	record Created(@JsonProperty("paymentId") UUID paymentId, @JsonProperty("clientSecret") @Nullable String clientSecret,
			@JsonProperty("paymentIntentId") String paymentIntentId, BigDecimal amount, String currency, String status) {
	}

	record Listed(List<SosPayments.Listed> payments, Pagination pagination) {
	}

	record One(SosPayments.Detailed payment) {
	}

	record Bare(SosPayments.Bare payment) {
	}

	record RefundAsked(@Nullable BigDecimal amount, @Nullable String reason) {
	}

	record Refunded(SosPayments.Bare payment, RefundBrief refund) {
	}

	/** @param id Stripe's refund id ({@code re_…}) */
	record RefundBrief(String id, BigDecimal amount, String status) {
	}

	/** {@code returnUrl} as the contract writes it; {@code return_url} too. */
	record ConfirmAsked(@JsonProperty("providerPayload") @Nullable Map<String, Object> providerPayload,
			@JsonProperty("returnUrl") @JsonAlias("return_url") @Nullable String returnUrl) {
	}

	record ConfirmAnswer(SosPayments.Bare payment, @JsonProperty("paymentIntentStatus") String paymentIntentStatus) {
	}

	record CancelAsked(@Nullable String reason) {
	}

	record Received(boolean received) {
	}

	private static final Map<String, PaymentListing.Order> SORTS = Map.of("created_at", PaymentListing.Order.CREATED_AT,
			"amount", PaymentListing.Order.AMOUNT, "paid_at", PaymentListing.Order.PAID_AT);

	/**
	 * A patient's own payments; admin and secretary see all, or one user's with {@code userId}. Doctors have none to
	 * list (billing refuses them).
	 */
	@GetMapping
	Listed list(PageQuery page, @RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String userId,
			@RequestParam(required = false) @Nullable String sortBy,
			@RequestParam(required = false) @Nullable String sortOrder, @AuthenticationPrincipal Actor actor) {
		PaymentStanding standing = null;
		Boolean processing = null;
		if (status != null && !status.isBlank()) {
			switch (status.trim()) {
				case "pending" -> {
					standing = PaymentStanding.PENDING;
					processing = false;
				}
				case "processing" -> {
					standing = PaymentStanding.PENDING;
					processing = true;
				}
				case "succeeded" -> standing = PaymentStanding.PAID;
				case "failed" -> standing = PaymentStanding.FAILED;
				case "refunded" -> standing = PaymentStanding.REFUNDED;
				case "partially_refunded" -> standing = PaymentStanding.PARTIALLY_REFUNDED;
				default -> throw Refusal.invalidField("status",
						"status must be one of pending, processing, succeeded, failed, refunded, partially_refunded");
			}
		}
		var order = Ordering.parse("sortBy", sortBy, "sortOrder", sortOrder, SORTS,
				new Ordering<>(PaymentListing.Order.CREATED_AT, true));
		Ref patient = null;
		if (userId != null && !userId.isBlank()) {
			UUID user = io.polyclinic.faces.Ids.uuid("userId", userId).publicId();
			var account = people.named(Set.of(user)).get(user);
			if (account == null) {
				throw Refusal.notFound("User");
			}
			var found = patients.forUser(account.id());
			if (found.isEmpty()) {
				// a user who is no patient has paid for nothing
				return new Listed(List.of(), new Pagination(page.number(), page.size(), 0, 0));
			}
			patient = Ref.id(found.get().id());
		}
		var found = queries.list(new PaymentListing(patient, standing, processing, order.key(), !order.descending()),
				page.pageable(), actor);
		return new Listed(payments.listed(found.getContent().stream().map(e -> e.payment()).toList()),
				Pagination.of(found, page));
	}

	/**
	 * A PaymentIntent for the appointment's fee. {@code amount} (major units) must equal the doctor's fee and
	 * {@code currency} (default: the fee's) its currency: nothing below the fee reaches Stripe.
	 */
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Created create(@RequestBody Create request, @AuthenticationPrincipal Actor actor) {
		if (request.appointmentId() == null) {
			throw Refusal.invalidField("appointment_id", "appointment_id is required");
		}
		if (request.amount() == null) {
			throw Refusal.invalidField("amount", "amount is required");
		}
		if (request.amount().signum() <= 0) {
			throw Refusal.invalidField("amount", "amount must be greater than zero");
		}
		Ref appointment = Ref.of(request.appointmentId());
		String feeCurrency = appointments.get(appointment, actor).appointment().currency();
		PaymentOrder order = checkout.order(new CheckoutRequest(appointment,
				Money.minor(request.amount(), feeCurrency, "amount"), request.currency(), payments.provider(),
				SosPayments.methodOf(request.paymentMethod()),
				request.metadata() == null ? Map.of() : request.metadata()), actor);
		Payment payment = queries.get(Ref.of(order.paymentPublicId()), actor);
		return new Created(order.paymentPublicId(), order.clientSecret(), order.orderId(),
				SosPayments.amount(order.amountMinor(), order.currency()), order.currency().toLowerCase(Locale.ROOT),
				SosPayments.status(payment));
	}

	@GetMapping("/{id}")
	One get(@PathVariable String id, @AuthenticationPrincipal Actor actor) {
		return new One(payments.detailed(queries.get(ref(id), actor)));
	}

	/**
	 * Money back through Stripe, all that is left or {@code amount} (major units); more than is left is 400, refused
	 * before Stripe is asked. Each call is a refund of its own.
	 */
	@PostMapping("/{id}/refund")
	@PreAuthorize(SosRoles.ADMIN_OR_SECRETARY)
	Refunded refund(@PathVariable String id, @RequestBody(required = false) @Nullable RefundAsked request,
			@AuthenticationPrincipal Actor actor) {
		Ref ref = ref(id);
		Payment before = queries.get(ref, actor);
		Long amount = request == null || request.amount() == null ? null
				: Money.minor(request.amount(), before.currency(), "amount");
		if (amount != null && amount <= 0) {
			throw Refusal.invalidField("amount", "amount must be greater than zero");
		}
		Refund refund = refunds.refund(new RefundRequest(ref, amount, "sos-" + UUID.randomUUID(),
				request == null ? null : request.reason()), actor);
		Payment after = queries.get(ref, actor);
		return new Refunded(payments.bare(after), new RefundBrief(
				refund.providerRefundId() != null ? refund.providerRefundId() : refund.publicId().toString(),
				SosPayments.amount(refund.amountMinor(), refund.currency()),
				refund.providerStatus() != null ? refund.providerStatus() : refundStatus(refund.status())));
	}

	/**
	 * Confirms the PaymentIntent with {@code providerPayload.payment_method} and {@code returnUrl}; a declined card
	 * answers 200 with the payment {@code failed} and its {@code error_message}.
	 */
	@PostMapping("/{id}/confirm")
	ConfirmAnswer confirm(@PathVariable String id, @RequestBody(required = false) @Nullable ConfirmAsked request,
			@AuthenticationPrincipal Actor actor) {
		Map<String, Object> payload = request == null || request.providerPayload() == null ? Map.of()
				: request.providerPayload();
		String returnUrl = request == null ? null : request.returnUrl();
		if (returnUrl == null) {
			returnUrl = text(payload, "return_url", "providerPayload.return_url");
		}
		String method = text(payload, "payment_method", "providerPayload.payment_method");
		Confirmed confirmed = checkout.confirm(ref(id), new PaymentConfirmation(method, returnUrl), actor);
		return new ConfirmAnswer(payments.bare(confirmed.payment()), confirmed.providerStatus());
	}

	/** An unpaid payment fails and its PaymentIntent is cancelled at Stripe; a paid one is 409 (refund it). */
	@PostMapping("/{id}/cancel")
	Bare cancel(@PathVariable String id, @RequestBody(required = false) @Nullable CancelAsked request,
			@AuthenticationPrincipal Actor actor) {
		return new Bare(payments.bare(checkout.cancel(ref(id), request == null ? null : request.reason(), actor)));
	}

	/**
	 * Stripe's webhook: verified by {@code Stripe-Signature} over the raw body (a forged or stale one is 400),
	 * {@code payment_intent.succeeded} settles once, a repeated or unknown event is acknowledged.
	 */
	@PublicEndpoint
	@PostMapping("/webhook")
	Received webhook(@RequestBody(required = false) byte @Nullable [] body, @RequestHeader HttpHeaders headers) {
		Map<String, String> named = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		headers.forEach((name, values) -> {
			if (!values.isEmpty() && values.get(0) != null) {
				named.put(name, values.get(0));
			}
		});
		webhooks.receive(payments.provider(), body == null ? new byte[0] : body, named);
		return new Received(true);
	}

	private static Ref ref(String id) {
		return io.polyclinic.faces.Ids.uuid("id", id);
	}

	private static String refundStatus(RefundStatus status) {
		return switch (status) {
			case PROCESSED -> "succeeded";
			case PENDING -> "pending";
			case FAILED -> "failed";
		};
	}

	/** A string of the payload, or an object's {@code id} (a payment method given whole). */
	private static @Nullable String text(Map<String, Object> payload, String key, String field) {
		Object value = payload.get(key);
		if (value == null) {
			return null;
		}
		if (value instanceof Map<?, ?> object && object.get("id") instanceof String id) {
			return id;
		}
		if (!(value instanceof String s)) {
			throw Refusal.invalidField(field, field + " must be a string");
		}
		return s.isBlank() ? null : s;
	}
}
