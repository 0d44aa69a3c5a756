package io.polyclinic.faces.mibo;

import static io.polyclinic.faces.mibo.MiboFormats.rupees;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

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
import io.polyclinic.analytics.Overview;
import io.polyclinic.analytics.RevenuePeriod;
import io.polyclinic.analytics.RevenueSeries;
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

	AnalyticsController(ClinicAnalytics analytics) {
		this.analytics = analytics;
	}

	record Dashboard(long totalPatients, long totalDoctors, long totalFollowUps, long totalRevenue,
			long appointmentsToday, long appointmentsThisWeek, long appointmentsThisMonth) {

		static Dashboard of(Overview o) {
			return new Dashboard(o.totalPatients(), o.totalDoctors(), o.totalFollowUps(), rupees(o.totalRevenueMinor()),
					o.appointmentsToday(), o.appointmentsThisWeek(), o.appointmentsThisMonth());
		}
	}

	record TopDoctor(long clinicianId, String clinicianName, long totalAppointments, long totalRevenue,
			@Nullable BigDecimal averageRating) {

		static TopDoctor of(DoctorRanking d) {
			return new TopDoctor(d.clinicianId(), d.clinicianName(), d.totalAppointments(),
					rupees(d.totalRevenueMinor()), d.averageRating());
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

	record Lead(String source, long count, int percentage) {

		static Lead of(LeadShare l) {
			return new Lead(l.source().label(), l.count(), l.percentage());
		}
	}

	@GetMapping("/dashboard")
	Reply<Dashboard> dashboard(@RequestParam(required = false) @Nullable Long centreId,
			@AuthenticationPrincipal Actor actor) {
		return Reply.of(Dashboard.of(analytics.overview(centreId, actor)));
	}

	@GetMapping("/top-doctors")
	Reply<List<TopDoctor>> topDoctors(
			@RequestParam(defaultValue = "10") @Min(value = 1, message = "Limit must be between 1 and 100")
			@Max(value = ClinicAnalytics.MAXIMUM_TOP_DOCTORS, message = "Limit must be between 1 and 100") int limit,
			@RequestParam(required = false) @Nullable Long centreId, @AuthenticationPrincipal Actor actor) {
		return Reply.of(analytics.topDoctors(centreId, limit, actor).stream().map(TopDoctor::of).toList());
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
