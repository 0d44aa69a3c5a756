package io.polyclinic.faces.hcp;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.polyclinic.clinical.DocumentType;
import io.polyclinic.clinical.MedicalDocument;
import io.polyclinic.clinical.MedicalHistory;
import io.polyclinic.clinical.VitalMeasurements;
import io.polyclinic.clinical.VitalSigns;
import io.polyclinic.directory.Patient;
import io.polyclinic.directory.PatientRegistry;
import io.polyclinic.directory.People;
import io.polyclinic.identity.Account;
import io.polyclinic.platform.Refusal;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the EMR chart's controllers (documents, medical history, vitals, summary) share: hcp names a patient by their
 * user id, which is turned into the clinic's patient here (and back, in every answer), and the records they answer
 * with, as the original's serializers render them (decimals as strings with their places, blank texts as "").
 */
@Component
class HcpCharts {

	private final PatientRegistry patients;
	private final People people;

	HcpCharts(PatientRegistry patients, People people) {
		this.patients = patients;
		this.people = people;
	}

	/** The patient whose user id a path names: 404 when the user is no patient. */
	Patient patientAt(long userId) {
		return patients.forUser(userId).orElseThrow(() -> Refusal.notFound("Patient"));
	}

	/** The patient a body's field names by user id: a DRF field error when the user is no patient. */
	Patient patientIn(String field, long userId) {
		return patients.forUser(userId).orElseThrow(() -> Refusal.invalidField(field,
				"Invalid pk \"" + userId + "\" - object does not exist."));
	}

	/**
	 * The patient a list's filter names by user id, as the clinic's patient id; one no row has when the user is no
	 * patient (the list is then empty, as DRF's filter on a missing pk is).
	 */
	@Nullable Long patientFilter(@Nullable Long userId) {
		if (userId == null) {
			return null;
		}
		return patients.forUser(userId).map(Patient::id).orElse(-1L);
	}

	Map<Long, Account> accounts(Collection<Long> userIds) {
		return people.byIds(userIds);
	}

	static String name(@Nullable Account account) {
		return account == null ? "" : account.fullName();
	}

	// documents

	record Document(long id, long owner, long uploadedBy, @Nullable Long appointment, String documentType,
			String title, String description, String fileUrl, String fileName, long fileSize, String mimeType,
			boolean isVerified, Instant createdAt, Instant updatedAt) {
	}

	static Document document(MedicalDocument d) {
		return new Document(d.id(), d.patientUserId(), d.uploadedByUserId(), d.appointmentId(), type(d.type()),
				d.title(), d.description() == null ? "" : d.description(),
				link("/api/emr/documents/" + d.id() + "/download/"), d.fileName(), d.fileSize(), d.contentType(),
				d.verified(), d.createdAt(), d.updatedAt());
	}

	/**
	 * An absolute link to a path of this face's API, under the prefix the current request came through ({@code /hcp},
	 * or none where hcp is also served at the root).
	 */
	static String link(String apiPath) {
		var current = ServletUriComponentsBuilder.fromCurrentRequestUri().build();
		String path = current.getPath() == null ? "" : current.getPath();
		int api = path.indexOf("/api/");
		String prefix = api < 0 ? "" : path.substring(0, api);
		return ServletUriComponentsBuilder.fromCurrentRequestUri().replacePath(prefix + apiPath).replaceQuery(null)
			.toUriString();
	}

	static String type(DocumentType type) {
		return type.name().toLowerCase(Locale.ROOT);
	}

	/** A document type as hcp spells it (lower case), or a DRF choice error. */
	static @Nullable DocumentType documentType(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			DocumentType type = DocumentType.valueOf(value.strip().toUpperCase(Locale.ROOT));
			if (type.name().toLowerCase(Locale.ROOT).equals(value.strip())) {
				return type;
			}
		}
		catch (IllegalArgumentException e) {
			// answered below
		}
		throw Refusal.invalidField("documentType", "\"" + value + "\" is not a valid choice.");
	}

	// medical history

	record History(@Nullable Long id, long patient, JsonNode chronicConditions, JsonNode allergies,
			JsonNode currentMedications, JsonNode surgicalHistory, JsonNode immunizations, String familyHistory,
			String smokingStatus, String alcoholConsumption, String exerciseHabits, @Nullable Instant createdAt,
			@Nullable Instant updatedAt) {
	}

	static History history(MedicalHistory h) {
		return new History(h.id(), h.patientUserId(), json(h.chronicConditions()), json(h.allergies()),
				json(h.currentMedications()), json(h.surgicalHistory()), json(h.immunizations()), h.familyHistory(),
				h.smokingStatus(), h.alcoholConsumption(), h.exerciseHabits(), h.createdAt(), h.updatedAt());
	}

	private static JsonNode json(String text) {
		return JsonMapper.shared().readTree(text);
	}

	// vitals

	record Vitals(long id, long patient, long recordedBy, String recordedByName,
			@Nullable Integer bloodPressureSystolic, @Nullable Integer bloodPressureDiastolic,
			@Nullable Integer heartRate, @Nullable String temperature, @Nullable Integer respiratoryRate,
			@Nullable Integer oxygenSaturation, @Nullable String weight, @Nullable String height, @Nullable String bmi,
			@Nullable Integer painLevel, String notes, Instant recordedAt) {
	}

	static Vitals vitals(VitalSigns v, @Nullable Account recorder) {
		VitalMeasurements m = v.measurements();
		return new Vitals(v.id(), v.patientUserId(), v.recordedByUserId(), name(recorder), m.bloodPressureSystolic(),
				m.bloodPressureDiastolic(), m.heartRate(), plain(m.temperature()), m.respiratoryRate(),
				m.oxygenSaturation(), plain(m.weight()), plain(m.height()), plain(v.bmi()), m.painLevel(),
				m.notes() == null ? "" : m.notes(), v.recordedAt());
	}

	/** DRF's DecimalField: a string with the field's decimal places. */
	private static @Nullable String plain(@Nullable BigDecimal value) {
		return value == null ? null : value.toPlainString();
	}
}
