package io.polyclinic.faces.mibo;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.polyclinic.directory.Centre;
import io.polyclinic.directory.CentreRegistry;
import io.polyclinic.directory.Clinician;
import io.polyclinic.directory.ClinicianRegistry;
import io.polyclinic.faces.Money;
import io.polyclinic.faces.PageQuery;
import io.polyclinic.platform.PublicEndpoint;
import io.polyclinic.platform.Refusal;
import io.polyclinic.scheduling.SessionType;

/**
 * The patient website's clinician reads, {@code GET /api/users/clinicians} and {@code /api/users/clinicians/{id}}
 * (the original backend's paths): public, listed clinicians only, public facts only (no phone, no email) — mibo.md's
 * profile with the centre's name, the consultation length under the website's name and the ways to consult. Writes
 * on these paths are the staff side's (not mapped here).
 */
@RestController
@RequestMapping("/api/users/clinicians")
class UserCliniciansController {

	private static final List<String> MODES = Arrays.stream(SessionType.values()).map(Enum::name).sorted().toList();

	private final ClinicianRegistry clinicians;
	private final CentreRegistry centres;

	UserCliniciansController(ClinicianRegistry clinicians, CentreRegistry centres) {
		this.clinicians = clinicians;
		this.centres = centres;
	}

	record PublicClinician(long id, long userId, String fullName, List<String> specialization,
			List<String> qualification, @Nullable Integer yearsOfExperience, long consultationFee,
			List<String> languages, @Nullable String profilePictureUrl, @JsonProperty("isActive") boolean isActive,
			@Nullable Long primaryCentreId, @Nullable String primaryCentreName, int defaultConsultationDurationMinutes,
			int defaultDurationMinutes, List<String> consultationModes, @Nullable String bio) {

		static PublicClinician of(Clinician c, @Nullable Centre centre) {
			return new PublicClinician(c.id(), c.userId(), c.fullName(), c.specializations(), c.qualifications(),
					c.yearsOfExperience(), Money.whole(c.feeMinor(), c.currency()), c.languages(),
					c.profilePictureUrl(), c.active(), c.primaryCentreId(), centre == null ? null : centre.name(),
					c.consultationMinutes(), c.consultationMinutes(), MODES, c.bio());
		}
	}

	/**
	 * {@code isActive=true} as the website asks (or left out); {@code false} is refused, since only listed clinicians
	 * are public.
	 */
	@PublicEndpoint
	@GetMapping
	Reply<List<PublicClinician>> list(@RequestParam(required = false) @Nullable Boolean isActive,
			@RequestParam(required = false) @Nullable Long centreId,
			@RequestParam(required = false) @Nullable String specialization, PageQuery page) {
		if (Boolean.FALSE.equals(isActive)) {
			throw Refusal.invalidField("isActive", "Only active clinicians are listed");
		}
		List<Clinician> found = clinicians.find(centreId, specialization, true, page.pageable()).getContent();
		Map<Long, Centre> places = centres.findAll(
				found.stream().map(Clinician::primaryCentreId).filter(Objects::nonNull).distinct().toList());
		return Reply.of(found.stream()
			.map(c -> PublicClinician.of(c, c.primaryCentreId() == null ? null : places.get(c.primaryCentreId())))
			.toList());
	}

	@PublicEndpoint
	@GetMapping("/{id}")
	Reply<PublicClinician> get(@PathVariable long id) {
		Clinician c = clinicians.getListed(id);
		return Reply.of(PublicClinician.of(c, c.primaryCentreId() == null ? null
				: centres.findAll(List.of(c.primaryCentreId())).get(c.primaryCentreId())));
	}
}
