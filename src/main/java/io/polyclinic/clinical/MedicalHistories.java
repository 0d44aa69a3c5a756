package io.polyclinic.clinical;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.polyclinic.audit.AuditLog;
import io.polyclinic.audit.AuditRecord;
import io.polyclinic.clinical.internal.HistoryEntries;
import io.polyclinic.clinical.internal.HistoryEntry;
import io.polyclinic.directory.Patient;
import io.polyclinic.platform.Actor;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A patient's medical history: chronic conditions, allergies, current medications, past surgeries, immunizations
 * (lists), family history and social history (smoking, alcohol, exercise). One per patient; it reads empty until
 * someone writes it, and the first write makes it.
 *
 * <p>Who may do what, whatever the face: whoever may see the patient reads it (the patient, the clinicians who care
 * for them, staff who reach them, administrators); the patient themself, a clinician who cares for them and staff
 * who reach them write it (a history is often the patient's own account, completed by their doctor). Reads and writes
 * are audited, and every refusal.
 */
@Service
@Transactional(readOnly = true)
public class MedicalHistories {

	public static final int LIST_LENGTH = 100_000;
	public static final int TEXT_LENGTH = 10_000;

	private static final String RESOURCE = "MEDICAL_HISTORY";

	private final HistoryEntries entries;
	private final ChartAccess access;
	private final AuditLog audit;
	private final Clock clock;

	MedicalHistories(HistoryEntries entries, ChartAccess access, AuditLog audit, Clock clock) {
		this.entries = entries;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * The patient's history, empty when nobody has written it yet.
	 *
	 * @throws io.polyclinic.platform.Refusal NOT_FOUND for no such patient; FORBIDDEN (audited) for a caller who may
	 *         not see the patient
	 */
	@Transactional // the read is audited
	public MedicalHistory get(long patientId, Actor actor) {
		Patient patient = access.requireExists(patientId);
		access.reader(actor, patientId, "READ", RESOURCE, patientId);
		audit.record(AuditRecord.success(actor, "READ", RESOURCE, patientId, patientId));
		return of(patient);
	}

	/** The history for a summary whose access is decided already. */
	MedicalHistory of(Patient patient) {
		return entries.findByPatientId(patient.id()).map(e -> e.toHistory(patient.userId()))
			.orElseGet(() -> MedicalHistory.empty(patient.id(), patient.userId()));
	}

	/**
	 * Writes what the changes name into the patient's history, making it on the first write.
	 *
	 * @throws io.polyclinic.platform.Refusal NOT_FOUND for no such patient; FORBIDDEN (audited) for a caller who may
	 *         not write it; INVALID naming each field that is not a list (the lists) or is too long
	 */
	@Transactional
	public MedicalHistory change(long patientId, MedicalHistoryChanges changes, Actor actor) {
		Patient patient = access.requireExists(patientId);
		access.writer(actor, patientId, "UPDATE", RESOURCE, patientId);
		Map<String, String> problems = new LinkedHashMap<>();
		list("chronicConditions", changes.chronicConditions(), problems);
		list("allergies", changes.allergies(), problems);
		list("currentMedications", changes.currentMedications(), problems);
		list("surgicalHistory", changes.surgicalHistory(), problems);
		list("immunizations", changes.immunizations(), problems);
		text("familyHistory", changes.familyHistory(), TEXT_LENGTH, problems);
		text("smokingStatus", changes.smokingStatus(), 20, problems);
		text("alcoholConsumption", changes.alcoholConsumption(), 20, problems);
		text("exerciseHabits", changes.exerciseHabits(), 50, problems);
		if (!problems.isEmpty()) {
			throw MedicalDocuments.invalid(problems);
		}
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		entries.ensure(patientId, actor.userId(), now.atOffset(ZoneOffset.UTC));
		HistoryEntry entry = entries.findByPatientId(patientId)
			.orElseThrow(() -> new IllegalStateException("The history row was just made"));
		entry.revise(new MedicalHistoryChanges(changes.chronicConditions(), changes.allergies(),
				changes.currentMedications(), changes.surgicalHistory(), changes.immunizations(),
				strip(changes.familyHistory()), strip(changes.smokingStatus()), strip(changes.alcoholConsumption()),
				strip(changes.exerciseHabits())), actor.userId(), now);
		MedicalHistory written = entries.saveAndFlush(entry).toHistory(patient.userId());
		audit.record(AuditRecord.success(actor, "UPDATE", RESOURCE, patientId, patientId));
		return written;
	}

	private static void list(String field, @Nullable String json, Map<String, String> problems) {
		if (json == null) {
			return;
		}
		if (json.length() > LIST_LENGTH) {
			problems.put(field, "Ensure this list has no more than " + LIST_LENGTH + " characters of JSON.");
			return;
		}
		try {
			JsonNode node = JsonMapper.shared().readTree(json);
			if (node == null || !node.isArray()) {
				problems.put(field, "Expected a list of items but got type \"" + type(node) + "\".");
			}
		}
		catch (JacksonException e) {
			problems.put(field, "Value must be valid JSON.");
		}
	}

	private static String type(@Nullable JsonNode node) {
		if (node == null || node.isNull()) {
			return "NoneType";
		}
		return node.isObject() ? "dict" : node.isTextual() ? "str" : node.isBoolean() ? "bool"
				: node.isIntegralNumber() ? "int" : node.isNumber() ? "float" : "unknown";
	}

	private static void text(String field, @Nullable String value, int max, Map<String, String> problems) {
		if (value != null && value.strip().length() > max) {
			problems.put(field, "Ensure this field has no more than " + max + " characters.");
		}
	}

	private static @Nullable String strip(@Nullable String value) {
		return value == null ? null : value.strip();
	}
}
