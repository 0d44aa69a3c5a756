package io.polyclinic.faces.diabcare;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;

import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;

import io.polyclinic.directory.Clinician;
import io.polyclinic.directory.ClinicianDetails;
import io.polyclinic.directory.ClinicianListing;
import io.polyclinic.directory.ClinicianPractice;
import io.polyclinic.directory.ClinicianRatings;
import io.polyclinic.faces.Money;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import io.polyclinic.directory.ClinicianRegistry;
import io.polyclinic.faces.Ids;
import io.polyclinic.faces.NumberedPage;
import io.polyclinic.faces.PageQuery;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Refusal;

/**
 * The médecins: {@code /api/medecins}, every MEDECIN whatever their verification state (the app's doctor finder lists
 * them all), by specialty, paged; and one médecin by id.
 */
@RestController
@RequestMapping("/api/medecins")
class DiabcareMedecinController {

	private final ClinicianRegistry clinicians;
	private final ClinicianRatings ratings;
	private final DiabcarePhotos photos;
	private final DiabcareUsers users;

	DiabcareMedecinController(ClinicianRegistry clinicians, ClinicianRatings ratings, DiabcarePhotos photos,
			DiabcareUsers users) {
		this.clinicians = clinicians;
		this.ratings = ratings;
		this.photos = photos;
		this.users = users;
	}

	/** What a médecin changes of their profile, as the app's profile screen sends it; what is left out stays. */
	record MedecinChanges(@Nullable @Size(min = 1, message = "nom should not be empty") String nom,
			@Nullable @Size(min = 1, message = "prenom should not be empty") String prenom,
			@Nullable String telephone, @Nullable String photoProfil,
			@Nullable @Size(min = 1, message = "specialite should not be empty") String specialite,
			@Nullable @Min(value = 0, message = "anneesExperience must not be less than 0") Integer anneesExperience,
			@Nullable String clinique, @Nullable String adresseCabinet, @Nullable String description,
			@Nullable @Min(value = 0, message = "tarifConsultation must not be less than 0") BigDecimal tarifConsultation) {
	}

	record Note(@NotNull(message = "note must be a number conforming to the specified constraints") BigDecimal note) {
	}

	@GetMapping
	NumberedPage<Map<String, Object>> list(PageQuery page, @RequestParam(required = false) @Nullable String specialite,
			@AuthenticationPrincipal Actor actor) {
		return NumberedPage.of(clinicians.find(null, specialite, true, page.pageable()), page, users::medecin);
	}

	@GetMapping("/{id}")
	Map<String, Object> one(@PathVariable String id, @AuthenticationPrincipal Actor actor) {
		Clinician clinician = clinicians.forAccount(Ids.uuid("id", id).publicId())
			.orElseThrow(() -> Refusal.notFound("Médecin"));
		return users.medecin(clinician);
	}

	/**
	 * A médecin changes their own profile (the clinic's keepers may too; anyone else 403, decided by directory). A new
	 * specialty becomes the first of the médecin's specialties.
	 */
	@PatchMapping("/{id}")
	Map<String, Object> change(@PathVariable String id, @Valid @RequestBody MedecinChanges body,
			@AuthenticationPrincipal Actor actor) {
		Clinician current = clinicians.forAccount(Ids.uuid("id", id).publicId())
			.orElseThrow(() -> Refusal.notFound("Médecin"));
		String fullName = body.nom() == null && body.prenom() == null ? null
				: DiabcareUsers.fullName(body.prenom() != null ? body.prenom() : DiabcareUsers.prenom(current.fullName()),
						body.nom() != null ? body.nom() : DiabcareUsers.nom(current.fullName()));
		java.util.List<String> specialities = null;
		if (body.specialite() != null) {
			specialities = new java.util.ArrayList<>(java.util.List.of(body.specialite().trim()));
			current.specializations().stream().skip(1).filter(s -> !s.equalsIgnoreCase(body.specialite().trim()))
				.forEach(specialities::add);
		}
		var details = new ClinicianDetails(fullName, body.telephone() == null || body.telephone().isBlank() ? null
				: body.telephone(), null, null, specialities, null, null, body.anneesExperience(),
				body.tarifConsultation() == null ? null
						: Money.minor(body.tarifConsultation(), current.currency(), "tarifConsultation"),
				null, body.photoProfil() == null ? null : photos.link(body.photoProfil(), actor), body.description(),
				null);
		Clinician changed = clinicians.change(current.id(), details,
				new ClinicianPractice(body.clinique(), null, null, null),
				new ClinicianListing.Changes(null, body.adresseCabinet(), null), actor);
		return users.medecin(changed);
	}

	/** A patient rates a doctor who cares for them (1 to 5); the answer is the médecin with their new average. */
	@PatchMapping("/{id}/note")
	Map<String, Object> rate(@PathVariable String id, @Valid @RequestBody Note body,
			@AuthenticationPrincipal Actor actor) {
		var account = Ids.uuid("id", id).publicId();
		ratings.rate(account, body.note(), actor);
		return users.medecin(clinicians.forAccount(account).orElseThrow(() -> Refusal.notFound("Médecin")));
	}
}
