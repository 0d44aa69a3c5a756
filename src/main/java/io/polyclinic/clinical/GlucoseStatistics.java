package io.polyclinic.clinical;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.polyclinic.clinical.internal.GlucoseRows;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Refusal;

/**
 * What a patient's own glucose readings add up to, each figure one SQL statement on the readings in mg/dL (mmol/L ×
 * 18.016) and rounded half up to one decimal: the last week's and month's average, lowest and highest, day-by-day
 * averages, hypo- and hyperglycaemia counts, the HbA1c the last 90 days estimate, the time in range and the trend.
 * Windows of days ("the last 7 days") end now and start that many days of 24 hours before; series by day are by the
 * calendar of the zone the caller names. Patients only, for themselves.
 */
@Service
@Transactional(readOnly = true)
public class GlucoseStatistics {

	/** Below it a reading is low (hypoglycaemia), mg/dL. */
	public static final int LOW = 70;
	/** Above it a reading is high (hyperglycaemia), mg/dL. */
	public static final int HIGH = 180;
	/** The longest series or window a caller may ask for, in days. */
	public static final int MAXIMUM_DAYS = 365;

	/** Average, lowest and highest reading in mg/dL, and how many there were; zeros for none. */
	public record Summary(BigDecimal average, BigDecimal min, BigDecimal max, long count) {
	}

	/** Readings below 70 mg/dL, above 180 mg/dL, and all readings. */
	public record Alerts(long hypoCount, long hyperCount, long total) {
	}

	/** The HbA1c (%) the mean glucose estimates, by the ADAG formula (mean mg/dL + 46.7) / 28.7. */
	public record HbA1c(BigDecimal estimatedHbA1c, BigDecimal averageGlucose, long count) {
	}

	/** Readings within 70–180 mg/dL (both included), above and below, in percent of all and counted. */
	public record TimeInRange(BigDecimal inRangePercent, BigDecimal aboveRangePercent, BigDecimal belowRangePercent,
			long inRangeCount, long aboveRangeCount, long belowRangeCount, long total) {
	}

	/** One calendar day's readings: their average, lowest and highest in mg/dL, and how many. */
	public record Day(LocalDate date, BigDecimal average, BigDecimal min, BigDecimal max, long count) {
	}

	/** Which way glucose went: a lower mean is improving. */
	public enum Direction {
		IMPROVING, WORSENING, STABLE
	}

	/**
	 * The last 7 days' mean against the 7 days' before.
	 *
	 * @param difference the last week's mean minus the week before's
	 */
	public record Trend(Direction trend, BigDecimal difference, BigDecimal lastWeekAverage,
			BigDecimal previousWeekAverage) {

		/** No trend: a week without readings. */
		public static final Trend NONE = new Trend(Direction.STABLE, zero(), zero(), zero());

		private static BigDecimal zero() {
			return BigDecimal.ZERO.setScale(1);
		}
	}

	private final GlucoseRows rows;
	private final GlucoseDiaries diaries;
	private final Clock clock;

	GlucoseStatistics(GlucoseRows rows, GlucoseDiaries diaries, Clock clock) {
		this.rows = rows;
		this.diaries = diaries;
		this.clock = clock;
	}

	/** The last 7 days. */
	public Summary weekly(Actor actor) {
		return rows.summary(own(actor), daysAgo(7));
	}

	/** The last 30 days. */
	public Summary monthly(Actor actor) {
		return rows.summary(own(actor), daysAgo(30));
	}

	/** Lows and highs of the last 30 days. */
	public Alerts alerts(Actor actor) {
		return rows.alerts(own(actor), daysAgo(30));
	}

	/** The HbA1c the last 90 days estimate. */
	public HbA1c hba1c(Actor actor) {
		return rows.hba1c(own(actor), daysAgo(90));
	}

	/** The time in range of the last {@code days} days. */
	public TimeInRange timeInRange(int days, Actor actor) {
		return rows.timeInRange(own(actor), daysAgo(days(days)));
	}

	/**
	 * The last {@code days} calendar days in {@code zone}, today included, each day that has readings: oldest first.
	 */
	public List<Day> byDay(int days, ZoneId zone, Actor actor) {
		long patientId = own(actor);
		ZoneId named = named(zone);
		LocalDate first = LocalDate.now(clock.withZone(named)).minusDays(days(days) - 1L);
		return rows.days(patientId, first.atStartOfDay(named).toInstant(), named);
	}

	/**
	 * The zone by a name the database reads as Java does. A bare offset ({@code +05:00}, {@code UTC+5}) is read by
	 * PostgreSQL as a POSIX zone, east and west swapped: UTC is named so, a whole-hour offset becomes its
	 * {@code Etc/GMT} zone (whose sign IANA swaps the same way for everyone), and any other offset is refused.
	 */
	static ZoneId named(ZoneId zone) {
		boolean bareOffset = zone instanceof ZoneOffset || zone.getId().matches("(UTC|GMT|UT)[+-].*");
		if (!bareOffset) {
			return zone;
		}
		int seconds = zone.getRules().getOffset(Instant.EPOCH).getTotalSeconds();
		if (seconds == 0) {
			return ZoneId.of("UTC");
		}
		// Etc/GMT+12 is UTC-12, Etc/GMT-14 is UTC+14
		if (seconds % 3600 != 0 || seconds < -12 * 3600 || seconds > 14 * 3600) {
			throw Refusal.invalidField("zone", "Zone must be a time zone's name, e.g. Africa/Tunis");
		}
		int hours = seconds / 3600;
		return ZoneId.of("Etc/GMT" + (hours > 0 ? "-" : "+") + Math.abs(hours));
	}

	/** The last 7 days against the 7 before them. */
	public Trend trend(Actor actor) {
		return rows.trend(own(actor), daysAgo(14), daysAgo(7));
	}

	private long own(Actor actor) {
		return diaries.own(actor, "READ", null).patientId();
	}

	private Instant daysAgo(int days) {
		return clock.instant().minus(Duration.ofDays(days));
	}

	private static int days(int days) {
		if (days < 1 || days > MAXIMUM_DAYS) {
			throw Refusal.invalidField("days", "Days must be from 1 to " + MAXIMUM_DAYS);
		}
		return days;
	}
}
