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

import io.polyclinic.billing.Payment;
import io.polyclinic.directory.ClinicianRegistry;
import io.polyclinic.directory.PatientRegistry;
import io.polyclinic.platform.Actor;
import io.polyclinic.scheduling.Appointment;
import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.scheduling.AppointmentPayments;
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
	private final AppointmentPayments payments;
	private final ClinicianRegistry clinicians;

	PatientOverviewController(PatientRegistry patients, AppointmentBook book, AppointmentPayments payments,
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
		var names = clinicians.findAll(upcoming.stream().map(Appointment::clinicianId).toList());
		var recent = payments.ofPatient(patientId, PageRequest.of(0, RECENT_PAYMENTS), actor).getContent();
		return Reply.of(new Overview(
				upcoming.stream().map(a -> new Upcoming(a.id(),
						names.containsKey(a.clinicianId()) ? names.get(a.clinicianId()).fullName() : null, a.date(),
						a.time(), a.sessionType().name())).toList(),
				recent.stream().map(p -> new RecentPayment(p.appointmentId(), MiboFormats.rupees(p.amountMinor()), p.status().name(),
						p.paidAt())).toList(),
				book.countOfPatient(patientId), MiboFormats.rupees(payments.totalPaid(patientId, actor))));
	}

	@GetMapping("/payments")
	Reply<List<PaymentItem>> payments(@AuthenticationPrincipal Actor actor,
			@RequestParam(defaultValue = "1") @Min(1) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
		long patientId = patients.self(actor).id();
		List<Payment> found = payments.ofPatient(patientId, PageRequest.of(page - 1, limit), actor).getContent();
		var appointments = book.findAll(found.stream().map(Payment::appointmentId).toList());
		var names = clinicians.findAll(appointments.values().stream().map(Appointment::clinicianId).toList());
		return Reply.of(found.stream().map(p -> {
			Appointment a = appointments.get(p.appointmentId());
			var clinician = a == null ? null : names.get(a.clinicianId());
			return new PaymentItem(p.appointmentId(), clinician == null ? null : clinician.fullName(),
					MiboFormats.rupees(p.amountMinor()), p.status().name(), p.method(), p.paidAt());
		}).toList());
	}
}
