package io.polyclinic.clinical;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import io.polyclinic.clinical.GlucoseStatistics.Day;
import io.polyclinic.clinical.GlucoseStatistics.Direction;
import io.polyclinic.clinical.internal.GlucoseRows;
import io.polyclinic.identity.OtpDelivery;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Refusal;
import io.polyclinic.platform.Role;
import io.polyclinic.scheduling.MeetingPlaces;
import io.polyclinic.scheduling.PaymentStandings;
import io.polyclinic.support.Clinic;
import io.polyclinic.support.ClinicConfiguration;
import io.polyclinic.support.TestDatabase;

/**
 * Glucose statistics against figures worked out by hand, on a clock stopped at {@link #NOW}: readings in mg/dL and
 * in mmol/L (× 18.016 everywhere), windows of 7, 30 and 90 days, days by the calendar of a zone, one decimal rounded
 * half up.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@Import(ClinicConfiguration.class)
@TestPropertySource(properties = { "polyclinic.rate-limit.enabled=false", "polyclinic.demo=true",
		"polyclinic.demo-clinic=false" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GlucoseStatisticsTests {

	/** A Tuesday, noon UTC; 04:00 the same day in Los Angeles, 02:00 the next day on Kiritimati. */
	static final Instant NOW = Instant.parse("2030-01-15T12:00:00Z");
	static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");

	@MockitoBean
	OtpDelivery codes;
	@MockitoBean
	PaymentStandings standings;
	@MockitoBean
	MeetingPlaces meetings;

	@Autowired
	Clinic clinic;
	@Autowired
	GlucoseReadings readings;
	@Autowired
	GlucoseRows rows;
	@Autowired
	GlucoseDiaries diaries;
	@Autowired
	JdbcClient jdbc;

	GlucoseStatistics statistics;
	Actor patient;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry);
	}

	/**
	 * The diary: (a) 5.5 mmol/L = 99.088 an hour ago; (b) 110 at 02:00 today (yesterday evening in Los Angeles); (c)
	 * 65 two days ago; (d) 190 three days ago; (e) 10.2 mmol/L = 183.7632 just under six days ago; (f) 120 ten days
	 * ago; (g) 140.5 twelve days ago; (h) 300 forty days ago; (i) 50 a hundred days ago.
	 */
	@BeforeAll
	void diary() {
		statistics = new GlucoseStatistics(rows, diaries, Clock.fixed(NOW, ZoneOffset.UTC));
		patient = clinic.actorOf(clinic.patient().userId(), Role.PATIENT);
		log("5.5", GlucoseUnit.MMOL_L, "2030-01-15T11:00:00Z");
		log("110", GlucoseUnit.MG_DL, "2030-01-15T02:00:00Z");
		log("65", GlucoseUnit.MG_DL, "2030-01-13T12:00:00Z");
		log("190", GlucoseUnit.MG_DL, "2030-01-12T12:00:00Z");
		log("10.2", GlucoseUnit.MMOL_L, "2030-01-09T13:00:00Z");
		log("120", GlucoseUnit.MG_DL, "2030-01-05T12:00:00Z");
		log("140.5", null, "2030-01-03T12:00:00Z");
		log("300", GlucoseUnit.MG_DL, "2029-12-06T12:00:00Z");
		log("50", GlucoseUnit.MG_DL, "2029-10-07T12:00:00Z");
	}

	@Test
	void aReadingInMmolPerLitreIsKeptAsLoggedAndInMgPerDecilitre() {
		GlucoseReading reading = readings.log(new NewGlucoseReading(new BigDecimal("6.25"), GlucoseUnit.MMOL_L,
				NOW.minusSeconds(600_000_000), GlucosePeriod.AFTER_MEAL, "after lunch"), patient);

		assertThat(reading.value()).isEqualByComparingTo("6.25");
		assertThat(reading.unit()).isEqualTo(GlucoseUnit.MMOL_L);
		assertThat(reading.mgPerDl()).isEqualByComparingTo("112.6"); // 6.25 x 18.016
		assertThat(jdbc.sql("SELECT mg_per_dl FROM glucose_readings WHERE public_id = ?").param(reading.publicId())
			.query(BigDecimal.class).single()).isEqualByComparingTo("112.6");
	}

	@Test
	void weekly() {
		// a b c d e: 99.088 + 110 + 65 + 190 + 183.7632 = 647.8512, / 5 = 129.57024
		assertThat(statistics.weekly(patient)).isEqualTo(summary("129.6", "65.0", "190.0", 5));
	}

	@Test
	void monthly() {
		// and f g: 908.3512 / 7 = 129.764457...
		assertThat(statistics.monthly(patient)).isEqualTo(summary("129.8", "65.0", "190.0", 7));
	}

	@Test
	void alertsCountTheLowsAndHighsOfTheLastThirtyDays() {
		// c is low; d and e (183.7632 mg/dL, logged as 10.2 mmol/L) are high; h is high but forty days old
		assertThat(statistics.alerts(patient)).isEqualTo(new GlucoseStatistics.Alerts(1, 2, 7));
	}

	@Test
	void hba1cIsEstimatedFromTheUnroundedMeanOfNinetyDays() {
		// a..h: 1208.3512 / 8 = 151.0439; (151.0439 + 46.7) / 28.7 = 6.8900...
		assertThat(statistics.hba1c(patient))
			.isEqualTo(new GlucoseStatistics.HbA1c(new BigDecimal("6.9"), new BigDecimal("151.0"), 8));
	}

	@Test
	void timeInRangeCountsSeventyAndOneHundredEightyAsInRange() {
		// 30 days: a b f g within, d e above, c below: 4/7 = 57.14..., 2/7 = 28.57..., 1/7 = 14.28...
		assertThat(statistics.timeInRange(30, patient)).isEqualTo(new GlucoseStatistics.TimeInRange(
				new BigDecimal("57.1"), new BigDecimal("28.6"), new BigDecimal("14.3"), 4, 2, 1, 7));
		// 90 days: and h above: 4/8, 3/8, 1/8 = 12.5
		assertThat(statistics.timeInRange(90, patient)).isEqualTo(new GlucoseStatistics.TimeInRange(
				new BigDecimal("50.0"), new BigDecimal("37.5"), new BigDecimal("12.5"), 4, 3, 1, 8));
	}

	@Test
	void theBoundsOfTheRangeAreInRange() {
		Actor bounds = clinic.actorOf(clinic.patient().userId(), Role.PATIENT);
		for (String value : List.of("70", "180", "69.9999", "180.0001")) {
			readings.log(new NewGlucoseReading(new BigDecimal(value), GlucoseUnit.MG_DL, NOW.minusSeconds(60), null,
					null), bounds);
		}
		assertThat(statistics.timeInRange(1, bounds)).isEqualTo(new GlucoseStatistics.TimeInRange(
				new BigDecimal("50.0"), new BigDecimal("25.0"), new BigDecimal("25.0"), 2, 1, 1, 4));
		assertThat(statistics.alerts(bounds)).isEqualTo(new GlucoseStatistics.Alerts(1, 1, 4));
	}

	@Test
	void daysAreTheCalendarDaysOfTheZone() {
		// UTC, 9 to 15 January: e; d; c; a and b (99.088 + 110) / 2 = 104.544
		assertThat(statistics.byDay(7, ZoneOffset.UTC, patient)).containsExactly(
				day("2030-01-09", "183.8", "183.8", "183.8", 1), day("2030-01-12", "190.0", "190.0", "190.0", 1),
				day("2030-01-13", "65.0", "65.0", "65.0", 1), day("2030-01-15", "104.5", "99.1", "110.0", 2));
		// Los Angeles (UTC-8), 9 to 15 January there: b was measured on the 14th
		assertThat(statistics.byDay(7, LOS_ANGELES, patient)).containsExactly(
				day("2030-01-09", "183.8", "183.8", "183.8", 1), day("2030-01-12", "190.0", "190.0", "190.0", 1),
				day("2030-01-13", "65.0", "65.0", "65.0", 1), day("2030-01-14", "110.0", "110.0", "110.0", 1),
				day("2030-01-15", "99.1", "99.1", "99.1", 1));
		// Kiritimati (UTC+14): today is the 16th; the last 7 days start on the 10th there, which e (03:00) is in
		assertThat(statistics.byDay(7, ZoneId.of("Pacific/Kiritimati"), patient)).extracting(Day::date)
			.containsExactly(LocalDate.parse("2030-01-10"), LocalDate.parse("2030-01-13"),
					LocalDate.parse("2030-01-14"), LocalDate.parse("2030-01-15"), LocalDate.parse("2030-01-16"));
		// one day: today only
		assertThat(statistics.byDay(1, ZoneOffset.UTC, patient)).containsExactly(
				day("2030-01-15", "104.5", "99.1", "110.0", 2));
		// thirty days: f and g too
		assertThat(statistics.byDay(30, ZoneOffset.UTC, patient)).extracting(Day::date).startsWith(
				LocalDate.parse("2030-01-03"), LocalDate.parse("2030-01-05"), LocalDate.parse("2030-01-09"));
	}

	@Test
	void trendComparesTheLastSevenDaysWithTheSevenBefore() {
		// last 7 days 129.57024, the 7 before (f g) 130.25 (rounded half up: 130.3): -0.67976 is stable
		assertThat(statistics.trend(patient)).isEqualTo(new GlucoseStatistics.Trend(Direction.STABLE,
				new BigDecimal("-0.7"), new BigDecimal("129.6"), new BigDecimal("130.3")));
		// exactly 5 mg/dL higher is still stable (±5); 5.1 higher is worsening
		assertThat(statistics.trend(twoWeeks("150", "145"))).isEqualTo(new GlucoseStatistics.Trend(
				Direction.STABLE, new BigDecimal("5.0"), new BigDecimal("150.0"), new BigDecimal("145.0")));
		assertThat(statistics.trend(twoWeeks("150.1", "145"))).isEqualTo(new GlucoseStatistics.Trend(
				Direction.WORSENING, new BigDecimal("5.1"), new BigDecimal("150.1"), new BigDecimal("145.0")));
		// 4.128 mg/dL lower is stable (8 mmol/L = 144.128 mg/dL); 22.144 lower is improving (9 mmol/L = 162.144)
		assertThat(statistics.trend(twoWeeks("140", "8"))).isEqualTo(new GlucoseStatistics.Trend(
				Direction.STABLE, new BigDecimal("-4.1"), new BigDecimal("140.0"), new BigDecimal("144.1")));
		assertThat(statistics.trend(twoWeeks("140", "9"))).isEqualTo(new GlucoseStatistics.Trend(
				Direction.IMPROVING, new BigDecimal("-22.1"), new BigDecimal("140.0"), new BigDecimal("162.1")));
		assertThat(statistics.trend(twoWeeks("100", "140"))).isEqualTo(new GlucoseStatistics.Trend(
				Direction.IMPROVING, new BigDecimal("-40.0"), new BigDecimal("100.0"), new BigDecimal("140.0")));
	}

	@Test
	void withoutReadingsEveryFigureIsZero() {
		Actor empty = clinic.actorOf(clinic.patient().userId(), Role.PATIENT);

		assertThat(statistics.weekly(empty)).isEqualTo(summary("0.0", "0.0", "0.0", 0));
		assertThat(statistics.monthly(empty)).isEqualTo(summary("0.0", "0.0", "0.0", 0));
		assertThat(statistics.alerts(empty)).isEqualTo(new GlucoseStatistics.Alerts(0, 0, 0));
		assertThat(statistics.hba1c(empty))
			.isEqualTo(new GlucoseStatistics.HbA1c(new BigDecimal("0.0"), new BigDecimal("0.0"), 0));
		assertThat(statistics.timeInRange(30, empty)).isEqualTo(new GlucoseStatistics.TimeInRange(
				new BigDecimal("0.0"), new BigDecimal("0.0"), new BigDecimal("0.0"), 0, 0, 0, 0));
		assertThat(statistics.byDay(7, ZoneOffset.UTC, empty)).isEmpty();
		assertThat(statistics.trend(empty)).isEqualTo(GlucoseStatistics.Trend.NONE);
		// a week without readings is no trend either, whatever the other week holds
		readings.log(new NewGlucoseReading(new BigDecimal("200"), null, NOW.minusSeconds(3600), null, null), empty);
		assertThat(statistics.trend(empty)).isEqualTo(GlucoseStatistics.Trend.NONE);
	}

	@Test
	void aBareOffsetIsReadAsJavaReadsIt() {
		// PostgreSQL would read "+05:00" as five hours west; the module names it Etc/GMT-5, five hours east
		assertThat(GlucoseStatistics.named(ZoneOffset.ofHours(5))).isEqualTo(ZoneId.of("Etc/GMT-5"));
		assertThat(GlucoseStatistics.named(ZoneId.of("UTC-3"))).isEqualTo(ZoneId.of("Etc/GMT+3"));
		assertThat(GlucoseStatistics.named(ZoneOffset.ofHours(14))).isEqualTo(ZoneId.of("Etc/GMT-14"));
		assertThat(GlucoseStatistics.named(ZoneOffset.UTC)).isEqualTo(ZoneId.of("UTC"));
		assertThat(GlucoseStatistics.named(LOS_ANGELES)).isEqualTo(LOS_ANGELES);
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> GlucoseStatistics.named(ZoneOffset.of("+05:30")))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.fields()).containsKey("zone"));
		// 02:00 UTC today is 21:00 yesterday at UTC-5, 07:00 today at UTC+5: b moves a day, a does not
		assertThat(statistics.byDay(1, ZoneOffset.ofHours(5), patient)).containsExactly(
				day("2030-01-15", "104.5", "99.1", "110.0", 2));
		assertThat(statistics.byDay(2, ZoneOffset.ofHours(-5), patient)).containsExactly(
				day("2030-01-14", "110.0", "110.0", "110.0", 1), day("2030-01-15", "99.1", "99.1", "99.1", 1));
	}

	@Test
	void aSeriesIsOneToThreeHundredSixtyFiveDaysLong() {
		for (int days : new int[] { 0, -1, 366 }) {
			org.assertj.core.api.Assertions.assertThatThrownBy(() -> statistics.byDay(days, ZoneOffset.UTC, patient))
				.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.fields()).containsKey("days"));
			org.assertj.core.api.Assertions.assertThatThrownBy(() -> statistics.timeInRange(days, patient))
				.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.fields()).containsKey("days"));
		}
	}

	@Test
	void loggingPublishesTheReadingInMgPerDecilitre(Scenario scenario) {
		scenario.stimulate(() -> readings.log(new NewGlucoseReading(new BigDecimal("2.5"), GlucoseUnit.MMOL_L,
				NOW.minusSeconds(900_000_000), null, null), patient))
			.andWaitForEventOfType(GlucoseReadingLogged.class)
			.matching(e -> e.unit().equals("mmol/L") && e.value().compareTo(new BigDecimal("2.5")) == 0)
			.toArriveAndVerify((event, logged) -> {
				assertThat(event.readingId()).isEqualTo(logged.publicId());
				assertThat(event.patientId()).isEqualTo(logged.patientId());
				assertThat(event.mgPerDl()).isEqualByComparingTo("45.04"); // 2.5 x 18.016
				assertThat(event.critical()).isTrue(); // below 54 mg/dL
			});
	}

	/** A new patient with one reading this week and one the week before. */
	private Actor twoWeeks(String thisWeek, String weekBefore) {
		Actor someone = clinic.actorOf(clinic.patient().userId(), Role.PATIENT);
		readings.log(new NewGlucoseReading(new BigDecimal(thisWeek), GlucoseUnit.MG_DL,
				Instant.parse("2030-01-14T12:00:00Z"), null, null), someone);
		readings.log(new NewGlucoseReading(new BigDecimal(weekBefore),
				new BigDecimal(weekBefore).compareTo(BigDecimal.valueOf(30)) < 0 ? GlucoseUnit.MMOL_L : GlucoseUnit.MG_DL,
				Instant.parse("2030-01-05T12:00:00Z"), null, null), someone);
		return someone;
	}

	private void log(String value, GlucoseUnit unit, String measuredAt) {
		readings.log(new NewGlucoseReading(new BigDecimal(value), unit, Instant.parse(measuredAt), null, null), patient);
	}

	private static GlucoseStatistics.Summary summary(String average, String min, String max, long count) {
		return new GlucoseStatistics.Summary(new BigDecimal(average), new BigDecimal(min), new BigDecimal(max), count);
	}

	private static Day day(String date, String average, String min, String max, long count) {
		return new Day(LocalDate.parse(date), new BigDecimal(average), new BigDecimal(min), new BigDecimal(max), count);
	}

}
