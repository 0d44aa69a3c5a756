package io.polyclinic.faces.sos;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.polyclinic.directory.Clinician;
import io.polyclinic.directory.ClinicianDetails;
import io.polyclinic.directory.ClinicianListing;
import io.polyclinic.directory.ClinicianPractice;
import io.polyclinic.directory.ClinicianRegistry;
import io.polyclinic.directory.ClinicianSearch;
import io.polyclinic.faces.Ids;
import io.polyclinic.faces.Money;
import io.polyclinic.faces.Ordering;
import io.polyclinic.faces.PageQuery;
import io.polyclinic.faces.Pagination;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.PublicEndpoint;
import io.polyclinic.platform.Refusal;
import io.polyclinic.scheduling.Availability;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Size;

/**
 * Doctors: {@code /api/v1/doctors}. A doctor is a user: their id is their account's. The list and a doctor's page
 * answer without a token too (the secretary app browses doctors without signing in): such callers, like patients,
 * see the listed doctors only; the clinic's staff see every doctor.
 */
@RestController
@RequestMapping("/api/v1/doctors")
class SosDoctorController {

	private static final Map<String, ClinicianSearch.Order> ORDERS = Map.of("rating", ClinicianSearch.Order.RATING,
			"rating_count", ClinicianSearch.Order.RATING_COUNT, "created_at", ClinicianSearch.Order.CREATED_AT);

	private final ClinicianRegistry clinicians;
	private final Availability availability;

	SosDoctorController(ClinicianRegistry clinicians, Availability availability) {
		this.clinicians = clinicians;
		this.availability = availability;
	}

	record Doctors(List<SosDoctors.Doctor> doctors, Pagination pagination) {
	}

	record OneDoctor(SosDoctors.Doctor doctor) {
	}

	record Saved(String message, SosDoctors.Doctor doctor) {
	}

	/** The document's profile fields, with the fee and its currency; left out, a field is kept. */
	record DoctorChanges(@Nullable String userId, @Nullable String name, @Nullable String email, @Nullable String phone,
			@Nullable String profilePicture, @Nullable @Size(max = 200) String specialisation,
			@Nullable @Size(max = 500) String address, @Nullable Map<String, List<Map<String, String>>> workingHours,
			@Nullable @Size(max = 4000) String bio, @Nullable Boolean isListed, @Nullable List<String> supportedLanguages,
			@Nullable @DecimalMin(value = "0", message = "must not be negative") BigDecimal consultationFee,
			@Nullable String currency) {
	}

	@PublicEndpoint
	@GetMapping
	Doctors list(PageQuery page, @RequestParam(required = false) @Nullable String search,
			@RequestParam(required = false) @Nullable String specialisation,
			@RequestParam(required = false) @Nullable String language,
			@RequestParam(required = false) @Nullable Double minRating,
			@RequestParam(required = false) @Nullable Boolean isListed,
			@RequestParam(required = false) @Nullable String sortBy,
			@RequestParam(required = false) @Nullable String sortOrder,
			@AuthenticationPrincipal @Nullable Actor actor) {
		var order = Ordering.parse("sortBy", sortBy, "sortOrder", sortOrder, ORDERS,
				new Ordering<>(ClinicianSearch.Order.RATING, true));
		var found = clinicians.search(new ClinicianSearch(search, specialisation, language, minRating, isListed,
				order.key(), order.descending()), page.pageable(), actor);
		var hours = availability.weeklyHoursOf(found.getContent().stream().map(Clinician::id).toList());
		return new Doctors(found.getContent().stream()
			.map(c -> SosDoctors.doctor(c, hours.getOrDefault(c.id(), List.of())))
			.toList(), Pagination.of(found, page));
	}

	@GetMapping("/self")
	@PreAuthorize(SosRoles.DOCTOR)
	OneDoctor self(@AuthenticationPrincipal Actor actor) {
		Clinician clinician = clinicians.forUser(actor.userId()).orElseThrow(() -> Refusal.notFound("Doctor"));
		return new OneDoctor(show(clinician));
	}

	@PublicEndpoint
	@GetMapping("/{id}")
	OneDoctor get(@PathVariable String id, @AuthenticationPrincipal @Nullable Actor actor) {
		return new OneDoctor(show(clinicians.shownTo(Ids.uuid("id", id).publicId(), actor)));
	}

	/**
	 * An administrator makes the user {@code user_id} names a doctor (201) or changes the doctor they are (200); a
	 * doctor without {@code user_id} (or with their own) changes their own profile.
	 */
	@PostMapping
	@PreAuthorize(SosRoles.ADMIN_OR_DOCTOR)
	ResponseEntity<Saved> save(@Valid @RequestBody DoctorChanges request, @AuthenticationPrincipal Actor actor) {
		if (request.userId() == null) {
			Clinician self = clinicians.forUser(actor.userId())
				.orElseThrow(() -> Refusal.invalidField("userId", "user_id is required"));
			return ResponseEntity.ok(new Saved("Doctor profile updated", change(self, request, actor)));
		}
		UUID account = Ids.uuid("user_id", request.userId()).publicId();
		var existing = clinicians.forAccount(account);
		if (existing.isPresent()) {
			return ResponseEntity.ok(new Saved("Doctor profile updated", change(existing.get(), request, actor)));
		}
		if (request.specialisation() == null || request.specialisation().isBlank()) {
			throw Refusal.invalidField("specialisation", "specialisation is required");
		}
		Clinician appointed = clinicians.appoint(account, details(request, null), ClinicianPractice.none(),
				listing(request), actor);
		replaceHours(appointed, request, actor);
		return ResponseEntity.status(HttpStatus.CREATED).body(new Saved("Doctor profile created", show(appointed)));
	}

	@PutMapping("/{id}")
	@PreAuthorize(SosRoles.ADMIN_OR_DOCTOR)
	Saved update(@PathVariable String id, @Valid @RequestBody DoctorChanges request,
			@AuthenticationPrincipal Actor actor) {
		if (request.userId() != null) {
			throw Refusal.invalidField("userId", "user_id cannot be changed");
		}
		return new Saved("Doctor profile updated", change(doctor(id), request, actor));
	}

	private SosDoctors.Doctor change(Clinician clinician, DoctorChanges request, Actor actor) {
		Clinician changed = clinicians.change(clinician.id(), details(request, clinician), ClinicianPractice.none(),
				listing(request), actor);
		replaceHours(changed, request, actor);
		return show(clinicians.get(changed.id()));
	}

	private void replaceHours(Clinician clinician, DoctorChanges request, Actor actor) {
		if (request.workingHours() != null) {
			availability.replaceRules(clinician.id(),
					SosDoctors.rules(request.workingHours(), clinician.primaryCentreId()), actor);
		}
	}

	private SosDoctors.Doctor show(Clinician clinician) {
		return SosDoctors.doctor(clinician,
				availability.weeklyHoursOf(List.of(clinician.id())).getOrDefault(clinician.id(), List.of()));
	}

	private Clinician doctor(String id) {
		return clinicians.forAccount(Ids.uuid("id", id).publicId()).orElseThrow(() -> Refusal.notFound("Doctor"));
	}

	private static ClinicianDetails details(DoctorChanges r, @Nullable Clinician current) {
		String currency = r.currency() != null ? r.currency() : current != null ? current.currency() : null;
		Long fee = r.consultationFee() == null ? null
				: Money.minor(r.consultationFee(), currency == null ? "USD" : currency, "consultation_fee");
		// the first specialisation is sos's one; the others (another face's) are kept behind it
		List<String> specializations = r.specialisation() == null ? null
				: current == null ? List.of(r.specialisation())
						: java.util.stream.Stream.concat(java.util.stream.Stream.of(r.specialisation().trim()),
								current.specializations().stream().skip(1)).toList();
		return new ClinicianDetails(r.name(), r.phone(), r.email(), null, specializations, null,
				r.supportedLanguages(), null, fee, null, r.profilePicture(), r.bio(), null);
	}

	private static ClinicianListing.Changes listing(DoctorChanges r) {
		return new ClinicianListing.Changes(r.isListed(), r.address(), r.currency());
	}
}
