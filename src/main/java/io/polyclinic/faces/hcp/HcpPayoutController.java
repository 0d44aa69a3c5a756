package io.polyclinic.faces.hcp;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonAlias;

import io.polyclinic.billing.Payout;
import io.polyclinic.billing.PayoutChange;
import io.polyclinic.billing.PayoutGenerated;
import io.polyclinic.billing.PayoutListing;
import io.polyclinic.billing.PayoutRequest;
import io.polyclinic.billing.PayoutStatus;
import io.polyclinic.billing.Payouts;
import io.polyclinic.faces.DrfPage;
import io.polyclinic.faces.LocalFormats;
import io.polyclinic.faces.Ordering;
import io.polyclinic.faces.PageQuery;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Refusal;

/**
 * Doctor payouts at {@code /api/payments/payouts}, admin only (billing keeps them to administrators and managers): a
 * payout is the doctor's share of a period — (completed payments − completed refunds) × (1 − the platform's
 * commission) — with its gross, refunds and commission beside. Creating one and generating one are the same
 * operation; a period that has its payout answers that payout (200) and pays nothing more, a new one is 201.
 */
@RestController
@RequestMapping("/api/payments/payouts")
@PreAuthorize(HcpRefundController.ADMIN)
class HcpPayoutController {

	private static final Map<String, PayoutListing.Order> ORDERS = Map.of("created_at", PayoutListing.Order.CREATED_AT,
			"amount", PayoutListing.Order.AMOUNT, "period_start", PayoutListing.Order.PERIOD_START);

	private final Payouts payouts;
	private final HcpPayments payments;

	HcpPayoutController(Payouts payouts, HcpPayments payments) {
		this.payouts = payouts;
		this.payments = payments;
	}

	/** {@code doctor} as the original's create serializer names it, {@code doctor_id} as generate does. */
	record Generate(@JsonAlias("doctor") @Nullable Long doctorId, @Nullable String periodStart,
			@Nullable String periodEnd, @Nullable BigDecimal amount) {
	}

	/** The original's answer ({@code payout_id, amount, appointments_count, period_*}), with the whole payout beside. */
	record Generated(long payoutId, String amount, int appointmentsCount, String periodStart, String periodEnd,
			HcpPayments.PayoutJson payout) {
	}

	/** What is recorded as a payout is sent; its amounts and period are computed and only echo back unchanged. */
	record Change(@Nullable String status, @Nullable String externalPayoutId, @Nullable BigDecimal amount,
			@Nullable String periodStart, @Nullable String periodEnd) {
	}

	@GetMapping
	HcpReply<DrfPage<HcpPayments.PayoutJson>> list(PageQuery query,
			@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable Long doctor,
			@RequestParam(name = "period_start", required = false) @Nullable String periodStart,
			@RequestParam(name = "period_end", required = false) @Nullable String periodEnd,
			@RequestParam(required = false) @Nullable String ordering, @AuthenticationPrincipal Actor actor) {
		PayoutStatus s = status == null || status.isBlank() ? null : HcpPayments.payoutStatus(status);
		var order = Ordering.parse("ordering", ordering, ORDERS, new Ordering<>(PayoutListing.Order.CREATED_AT, true));
		var page = payouts.list(new PayoutListing(s, doctor, LocalFormats.optionalDate("period_start", periodStart),
				LocalFormats.optionalDate("period_end", periodEnd), order.key(), !order.descending()), query.pageable(),
				actor);
		return HcpReply.ok(DrfPage.of(page, query, "page", payments::payout), "Payouts retrieved successfully");
	}

	@PostMapping
	ResponseEntity<HcpReply<HcpPayments.PayoutJson>> create(@RequestBody Generate request,
			@AuthenticationPrincipal Actor actor) {
		PayoutGenerated generated = generate(request, actor);
		return ResponseEntity.status(generated.created() ? HttpStatus.CREATED : HttpStatus.OK).body(HcpReply.ok(
				payments.payout(generated.payout()), generated.created() ? "Payout created successfully"
						: "A payout for this period exists already"));
	}

	@PostMapping("/generate")
	ResponseEntity<HcpReply<Generated>> generated(@RequestBody Generate request, @AuthenticationPrincipal Actor actor) {
		PayoutGenerated generated = generate(request, actor);
		Payout p = generated.payout();
		var json = payments.payout(p);
		return ResponseEntity.status(generated.created() ? HttpStatus.CREATED : HttpStatus.OK).body(HcpReply.ok(
				new Generated(p.id(), json.amount(), p.appointmentsCount(), json.periodStart(), json.periodEnd(), json),
				generated.created() ? "Payout generated successfully" : "A payout for this period exists already"));
	}

	@GetMapping("/{id}")
	HcpReply<HcpPayments.PayoutJson> get(@PathVariable long id, @AuthenticationPrincipal Actor actor) {
		return HcpReply.ok(payments.payout(payouts.get(id, actor)), "Payout retrieved successfully");
	}

	@PutMapping("/{id}")
	HcpReply<HcpPayments.PayoutJson> update(@PathVariable long id, @RequestBody Change request,
			@AuthenticationPrincipal Actor actor) {
		Payout current = payouts.get(id, actor);
		if (request.amount() != null
				&& HcpPayments.minor(request.amount(), current.currency(), "amount") != current.netMinor()) {
			throw Refusal.invalidField("amount", "A payout's amount is computed: it cannot be set.");
		}
		if (request.periodStart() != null
				&& !LocalFormats.date("period_start", request.periodStart()).equals(current.periodStart())) {
			throw Refusal.invalidField("period_start", "A payout's period cannot change: generate another payout.");
		}
		if (request.periodEnd() != null
				&& !LocalFormats.date("period_end", request.periodEnd()).equals(current.periodEnd())) {
			throw Refusal.invalidField("period_end", "A payout's period cannot change: generate another payout.");
		}
		PayoutStatus status = request.status() == null ? null : HcpPayments.payoutStatus(request.status());
		return HcpReply.ok(payments.payout(payouts.record(id, new PayoutChange(status, request.externalPayoutId()),
				actor)), "Payout updated successfully");
	}

	private PayoutGenerated generate(Generate request, Actor actor) {
		if (request.doctorId() == null) {
			throw HcpPayments.required("doctor_id");
		}
		if (request.periodStart() == null || request.periodStart().isBlank()) {
			throw HcpPayments.required("period_start");
		}
		if (request.periodEnd() == null || request.periodEnd().isBlank()) {
			throw HcpPayments.required("period_end");
		}
		LocalDate start = LocalFormats.date("period_start", request.periodStart());
		LocalDate end = LocalFormats.date("period_end", request.periodEnd());
		Long expected = request.amount() == null ? null
				: HcpPayments.minor(request.amount(), payments.currency(), "amount");
		return payouts.generate(new PayoutRequest(request.doctorId(), start, end, expected), actor);
	}
}
