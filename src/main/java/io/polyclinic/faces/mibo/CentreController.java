package io.polyclinic.faces.mibo;

import static io.polyclinic.faces.mibo.MiboFormats.EMAIL;
import static io.polyclinic.faces.mibo.MiboFormats.INVALID_EMAIL;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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

import com.fasterxml.jackson.annotation.JsonAlias;

import io.polyclinic.directory.Centre;
import io.polyclinic.directory.CentreDetails;
import io.polyclinic.directory.CentreRegistry;
import io.polyclinic.faces.PageQuery;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.PublicEndpoint;
import io.polyclinic.platform.Refusal;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * Centres: {@code /api/centres}. Any signed-in caller reads them (inactive ones included, with {@code isActive});
 * writes follow the contract's roles, and a centre manager changes only their own centre (the module decides that).
 * {@code timeZone} (an IANA zone id) is an additive, optional request field; it defaults to the clinic's zone.
 */
@RestController
@RequestMapping("/api/centres")
class CentreController {

	private final CentreRegistry centres;

	CentreController(CentreRegistry centres) {
		this.centres = centres;
	}

	/** {@code pincode} is the admin panel's field beside the contract's (null when none was given). */
	record CentreView(long id, String name, String city, @Nullable String address, @Nullable String phone,
			@Nullable String email, boolean isActive, @Nullable String pincode) {

		static CentreView of(Centre c) {
			return new CentreView(c.id(), c.name(), c.city(), c.address(), c.phone(), c.email(), c.active(),
					c.pincode());
		}
	}

	/**
	 * The admin panel (after the original backend) says {@code addressLine1} for {@code address} and
	 * {@code contactPhone} for {@code phone}, and sends {@code addressLine2} and {@code pincode}: the second line joins
	 * the address ({@code "12 MG Road, Indiranagar"}), the pincode is kept on its own (its edit form splits the
	 * address at the comma and reads the pincode apart).
	 */
	record NewCentre(@NotBlank(message = "Centre name is required") String name,
			@NotBlank(message = "City is required") String city, @JsonAlias("addressLine1") @Nullable String address,
			@JsonAlias("contactPhone") @Nullable String phone,
			@Nullable @Pattern(regexp = EMAIL, message = INVALID_EMAIL) String email, @Nullable String timeZone,
			@Nullable String addressLine2, @Nullable String pincode) {

		@Nullable String fullAddress() {
			return CentreController.fullAddress(address, addressLine2);
		}
	}

	record CentreChanges(@Nullable String name, @Nullable String city,
			@JsonAlias("addressLine1") @Nullable String address, @JsonAlias("contactPhone") @Nullable String phone,
			@Nullable @Pattern(regexp = EMAIL, message = INVALID_EMAIL) String email, @Nullable String timeZone,
			@Nullable String addressLine2, @Nullable String pincode) {

		@Nullable String fullAddress() {
			return CentreController.fullAddress(address, addressLine2);
		}
	}

	/** The address with the panel's second line after it; a second line alone cannot replace an address. */
	static @Nullable String fullAddress(@Nullable String address, @Nullable String line2) {
		if (blank(address)) {
			if (!blank(line2)) {
				throw Refusal.invalidField("addressLine1", "Address is required with addressLine2");
			}
			return address;
		}
		return Stream.of(address, line2).filter(part -> !blank(part)).map(String::trim)
			.collect(Collectors.joining(", "));
	}

	private static boolean blank(@Nullable String value) {
		return value == null || value.isBlank();
	}

	@GetMapping
	Reply<List<CentreView>> list(@RequestParam(required = false) @Nullable String city,
			PageQuery page) {
		return Reply.of(centres.find(city, false, page.pageable()).map(CentreView::of)
			.getContent());
	}

	@GetMapping("/{id}")
	Reply<CentreView> get(@PathVariable long id) {
		return Reply.of(CentreView.of(centres.get(id)));
	}

	/**
	 * The patient website's anonymous read of one centre (its booking page has no token): an active centre's public
	 * facts only. A request with an Authorization header is answered above; this matches only when there is none.
	 */
	@PublicEndpoint
	@GetMapping(path = "/{id}", headers = "!Authorization")
	Reply<PatientSite.PublicCentre> getForAnyone(@PathVariable long id) {
		Centre centre = centres.get(id);
		if (!centre.active()) {
			throw Refusal.notFound("Centre");
		}
		return Reply.of(PatientSite.PublicCentre.of(centre));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAnyRole('ADMIN','MANAGER')")
	Reply<CentreView> create(@Valid @RequestBody NewCentre request, @AuthenticationPrincipal Actor actor) {
		Centre centre = centres.open(new CentreDetails(request.name(), request.city(), request.fullAddress(),
				request.phone(), request.email(), request.timeZone(), request.pincode()), actor);
		return Reply.of("Centre created successfully", CentreView.of(centre));
	}

	@PutMapping("/{id}")
	@PreAuthorize("hasAnyRole('ADMIN','MANAGER','CENTRE_MANAGER')")
	Reply<CentreView> update(@PathVariable long id, @Valid @RequestBody CentreChanges request,
			@AuthenticationPrincipal Actor actor) {
		Centre centre = centres.change(id, new CentreDetails(request.name(), request.city(), request.fullAddress(),
				request.phone(), request.email(), request.timeZone(), request.pincode()), actor);
		return Reply.of("Centre updated successfully", CentreView.of(centre));
	}

	@DeleteMapping("/{id}")
	@PreAuthorize("hasRole('ADMIN')")
	Reply<Void> delete(@PathVariable long id, @AuthenticationPrincipal Actor actor) {
		centres.close(id, actor);
		return Reply.message("Centre deleted successfully");
	}

	@PatchMapping("/{id}/toggle-active")
	@PreAuthorize("hasAnyRole('ADMIN','MANAGER')")
	Reply<CentreView> toggleActive(@PathVariable long id, @AuthenticationPrincipal Actor actor) {
		Centre centre = centres.toggleActive(id, actor);
		return Reply.of(centre.active() ? "Centre activated successfully" : "Centre deactivated successfully",
				CentreView.of(centre));
	}
}
