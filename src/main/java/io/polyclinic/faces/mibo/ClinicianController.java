package io.polyclinic.faces.mibo;

import static io.polyclinic.faces.mibo.MiboFormats.EMAIL;
import static io.polyclinic.faces.mibo.MiboFormats.INVALID_EMAIL;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.polyclinic.directory.Clinician;
import io.polyclinic.directory.ClinicianDetails;
import io.polyclinic.directory.ClinicianRegistry;
import io.polyclinic.faces.Money;
import io.polyclinic.faces.PageQuery;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.PublicEndpoint;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * Clinicians: {@code /api/clinicians}. The list and a profile are public (active clinicians only); administrators,
 * managers and centre managers keep the profiles. The consultation fee is whole rupees here, paise in the module.
 * The availability endpoints belong to scheduling.
 */
@RestController
@RequestMapping("/api/clinicians")
class ClinicianController {

	private static final String STAFF = "hasAnyRole('ADMIN','MANAGER','CENTRE_MANAGER')";

	private final ClinicianRegistry clinicians;

	ClinicianController(ClinicianRegistry clinicians) {
		this.clinicians = clinicians;
	}

	/** A clinician as the contract lists one. */
	record ClinicianSummary(long id, long userId, String fullName, List<String> specialization,
			List<String> qualification, @Nullable Integer yearsOfExperience, long consultationFee,
			List<String> languages, @Nullable String profilePictureUrl, boolean isActive) {

		static ClinicianSummary of(Clinician c) {
			return new ClinicianSummary(c.id(), c.userId(), c.fullName(), c.specializations(), c.qualifications(),
					c.yearsOfExperience(), Money.whole(c.feeMinor(), c.currency()), c.languages(), c.profilePictureUrl(),
					c.active());
		}
	}

	/** One clinician: the list's fields, plus the two the create request sets and a booking screen needs. */
	record ClinicianProfile(long id, long userId, String fullName, List<String> specialization,
			List<String> qualification, @Nullable Integer yearsOfExperience, long consultationFee,
			List<String> languages, @Nullable String profilePictureUrl, boolean isActive, @Nullable Long primaryCentreId,
			int defaultConsultationDurationMinutes) {

		static ClinicianProfile of(Clinician c) {
			return new ClinicianProfile(c.id(), c.userId(), c.fullName(), c.specializations(), c.qualifications(),
					c.yearsOfExperience(), Money.whole(c.feeMinor(), c.currency()), c.languages(), c.profilePictureUrl(),
					c.active(), c.primaryCentreId(), c.consultationMinutes());
		}
	}

	record Created(long id, long userId, String fullName) {
	}

	record NewClinician(@NotBlank(message = "Full name is required") String fullName, @Nullable String phone,
			@Nullable @Pattern(regexp = EMAIL, message = INVALID_EMAIL) String email, @Nullable String username,
			@NotBlank(message = "Password is required") @Size(min = 8, message = "Password must be at least 8 characters") String password,
			@Nullable Long primaryCentreId, @Nullable List<String> specialization, @Nullable List<String> qualification,
			@Nullable @Min(value = 0, message = "Years of experience must be between 0 and 80") @Max(value = 80, message = "Years of experience must be between 0 and 80") Integer yearsOfExperience,
			@Nullable @PositiveOrZero(message = "Consultation fee cannot be negative") @Max(value = 10_000_000, message = "Consultation fee is too large") Long consultationFee,
			@Nullable List<String> languages, @Nullable String profilePictureUrl,
			@Nullable @Min(value = 5, message = "Consultation length must be between 5 and 480 minutes") @Max(value = 480, message = "Consultation length must be between 5 and 480 minutes") Integer defaultConsultationDurationMinutes) {
	}

	record ClinicianChanges(@Nullable String fullName, @Nullable String phone,
			@Nullable @Pattern(regexp = EMAIL, message = INVALID_EMAIL) String email, @Nullable Long primaryCentreId,
			@Nullable List<String> specialization, @Nullable List<String> qualification,
			@Nullable @Min(value = 0, message = "Years of experience must be between 0 and 80") @Max(value = 80, message = "Years of experience must be between 0 and 80") Integer yearsOfExperience,
			@Nullable @PositiveOrZero(message = "Consultation fee cannot be negative") @Max(value = 10_000_000, message = "Consultation fee is too large") Long consultationFee,
			@Nullable List<String> languages, @Nullable String profilePictureUrl,
			@Nullable @Min(value = 5, message = "Consultation length must be between 5 and 480 minutes") @Max(value = 480, message = "Consultation length must be between 5 and 480 minutes") Integer defaultConsultationDurationMinutes) {
	}

	@PublicEndpoint
	@GetMapping
	Reply<List<ClinicianSummary>> list(@RequestParam(required = false) @Nullable Long centreId,
			@RequestParam(required = false) @Nullable String specialization,
			PageQuery page) {
		return Reply.of(clinicians.find(centreId, specialization, true, page.pageable()).map(ClinicianSummary::of).getContent());
	}

	@PublicEndpoint
	@GetMapping("/{id}")
	Reply<ClinicianProfile> get(@PathVariable long id) {
		return Reply.of(ClinicianProfile.of(clinicians.getListed(id)));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize(STAFF)
	Reply<Created> create(@Valid @RequestBody NewClinician request, @AuthenticationPrincipal Actor actor) {
		ClinicianDetails details = new ClinicianDetails(request.fullName(), request.phone(), request.email(),
				request.primaryCentreId(), request.specialization(), request.qualification(), request.languages(),
				request.yearsOfExperience(), Money.minorOfWhole(request.consultationFee(), MiboFormats.CURRENCY),
				request.defaultConsultationDurationMinutes(), request.profilePictureUrl(), null, null);
		Clinician c = clinicians.register(details, request.username(), request.password(), actor);
		return Reply.of("Clinician created successfully", new Created(c.id(), c.userId(), c.fullName()));
	}

	@PutMapping("/{id}")
	@PreAuthorize(STAFF)
	Reply<ClinicianProfile> update(@PathVariable long id, @Valid @RequestBody ClinicianChanges request,
			@AuthenticationPrincipal Actor actor) {
		ClinicianDetails details = new ClinicianDetails(request.fullName(), request.phone(), request.email(),
				request.primaryCentreId(), request.specialization(), request.qualification(), request.languages(),
				request.yearsOfExperience(), Money.minorOfWhole(request.consultationFee(), MiboFormats.CURRENCY),
				request.defaultConsultationDurationMinutes(), request.profilePictureUrl(), null, null);
		return Reply.of("Clinician updated successfully", ClinicianProfile.of(clinicians.change(id, details, actor)));
	}

	@DeleteMapping("/{id}")
	@PreAuthorize(STAFF)
	Reply<Void> delete(@PathVariable long id, @AuthenticationPrincipal Actor actor) {
		clinicians.remove(id, actor);
		return Reply.message("Clinician deleted successfully");
	}

	@PatchMapping("/{id}/toggle-active")
	@PreAuthorize(STAFF)
	Reply<ClinicianProfile> toggleActive(@PathVariable long id, @AuthenticationPrincipal Actor actor) {
		Clinician c = clinicians.toggleActive(id, actor);
		return Reply.of(c.active() ? "Clinician activated successfully" : "Clinician deactivated successfully",
				ClinicianProfile.of(c));
	}
}
