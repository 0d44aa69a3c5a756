package io.polyclinic.faces.hcp;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.polyclinic.billing.Earnings;
import io.polyclinic.platform.Actor;

/**
 * A doctor's earnings summary at {@code /api/payments/earnings}: their net share of all time
 * ({@code total_earnings}: (completed payments − completed refunds) × (1 − commission)) and of this month, what payouts
 * paid and will pay, and their recent payouts. A doctor sees their own; an admin names a doctor with
 * {@code doctor_id}. Billing decides who may.
 */
@RestController
@RequestMapping("/api/payments/earnings")
@PreAuthorize("hasAnyRole('CLINICIAN','ADMIN','SUPERADMIN','MANAGER')")
class HcpEarningsController {

	private final Earnings earnings;
	private final HcpPayments payments;

	HcpEarningsController(Earnings earnings, HcpPayments payments) {
		this.earnings = earnings;
		this.payments = payments;
	}

	@GetMapping
	HcpReply<HcpPayments.Earnings> earnings(@RequestParam(name = "doctor_id", required = false) @Nullable Long doctorId,
			@AuthenticationPrincipal Actor actor) {
		return HcpReply.ok(payments.earnings(earnings.of(doctorId, actor)), "Earnings retrieved successfully");
	}
}
