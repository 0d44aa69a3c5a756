package io.polyclinic.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import io.polyclinic.analytics.internal.DashboardQueries;
import io.polyclinic.analytics.internal.DashboardQueries.DayOfPayments;
import io.polyclinic.directory.AccessPolicy;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Refusal;

/**
 * The clinic-wide administration dashboard: how many people, doctors, appointments, payments and records there are
 * (each total the same as its list's), and payments over time by day, week, month or year, per currency. Every figure
 * is counted and summed by the database. For the clinic's staff who reach the whole clinic.
 */
@Service
public class AdminDashboard {

	/** The longest series one answer covers. */
	public static final int MAXIMUM_DAYS = 3700;

	private final DashboardQueries queries;
	private final AccessPolicy access;
	private final Clock clock;

	AdminDashboard(DashboardQueries queries, AccessPolicy access, Clock clock) {
		this.queries = queries;
		this.access = access;
		this.clock = clock;
	}

	public enum Period {
		DAY, WEEK, MONTH, YEAR
	}

	/**
	 * @param successfulPayments settled and not refunded at all; {@code refundedPayments} those refunded in part or in
	 *        whole
	 * @param revenue what the clinic keeps of settled payments (less refunds), per currency, in minor units
	 */
	public record Stats(long users, long activeUsers, long blockedUsers, long doctors, long listedDoctors,
			long appointments, long confirmedAppointments, long completedAppointments, long cancelledAppointments,
			long pendingAppointments, Map<String, Long> revenue, long successfulPayments, long failedPayments,
			long refundedPayments, long records, long sharedRecords) {
	}

	/** One currency's share of a bucket: the settled amount (minor units) and how many payments were settled. */
	public record CurrencyTotal(long totalMinor, long count) {
	}

	/**
	 * One bucket of payments made in it: how many, how many settled, failed and pending, and the settled amounts per
	 * currency.
	 *
	 * @param start the bucket's first day (a Monday for weeks, the first of the month or year)
	 */
	public record Bucket(LocalDate start, long count, long successful, long failed, long pending,
			Map<String, CurrencyTotal> currencies) {
	}

	/** The buckets of {@code [from, to]}, every one in it, empty ones included, and the whole range's sum. */
	public record Series(Period period, LocalDate from, LocalDate to, List<Bucket> buckets, Bucket summary) {
	}

	public Stats stats(Actor actor) {
		requireClinicStaff(actor, "STATS");
		return queries.stats();
	}

	/**
	 * Payments made in {@code [from, to]} (UTC days), in buckets of the period. Without dates: the last 30 days, 12
	 * weeks, 12 months or 5 years up to today.
	 */
	public Series payments(Period period, @Nullable LocalDate from, @Nullable LocalDate to, Actor actor) {
		requireClinicStaff(actor, "PAYMENT_SERIES");
		LocalDate last = to != null ? to : LocalDate.now(clock.withZone(ZoneOffset.UTC));
		LocalDate first = from != null ? from : switch (period) {
			case DAY -> last.minusDays(29);
			case WEEK -> last.minusWeeks(11);
			case MONTH -> last.minusMonths(11);
			case YEAR -> last.minusYears(4);
		};
		if (last.isBefore(first)) {
			throw Refusal.invalidField("to", "The end must not be before the start");
		}
		if (ChronoUnit.DAYS.between(first, last) > MAXIMUM_DAYS) {
			throw Refusal.invalidField("to", "At most " + MAXIMUM_DAYS + " days at once");
		}
		Map<LocalDate, Bucket> buckets = new TreeMap<>();
		for (LocalDate start = start(first, period); !start.isAfter(last); start = next(start, period)) {
			buckets.put(start, new Bucket(start, 0, 0, 0, 0, Map.of()));
		}
		Bucket summary = new Bucket(first, 0, 0, 0, 0, Map.of());
		for (DayOfPayments day : queries.paymentsByDay(first, last.plusDays(1))) {
			LocalDate key = start(day.day(), period);
			buckets.put(key, add(buckets.getOrDefault(key, new Bucket(key, 0, 0, 0, 0, Map.of())), day));
			summary = add(summary, day);
		}
		return new Series(period, first, last, List.copyOf(buckets.values()), summary);
	}

	/** The average of a total over a count, two decimals; zero for none. */
	public static BigDecimal average(BigDecimal total, long count) {
		return count == 0 ? BigDecimal.ZERO : total.divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP);
	}

	private static Bucket add(Bucket bucket, DayOfPayments day) {
		Map<String, CurrencyTotal> currencies = new LinkedHashMap<>(bucket.currencies());
		if (day.successful() > 0) {
			currencies.merge(day.currency(), new CurrencyTotal(day.settledMinor(), day.successful()),
					(a, b) -> new CurrencyTotal(a.totalMinor() + b.totalMinor(), a.count() + b.count()));
		}
		return new Bucket(bucket.start(), bucket.count() + day.count(), bucket.successful() + day.successful(),
				bucket.failed() + day.failed(), bucket.pending() + day.pending(), currencies);
	}

	private static LocalDate start(LocalDate day, Period period) {
		return switch (period) {
			case DAY -> day;
			case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
			case MONTH -> day.withDayOfMonth(1);
			case YEAR -> day.withDayOfYear(1);
		};
	}

	private static LocalDate next(LocalDate start, Period period) {
		return switch (period) {
			case DAY -> start.plusDays(1);
			case WEEK -> start.plusWeeks(1);
			case MONTH -> start.plusMonths(1);
			case YEAR -> start.plusYears(1);
		};
	}

	private void requireClinicStaff(Actor actor, String action) {
		if (!(actor.isStaff() && access.reachOf(actor).clinicWide())) {
			throw access.denied(actor, action, "DASHBOARD", null, null);
		}
	}
}
