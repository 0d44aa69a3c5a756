package io.polyclinic.faces.hcp;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.polyclinic.clinical.VitalMeasurements;
import io.polyclinic.clinical.VitalSigns;
import io.polyclinic.clinical.VitalSignsQuery;
import io.polyclinic.clinical.Vitals;
import io.polyclinic.faces.DrfPage;
import io.polyclinic.faces.Ordering;
import io.polyclinic.faces.PageQuery;
import io.polyclinic.identity.Account;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Refusal;
import io.polyclinic.platform.Role;

/**
 * Vital signs: recorded for a patient named by user id ({@code patient}; a patient may leave it out), listed (filters
 * {@code patient}, {@code recorded_by}, {@code recorded_after}, {@code recorded_before}; ordering
 * {@code recorded_at}), read and corrected. The BMI is computed, never taken. {@code recorded_after} and
 * {@code recorded_before} take an ISO-8601 instant with its offset or a day ({@code YYYY-MM-DD}), which stands for its
 * first moment in UTC.
 */
@RestController
@RequestMapping("/api/emr/vitals")
class HcpVitalsController {

	private static final Map<String, Boolean> ORDERS = Map.of("recorded_at", Boolean.TRUE);

	private final Vitals vitals;
	private final HcpCharts charts;

	HcpVitalsController(Vitals vitals, HcpCharts charts) {
		this.vitals = vitals;
		this.charts = charts;
	}

	@GetMapping
	HcpReply<DrfPage<HcpCharts.Vitals>> list(@RequestParam(required = false) @Nullable Long patient,
			@RequestParam(name = "recorded_by", required = false) @Nullable Long recordedBy,
			@RequestParam(name = "recorded_after", required = false) @Nullable String recordedAfter,
			@RequestParam(name = "recorded_before", required = false) @Nullable String recordedBefore,
			@RequestParam(required = false) @Nullable String ordering, PageQuery page,
			@AuthenticationPrincipal Actor actor) {
		var order = Ordering.parse("ordering", ordering, ORDERS, new Ordering<>(Boolean.TRUE, true));
		Instant after = moment("recorded_after", recordedAfter);
		Instant before = moment("recorded_before", recordedBefore);
		Page<VitalSigns> found = vitals.find(new VitalSignsQuery(charts.patientFilter(patient), recordedBy, after,
				before, order.descending()), page.pageable(), actor);
		Map<Long, Account> recorders = charts.accounts(found.map(VitalSigns::recordedByUserId).toSet());
		return HcpReply.ok(DrfPage.of(found, page, "page",
				v -> HcpCharts.vitals(v, recorders.get(v.recordedByUserId()))), "Vital signs retrieved successfully");
	}

	record Reading(@Nullable Long patient, @Nullable Integer bloodPressureSystolic,
			@Nullable Integer bloodPressureDiastolic, @Nullable Integer heartRate, @Nullable BigDecimal temperature,
			@Nullable Integer respiratoryRate, @Nullable Integer oxygenSaturation, @Nullable BigDecimal weight,
			@Nullable BigDecimal height, @Nullable Integer painLevel, @Nullable String notes) {

		VitalMeasurements measurements() {
			return new VitalMeasurements(bloodPressureSystolic, bloodPressureDiastolic, heartRate, temperature,
					respiratoryRate, oxygenSaturation, weight, height, painLevel, notes);
		}
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	HcpReply<HcpCharts.Vitals> record(@RequestBody Reading body, @AuthenticationPrincipal Actor actor) {
		long patientId;
		if (body.patient() != null) {
			patientId = charts.patientIn("patient", body.patient()).id();
		}
		else if (actor.is(Role.PATIENT)) {
			patientId = charts.patientAt(actor.userId()).id();
		}
		else {
			throw Refusal.invalidField("patient", "This field is required.");
		}
		return HcpReply.ok(render(vitals.record(patientId, body.measurements(), actor)),
				"Vital signs recorded successfully");
	}

	@GetMapping("/{id}")
	HcpReply<HcpCharts.Vitals> get(@PathVariable long id, @AuthenticationPrincipal Actor actor) {
		return HcpReply.ok(render(vitals.get(id, actor)), "Vital signs retrieved successfully");
	}

	@RequestMapping(path = "/{id}", method = { RequestMethod.PUT, RequestMethod.PATCH })
	HcpReply<HcpCharts.Vitals> correct(@PathVariable long id, @RequestBody Reading body,
			@AuthenticationPrincipal Actor actor) {
		VitalSigns corrected = vitals.correct(id, charts.patientFilter(body.patient()), body.measurements(), actor);
		return HcpReply.ok(render(corrected), "Vital signs updated successfully");
	}

	/** A list bound as {@link HcpFilters#moment} reads it; as django-filter words a bad one. */
	private static @Nullable Instant moment(String field, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return HcpFilters.moment(value, false);
		}
		catch (DateTimeParseException e) {
			throw Refusal.invalidField(field, "Enter a valid date/time.");
		}
	}

	private HcpCharts.Vitals render(VitalSigns v) {
		return HcpCharts.vitals(v, charts.accounts(List.of(v.recordedByUserId())).get(v.recordedByUserId()));
	}
}
