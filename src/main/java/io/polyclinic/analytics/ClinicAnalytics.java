package io.polyclinic.analytics;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.polyclinic.analytics.internal.AnalyticsQueries;
import io.polyclinic.analytics.internal.RevenueBuckets;
import io.polyclinic.directory.AccessPolicy;
import io.polyclinic.directory.CentreRegistry;
import io.polyclinic.directory.LeadSource;
import io.polyclinic.directory.Reach;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Refusal;
import io.polyclinic.platform.Role;

/**
 * The management dashboard: headline counts, revenue over time, the busiest clinicians and where patients come from,
 * for the whole clinic or one centre. Only administrators, managers and centre managers may read it: administrators
 * and managers any centre or the whole clinic; a centre manager assigned to a centre only that centre (asking for no
 * centre means theirs), one assigned to none the whole clinic, as {@link AccessPolicy} reaches.
 *
 * <p>"Today", "this week" and the revenue buckets are days on the clinic's clock: the centre's time zone when one
 * centre is asked for, otherwise {@code polyclinic.default-time-zone}. Money is summed in minor units of the clinic's
 * currency ({@code polyclinic.default-currency}); payments in another currency are not added to it. Revenue is net:
 * refunds are subtracted when the money went back.
 */
@Service
@Transactional(readOnly = true)
public class ClinicAnalytics {

	public static final int DEFAULT_TOP_DOCTORS = 10;
	public static final int MAXIMUM_TOP_DOCTORS = 100;

	private static final Set<Role> READERS = Set.of(Role.ADMIN, Role.MANAGER, Role.CENTRE_MANAGER);

	private final AnalyticsQueries queries;
	private final RevenueBuckets revenue;
	private final CentreRegistry centres;
	private final AccessPolicy access;
	private final Clock clock;
	private final ZoneId defaultZone;
	private final String currency;

	ClinicAnalytics(AnalyticsQueries queries, RevenueBuckets revenue, CentreRegistry centres, AccessPolicy access,
			Clock clock,
			@Value("${polyclinic.default-time-zone:Asia/Kolkata}") String defaultZone,
			@Value("${polyclinic.default-currency:INR}") String currency) {
		this.queries = queries;
		this.revenue = revenue;
		this.centres = centres;
		this.access = access;
		this.clock = clock;
		this.defaultZone = ZoneId.of(defaultZone);
		this.currency = currency;
	}

	public Overview overview(@Nullable Long asked, Actor actor) {
		Scope scope = scope(asked, actor);
		Long centreId = scope.centreId();
		ZoneId zone = scope.zone();
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

	/** This month so far against the same stretch of last month (see {@link MonthOverMonth}). */
	public MonthOverMonth monthOverMonth(@Nullable Long asked, Actor actor) {
		Scope scope = scope(asked, actor);
		Long centreId = scope.centreId();
		ZoneId zone = scope.zone();
		Instant now = clock.instant();
		LocalDate firstOfMonth = LocalDate.now(clock.withZone(zone)).withDayOfMonth(1);
		Instant thisFrom = midnight(firstOfMonth, zone);
		Instant lastFrom = midnight(firstOfMonth.minusMonths(1), zone);
		Instant lastTo = lastFrom.plus(Duration.between(thisFrom, now));
		if (lastTo.isAfter(thisFrom)) {
			lastTo = thisFrom;
		}
		return new MonthOverMonth(
				new MonthOverMonth.Change(queries.patientsRegistered(centreId, thisFrom, now),
						queries.patientsRegistered(centreId, lastFrom, lastTo)),
				new MonthOverMonth.Change(queries.doctorsJoined(centreId, thisFrom, now),
						queries.doctorsJoined(centreId, lastFrom, lastTo)),
				new MonthOverMonth.Change(queries.followUpsBooked(centreId, thisFrom, now),
						queries.followUpsBooked(centreId, lastFrom, lastTo)),
				new MonthOverMonth.Change(revenueBetween(centreId, thisFrom, now),
						revenueBetween(centreId, lastFrom, lastTo)));
	}

	private long revenueBetween(@Nullable Long centreId, Instant from, Instant to) {
		if (!to.isAfter(from)) {
			return 0;
		}
		return revenue.revenueByBucket(centreId, currency, List.of(from, to)).getOrDefault(0, 0L);
	}

	/** The busiest clinicians first; {@code limit} from 1 to {@value #MAXIMUM_TOP_DOCTORS}. */
	public List<DoctorRanking> topDoctors(@Nullable Long centreId, int limit, Actor actor) {
		if (limit < 1 || limit > MAXIMUM_TOP_DOCTORS) {
			throw Refusal.invalidField("limit", "Limit must be between 1 and " + MAXIMUM_TOP_DOCTORS);
		}
		return queries.topDoctors(scope(centreId, actor).centreId(), currency, limit);
	}

	/** Revenue over the period's window (see {@link RevenuePeriod}), ending with the current bucket. */
	public RevenueSeries revenue(RevenuePeriod period, @Nullable Long asked, Actor actor) {
		Scope scope = scope(asked, actor);
		ZoneId zone = scope.zone();
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
		Map<Integer, Long> sums = revenue.revenueByBucket(scope.centreId(), currency, boundaries);
		List<RevenueSeries.Bucket> buckets = new ArrayList<>();
		long total = 0;
		for (int i = 0; i < starts.size(); i++) {
			long amount = sums.getOrDefault(i, 0L);
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
		Map<LeadSource, Long> counts = new EnumMap<>(LeadSource.class);
		queries.leadsBySource(scope(centreId, actor).centreId()).forEach((stored, count) -> counts.merge(
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

	/** The centre the figures are of (null: the whole clinic) and the clock they are read on. */
	private record Scope(@Nullable Long centreId, ZoneId zone) {
	}

	/**
	 * Checks the caller (refusals audited) and answers the centre they read: the one asked for, or, for a centre
	 * manager of one centre who asks for none, theirs. A centre that does not exist is NOT_FOUND to those allowed to
	 * ask for any.
	 */
	private Scope scope(@Nullable Long asked, Actor actor) {
		access.requireRole(actor, READERS, "READ", "ANALYTICS", asked);
		Reach reach = access.reachOf(actor);
		Long centreId = asked == null && reach.kind() == Reach.Kind.CENTRE ? reach.centreId() : asked;
		access.requireCentre(actor, centreId, "READ", "ANALYTICS", centreId);
		return new Scope(centreId, centreId == null ? defaultZone : centres.get(centreId).timeZone());
	}

	private static Instant midnight(LocalDate day, ZoneId zone) {
		return day.atStartOfDay(zone).toInstant();
	}
}
