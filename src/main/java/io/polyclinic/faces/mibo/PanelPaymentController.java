package io.polyclinic.faces.mibo;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.polyclinic.billing.LinkRequest;
import io.polyclinic.billing.PaymentLinks;
import io.polyclinic.billing.SentPaymentLink;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Ref;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * The admin panel's payment-link calls (the original backend's dialect, not in mibo.md):
 * {@code POST /api/payment/send-link} (singular {@code payment}) from the front-desk wizard and
 * {@code POST /api/appointments/{id}/send-payment-link} from the booking page. Both are billing's payment link for
 * the appointment's fee, sent over WhatsApp, as {@code POST /api/payments/create-link} is, for the same roles.
 */
@RestController
class PanelPaymentController {

	private static final String SENDERS = "hasAnyRole('ADMIN','MANAGER','FRONT_DESK','CARE_COORDINATOR')";

	private final PaymentLinks links;
	private final MiboPaymentProvider provider;

	PanelPaymentController(PaymentLinks links, MiboPaymentProvider provider) {
		this.links = links;
		this.provider = provider;
	}

	/** The wizard's body: the appointment, and the patient's name and phone the link goes to. */
	record SendLink(@NotNull(message = "Appointment id is required") Long appointmentId,
			@Nullable String patientPhone, @Nullable String patientName) {
	}

	/**
	 * {@code /api/payments/create-link}'s answer, and the panel's names beside it: {@code paymentLink} (the short
	 * URL), {@code whatsappSent}, {@code amount} in whole rupees.
	 */
	record LinkSent(String paymentLinkId, String shortUrl, @Nullable Instant expiresAt, String paymentLink,
			boolean whatsappSent, long amount) {

		static LinkSent of(SentPaymentLink sent) {
			var link = sent.link();
			return new LinkSent(link.linkId(), link.shortUrl(), link.expiresAt(), link.shortUrl(), sent.sent(),
					MiboFormats.rupees(link.amountMinor()));
		}
	}

	@PostMapping("/api/payment/send-link")
	@PreAuthorize(SENDERS)
	Reply<LinkSent> sendLink(@Valid @RequestBody SendLink request, @AuthenticationPrincipal Actor actor) {
		return reply(links.send(new LinkRequest(Ref.id(request.appointmentId()), null, blankToNull(request.patientName()),
				blankToNull(request.patientPhone()), null, null, null), provider.name(), actor));
	}

	@PostMapping("/api/appointments/{id}/send-payment-link")
	@PreAuthorize(SENDERS)
	Reply<LinkSent> sendForAppointment(@PathVariable long id, @AuthenticationPrincipal Actor actor) {
		return reply(links.send(LinkRequest.of(Ref.id(id)), provider.name(), actor));
	}

	private static Reply<LinkSent> reply(SentPaymentLink sent) {
		return Reply.of(sent.sent() ? "Payment link created and sent via WhatsApp"
				: "Payment link created; the WhatsApp message could not be sent", LinkSent.of(sent));
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}
}
