package io.polyclinic.faces.mibo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.polyclinic.billing.PaymentEntry;
import io.polyclinic.billing.PaymentQueries;
import io.polyclinic.faces.Money;
import io.polyclinic.faces.PageQuery;
import io.polyclinic.platform.Actor;
import io.polyclinic.scheduling.Appointment;
import io.polyclinic.scheduling.AppointmentStatus;
import io.polyclinic.scheduling.AppointmentSummary;
import io.polyclinic.scheduling.AppointmentViews;

/**
 * The patient dashboard's overview and payments: {@code /api/patient/dashboard}, {@code /api/patient/payments}.
 */
@RestController
@RequestMapping("/api/patient")
@PreAuthorize("hasRole('PATIENT')")
class PatientOverviewController {

	private static final int UPCOMING = 5;
	private static final int RECENT_PAYMENTS = 5;

	private final AppointmentViews appointments;
	private final PaymentQueries payments;

	PatientOverviewController(AppointmentViews appointments, PaymentQueries payments) {
		this.appointments = appointments;
		this.payments = payments;
	}

	/** mibo.md's item, then the patient website's names for the same appointment. */
	@JsonPropertyOrder({ "id", "clinicianName", "appointmentDate", "appointmentTime", "sessionType", "clinician_name",
			"centre_name", "appointment_type", "scheduled_start_at", "scheduled_end_at", "duration_minutes", "status" })
	record Upcoming(long id, @Nullable String clinicianName, LocalDate appointmentDate,
			@JsonFormat(pattern = "HH:mm:ss") LocalTime appointmentTime, String sessionType,
			@JsonProperty("clinician_name") @Nullable String clinicianNameAgain,
			@JsonProperty("centre_name") @Nullable String centreName,
			@JsonProperty("appointment_type") String appointmentType,
			@JsonProperty("scheduled_start_at") Instant scheduledStartAt,
			@JsonProperty("scheduled_end_at") Instant scheduledEndAt,
			@JsonProperty("duration_minutes") long durationMinutes, AppointmentStatus status) {

		static Upcoming of(AppointmentSummary v) {
			Appointment a = v.appointment();
			return new Upcoming(a.id(), v.clinician().fullName(), a.date(), a.time(), a.sessionType().name(),
					v.clinician().fullName(), v.centre() == null ? null : v.centre().name(), a.sessionType().name(),
					MiboFormats.instant(a.startsAt()), MiboFormats.instant(a.endsAt()),
					Duration.between(a.startsAt(), a.endsAt()).toMinutes(), MiboAppointments.shown(a.status()));
		}
	}

	/** The patient website's greeting: who is signed in (the phone without its {@code +}, as the website adds it). */
	record Me(long id, String name, @Nullable String phone, @Nullable String email) {
	}

	/** The patient website's tiles. */
	record Statistics(long totalAppointments, long completedAppointments, long upcomingAppointments,
			long totalSpent) {
	}

	record RecentPayment(long appointmentId, long amount, String status, @Nullable Instant paidAt) {
	}

	/** mibo.md's overview; {@code patient} and {@code statistics} are the patient website's. */
	@JsonPropertyOrder({ "upcomingAppointments", "recentPayments", "totalAppointments", "totalSpent", "patient",
			"statistics" })
	record Overview(List<Upcoming> upcomingAppointments, List<RecentPayment> recentPayments, long totalAppointments,
			long totalSpent, Me patient, Statistics statistics) {
	}

	record PaymentItem(long appointmentId, @Nullable String clinicianName, long amount, String status,
			@Nullable String paymentMethod, @Nullable Instant paidAt) {
	}

	@GetMapping("/dashboard")
	Reply<Overview> dashboard(@AuthenticationPrincipal Actor actor) {
		var ahead = appointments.ahead(UPCOMING, actor);
		var paid = payments.summary(null, RECENT_PAYMENTS, actor);
		var me = ahead.patient();
		long spent = MiboFormats.rupees(paid.netPaidMinor());
		return Reply.of(new Overview(ahead.next().stream().map(Upcoming::of).toList(),
				paid.recent().stream().map(e -> new RecentPayment(e.payment().appointmentId(),
						Money.whole(e.payment().amountMinor(), e.payment().currency()), PaymentController.status(e.payment()),
						e.payment().paidAt())).toList(),
				ahead.allAppointments(), spent,
				new Me(me.id(), me.fullName(), me.phone() == null ? null : me.phone().replace("+", ""), me.email()),
				new Statistics(ahead.allAppointments(), ahead.completedAppointments(), ahead.upcomingAppointments(),
						spent)));
	}

	@GetMapping("/payments")
	Reply<List<PaymentItem>> payments(@AuthenticationPrincipal Actor actor, PageQuery page) {
		List<PaymentEntry> found = payments.ofPatient(null, page.pageable(), actor).getContent();
		return Reply.of(found.stream().map(e -> new PaymentItem(e.payment().appointmentId(), e.clinicianName(),
				Money.whole(e.payment().amountMinor(), e.payment().currency()), PaymentController.status(e.payment()),
				e.payment().method(), e.payment().paidAt())).toList());
	}
}
