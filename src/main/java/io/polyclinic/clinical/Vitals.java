package io.polyclinic.clinical;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.polyclinic.audit.AuditLog;
import io.polyclinic.audit.AuditRecord;
import io.polyclinic.clinical.internal.VitalEntries;
import io.polyclinic.clinical.internal.VitalEntry;
import io.polyclinic.clinical.internal.VitalRows;
import io.polyclinic.directory.Reach;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Refusal;

/**
 * Vital signs: blood pressure, heart rate, temperature, respiratory rate, oxygen saturation, weight and height (with
 * the BMI they give) and pain, taken at one time.
 *
 * <p>Values outside what a living patient can have are refused, each naming its field, as are values with more digits
 * than are kept (temperature 90.0–110.0 °F with one decimal; weight 0.1–999.99 kg and height 0.1–300 cm with two;
 * systolic 50–300, diastolic 30–200 and lower than systolic, heart rate 30–300, respiratory rate 5–60, oxygen
 * saturation 50–100 %, pain 0–10). The BMI is weight / (height in m)², rounded half up to one decimal, whenever both
 * are known.
 *
 * <p>Who may do what, whatever the face: the patient records their own readings, a clinician who cares for the
 * patient and staff who reach the patient record theirs; whoever may see the patient reads and lists them. A reading
 * is corrected by whoever recorded it or by a carer (a clinician or staff who reach the patient). Everything is
 * audited, refusals included.
 */
@Service
@Transactional(readOnly = true)
public class Vitals {

	public static final int NOTES_LENGTH = 10_000;

	private static final String RESOURCE = "VITAL_SIGNS";
	private static final BigDecimal MAX_BMI = new BigDecimal("999.9");

	private final VitalEntries entries;
	private final VitalRows rows;
	private final ChartAccess access;
	private final AuditLog audit;
	private final Clock clock;

	Vitals(VitalEntries entries, VitalRows rows, ChartAccess access, AuditLog audit, Clock clock) {
		this.entries = entries;
		this.rows = rows;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Records a reading of the patient's vital signs.
	 *
	 * @throws Refusal NOT_FOUND for no such patient; FORBIDDEN (audited) for a caller who may not write on the
	 *         patient's file; INVALID naming each value out of range
	 */
	@Transactional
	public VitalSigns record(long patientId, VitalMeasurements values, Actor actor) {
		access.requireExists(patientId);
		access.writer(actor, patientId, "CREATE", RESOURCE, null);
		BigDecimal bmi = check(values);
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		VitalEntry entry = new VitalEntry(patientId, actor.userId(), now);
		entry.measure(clean(values), bmi, now);
		long id = entries.saveAndFlush(entry).getId();
		VitalSigns recorded = require(id);
		audit.record(AuditRecord.success(actor, "CREATE", RESOURCE, id, patientId));
		return recorded;
	}

	/** Corrects a reading: the given values replace the old ones, the others stay; the BMI follows. */
	@Transactional
	public VitalSigns correct(long id, VitalMeasurements changes, Actor actor) {
		return correct(id, null, changes, actor);
	}

	/**
	 * {@link #correct(long, VitalMeasurements, Actor)}, for a face whose body names the reading's patient again: a
	 * reading stays its patient's, so naming another patient is refused (INVALID {@code patient}).
	 */
	@Transactional
	public VitalSigns correct(long id, @Nullable Long patientId, VitalMeasurements changes, Actor actor) {
		VitalEntry entry = entries.findById(id).orElseThrow(() -> Refusal.notFound("Vital signs"));
		Reach reach = access.writer(actor, entry.getPatientId(), "UPDATE", RESOURCE, id);
		if (!ChartAccess.carer(reach) && entry.getRecordedByUserId() != actor.userId()) {
			throw access.denied(actor, "UPDATE", RESOURCE, id, entry.getPatientId());
		}
		if (patientId != null && patientId != entry.getPatientId()) {
			throw Refusal.invalidField("patient", "A reading's patient cannot be changed.");
		}
		VitalMeasurements merged = clean(changes).over(entry.measurements());
		BigDecimal bmi = check(merged, changes);
		entry.measure(merged, bmi, clock.instant().truncatedTo(ChronoUnit.MICROS));
		entries.saveAndFlush(entry);
		VitalSigns corrected = require(id);
		audit.record(AuditRecord.success(actor, "UPDATE", RESOURCE, id, corrected.patientId()));
		return corrected;
	}

	/** One reading, for a caller who may see its patient; the read is audited. */
	@Transactional
	public VitalSigns get(long id, Actor actor) {
		VitalSigns reading = require(id);
		access.reader(actor, reading.patientId(), "READ", RESOURCE, id);
		audit.record(AuditRecord.success(actor, "READ", RESOURCE, id, reading.patientId()));
		return reading;
	}

	/** The readings the caller may see that the query asks for, paged in SQL. */
	@Transactional
	public Page<VitalSigns> find(VitalSignsQuery query, Pageable page, Actor actor) {
		Reach reach = access.lister(actor, RESOURCE);
		VitalRows.Page found = rows.page(reach, query, page.getOffset(), page.getPageSize());
		long total = found.readings().isEmpty() && page.getOffset() > 0 ? rows.count(reach, query) : found.total();
		Long patient = query.patientId() != null && query.patientId() > 0 ? query.patientId() : null;
		audit.record(AuditRecord.of(actor, "LIST", RESOURCE, null, patient, AuditRecord.Outcome.SUCCESS,
				found.readings().size() + " results"));
		return new PageImpl<>(found.readings(), page, total);
	}

	/** The patient's latest reading and their number: for a summary whose access is decided already. */
	java.util.Optional<VitalSigns> latestOf(long patientId) {
		return rows.latest(patientId);
	}

	long countOf(long patientId) {
		return rows.countOf(patientId);
	}

	/** weight / (height in m)², half up to one decimal; null unless both are known. */
	public static @Nullable BigDecimal bmi(@Nullable BigDecimal weightKg, @Nullable BigDecimal heightCm) {
		if (weightKg == null || heightCm == null || heightCm.signum() <= 0) {
			return null;
		}
		BigDecimal metres = heightCm.movePointLeft(2);
		return weightKg.divide(metres.multiply(metres), 10, RoundingMode.HALF_UP).setScale(1, RoundingMode.HALF_UP);
	}

	private VitalSigns require(long id) {
		return rows.byId(id).orElseThrow(() -> Refusal.notFound("Vital signs"));
	}

	private static @Nullable BigDecimal check(VitalMeasurements values) {
		return check(values, values);
	}

	/**
	 * Checks the given values (each field's range and digits) and the merged reading (diastolic below systolic, a BMI
	 * that fits); answers the BMI.
	 */
	private static @Nullable BigDecimal check(VitalMeasurements merged, VitalMeasurements given) {
		Map<String, String> problems = new LinkedHashMap<>();
		range("bloodPressureSystolic", given.bloodPressureSystolic(), 50, 300, problems);
		range("bloodPressureDiastolic", given.bloodPressureDiastolic(), 30, 200, problems);
		range("heartRate", given.heartRate(), 30, 300, problems);
		decimal("temperature", given.temperature(), 4, 1, "90.0", "110.0", problems);
		range("respiratoryRate", given.respiratoryRate(), 5, 60, problems);
		range("oxygenSaturation", given.oxygenSaturation(), 50, 100, problems);
		decimal("weight", given.weight(), 5, 2, "0.1", "1000.0", problems);
		decimal("height", given.height(), 5, 2, "0.1", "300.0", problems);
		range("painLevel", given.painLevel(), 0, 10, problems);
		if (given.notes() != null && given.notes().length() > NOTES_LENGTH) {
			problems.put("notes", "Ensure this field has no more than " + NOTES_LENGTH + " characters.");
		}
		if (problems.isEmpty() && merged.bloodPressureSystolic() != null && merged.bloodPressureDiastolic() != null
				&& merged.bloodPressureDiastolic() >= merged.bloodPressureSystolic()) {
			problems.put("bloodPressureDiastolic", "Ensure the diastolic pressure is lower than the systolic.");
		}
		BigDecimal bmi = problems.isEmpty() ? bmi(merged.weight(), merged.height()) : null;
		if (bmi != null && bmi.compareTo(MAX_BMI) > 0) {
			problems.put("height", "Ensure weight and height give a BMI of at most " + MAX_BMI + ".");
		}
		if (!problems.isEmpty()) {
			throw MedicalDocuments.invalid(problems);
		}
		return bmi;
	}

	private static void range(String field, @Nullable Integer value, int min, int max, Map<String, String> problems) {
		if (value == null) {
			return;
		}
		if (value < min) {
			problems.put(field, "Ensure this value is greater than or equal to " + min + ".");
		}
		else if (value > max) {
			problems.put(field, "Ensure this value is less than or equal to " + max + ".");
		}
	}

	/** A decimal kept with {@code places} decimals and {@code digits} digits in all, within min..max. */
	private static void decimal(String field, @Nullable BigDecimal value, int digits, int places, String min,
			String max, Map<String, String> problems) {
		if (value == null) {
			return;
		}
		BigDecimal plain = value.stripTrailingZeros();
		int scale = Math.max(plain.scale(), 0);
		int whole = plain.precision() - plain.scale();
		if (scale > places) {
			problems.put(field, "Ensure that there are no more than " + places + " decimal places.");
		}
		else if (whole > digits - places) {
			problems.put(field, "Ensure that there are no more than " + (digits - places)
					+ " digits before the decimal point.");
		}
		else if (value.compareTo(new BigDecimal(min)) < 0) {
			problems.put(field, "Ensure this value is greater than or equal to " + min + ".");
		}
		else if (value.compareTo(new BigDecimal(max)) > 0) {
			problems.put(field, "Ensure this value is less than or equal to " + max + ".");
		}
	}

	/** Decimals at the scale they are kept at; notes stripped. */
	private static VitalMeasurements clean(VitalMeasurements v) {
		return new VitalMeasurements(v.bloodPressureSystolic(), v.bloodPressureDiastolic(), v.heartRate(),
				scaled(v.temperature(), 1), v.respiratoryRate(), v.oxygenSaturation(), scaled(v.weight(), 2),
				scaled(v.height(), 2), v.painLevel(), v.notes() == null ? null : v.notes().strip());
	}

	private static @Nullable BigDecimal scaled(@Nullable BigDecimal value, int scale) {
		return value == null ? null : value.setScale(scale, RoundingMode.HALF_UP);
	}
}
