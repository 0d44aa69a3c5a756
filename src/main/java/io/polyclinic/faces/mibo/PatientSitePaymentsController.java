package io.polyclinic.faces.mibo;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.polyclinic.billing.Checkout;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Ref;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The patient website's checkout calls beyond mibo.md: whether a registration fee is due (Polyclinic charges none: a
 * booking costs the clinician's fee, which the order already says), and the report that the checkout was abandoned
 * or failed, which frees the appointment's time.
 */
@RestController
@RequestMapping("/api/payments")
@PreAuthorize("hasRole('PATIENT')")
class PatientSitePaymentsController {

	private final Checkout checkout;
	private final MiboPaymentProvider provider;

	PatientSitePaymentsController(Checkout checkout, MiboPaymentProvider provider) {
		this.checkout = checkout;
		this.provider = provider;
	}

	record RegistrationFee(boolean hasPaidRegistrationFee, long registrationFee) {
	}

	record CheckoutFailure(@NotNull(message = "Appointment ID is required") Long appointmentId,
			@NotBlank(message = "Razorpay order ID is required") String razorpayOrderId,
			@Nullable @Size(max = 100, message = "Error code must be at most 100 characters") String errorCode,
			@Nullable @Size(max = 500, message = "Error description must be at most 500 characters")
			String errorDescription) {
	}

	/** No registration fee is ever due: the site then shows the consultation fee alone, which is what is charged. */
	@GetMapping("/registration-fee-status")
	Reply<RegistrationFee> registrationFee() {
		return Reply.of(new RegistrationFee(true, 0));
	}

	@PostMapping("/failure")
	Reply<Void> failure(@Valid @RequestBody CheckoutFailure request, @AuthenticationPrincipal Actor actor) {
		String reason = request.errorDescription() != null ? request.errorDescription()
				: request.errorCode() != null ? request.errorCode() : null;
		checkout.abandon(Ref.id(request.appointmentId()), provider.name(), request.razorpayOrderId(), reason, actor);
		return Reply.message("Payment failure recorded; the appointment is cancelled and its time is free");
	}
}
