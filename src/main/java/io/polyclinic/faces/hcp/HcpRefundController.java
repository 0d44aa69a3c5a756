package io.polyclinic.faces.hcp;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.polyclinic.billing.Payment;
import io.polyclinic.billing.Refund;
import io.polyclinic.billing.RefundListing;
import io.polyclinic.billing.RefundQueries;
import io.polyclinic.billing.RefundRequest;
import io.polyclinic.billing.Refunds;
import io.polyclinic.billing.Transactions;
import io.polyclinic.faces.DrfPage;
import io.polyclinic.faces.Ordering;
import io.polyclinic.faces.PageQuery;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Ref;
import io.polyclinic.platform.Refusal;

/**
 * Refunds at {@code /api/payments/refunds} and {@code /api/payments/transactions/{id}/refund}, admin only (billing
 * refuses patients and doctors itself): money goes back through the provider that took it — Stripe refunds name the
 * payment intent — and never more than was paid, however many refunds are asked at once. Each request is a refund of
 * its own unless it names an {@code Idempotency-Key}, which makes a repeated request the same refund.
 */
@RestController
@RequestMapping("/api/payments")
@PreAuthorize(HcpRefundController.ADMIN)
class HcpRefundController {

	static final String ADMIN = "hasAnyRole('ADMIN','SUPERADMIN','MANAGER')";

	private static final Map<String, RefundListing.Order> ORDERS = Map.of("created_at", RefundListing.Order.CREATED_AT,
			"amount", RefundListing.Order.AMOUNT);

	private final Refunds refunds;
	private final RefundQueries queries;
	private final Transactions transactions;
	private final HcpPayments payments;

	HcpRefundController(Refunds refunds, RefundQueries queries, Transactions transactions, HcpPayments payments) {
		this.refunds = refunds;
		this.queries = queries;
		this.transactions = transactions;
		this.payments = payments;
	}

	/** The original's {@code RefundCreateSerializer}: {@code amount} left out gives back all that is left. */
	record Create(@Nullable Long payment, @Nullable BigDecimal amount, @Nullable String reason) {
	}

	record Asked(@Nullable BigDecimal amount, @Nullable String reason) {
	}

	/** The refund's reason may be corrected; its amount and status are the provider's and only echo back unchanged. */
	record Change(@Nullable String reason, @Nullable BigDecimal amount, @Nullable String status) {
	}

	/** The original's answer ({@code refund_id, amount, status}), with the whole refund beside. */
	record Processed(long refundId, String amount, String status, HcpPayments.RefundJson refund) {
	}

	@GetMapping("/refunds")
	HcpReply<DrfPage<HcpPayments.RefundJson>> list(PageQuery query,
			@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable Long payment,
			@RequestParam(name = "payment__patient", required = false) @Nullable Long patient,
			@RequestParam(name = "payment__appointment", required = false) @Nullable Long appointment,
			@RequestParam(required = false) @Nullable String ordering, @AuthenticationPrincipal Actor actor) {
		var filter = status == null || status.isBlank() ? null : HcpPayments.RefundFilter.of(status);
		var order = Ordering.parse("ordering", ordering, ORDERS, new Ordering<>(RefundListing.Order.CREATED_AT, true));
		var page = queries.list(new RefundListing(filter == null ? null : filter.status(),
				filter == null ? null : filter.accepted(), payment, patient, appointment, order.key(), !order.descending()),
				query.pageable(), actor);
		return HcpReply.ok(DrfPage.of(page, query, "page", payments::refund), "Refunds retrieved successfully");
	}

	@PostMapping("/refunds")
	@ResponseStatus(HttpStatus.CREATED)
	HcpReply<HcpPayments.RefundJson> create(@RequestBody Create request,
			@RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
			@AuthenticationPrincipal Actor actor) {
		if (request.payment() == null) {
			throw HcpPayments.required("payment");
		}
		if (request.reason() == null || request.reason().isBlank()) {
			throw HcpPayments.required("reason");
		}
		Refund refund = refund(request.payment(), request.amount(), request.reason(), key, actor);
		return HcpReply.ok(payments.refund(queries.get(refund.id(), actor)), "Refund created successfully");
	}

	@GetMapping("/refunds/{id}")
	HcpReply<HcpPayments.RefundJson> get(@PathVariable long id, @AuthenticationPrincipal Actor actor) {
		return HcpReply.ok(payments.refund(queries.get(id, actor)), "Refund retrieved successfully");
	}

	@PutMapping("/refunds/{id}")
	HcpReply<HcpPayments.RefundJson> update(@PathVariable long id, @RequestBody Change request,
			@AuthenticationPrincipal Actor actor) {
		var current = queries.get(id, actor);
		Refund r = current.refund();
		if (request.amount() != null
				&& HcpPayments.minor(request.amount(), r.currency(), "amount") != r.amountMinor()) {
			throw Refusal.invalidField("amount", "The amount of a refund asked of the provider cannot change.");
		}
		if (request.status() != null && !request.status().trim().equals(HcpPayments.status(r))) {
			throw Refusal.invalidField("status", "A refund's status is the provider's: it cannot be set.");
		}
		if (request.reason() != null) {
			refunds.describe(id, request.reason(), actor);
		}
		return HcpReply.ok(payments.refund(queries.get(id, actor)), "Refund updated successfully");
	}

	/** The original's {@code process_refund}: {@code amount} left out gives back all that is left. */
	@PostMapping("/transactions/{id}/refund")
	HcpReply<Processed> process(@PathVariable long id, @RequestBody(required = false) @Nullable Asked request,
			@RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
			@AuthenticationPrincipal Actor actor) {
		Refund refund = refund(id, request == null ? null : request.amount(), request == null ? null : request.reason(),
				key, actor);
		var line = queries.get(refund.id(), actor);
		return HcpReply.ok(new Processed(refund.id(), HcpPayments.money(refund.amountMinor(), refund.currency()),
				HcpPayments.status(line.refund()), payments.refund(line)), "Refund processed successfully");
	}

	private Refund refund(long paymentId, @Nullable BigDecimal amount, @Nullable String reason, @Nullable String key,
			Actor actor) {
		Payment payment = transactions.get(paymentId, actor).payment();
		Long minor = amount == null ? null : HcpPayments.minor(amount, payment.currency(), "amount");
		String idempotency = key == null || key.isBlank() ? "hcp-" + UUID.randomUUID() : "hcp-" + key.strip();
		return refunds.refund(new RefundRequest(Ref.id(paymentId), minor, idempotency, reason), actor);
	}
}
