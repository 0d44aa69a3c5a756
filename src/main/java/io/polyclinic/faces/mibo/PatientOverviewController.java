package io.polyclinic.faces.mibo;

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

import io.polyclinic.billing.PaymentEntry;
import io.polyclinic.billing.PaymentQueries;
import io.polyclinic.faces.Money;
import io.polyclinic.faces.PageQuery;
import io.polyclinic.platform.Actor;
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

	record Upcoming(long id, @Nullable String clinicianName, LocalDate appointmentDate,
			@JsonFormat(pattern = "HH:mm:ss") LocalTime appointmentTime, String sessionType) {
	}

	record RecentPayment(long appointmentId, long amount, String status, @Nullable Instant paidAt) {
	}

	record Overview(List<Upcoming> upcomingAppointments, List<RecentPayment> recentPayments, long totalAppointments,
			long totalSpent) {
	}

	record PaymentItem(long appointmentId, @Nullable String clinicianName, long amount, String status,
			@Nullable String paymentMethod, @Nullable Instant paidAt) {
	}

	@GetMapping("/dashboard")
	Reply<Overview> dashboard(@AuthenticationPrincipal Actor actor) {
		var ahead = appointments.ahead(UPCOMING, actor);
		var paid = payments.summary(null, RECENT_PAYMENTS, actor);
		return Reply.of(new Overview(
				ahead.next().stream().map(v -> new Upcoming(v.appointment().id(), v.clinician().fullName(),
						v.appointment().date(), v.appointment().time(), v.appointment().sessionType().name())).toList(),
				paid.recent().stream().map(e -> new RecentPayment(e.payment().appointmentId(),
						Money.whole(e.payment().amountMinor(), e.payment().currency()), PaymentController.status(e.payment()),
						e.payment().paidAt())).toList(),
				ahead.allAppointments(), MiboFormats.rupees(paid.netPaidMinor())));
	}

	@GetMapping("/payments")
	Reply<List<PaymentItem>> payments(@AuthenticationPrincipal Actor actor, PageQuery page) {
		List<PaymentEntry> found = payments.ofPatient(null, page.pageable(), actor).getContent();
		return Reply.of(found.stream().map(e -> new PaymentItem(e.payment().appointmentId(), e.clinicianName(),
				Money.whole(e.payment().amountMinor(), e.payment().currency()), PaymentController.status(e.payment()),
				e.payment().method(), e.payment().paidAt())).toList());
	}
}
