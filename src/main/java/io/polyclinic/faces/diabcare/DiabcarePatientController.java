package io.polyclinic.faces.diabcare;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.polyclinic.directory.Patient;
import io.polyclinic.directory.PatientDetails;
import io.polyclinic.directory.PatientRegistry;
import io.polyclinic.directory.People;
import io.polyclinic.faces.Ids;
import io.polyclinic.identity.Account;
import io.polyclinic.platform.Actor;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A patient's record: {@code GET /api/patients/:id} for the patient, the doctors who follow them and the clinic's
 * staff; {@code PATCH /api/patients/:id} for that patient only. A new {@code photoProfil} may be a link or, as the app
 * sends it, a picture inline ({@code data:image/jpeg;base64,…}), which is stored as the patient's profile picture.
 */
@RestController
@RequestMapping("/api/patients")
class DiabcarePatientController {

	private static final String DATE = "\\d{4}-\\d{2}-\\d{2}([T ].*)?";

	private final PatientRegistry patients;
	private final People people;
	private final DiabcarePhotos photos;
	private final DiabcareUsers users;

	DiabcarePatientController(PatientRegistry patients, People people, DiabcarePhotos photos, DiabcareUsers users) {
		this.patients = patients;
		this.people = people;
		this.photos = photos;
		this.users = users;
	}

	/** The original's medical profile; the clinic keeps no such sheet, so it is accepted and not kept. */
	record PatientChanges(@Nullable @Size(min = 1, message = "nom should not be empty") String nom,
			@Nullable @Size(min = 1, message = "prenom should not be empty") String prenom,
			@Nullable String telephone, @Nullable String photoProfil,
			@Nullable @Pattern(regexp = DATE, message = "dateNaissance must be a Date instance") String dateNaissance,
			@Nullable @Pattern(regexp = "HOMME|FEMME", message = "sexe must be one of the following values: HOMME, FEMME") String sexe,
			@Nullable @Pattern(regexp = "TYPE_1|TYPE_2|GESTATIONNEL|PRE_DIABETE|AUTRE", message = "typeDiabete must be one of the following values: TYPE_1, TYPE_2, GESTATIONNEL, PRE_DIABETE, AUTRE") String typeDiabete,
			@Nullable String groupeSanguin, @Nullable Map<String, Object> profilMedical,
			@Nullable Double latitude, @Nullable Double longitude, @Nullable Map<String, Object> location) {
	}

	@GetMapping("/{id}")
	Map<String, Object> one(@PathVariable String id, @AuthenticationPrincipal Actor actor) {
		Patient patient = patients.getByAccount(Ids.uuid("id", id).publicId(), actor);
		return users.patient(patient, pictureOf(patient.accountId()));
	}

	@PatchMapping("/{id}")
	Map<String, Object> change(@PathVariable String id, @Valid @RequestBody PatientChanges body,
			@AuthenticationPrincipal Actor actor) {
		UUID account = Ids.uuid("id", id).publicId();
		String fullName = null;
		if (body.nom() != null || body.prenom() != null) {
			Patient current = patients.getByAccount(account, actor);
			fullName = DiabcareUsers.fullName(body.prenom() != null ? body.prenom() : DiabcareUsers.prenom(current.fullName()),
					body.nom() != null ? body.nom() : DiabcareUsers.nom(current.fullName()));
		}
		Patient patient = patients.changeOwn(account, new PatientDetails(fullName,
				body.telephone() == null || body.telephone().isBlank() ? null : body.telephone(), null,
				body.dateNaissance() == null ? null : java.time.LocalDate.parse(body.dateNaissance().substring(0, 10)),
				body.sexe(), body.groupeSanguin(), null, null, null,
				body.typeDiabete() == null ? null : DiabcareUsers.diabetesType(body.typeDiabete())), actor);
		if (body.photoProfil() != null) {
			people.changeOwnPicture(photos.link(body.photoProfil(), actor), actor);
		}
		return users.patient(patient, pictureOf(patient.accountId()));
	}

	private @Nullable String pictureOf(UUID accountId) {
		Account account = people.named(Set.of(accountId)).get(accountId);
		return account == null ? null : account.profilePictureUrl();
	}
}
