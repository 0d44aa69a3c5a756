package io.polyclinic.faces.hcp;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

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

import io.polyclinic.billing.Checkout;
import io.polyclinic.billing.CheckoutRequest;
import io.polyclinic.billing.PaymentCondition;
import io.polyclinic.billing.PaymentListing;
import io.polyclinic.billing.PaymentOrder;
import io.polyclinic.billing.TransactionListing;
import io.polyclinic.billing.Transactions;
import io.polyclinic.billing.WebhookResult;
import io.polyclinic.billing.Webhooks;
import io.polyclinic.faces.DrfPage;
import io.polyclinic.faces.Ordering;
import io.polyclinic.faces.PageQuery;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.PublicEndpoint;
import io.polyclinic.platform.Ref;
import io.polyclinic.scheduling.AppointmentViews;

/**
 * Payment transactions, intents and webhooks at {@code /api/payments}. A transaction is billing's payment: a patient
 * lists their own, a doctor those of their appointments, an admin all (billing scopes the list). Creating a transaction
 * and asking for an intent are one operation — a provider order for the appointment's fee, the same one when asked
 * again — through Stripe when it is configured, then Razorpay, otherwise the offline provider; only the appointment's
 * patient asks. Webhooks from every provider arrive at one public endpoint and are told apart by their signature
 * header.
 */
@RestController
@RequestMapping("/api/payments")
class HcpPaymentController {

	static final String PATIENT = "hasRole('PATIENT')";

	private static final Map<String, PaymentListing.Order> ORDERS = Map.of("created_at",
			PaymentListing.Order.CREATED_AT, "amount", PaymentListing.Order.AMOUNT);

	private final Transactions transactions;
	private final Checkout checkout;
	private final Webhooks webhooks;
	private final AppointmentViews appointments;
	private final HcpPayments payments;

	HcpPaymentController(Transactions transactions, Checkout checkout, Webhooks webhooks, AppointmentViews appointments,
			HcpPayments payments) {
		this.transactions = transactions;
		this.checkout = checkout;
		this.webhooks = webhooks;
		this.appointments = appointments;
		this.payments = payments;
	}

	/** The original's {@code PaymentTransactionCreateSerializer}: the amount, if given, must be the fee. */
	record Create(@Nullable Long appointmentId, @Nullable String provider, @Nullable BigDecimal amount,
			@Nullable String currency, @Nullable String description) {
	}

	record IntentAsked(@Nullable Long appointmentId, @Nullable String provider) {
	}

	/**
	 * What a client's checkout needs: Stripe's {@code client_secret}, or Razorpay's {@code order_id} with the
	 * {@code key_id} its checkout opens with (the offline provider speaks Razorpay's protocol).
	 */
	record Intent(long paymentId, String provider, @Nullable String clientSecret, String orderId, String keyId,
			String amount, String currency, String status) {
	}

	record Received(boolean received, String result) {
	}

	@GetMapping("/transactions")
	HcpReply<DrfPage<HcpPayments.Transaction>> list(PageQuery query,
			@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String provider,
			@RequestParam(required = false) @Nullable Long appointment,
			@RequestParam(required = false) @Nullable String ordering, @AuthenticationPrincipal Actor actor) {
		PaymentCondition condition = status == null || status.isBlank() ? null : HcpPayments.condition(status);
		var order = Ordering.parse("ordering", ordering, ORDERS, new Ordering<>(PaymentListing.Order.CREATED_AT, true));
		var page = transactions.list(new TransactionListing(condition,
				provider == null || provider.isBlank() ? null : provider.trim().toLowerCase(java.util.Locale.ROOT),
				appointment, order.key(), !order.descending()), query.pageable(), actor);
		return HcpReply.ok(DrfPage.of(page, query, "page", line -> payments.transaction(line, null)),
				"Payment transactions retrieved successfully");
	}

	/** The same operation as {@code /intent/}: the answer is the transaction, with its client secret. */
	@PostMapping("/transactions")
	@PreAuthorize(PATIENT)
	@ResponseStatus(HttpStatus.CREATED)
	HcpReply<HcpPayments.Transaction> create(@RequestBody Create request, @AuthenticationPrincipal Actor actor) {
		if (request.appointmentId() == null) {
			throw HcpPayments.required("appointment_id");
		}
		Ref appointment = Ref.id(request.appointmentId());
		Long expected = null;
		if (request.amount() != null) {
			String currency = appointments.get(appointment, actor).appointment().currency();
			expected = HcpPayments.minor(request.amount(), currency, "amount");
		}
		Map<String, String> metadata = request.description() == null || request.description().isBlank() ? Map.of()
				: Map.of("description", request.description().strip());
		PaymentOrder order = checkout.order(new CheckoutRequest(appointment, expected, request.currency(),
				payments.provider(request.provider()), null, metadata), actor);
		return HcpReply.ok(payments.transaction(transactions.get(order.paymentId(), actor), order.clientSecret()),
				"Payment transaction created successfully");
	}

	@GetMapping("/transactions/{id}")
	HcpReply<HcpPayments.Transaction> get(@PathVariable long id, @AuthenticationPrincipal Actor actor) {
		return HcpReply.ok(payments.transaction(transactions.get(id, actor), null),
				"Payment transaction retrieved successfully");
	}

	/**
	 * A payment for the appointment's fee; asking again answers the same open payment. An appointment already paid is
	 * 409, a closed or free one 409 too.
	 */
	@PostMapping("/intent")
	@PreAuthorize(PATIENT)
	HcpReply<Intent> intent(@RequestBody IntentAsked request, @AuthenticationPrincipal Actor actor) {
		if (request.appointmentId() == null) {
			throw HcpPayments.required("appointment_id");
		}
		PaymentOrder order = checkout.order(Ref.id(request.appointmentId()), null, payments.provider(request.provider()),
				actor);
		var line = transactions.get(order.paymentId(), actor);
		return HcpReply.ok(new Intent(order.paymentId(), order.provider(), order.clientSecret(), order.orderId(),
				order.keyId(), HcpPayments.money(order.amountMinor(), order.currency()), order.currency(),
				HcpPayments.status(line.payment().condition())), "Payment intent created successfully");
	}

	/**
	 * Every provider's webhooks: {@code Stripe-Signature} or {@code X-Razorpay-Signature} over the raw body decides
	 * whose it is; a missing or forged one is 400, a repeated event changes nothing and is acknowledged.
	 */
	@PublicEndpoint
	@PostMapping("/webhooks")
	HcpReply<Received> webhook(@RequestBody(required = false) byte @Nullable [] body,
			@RequestHeader HttpHeaders headers) {
		Map<String, String> named = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		headers.forEach((name, values) -> {
			if (!values.isEmpty() && values.get(0) != null) {
				named.put(name, values.get(0));
			}
		});
		WebhookResult result = webhooks.receive(body == null ? new byte[0] : body, named);
		return HcpReply.ok(new Received(true, result.name().toLowerCase(java.util.Locale.ROOT)), "Webhook processed");
	}
}
