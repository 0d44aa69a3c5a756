package io.polyclinic.faces.sos;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonRawValue;

import io.polyclinic.analytics.AdminDashboard;
import io.polyclinic.billing.PaymentListing;
import io.polyclinic.billing.PaymentQueries;
import io.polyclinic.directory.People;
import io.polyclinic.scheduling.AppointmentQuery;
import io.polyclinic.scheduling.AppointmentViews;
import io.polyclinic.faces.LocalFormats;
import io.polyclinic.faces.Money;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Refusal;

/**
 * The admin dashboard: {@code /api/v1/admin/dashboard}, in camelCase as the document shows it. Every total equals
 * the total of the matching list; amounts are in major units, per currency under {@code currencies} (upper-case ISO
 * codes), and summed across currencies where the document shows one number.
 */
@RestController
@RequestMapping("/api/v1/admin/dashboard")
@PreAuthorize(SosRoles.ADMIN_OR_SECRETARY)
class SosDashboardController {

	/** The most of each kind recent activity shows. */
	private static final int MOST_RECENT = 50;

	private final AdminDashboard dashboard;
	private final People people;
	private final AppointmentViews appointments;
	private final SosAppointments sosAppointments;
	private final PaymentQueries payments;
	private final SosPayments sosPayments;

	SosDashboardController(AdminDashboard dashboard, People people, AppointmentViews appointments,
			SosAppointments sosAppointments, PaymentQueries payments, SosPayments sosPayments) {
		this.dashboard = dashboard;
		this.people = people;
		this.appointments = appointments;
		this.sosAppointments = sosAppointments;
		this.payments = payments;
		this.sosPayments = sosPayments;
	}

	record RecentActivity(@JsonProperty("recentUsers") List<RecentUser> recentUsers,
			@JsonProperty("recentAppointments") List<RecentAppointment> recentAppointments,
			@JsonProperty("recentPayments") List<RecentPayment> recentPayments) {
	}

	record RecentUser(UUID id, String name, @Nullable String email, @Nullable String phone, String role,
			Instant createdAt, Instant updatedAt) {
	}

	record RecentAppointment(UUID id, UUID userId, UUID doctorId, String date, String startTime, String endTime,
			String status, String consultationType, List<String> symptoms, @Nullable String additionalNote,
			@JsonRawValue @Nullable String visitLocation, Instant createdAt, Instant updatedAt, NameAndEmail patient,
			NameAndEmail doctor) {
	}

	record RecentPayment(UUID id, UUID appointmentId, UUID userId, BigDecimal amount, String currency, String status,
			String paymentMethod, @Nullable String stripePaymentIntentId, @Nullable Instant paidAt, Instant createdAt,
			Instant updatedAt, NameAndEmail user) {
	}

	record NameAndEmail(String name, @Nullable String email) {
	}

	/** The newest users, appointments and payments, at most {@code limit} (10 unless asked, at most 50) of each. */
	@GetMapping("/recent-activity")
	RecentActivity recent(@RequestParam(defaultValue = "10") int limit, @AuthenticationPrincipal Actor actor) {
		if (limit < 1 || limit > MOST_RECENT) {
			throw Refusal.invalidField("limit", "limit must be between 1 and " + MOST_RECENT);
		}
		var newest = PageRequest.of(0, limit);
		var users = people.find(Set.of(), null, null, newest, actor).getContent().stream()
			.map(a -> new RecentUser(a.publicId(), a.fullName(), a.email(), a.phone(), SosRoles.name(a.role()),
					a.createdAt(), a.updatedAt()))
			.toList();
		var booked = sosAppointments.details(appointments
			.find(AppointmentQuery.all().ordered(AppointmentQuery.Order.BOOKED_LAST), newest, actor).getContent());
		var recentAppointments = booked.stream()
			.map(d -> new RecentAppointment(d.id(), d.userId(), d.doctorId(), d.date(), d.startTime(), d.endTime(),
					d.status(), d.consultationType(), d.symptoms(), d.additionalNote(), d.visitLocation(), d.createdAt(),
					d.updatedAt(), new NameAndEmail(d.patient().name(), d.patient().email()),
					new NameAndEmail(d.doctor().name(), d.doctor().email())))
			.toList();
		var paid = sosPayments.listed(payments.list(PaymentListing.newestFirst(null), newest, actor).getContent()
			.stream().map(e -> e.payment()).toList());
		var recentPayments = paid.stream()
			.map(p -> new RecentPayment(p.id(), p.appointmentId(), p.userId(), p.amount(), p.currency(), p.status(),
					p.paymentMethod(), p.stripePaymentIntentId(), p.paidAt(), p.createdAt(), p.updatedAt(),
					new NameAndEmail(p.user().name(), p.user().email())))
			.toList();
		return new RecentActivity(users, recentAppointments, recentPayments);
	}

	record StatsBody(Stats stats) {
	}

	record Stats(Users users, Doctors doctors, Appointments appointments, Payments payments,
			@JsonProperty("medicalRecords") Records medicalRecords) {
	}

	record Users(long total, long active, long blocked, long pending) {
	}

	record Doctors(long total, long listed, long unlisted) {
	}

	record Appointments(long total, long confirmed, long completed, long cancelled, long pending) {
	}

	record Payments(@JsonProperty("totalRevenue") BigDecimal totalRevenue, long successful, long failed, long refunded) {
	}

	record Records(long total, long shared, @JsonProperty("private") long privateRecords) {
	}

	record Analytics(List<Point> data, Summary summary, String period, @JsonProperty("dateRange") Range dateRange) {
	}

	record Point(String date, long count, @JsonProperty("totalAmount") BigDecimal totalAmount,
			@JsonProperty("averageAmount") BigDecimal averageAmount, long successful, long failed, long pending,
			Map<String, CurrencyTotal> currencies) {
	}

	record Summary(@JsonProperty("totalPayments") long totalPayments, @JsonProperty("totalAmount") BigDecimal totalAmount,
			@JsonProperty("successfulPayments") long successfulPayments,
			@JsonProperty("failedPayments") long failedPayments, @JsonProperty("pendingPayments") long pendingPayments,
			@JsonProperty("averagePayment") BigDecimal averagePayment, Map<String, CurrencyTotal> currencies) {
	}

	record CurrencyTotal(BigDecimal total, long count) {
	}

	record Range(Instant start, Instant end) {
	}

	@GetMapping("/stats")
	StatsBody stats(@AuthenticationPrincipal Actor actor) {
		var s = dashboard.stats(actor);
		BigDecimal revenue = s.revenue().entrySet().stream()
			.map(e -> Money.major(e.getValue(), e.getKey()))
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		return new StatsBody(new Stats(new Users(s.users(), s.activeUsers(), s.blockedUsers(), 0),
				new Doctors(s.doctors(), s.listedDoctors(), s.doctors() - s.listedDoctors()),
				new Appointments(s.appointments(), s.confirmedAppointments(), s.completedAppointments(),
						s.cancelledAppointments(), s.pendingAppointments()),
				new Payments(revenue, s.successfulPayments(), s.failedPayments(), s.refundedPayments()),
				new Records(s.records(), s.sharedRecords(), s.records() - s.sharedRecords())));
	}

	@GetMapping("/analytics")
	Analytics analytics(@RequestParam(defaultValue = "month") String period,
			@RequestParam(required = false) @Nullable String startDate,
			@RequestParam(required = false) @Nullable String endDate, @AuthenticationPrincipal Actor actor) {
		AdminDashboard.Period p = switch (period.trim().toLowerCase(Locale.ROOT)) {
			case "day" -> AdminDashboard.Period.DAY;
			case "week" -> AdminDashboard.Period.WEEK;
			case "month" -> AdminDashboard.Period.MONTH;
			case "year" -> AdminDashboard.Period.YEAR;
			default -> throw Refusal.invalidField("period", "Must be one of day, week, month, year");
		};
		var series = dashboard.payments(p, date("startDate", startDate), date("endDate", endDate), actor);
		var summary = series.summary();
		BigDecimal total = total(summary.currencies());
		return new Analytics(series.buckets().stream().map(b -> point(b, p)).toList(),
				new Summary(summary.count(), total, summary.successful(), summary.failed(), summary.pending(),
						AdminDashboard.average(total, summary.successful()), currencies(summary.currencies())),
				p.name().toLowerCase(Locale.ROOT), new Range(series.from().atStartOfDay().toInstant(ZoneOffset.UTC),
						series.to().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusMillis(1)));
	}

	/** A date of the range: {@code YYYY-MM-DD}, or an ISO instant whose UTC day is taken. */
	private static @Nullable LocalDate date(String field, @Nullable String value) {
		if (value != null && value.contains("T")) {
			Instant instant = LocalFormats.optionalInstant(field, value);
			return instant == null ? null : LocalDate.ofInstant(instant, ZoneOffset.UTC);
		}
		return LocalFormats.optionalDate(field, value);
	}

	private static Point point(AdminDashboard.Bucket b, AdminDashboard.Period period) {
		BigDecimal total = total(b.currencies());
		String label = switch (period) {
			case DAY, WEEK -> b.start().toString();
			case MONTH -> b.start().toString().substring(0, 7);
			case YEAR -> String.valueOf(b.start().getYear());
		};
		return new Point(label, b.count(), total, AdminDashboard.average(total, b.successful()), b.successful(),
				b.failed(), b.pending(), currencies(b.currencies()));
	}

	private static BigDecimal total(Map<String, AdminDashboard.CurrencyTotal> currencies) {
		return currencies.entrySet().stream().map(e -> Money.major(e.getValue().totalMinor(), e.getKey()))
			.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	private static Map<String, CurrencyTotal> currencies(Map<String, AdminDashboard.CurrencyTotal> currencies) {
		Map<String, CurrencyTotal> shown = new LinkedHashMap<>();
		currencies.forEach((code, t) -> shown.put(code.toUpperCase(Locale.ROOT),
				new CurrencyTotal(Money.major(t.totalMinor(), code), t.count())));
		return shown;
	}
}
