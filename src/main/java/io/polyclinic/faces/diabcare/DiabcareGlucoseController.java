package io.polyclinic.faces.diabcare;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.polyclinic.clinical.GlucosePeriod;
import io.polyclinic.clinical.GlucoseReading;
import io.polyclinic.clinical.GlucoseReadingChanges;
import io.polyclinic.clinical.GlucoseReadings;
import io.polyclinic.clinical.GlucoseStatistics;
import io.polyclinic.clinical.GlucoseUnit;
import io.polyclinic.clinical.NewGlucoseReading;
import io.polyclinic.faces.Ids;
import io.polyclinic.faces.LocalFormats;
import io.polyclinic.faces.NumberedPage;
import io.polyclinic.faces.PageQuery;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Refusal;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import tools.jackson.databind.JsonNode;

/**
 * Glucose readings: {@code /api/glucose}, as the original backend. A patient logs, lists, reads, changes and deletes
 * their own readings and reads their statistics; a médecin reads the readings of a patient they follow. Who may do
 * what is the clinical module's answer. Figures are in mg/dL (a reading in mmol/L × 18.016) to one decimal.
 */
@RestController
@RequestMapping("/api/glucose")
class DiabcareGlucoseController {

	private static final String PERIODS = "fasting|before_meal|after_meal|bedtime|random";
	private static final String PERIOD_MESSAGE = "period must be one of the following values: fasting, before_meal, after_meal, bedtime, random";
	private static final String UNIT_MESSAGE = "unit must be one of the following values: mg/dL, mmol/L";
	private static final Map<String, Integer> CHART_PERIODS = Map.of("7d", 7, "30d", 30, "90d", 90);

	private final GlucoseReadings readings;
	private final GlucoseStatistics statistics;

	DiabcareGlucoseController(GlucoseReadings readings, GlucoseStatistics statistics) {
		this.readings = readings;
		this.statistics = statistics;
	}

	record NewReading(
			@NotNull(message = "value should not be empty") @PositiveOrZero(message = "value must not be less than 0") BigDecimal value,
			@NotNull(message = "measuredAt should not be empty") String measuredAt,
			@Nullable @Pattern(regexp = PERIODS, message = PERIOD_MESSAGE) String period,
			@Nullable @Pattern(regexp = "mg/dL|mmol/L", message = UNIT_MESSAGE) String unit, @Nullable String note) {
	}

	/** Every field may be left out; {@code period} and {@code note} are emptied by a null. */
	record ReadingChanges(@Nullable @PositiveOrZero(message = "value must not be less than 0") BigDecimal value,
			@Nullable String measuredAt, @Nullable JsonNode period,
			@Nullable @Pattern(regexp = "mg/dL|mmol/L", message = UNIT_MESSAGE) String unit, @Nullable JsonNode note) {
	}

	/** A reading as the original's Mongo document: a period or note it does not have is absent. */
	record Reading(@JsonProperty("_id") UUID id, UUID patientId, BigDecimal value, Instant measuredAt,
			@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String period, String unit,
			@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String note, Instant createdAt, Instant updatedAt) {
	}

	record Summary(BigDecimal average, BigDecimal min, BigDecimal max, long count) {
	}

	record DailyAverage(String date, BigDecimal average, long count) {
	}

	record ChartDay(String date, BigDecimal average, BigDecimal min, BigDecimal max, long count) {
	}

	record Alerts(long hypoCount, long hyperCount, long total) {
	}

	record HbA1c(BigDecimal estimatedHbA1c, BigDecimal averageGlucose, long count) {
	}

	record TimeInRange(BigDecimal inRangePercent, BigDecimal aboveRangePercent, BigDecimal belowRangePercent,
			long inRangeCount, long aboveRangeCount, long belowRangeCount, long total) {
	}

	record Trend(String trend, BigDecimal difference, BigDecimal lastWeekAverage, BigDecimal previousWeekAverage) {
	}

	record Deleted(String message) {
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Reading log(@Valid @RequestBody NewReading body, @AuthenticationPrincipal Actor actor) {
		return reading(readings.log(new NewGlucoseReading(body.value(), unit(body.unit()),
				instant("measuredAt", body.measuredAt()), period(body.period()), body.note()), actor));
	}

	@GetMapping("/my-records")
	NumberedPage<Reading> mine(PageQuery page, @AuthenticationPrincipal Actor actor) {
		return NumberedPage.of(readings.mine(page.pageable(), actor), page, DiabcareGlucoseController::reading);
	}

	@GetMapping
	List<Reading> between(@RequestParam(required = false) @Nullable String start,
			@RequestParam(required = false) @Nullable String end, @AuthenticationPrincipal Actor actor) {
		return readings.between(instant("start", start), instant("end", end), actor).stream()
			.map(DiabcareGlucoseController::reading).toList();
	}

	@GetMapping("/stats/weekly")
	Summary weekly(@AuthenticationPrincipal Actor actor) {
		return summary(statistics.weekly(actor));
	}

	@GetMapping("/stats/monthly")
	Summary monthly(@AuthenticationPrincipal Actor actor) {
		return summary(statistics.monthly(actor));
	}

	@GetMapping("/stats/daily-average")
	List<DailyAverage> dailyAverage(@RequestParam(defaultValue = "30") int days,
			@RequestParam(required = false) @Nullable String tz, @AuthenticationPrincipal Actor actor) {
		return statistics.byDay(days, zone(tz), actor).stream()
			.map(d -> new DailyAverage(LocalFormats.date(d.date()), number(d.average()), d.count())).toList();
	}

	@GetMapping("/stats/alerts")
	Alerts alerts(@AuthenticationPrincipal Actor actor) {
		GlucoseStatistics.Alerts alerts = statistics.alerts(actor);
		return new Alerts(alerts.hypoCount(), alerts.hyperCount(), alerts.total());
	}

	@GetMapping("/stats/hba1c")
	HbA1c hba1c(@AuthenticationPrincipal Actor actor) {
		GlucoseStatistics.HbA1c hba1c = statistics.hba1c(actor);
		return new HbA1c(number(hba1c.estimatedHbA1c()), number(hba1c.averageGlucose()), hba1c.count());
	}

	@GetMapping("/stats/time-in-range")
	TimeInRange timeInRange(@RequestParam(defaultValue = "30") int days, @AuthenticationPrincipal Actor actor) {
		GlucoseStatistics.TimeInRange range = statistics.timeInRange(days, actor);
		return new TimeInRange(number(range.inRangePercent()), number(range.aboveRangePercent()),
				number(range.belowRangePercent()), range.inRangeCount(), range.aboveRangeCount(),
				range.belowRangeCount(), range.total());
	}

	@GetMapping("/stats/chart")
	List<ChartDay> chart(@RequestParam(defaultValue = "7d") String period,
			@RequestParam(required = false) @Nullable String tz, @AuthenticationPrincipal Actor actor) {
		Integer days = CHART_PERIODS.get(period);
		if (days == null) {
			throw Refusal.invalidField("period", "period must be one of the following values: 7d, 30d, 90d");
		}
		return statistics.byDay(days, zone(tz), actor).stream()
			.map(d -> new ChartDay(LocalFormats.date(d.date()), number(d.average()), number(d.min()),
					number(d.max()), d.count()))
			.toList();
	}

	@GetMapping("/stats/trend")
	Trend trend(@AuthenticationPrincipal Actor actor) {
		GlucoseStatistics.Trend trend = statistics.trend(actor);
		return new Trend(trend.trend().name().toLowerCase(Locale.ROOT), number(trend.difference()),
				number(trend.lastWeekAverage()), number(trend.previousWeekAverage()));
	}

	@GetMapping("/patient/{patientId}/records")
	NumberedPage<Reading> ofPatient(@PathVariable String patientId, PageQuery page,
			@AuthenticationPrincipal Actor actor) {
		UUID patient = java.util.Objects.requireNonNull(Ids.uuid("patientId", patientId).publicId());
		return NumberedPage.of(readings.ofPatient(patient, page.pageable(), actor), page,
				DiabcareGlucoseController::reading);
	}

	@GetMapping("/{id}")
	Reading one(@PathVariable String id, @AuthenticationPrincipal Actor actor) {
		return reading(readings.get(Ids.uuid("id", id), actor));
	}

	@PatchMapping("/{id}")
	Reading change(@PathVariable String id, @Valid @RequestBody ReadingChanges body,
			@AuthenticationPrincipal Actor actor) {
		var changes = new GlucoseReadingChanges(body.value(), unit(body.unit()),
				body.measuredAt() == null ? null : instant("measuredAt", body.measuredAt()), periodEdit(body.period()),
				noteEdit(body.note()));
		return reading(readings.change(Ids.uuid("id", id), changes, actor));
	}

	@DeleteMapping("/{id}")
	Deleted delete(@PathVariable String id, @AuthenticationPrincipal Actor actor) {
		readings.delete(Ids.uuid("id", id), actor);
		return new Deleted("Enregistrement supprimé avec succès");
	}

	static Reading reading(GlucoseReading r) {
		return new Reading(r.publicId(), r.patientAccountId(), number(r.value()), LocalFormats.instant(r.measuredAt()),
				r.period() == null ? null : r.period().name().toLowerCase(Locale.ROOT), r.unit().label(), r.note(),
				LocalFormats.instant(r.createdAt()), LocalFormats.instant(r.updatedAt()));
	}

	private static Summary summary(GlucoseStatistics.Summary s) {
		return new Summary(number(s.average()), number(s.min()), number(s.max()), s.count());
	}

	/** A number as JavaScript writes it: {@code 120}, {@code 5.5}, never {@code 120.0000} or {@code 1.2E+2}. */
	static BigDecimal number(BigDecimal value) {
		return new BigDecimal(value.stripTrailingZeros().toPlainString());
	}

	private static @Nullable GlucoseUnit unit(@Nullable String unit) {
		return unit == null ? null : GlucoseUnit.of(unit).orElseThrow(() -> Refusal.invalidField("unit", UNIT_MESSAGE));
	}

	private static @Nullable GlucosePeriod period(@Nullable String period) {
		return period == null ? null : GlucosePeriod.valueOf(period.toUpperCase(Locale.ROOT));
	}

	private static GlucoseReadingChanges.@Nullable Edit<GlucosePeriod> periodEdit(@Nullable JsonNode period) {
		if (period == null) {
			return null;
		}
		if (period.isNull()) {
			return new GlucoseReadingChanges.Edit<>(null);
		}
		if (!period.isString() || !period.asString().matches(PERIODS)) {
			throw Refusal.invalidField("period", PERIOD_MESSAGE);
		}
		return new GlucoseReadingChanges.Edit<>(period(period.asString()));
	}

	private static GlucoseReadingChanges.@Nullable Edit<String> noteEdit(@Nullable JsonNode note) {
		if (note == null) {
			return null;
		}
		if (!note.isNull() && !note.isString()) {
			throw Refusal.invalidField("note", "note must be a string");
		}
		return new GlucoseReadingChanges.Edit<>(note.isNull() ? null : note.asString());
	}

	/** An instant as the app writes one; one without an offset is UTC, as the original backend's server read it. */
	static Instant instant(String field, @Nullable String value) {
		return LocalFormats.instantOrLocal(field, value, ZoneOffset.UTC);
	}

	/** The zone days are counted in: an IANA zone's name ({@code Africa/Tunis}, {@code UTC}), UTC unless asked. */
	private static ZoneId zone(@Nullable String tz) {
		if (tz == null || tz.isBlank()) {
			return ZoneOffset.UTC;
		}
		try {
			ZoneId zone = ZoneId.of(tz.trim());
			// an offset (+01:00, GMT+1) is no zone's name
			if (!(zone instanceof ZoneOffset) && !zone.getId().matches("(UTC|GMT|UT)[+-].*")) {
				return zone;
			}
		}
		catch (DateTimeException e) {
			// refused below
		}
		throw Refusal.invalidField("tz", "tz must be a valid IANA time zone");
	}
}
