package io.polyclinic.notify.internal;

import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Currency;

import org.springframework.stereotype.Component;

import io.polyclinic.billing.PaymentLinkDelivery;
import io.polyclinic.billing.PaymentLinkNotice;
import io.polyclinic.notify.Channel;
import io.polyclinic.notify.Message;
import io.polyclinic.notify.MessageKind;
import io.polyclinic.notify.Messenger;

/** Billing's payment links, sent to the customer over WhatsApp in the clinic's words. */
@Component
class PaymentLinkMessages implements PaymentLinkDelivery {

	private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

	private final Messenger messenger;

	PaymentLinkMessages(Messenger messenger) {
		this.messenger = messenger;
	}

	@Override
	public boolean deliver(PaymentLinkNotice link) {
		String body = "Hello " + link.customerName() + ", please pay " + money(link.amountMinor(), link.currency())
				+ " for your appointment: " + link.shortUrl()
				+ (link.expiresAt() == null ? "." : " (valid until " + UNTIL.format(link.expiresAt().atOffset(ZoneOffset.UTC))
						+ ").");
		return messenger.send(new Message(Channel.WHATSAPP, link.customerPhone(), "Payment link", body,
				MessageKind.PAYMENT_LINK, link.patientId(), link.appointmentId(), false)).sent();
	}

	static String money(long amountMinor, String currency) {
		int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
		String amount = BigDecimal.valueOf(amountMinor, digits).toPlainString();
		return "INR".equals(currency) ? "\u20B9" + amount : currency + " " + amount;
	}
}
