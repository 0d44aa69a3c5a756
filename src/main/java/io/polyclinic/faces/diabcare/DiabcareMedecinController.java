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
import io.polyclinic.directory.ClinicianRatings;
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
	private final DiabcareUsers users;

	DiabcareMedecinController(ClinicianRegistry clinicians, ClinicianRatings ratings, DiabcareUsers users) {
		this.clinicians = clinicians;
		this.ratings = ratings;
		this.users = users;
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

	/** A patient rates a doctor who cares for them (1 to 5); the answer is the médecin with their new average. */
	@PatchMapping("/{id}/note")
	Map<String, Object> rate(@PathVariable String id, @Valid @RequestBody Note body,
			@AuthenticationPrincipal Actor actor) {
		var account = Ids.uuid("id", id).publicId();
		ratings.rate(account, body.note(), actor);
		return users.medecin(clinicians.forAccount(account).orElseThrow(() -> Refusal.notFound("Médecin")));
	}
}
