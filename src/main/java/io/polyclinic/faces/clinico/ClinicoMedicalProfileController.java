package io.polyclinic.faces.clinico;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.polyclinic.clinical.DocumentType;
import io.polyclinic.clinical.MedicalProfile;
import io.polyclinic.clinical.MedicalProfiles;
import io.polyclinic.platform.Actor;

/**
 * A patient's medical profile in the consultation room, for a doctor with an appointment with them (the clinical
 * module decides): lists joined into clinico's texts, null where nothing is known; past records with signed links.
 */
@RestController
@RequestMapping("/api/patients")
class ClinicoMedicalProfileController {

	private final MedicalProfiles profiles;

	ClinicoMedicalProfileController(MedicalProfiles profiles) {
		this.profiles = profiles;
	}

	record PastRecord(UUID recordIdUuid, String documentType, String documentUrl, LocalDate reportDate) {
	}

	record Profile(long patientId, @Nullable String bloodGroup, @Nullable String chronicConditions,
			@Nullable String knownAllergies, @Nullable String currentMedications, @Nullable String lifestyleNotes,
			List<PastRecord> pastRecords) {
	}

	@GetMapping("/{id}/medical-profile")
	Profile profile(@PathVariable long id, @AuthenticationPrincipal Actor actor) {
		MedicalProfile profile = profiles.of(id, actor);
		return new Profile(profile.patientId(), profile.bloodGroup(), joined(profile.chronicConditions()),
				joined(profile.allergies()), joined(profile.currentMedications()), lifestyle(profile),
				profile.pastRecords().stream()
					.map(r -> new PastRecord(r.documentId(), type(r.type()), r.url(), r.reportDate()))
					.toList());
	}

	private static @Nullable String joined(List<String> items) {
		return items.isEmpty() ? null : String.join(", ", items);
	}

	/** The history's social history in one line, each part said under its label (smoking, alcohol, exercise). */
	private static @Nullable String lifestyle(MedicalProfile profile) {
		List<String> parts = new ArrayList<>();
		part(parts, "Smoking", profile.smokingStatus());
		part(parts, "Alcohol", profile.alcoholConsumption());
		part(parts, "Exercise", profile.exerciseHabits());
		return joined(parts);
	}

	private static void part(List<String> parts, String label, String value) {
		if (!value.isBlank()) {
			parts.add(label + ": " + value.strip());
		}
	}

	static String type(DocumentType type) {
		return switch (type) {
			case LAB_REPORT -> "Lab Report";
			case IMAGING -> "Imaging";
			case PRESCRIPTION -> "Prescription";
			case DISCHARGE_SUMMARY -> "Discharge Summary";
			case CONSULTATION_NOTE -> "Consultation Note";
			case INSURANCE_CARD -> "Insurance Card";
			case ID_DOCUMENT -> "ID Document";
			case OTHER -> "Other";
		};
	}
}
