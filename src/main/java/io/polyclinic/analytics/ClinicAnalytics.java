package io.polyclinic.analytics;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.polyclinic.analytics.internal.AnalyticsQueries;
import io.polyclinic.audit.AuditLog;
import io.polyclinic.audit.AuditRecord;
import io.polyclinic.directory.CentreRegistry;
import io.polyclinic.directory.LeadSource;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Role;
import io.polyclinic.platform.Refusal;

/**
 * The management dashboard: headline counts, revenue over time, the busiest clinicians and where patients come from,
 * for the whole clinic or one centre. Only administrators, managers and centre managers may read it.
 *
 * <p>"Today", "this week" and the revenue buckets are days on the clinic's clock: the centre's time zone when one
 * centre is asked for, otherwise {@code polyclinic.default-time-zone}. Money is summed in minor units of the clinic's
 * currency ({@code polyclinic.default-currency}); payments in another currency are not added to it.
 */
@Service
@Transactional(readOnly = true)
public class ClinicAnalytics {

	public static final int DEFAULT_TOP_DOCTORS = 10;
	public static final int MAXIMUM_TOP_DOCTORS = 100;

	private final AnalyticsQueries queries;
	private final CentreRegistry centres;
	private final AuditLog audit;
	private final Clock clock;
	private final ZoneId defaultZone;
	private final String currency;

	ClinicAnalytics(AnalyticsQueries queries, CentreRegistry centres, AuditLog audit, Clock clock,
			@Value("${polyclinic.default-time-zone:Asia/Kolkata}") String defaultZone,
			@Value("${polyclinic.default-currency:INR}") String currency) {
		this.queries = queries;
		this.centres = centres;
		this.audit = audit;
		this.clock = clock;
		this.defaultZone = ZoneId.of(defaultZone);
		this.currency = currency;
	}

	public Overview overview(@Nullable Long centreId, Actor actor) {
		ZoneId zone = scope(centreId, actor);
		LocalDate today = LocalDate.now(clock.withZone(zone));
		LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		LocalDate firstOfMonth = today.withDayOfMonth(1);
		return new Overview(queries.patients(centreId), queries.doctors(centreId), queries.followUps(centreId),
				queries.revenue(centreId, currency),
				queries.appointmentsStarting(centreId, midnight(today, zone), midnight(today.plusDays(1), zone)),
				queries.appointmentsStarting(centreId, midnight(monday, zone), midnight(monday.plusWeeks(1), zone)),
				queries.appointmentsStarting(centreId, midnight(firstOfMonth, zone),
						midnight(firstOfMonth.plusMonths(1), zone)));
	}

	/** The busiest clinicians first; {@code limit} from 1 to {@value #MAXIMUM_TOP_DOCTORS}. */
	public List<DoctorRanking> topDoctors(@Nullable Long centreId, int limit, Actor actor) {
		if (limit < 1 || limit > MAXIMUM_TOP_DOCTORS) {
			throw Refusal.invalidField("limit", "Limit must be between 1 and " + MAXIMUM_TOP_DOCTORS);
		}
		scope(centreId, actor);
		return queries.topDoctors(centreId, currency, limit);
	}

	/** Revenue over the period's window (see {@link RevenuePeriod}), ending with the current bucket. */
	public RevenueSeries revenue(RevenuePeriod period, @Nullable Long centreId, Actor actor) {
		ZoneId zone = scope(centreId, actor);
		LocalDate current = period.start(LocalDate.now(clock.withZone(zone)));
		List<LocalDate> starts = new ArrayList<>();
		LocalDate start = current;
		for (int i = 1; i < period.buckets(); i++) {
			start = period.previous(start);
		}
		for (int i = 0; i < period.buckets(); i++) {
			starts.add(start);
			start = period.next(start);
		}
		List<Instant> boundaries = new ArrayList<>(starts.stream().map(d -> midnight(d, zone)).toList());
		boundaries.add(midnight(start, zone));
		Map<Integer, Long> revenue = queries.revenueByBucket(centreId, currency, boundaries);
		List<RevenueSeries.Bucket> buckets = new ArrayList<>();
		long total = 0;
		for (int i = 0; i < starts.size(); i++) {
			long amount = revenue.getOrDefault(i, 0L);
			buckets.add(new RevenueSeries.Bucket(starts.get(i), amount));
			total += amount;
		}
		return new RevenueSeries(period, total, buckets);
	}

	/**
	 * Patients by lead source, most first. Percentages are whole numbers that add up to 100 (when there are
	 * patients): each source gets its share rounded down, and the points still missing go to the sources that lost
	 * the most in rounding (the largest-remainder method).
	 */
	public List<LeadShare> leadsBySource(@Nullable Long centreId, Actor actor) {
		scope(centreId, actor);
		Map<LeadSource, Long> counts = new EnumMap<>(LeadSource.class);
		queries.leadsBySource(centreId).forEach((stored, count) -> counts.merge(
				LeadSource.parse(stored).orElse(LeadSource.OTHER), count, Long::sum));
		long total = counts.values().stream().mapToLong(Long::longValue).sum();
		if (total == 0) {
			return List.of();
		}
		Map<LeadSource, Integer> percentages = new EnumMap<>(LeadSource.class);
		counts.forEach((source, count) -> percentages.put(source, (int) (count * 100 / total)));
		int missing = 100 - percentages.values().stream().mapToInt(Integer::intValue).sum();
		counts.keySet().stream()
			.sorted(Comparator.comparingLong((LeadSource s) -> counts.get(s) * 100 % total).reversed()
				.thenComparing(Comparator.comparingLong(counts::get).reversed())
				.thenComparing(Comparator.naturalOrder()))
			.limit(missing)
			.forEach(source -> percentages.merge(source, 1, Integer::sum));
		return counts.entrySet().stream()
			.sorted(Map.Entry.<LeadSource, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
			.map(e -> new LeadShare(e.getKey(), e.getValue(), percentages.get(e.getKey())))
			.toList();
	}

	/** Checks the caller and the centre (404 when there is none), and answers the clock the figures are read on. */
	private ZoneId scope(@Nullable Long centreId, Actor actor) {
		if (!actor.is(Role.ADMIN, Role.MANAGER, Role.CENTRE_MANAGER)) {
			audit.recordDenied(AuditRecord.denied(actor, "READ", "ANALYTICS",
					centreId, null));
			throw Refusal.forbidden();
		}
		return centreId == null ? defaultZone : centres.get(centreId).timeZone();
	}

	private static Instant midnight(LocalDate day, ZoneId zone) {
		return day.atStartOfDay(zone).toInstant();
	}
}
