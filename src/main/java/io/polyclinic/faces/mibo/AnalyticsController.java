package io.polyclinic.faces.mibo;

import static io.polyclinic.faces.mibo.MiboFormats.rupees;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.polyclinic.analytics.ClinicAnalytics;
import io.polyclinic.analytics.DoctorRanking;
import io.polyclinic.analytics.LeadShare;
import io.polyclinic.analytics.MonthOverMonth;
import io.polyclinic.analytics.Overview;
import io.polyclinic.analytics.RevenuePeriod;
import io.polyclinic.analytics.RevenueSeries;
import io.polyclinic.directory.Clinician;
import io.polyclinic.directory.ClinicianRegistry;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Refusal;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Management dashboards: {@code /api/analytics}, for administrators, managers and centre managers. Every figure
 * takes an optional {@code centreId}. Money is shown in whole rupees (rounded half up from paise); {@code period}
 * defaults to {@code month}, {@code limit} to 10 (at most 100).
 */
@RestController
@RequestMapping("/api/analytics")
@PreAuthorize("hasAnyRole('ADMIN','MANAGER','CENTRE_MANAGER')")
class AnalyticsController {

	private final ClinicAnalytics analytics;
	private final ClinicianRegistry clinicians;

	AnalyticsController(ClinicAnalytics analytics, ClinicianRegistry clinicians) {
		this.analytics = analytics;
		this.clinicians = clinicians;
	}

	/**
	 * The contract's figures, and the admin panel's names for two of them: {@code activeDoctors} (the active
	 * clinicians, {@code totalDoctors}) and {@code followUpsBooked} ({@code totalFollowUps}); and the panel's trends,
	 * each in percent, this month so far against the same stretch of last month: {@code totalPatientsChange} (patients
	 * registered), {@code activeDoctorsChange} (clinicians joined), {@code followUpsBookedChange} (follow-ups booked),
	 * {@code totalRevenueChange} (net money taken).
	 */
	record Dashboard(long totalPatients, long totalDoctors, long totalFollowUps, long totalRevenue,
			long appointmentsToday, long appointmentsThisWeek, long appointmentsThisMonth, long activeDoctors,
			long followUpsBooked, double totalPatientsChange, double activeDoctorsChange, double followUpsBookedChange,
			double totalRevenueChange) {

		static Dashboard of(Overview o, MonthOverMonth m) {
			return new Dashboard(o.totalPatients(), o.totalDoctors(), o.totalFollowUps(), rupees(o.totalRevenueMinor()),
					o.appointmentsToday(), o.appointmentsThisWeek(), o.appointmentsThisMonth(), o.totalDoctors(),
					o.totalFollowUps(), m.patients().percent(), m.doctors().percent(), m.followUps().percent(),
					m.revenueMinor().percent());
		}
	}

	/**
	 * The contract's ranking, and the admin panel's card: {@code id}, {@code name}, the first {@code specialty},
	 * the picture as {@code avatar} and {@code patientCount} (the appointments, as the original backend counted it).
	 */
	record TopDoctor(long clinicianId, String clinicianName, long totalAppointments, long totalRevenue,
			@Nullable BigDecimal averageRating, long id, String name, @Nullable String specialty,
			@Nullable String avatar, long patientCount) {

		static TopDoctor of(DoctorRanking d, @Nullable Clinician c) {
			return new TopDoctor(d.clinicianId(), d.clinicianName(), d.totalAppointments(),
					rupees(d.totalRevenueMinor()), d.averageRating(), d.clinicianId(), d.clinicianName(),
					c == null || c.specializations().isEmpty() ? null : c.specializations().get(0),
					c == null ? null : c.profilePictureUrl(), d.totalAppointments());
		}
	}

	record Revenue(String period, long totalRevenue, List<DayRevenue> revenueByDate) {

		static Revenue of(RevenueSeries s) {
			return new Revenue(s.period().label(), rupees(s.totalRevenueMinor()),
					s.buckets().stream().map(b -> new DayRevenue(b.start(), rupees(b.revenueMinor()))).toList());
		}
	}

	/** {@code date} is the first day of the bucket: the day, the week's Monday, the month's or the year's first. */
	record DayRevenue(LocalDate date, long revenue) {
	}

	/** The contract's share, and the admin panel's chart slice: {@code label}, {@code value} and a {@code color}. */
	record Lead(String source, long count, int percentage, String label, long value, String color) {

		/** One colour per source, so that a source keeps its colour from one day's chart to the next. */
		private static final List<String> COLOURS = List.of("#3b82f6", "#22c55e", "#f59e0b", "#10b981", "#8b5cf6",
				"#ec4899", "#6b7280");

		static Lead of(LeadShare l) {
			return new Lead(l.source().label(), l.count(), l.percentage(), l.source().label(), l.count(),
					COLOURS.get(l.source().ordinal() % COLOURS.size()));
		}
	}

	@GetMapping("/dashboard")
	Reply<Dashboard> dashboard(@RequestParam(required = false) @Nullable Long centreId,
			@AuthenticationPrincipal Actor actor) {
		return Reply.of(
				Dashboard.of(analytics.overview(centreId, actor), analytics.monthOverMonth(centreId, actor)));
	}

	@GetMapping("/top-doctors")
	Reply<List<TopDoctor>> topDoctors(
			@RequestParam(defaultValue = "10") @Min(value = 1, message = "Limit must be between 1 and 100")
			@Max(value = ClinicAnalytics.MAXIMUM_TOP_DOCTORS, message = "Limit must be between 1 and 100") int limit,
			@RequestParam(required = false) @Nullable Long centreId, @AuthenticationPrincipal Actor actor) {
		List<DoctorRanking> ranking = analytics.topDoctors(centreId, limit, actor);
		Map<Long, Clinician> byId = clinicians.findAll(ranking.stream().map(DoctorRanking::clinicianId).toList());
		return Reply.of(ranking.stream().map(d -> TopDoctor.of(d, byId.get(d.clinicianId()))).toList());
	}

	@GetMapping("/revenue")
	Reply<Revenue> revenue(@RequestParam(defaultValue = "month") String period,
			@RequestParam(required = false) @Nullable Long centreId, @AuthenticationPrincipal Actor actor) {
		RevenuePeriod parsed = RevenuePeriod.parse(period)
			.orElseThrow(() -> Refusal.invalidField("period", "Must be one of day, week, month, year"));
		return Reply.of(Revenue.of(analytics.revenue(parsed, centreId, actor)));
	}

	@GetMapping("/leads-by-source")
	Reply<List<Lead>> leadsBySource(@RequestParam(required = false) @Nullable Long centreId,
			@AuthenticationPrincipal Actor actor) {
		return Reply.of(analytics.leadsBySource(centreId, actor).stream().map(Lead::of).toList());
	}
}
