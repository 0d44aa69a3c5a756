package io.polyclinic.clinical;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.polyclinic.audit.AuditLog;
import io.polyclinic.audit.AuditRecord;
import io.polyclinic.clinical.internal.ProfileRows;
import io.polyclinic.directory.ClinicianRegistry;
import io.polyclinic.directory.Patient;
import io.polyclinic.directory.Reach;
import io.polyclinic.files.FileStore;
import io.polyclinic.files.SignedUrl;
import io.polyclinic.platform.Actor;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A patient's medical profile for the doctor in the consultation room (clinico's medical profile): read from the same
 * records every face writes — the directory's blood group, the medical history hcp's and others' forms keep, the
 * prescriptions in force and the documents on file.
 *
 * <p>Who may read it, whatever the face: only a clinician with an appointment with the patient, in any status but
 * cancelled ({@link ChartAccess#consultant}) — narrower than those who may see the patient's chart: not the patient,
 * not staff, not a clinician linked only by an accepted request. The read is audited, and every refusal.
 */
@Service
@Transactional(readOnly = true)
public class MedicalProfiles {

	/** How many of the newest documents a profile lists. */
	public static final int PAST_RECORDS = 50;
	/** How many medicines a profile lists. */
	public static final int MEDICATIONS = 100;

	private static final String RESOURCE = "MEDICAL_PROFILE";
	/** The fields that name an item of a history's list written as objects, in the order they are looked for. */
	private static final List<String> NAME_FIELDS = List.of("name", "condition", "allergen", "substance",
			"medication", "title", "description");

	private final ChartAccess access;
	private final MedicalHistories histories;
	private final MedicalDocuments documents;
	private final ProfileRows rows;
	private final ClinicianRegistry clinicians;
	private final FileStore files;
	private final AuditLog audit;
	private final java.time.Clock clock;

	MedicalProfiles(ChartAccess access, MedicalHistories histories, MedicalDocuments documents, ProfileRows rows,
			ClinicianRegistry clinicians, FileStore files, AuditLog audit, java.time.Clock clock) {
		this.access = access;
		this.histories = histories;
		this.documents = documents;
		this.rows = rows;
		this.clinicians = clinicians;
		this.files = files;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * @throws io.polyclinic.platform.Refusal NOT_FOUND for no such patient; FORBIDDEN (audited) for anyone but a
	 *         clinician with an appointment with the patient
	 */
	@Transactional // the read is audited
	public MedicalProfile of(long patientId, Actor actor) {
		Patient patient = access.requireExists(patientId);
		Reach reach = access.consultant(actor, patientId, "READ", RESOURCE);
		ZoneId zone = clinicians.get(java.util.Objects.requireNonNull(reach.clinicianId())).timeZone();
		MedicalHistory history = histories.of(patient);
		Set<String> medications = new LinkedHashSet<>(
				rows.activeMedications(patientId, LocalDate.now(clock.withZone(zone)), MEDICATIONS));
		Set<String> said = new LinkedHashSet<>();
		medications.forEach(m -> said.add(m.toLowerCase(Locale.ROOT)));
		for (String reported : names(history.currentMedications())) {
			// a medicine the history names and a prescription already lists ("Aspirin" and "Aspirin 75 mg") once
			if (said.stream().noneMatch(m -> m.equals(reported.toLowerCase(Locale.ROOT))
					|| m.startsWith(reported.toLowerCase(Locale.ROOT) + " "))) {
				medications.add(reported);
				said.add(reported.toLowerCase(Locale.ROOT));
			}
		}
		List<MedicalProfile.PastRecord> records = new ArrayList<>();
		for (MedicalDocument document : documents.recentOf(patientId, PAST_RECORDS)) {
			// access to the files is decided here, by the patient's profile: the clinic asks for them as itself
			SignedUrl url = files.url(files.find(Actor.system(), document.fileId()));
			records.add(new MedicalProfile.PastRecord(document.publicId(), document.type(), document.title(),
					url.url(), document.createdAt().atZone(zone).toLocalDate()));
		}
		audit.record(AuditRecord.success(actor, "READ", RESOURCE, patientId, patientId));
		return new MedicalProfile(patientId, patient.bloodGroup(), names(history.chronicConditions()),
				names(history.allergies()), List.copyOf(medications), history.smokingStatus(),
				history.alcoholConsumption(), history.exerciseHabits(), records);
	}

	/**
	 * The names in a history's list: its strings, or of its objects the first field that names them; what names
	 * nothing (a number, an object without such a field) is left out.
	 */
	static List<String> names(@Nullable String json) {
		List<String> names = new ArrayList<>();
		if (json == null || json.isBlank()) {
			return names;
		}
		JsonNode list;
		try {
			list = JsonMapper.shared().readTree(json);
		}
		catch (JacksonException e) {
			return names;
		}
		if (list == null || !list.isArray()) {
			return names;
		}
		for (JsonNode item : list) {
			String name = null;
			if (item.isString()) {
				name = item.asString();
			}
			else if (item.isObject()) {
				name = NAME_FIELDS.stream().map(item::get).filter(n -> n != null && n.isString())
					.map(JsonNode::asString).filter(n -> !n.isBlank()).findFirst().orElse(null);
			}
			if (name != null && !name.isBlank()) {
				names.add(name.strip());
			}
		}
		return names;
	}
}
