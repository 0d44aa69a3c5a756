package io.polyclinic.analytics.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Revenue per bucket, from boundary i up to boundary i+1, the boundaries being the clinic's local midnights as instants:
 * the UTC days wholly inside a bucket come from the per-day sums, and the days a boundary cuts (all of them for days
 * in a zone off UTC, none for months in UTC) from the ledger, split at the boundary. Exact in any zone, half-hour
 * offsets and daylight-saving days included; the ledger is read for at most one day per boundary.
 */
@Repository
public class RevenueBuckets {

	private final JdbcClient jdbc;

	RevenueBuckets(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Payments less refunds per bucket index; buckets without money are absent from the answer. */
	public Map<Integer, Long> revenueByBucket(@Nullable Long centreId, String currency, List<Instant> boundaries) {
		int buckets = boundaries.size() - 1;
		Instant from = boundaries.get(0);
		Instant to = boundaries.get(buckets);
		Map<Integer, Long> revenue = new HashMap<>();
		String atCentre = centreId == null ? "" : " AND centre_key = :centreId";
		LocalDate firstWhole = day(from.plus(1, ChronoUnit.DAYS).minusNanos(1));
		LocalDate endWhole = day(to);
		if (firstWhole.isBefore(endWhole)) {
			var days = jdbc.sql("SELECT utc_day, SUM(amount_minor) FROM analytics_money_days WHERE currency = :currency"
					+ atCentre + " AND utc_day >= :from AND utc_day < :to GROUP BY utc_day")
				.param("currency", currency).param("from", firstWhole).param("to", endWhole);
			if (centreId != null) {
				days = days.param("centreId", centreId);
			}
			days.query(rs -> {
				Instant start = rs.getObject(1, LocalDate.class).atStartOfDay(ZoneOffset.UTC).toInstant();
				int bucket = bucketOf(boundaries, start);
				if (!start.plus(1, ChronoUnit.DAYS).isAfter(boundaries.get(bucket + 1))) {
					revenue.merge(bucket, rs.getLong(2), Long::sum);
				} // else a boundary cuts the day: the ledger below answers for it
			});
		}
		List<Instant[]> cut = cutDays(boundaries);
		if (cut.isEmpty()) {
			return revenue;
		}
		// one bucket needs no CASE (a CASE without a WHEN is not SQL)
		StringBuilder bucket = new StringBuilder(buckets == 1 ? "0" : "CASE");
		for (int i = 1; i < buckets; i++) {
			bucket.append(" WHEN occurred_at < :b").append(i).append(" THEN ").append(i - 1);
		}
		if (buckets > 1) {
			bucket.append(" ELSE ").append(buckets - 1).append(" END");
		}
		List<String> ranges = new ArrayList<>();
		for (int i = 0; i < cut.size(); i++) {
			ranges.add("(occurred_at >= :c" + i + " AND occurred_at < :d" + i + ")");
		}
		String sql = "SELECT t.bucket, SUM(t.amount_minor) FROM (SELECT " + bucket + " AS bucket, amount_minor"
				+ " FROM analytics_money WHERE currency = :currency" + atCentre + " AND ("
				+ String.join(" OR ", ranges) + ")) t GROUP BY t.bucket";
		var ledger = jdbc.sql(sql).param("currency", currency);
		for (int i = 1; i < buckets; i++) {
			ledger = ledger.param("b" + i, utc(boundaries.get(i)));
		}
		for (int i = 0; i < cut.size(); i++) {
			ledger = ledger.param("c" + i, utc(cut.get(i)[0])).param("d" + i, utc(cut.get(i)[1]));
		}
		if (centreId != null) {
			ledger = ledger.param("centreId", centreId);
		}
		ledger.query(rs -> {
			revenue.merge(rs.getInt(1), rs.getLong(2), Long::sum);
		});
		return revenue;
	}

	/**
	 * The UTC days that a boundary falls inside (not on their midnight), clipped to the window and merged where they
	 * touch: the parts of the window the per-day sums cannot answer.
	 */
	static List<Instant[]> cutDays(List<Instant> boundaries) {
		Instant from = boundaries.get(0);
		Instant to = boundaries.get(boundaries.size() - 1);
		List<Instant[]> ranges = new ArrayList<>();
		for (Instant boundary : boundaries) {
			Instant midnight = day(boundary).atStartOfDay(ZoneOffset.UTC).toInstant();
			if (midnight.equals(boundary)) {
				continue;
			}
			Instant start = max(midnight, from);
			Instant end = min(midnight.plus(1, ChronoUnit.DAYS), to);
			if (!start.isBefore(end)) {
				continue;
			}
			Instant[] last = ranges.isEmpty() ? null : ranges.get(ranges.size() - 1);
			if (last != null && !start.isAfter(last[1])) {
				last[1] = max(last[1], end);
			}
			else {
				ranges.add(new Instant[] { start, end });
			}
		}
		return ranges;
	}

	/** The bucket holding an instant of the window: the last boundary at or before it. */
	static int bucketOf(List<Instant> boundaries, Instant at) {
		int found = Collections.binarySearch(boundaries, at);
		int bucket = found >= 0 ? found : -found - 2;
		return Math.min(Math.max(bucket, 0), boundaries.size() - 2);
	}

	private static LocalDate day(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC).toLocalDate();
	}

	private static Instant max(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	private static Instant min(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}
}
