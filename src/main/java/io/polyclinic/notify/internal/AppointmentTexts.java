package io.polyclinic.notify.internal;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import io.polyclinic.scheduling.Appointment;
import io.polyclinic.scheduling.AppointmentView;
import io.polyclinic.scheduling.SessionType;

/**
 * What patients are told about their appointments and payments, in short sentences: the clinician, the date and time
 * on the clinician's clock (with its zone, since the patient may be elsewhere), and for an online visit its link.
 */
final class AppointmentTexts {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy", Locale.ENGLISH);
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm a", Locale.ENGLISH);

	private AppointmentTexts() {
	}

	static String confirmed(AppointmentView v, @Nullable String link) {
		return joined(greeting(v) + "your " + visit(v) + " " + when(v.appointment()) + " is confirmed.", link);
	}

	static String reminder(AppointmentView v, @Nullable String link) {
		return joined(greeting(v) + "your " + visit(v) + " " + when(v.appointment()) + " is coming up.", link);
	}

	static String cancelled(AppointmentView v) {
		return greeting(v) + "your " + visit(v) + " " + when(v.appointment()) + " is cancelled.";
	}

	static String rescheduled(AppointmentView v, @Nullable String link) {
		return joined(greeting(v) + "your " + visit(v) + " has moved to " + time(v.appointment()) + ".", link);
	}

	static String receipt(AppointmentView v, long amountMinor, String currency, String reference) {
		return greeting(v) + "we received your payment of " + money(amountMinor, currency) + " for your " + visit(v)
				+ " " + when(v.appointment()) + ". Reference: " + reference + ".";
	}

	static String refund(AppointmentView v, long amountMinor, String currency, boolean full) {
		return greeting(v) + "we have refunded " + money(amountMinor, currency) + (full ? "" : ", part of your payment,")
				+ " for your " + visit(v) + " " + when(v.appointment())
				+ ". It may take a few days to reach your account.";
	}

	/** An amount as patients read it: the rupee sign for INR, the currency's code otherwise. */
	static String money(long amountMinor, String currency) {
		int digits;
		try {
			digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
		}
		catch (IllegalArgumentException e) {
			digits = 2;
		}
		String amount = BigDecimal.valueOf(amountMinor, digits).toPlainString();
		return "INR".equals(currency) ? "\u20B9" + amount : currency + " " + amount;
	}

	private static String greeting(AppointmentView v) {
		String name = v.patient().fullName();
		return name.isBlank() ? "Hello, " : "Hello " + name + ", ";
	}

	private static String visit(AppointmentView v) {
		String clinician = v.clinician().fullName();
		return (v.appointment().sessionType() == SessionType.ONLINE ? "online" : "in-person") + " appointment"
				+ (clinician.isBlank() ? "" : " with " + clinician);
	}

	private static String when(Appointment a) {
		return "on " + time(a);
	}

	private static String time(Appointment a) {
		return DATE.format(a.date()) + " at " + TIME.format(a.time()) + " (" + a.timeZone().getId() + ")";
	}

	private static String joined(String text, @Nullable String link) {
		return link == null ? text : text + " Join here: " + link;
	}
}
