package io.polyclinic.faces.sos;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.polyclinic.billing.Payment;
import io.polyclinic.billing.PaymentProviders;
import io.polyclinic.directory.Clinician;
import io.polyclinic.directory.ClinicianRegistry;
import io.polyclinic.directory.Patient;
import io.polyclinic.directory.PatientRegistry;
import io.polyclinic.directory.People;
import io.polyclinic.faces.LocalFormats;
import io.polyclinic.faces.Money;
import io.polyclinic.identity.Account;
import io.polyclinic.platform.Refusal;
import io.polyclinic.scheduling.Appointment;
import io.polyclinic.scheduling.AppointmentBook;

/**
 * sos's payment object: billing's payment in the contract's words — amounts in major units, the currency in lower
 * case, the statuses {@code pending|processing|succeeded|failed|refunded|partially_refunded}, the Stripe ids — with the
 * patient's {@code user} and the {@code appointment} (and its doctor) beside it in lists and details. The people and
 * appointments of a page are read in one query each.
 */
@Component
class SosPayments {

	private final AppointmentBook book;
	private final PatientRegistry patients;
	private final ClinicianRegistry clinicians;
	private final People people;
	private final PaymentProviders providers;

	SosPayments(AppointmentBook book, PatientRegistry patients, ClinicianRegistry clinicians, People people,
			PaymentProviders providers) {
		this.book = book;
		this.patients = patients;
		this.clinicians = clinicians;
		this.people = people;
		this.providers = providers;
	}

	/** The provider sos speaks: Stripe when it is configured, otherwise the offline provider (demo). */
	String provider() {
		return providers.first(PaymentProviders.STRIPE, PaymentProviders.OFFLINE);
	}

	/** The payment of answers that show it alone (refund, confirm, cancel). */
	record Bare(UUID id, UUID appointmentId, UUID userId, BigDecimal amount, String currency, String status,
			String paymentMethod, @Nullable String stripePaymentIntentId, @Nullable String stripeChargeId,
			@Nullable String stripeRefundId, @Nullable BigDecimal refundAmount, @Nullable String refundReason,
			@Nullable Map<String, String> metadata, @Nullable String errorMessage, @Nullable Instant paidAt,
			@Nullable Instant refundedAt, Instant createdAt, Instant updatedAt) {
	}

	/** A payment of the list, with its patient and appointment. */
	record Listed(UUID id, UUID appointmentId, UUID userId, BigDecimal amount, String currency, String status,
			String paymentMethod, @Nullable String stripePaymentIntentId, @Nullable String stripeChargeId,
			@Nullable String stripeRefundId, @Nullable BigDecimal refundAmount, @Nullable String refundReason,
			@Nullable Map<String, String> metadata, @Nullable String errorMessage, @Nullable Instant paidAt,
			@Nullable Instant refundedAt, Instant createdAt, Instant updatedAt, SosPeople.Person user,
			AppointmentBrief appointment) {
	}

	/** A payment's details: its appointment with the doctor. */
	record Detailed(UUID id, UUID appointmentId, UUID userId, BigDecimal amount, String currency, String status,
			String paymentMethod, @Nullable String stripePaymentIntentId, @Nullable String stripeChargeId,
			@Nullable String stripeRefundId, @Nullable BigDecimal refundAmount, @Nullable String refundReason,
			@Nullable Map<String, String> metadata, @Nullable String errorMessage, @Nullable Instant paidAt,
			@Nullable Instant refundedAt, Instant createdAt, Instant updatedAt, SosPeople.Person user,
			AppointmentDetail appointment) {
	}

	record AppointmentBrief(UUID id, String date, String startTime, String consultationType) {
	}

	record AppointmentDetail(UUID id, String date, String startTime, String consultationType, DoctorBrief doctor) {
	}

	record DoctorBrief(String name, @Nullable String specialisation) {
	}

	Bare bare(Payment p) {
		Context c = context(List.of(p));
		return bare(p, c.appointment(p), c.user(p));
	}

	List<Listed> listed(Collection<Payment> payments) {
		Context c = context(payments);
		return payments.stream().map(p -> {
			Appointment a = c.appointment(p);
			Bare b = bare(p, a, c.user(p));
			return new Listed(b.id(), b.appointmentId(), b.userId(), b.amount(), b.currency(), b.status(),
					b.paymentMethod(), b.stripePaymentIntentId(), b.stripeChargeId(), b.stripeRefundId(),
					b.refundAmount(), b.refundReason(), b.metadata(), b.errorMessage(), b.paidAt(), b.refundedAt(),
					b.createdAt(), b.updatedAt(), c.user(p), new AppointmentBrief(a.publicId(), LocalFormats.date(a.date()),
							LocalFormats.time(a.time()), SosAppointments.kind(a.consultationType())));
		}).toList();
	}

	Detailed detailed(Payment p) {
		Context c = context(List.of(p));
		Appointment a = c.appointment(p);
		Bare b = bare(p, a, c.user(p));
		Clinician doctor = clinicians.get(a.clinicianId());
		return new Detailed(b.id(), b.appointmentId(), b.userId(), b.amount(), b.currency(), b.status(),
				b.paymentMethod(), b.stripePaymentIntentId(), b.stripeChargeId(), b.stripeRefundId(), b.refundAmount(),
				b.refundReason(), b.metadata(), b.errorMessage(), b.paidAt(), b.refundedAt(), b.createdAt(),
				b.updatedAt(), c.user(p), new AppointmentDetail(a.publicId(), LocalFormats.date(a.date()),
						LocalFormats.time(a.time()), SosAppointments.kind(a.consultationType()),
						new DoctorBrief(doctor.fullName(), SosPeople.specialisation(doctor))));
	}

	private static Bare bare(Payment p, Appointment a, SosPeople.Person user) {
		return new Bare(p.publicId(), a.publicId(), user.id(), amount(p.amountMinor(), p.currency()),
				p.currency().toLowerCase(Locale.ROOT), status(p), method(p.method()), p.orderId(), p.providerPaymentId(),
				p.lastRefundId(), p.refundedMinor() > 0 ? amount(p.refundedMinor(), p.currency()) : null,
				p.refundReason(), p.metadata().isEmpty() ? null : p.metadata(), p.failureReason(),
				LocalFormats.instantOrNull(p.paidAt()), LocalFormats.instantOrNull(p.refundedAt()),
				LocalFormats.instant(p.createdAt()), LocalFormats.instant(p.updatedAt()));
	}

	/** sos's statuses: the standing (refunds counted), and {@code processing} while Stripe processes an intent. */
	static String status(Payment p) {
		return switch (p.standing()) {
			case PENDING -> p.processing() ? "processing" : "pending";
			case PAID -> "succeeded";
			case FAILED -> "failed";
			case REFUNDED -> "refunded";
			case PARTIALLY_REFUNDED -> "partially_refunded";
		};
	}

	/** sos's three ways to pay; the clinic's other words for them (UPI, wallets, net banking) fall into one. */
	static String method(@Nullable String method) {
		if (method == null) {
			return "card";
		}
		return switch (method) {
			case "MOBILE_MONEY", "UPI", "WALLET" -> "mobile_money";
			case "BANK_TRANSFER", "NETBANKING", "EMANDATE", "NACH" -> "bank_transfer";
			default -> "card";
		};
	}

	/** The clinic's word for one of sos's ways to pay; 400 for another. */
	static String methodOf(@Nullable String sos) {
		if (sos == null || sos.isBlank()) {
			return "CARD";
		}
		return switch (sos.trim().toLowerCase(Locale.ROOT)) {
			case "card" -> "CARD";
			case "mobile_money" -> "MOBILE_MONEY";
			case "bank_transfer" -> "BANK_TRANSFER";
			default -> throw Refusal.invalidField("payment_method",
					"payment_method must be one of card, mobile_money, bank_transfer");
		};
	}

	static BigDecimal amount(long minor, String currency) {
		return Money.major(minor, currency);
	}

	private Context context(Collection<Payment> payments) {
		Map<Long, Appointment> appointments = book.findAll(payments.stream().map(Payment::appointmentId).toList());
		Map<Long, Patient> byPatient = patients.findAll(payments.stream().map(Payment::patientId).distinct().toList());
		Map<Long, Account> accounts = people.byIds(byPatient.values().stream().map(Patient::userId).toList());
		return new Context(appointments, byPatient.values().stream().collect(Collectors.toMap(Patient::id,
				pt -> accounts.get(pt.userId()), (x, y) -> x)));
	}

	private record Context(Map<Long, Appointment> appointments, Map<Long, Account> users) {

		Appointment appointment(Payment p) {
			Appointment a = appointments.get(p.appointmentId());
			if (a == null) {
				throw Refusal.notFound("Appointment");
			}
			return a;
		}

		SosPeople.Person user(Payment p) {
			Account account = users.get(p.patientId());
			if (account == null) {
				throw Refusal.notFound("User");
			}
			return SosPeople.person(account);
		}
	}
}
