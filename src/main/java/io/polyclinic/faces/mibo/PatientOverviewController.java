package io.polyclinic.faces.mibo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonFormat;

import io.polyclinic.billing.PaymentEntry;
import io.polyclinic.billing.PaymentQueries;
import io.polyclinic.directory.ClinicianRegistry;
import io.polyclinic.directory.PatientRegistry;
import io.polyclinic.platform.Actor;
import io.polyclinic.scheduling.Appointment;
import io.polyclinic.scheduling.AppointmentBook;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * The patient dashboard's overview and payments: {@code /api/patient/dashboard}, {@code /api/patient/payments}.
 */
@RestController
@RequestMapping("/api/patient")
@PreAuthorize("hasRole('PATIENT')")
class PatientOverviewController {

	private static final int UPCOMING = 5;
	private static final int RECENT_PAYMENTS = 5;

	private final PatientRegistry patients;
	private final AppointmentBook book;
	private final PaymentQueries payments;
	private final ClinicianRegistry clinicians;

	PatientOverviewController(PatientRegistry patients, AppointmentBook book, PaymentQueries payments,
			ClinicianRegistry clinicians) {
		this.patients = patients;
		this.book = book;
		this.payments = payments;
		this.clinicians = clinicians;
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
		long patientId = patients.self(actor).id();
		List<Appointment> upcoming = book.upcomingOfPatient(patientId, UPCOMING, actor);
		var names = clinicians.findAll(upcoming.stream().map(Appointment::clinicianId).distinct().toList());
		var paid = payments.summary(null, RECENT_PAYMENTS, actor);
		return Reply.of(new Overview(
				upcoming.stream().map(a -> new Upcoming(a.id(),
						names.containsKey(a.clinicianId()) ? names.get(a.clinicianId()).fullName() : null, a.date(),
						a.time(), a.sessionType().name())).toList(),
				paid.recent().stream().map(e -> new RecentPayment(e.payment().appointmentId(),
						MiboFormats.rupees(e.payment().amountMinor()), PaymentController.status(e.payment()),
						e.payment().paidAt())).toList(),
				book.countOfPatient(patientId), MiboFormats.rupees(paid.netPaidMinor())));
	}

	@GetMapping("/payments")
	Reply<List<PaymentItem>> payments(@AuthenticationPrincipal Actor actor,
			@RequestParam(defaultValue = "1") @Min(1) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
		List<PaymentEntry> found = payments.ofPatient(null, PageRequest.of(page - 1, limit), actor).getContent();
		return Reply.of(found.stream().map(e -> new PaymentItem(e.payment().appointmentId(), e.clinicianName(),
				MiboFormats.rupees(e.payment().amountMinor()), PaymentController.status(e.payment()),
				e.payment().method(), e.payment().paidAt())).toList());
	}
}
