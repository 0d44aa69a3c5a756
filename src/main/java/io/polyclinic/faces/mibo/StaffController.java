package io.polyclinic.faces.mibo;

import static io.polyclinic.faces.mibo.MiboFormats.EMAIL;
import static io.polyclinic.faces.mibo.MiboFormats.INVALID_EMAIL;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

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
import com.fasterxml.jackson.annotation.JsonProperty;

import io.polyclinic.directory.Centre;
import io.polyclinic.directory.CentreRegistry;
import io.polyclinic.directory.NewStaffMember;
import io.polyclinic.directory.StaffMember;
import io.polyclinic.directory.StaffRegistry;
import io.polyclinic.faces.PageQuery;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Refusal;
import io.polyclinic.platform.Role;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Staff management: {@code /api/users}. Administrators only, except switching an account on or off and adding
 * front-desk staff, which managers may do too. Staff ids are their user ids; roles travel as Mibo's role ids.
 */
@RestController
@RequestMapping("/api/users")
class StaffController {

	private final StaffRegistry staff;
	private final CentreRegistry centres;

	StaffController(StaffRegistry staff, CentreRegistry centres) {
		this.staff = staff;
		this.centres = centres;
	}

	/**
	 * A member of staff as the contract shows one. {@code centreId} is additive (the contract's example omits it):
	 * the create and update requests carry it, so a client needs to read it back. {@code role}, {@code full_name} and
	 * {@code username} are the admin panel's names (the original backend's) beside the contract's, and
	 * {@code centreName} the name of the centre (null for none). The panel's {@code designation} is not kept for
	 * staff (the directory has no place for it), so it is not answered either.
	 */
	record StaffUser(long id, String fullName, @Nullable String phone, @Nullable String email, int roleId,
			String roleName, boolean isActive, Instant createdAt, @Nullable Long centreId, @Nullable String centreName,
			String role, @JsonProperty("full_name") String full_name, @Nullable String username) {

		static StaffUser of(StaffMember s, Map<Long, Centre> centres) {
			Centre centre = s.centreId() == null ? null : centres.get(s.centreId());
			return new StaffUser(s.id(), s.fullName(), s.phone(), s.email(), MiboRoles.id(s.role()), s.role().name(),
					s.active(), MiboFormats.instant(s.createdAt()), s.centreId(), centre == null ? null : centre.name(),
					s.role().name(), s.fullName(), s.username());
		}
	}

	/** One member of staff, with their centre's name. */
	private StaffUser view(StaffMember s) {
		return StaffUser.of(s, s.centreId() == null ? Map.of() : centres.findAll(List.of(s.centreId())));
	}

	/**
	 * {@code username} is additive: it lets the new member sign in at /api/auth/login/username-password.
	 * {@code full_name} is the admin panel's spelling of {@code fullName}.
	 */
	record NewStaff(@JsonAlias("full_name") @NotBlank(message = "Full name is required") String fullName,
			@NotBlank(message = "Phone number is required") String phone,
			@Nullable @Pattern(regexp = EMAIL, message = INVALID_EMAIL) String email, @Nullable String username,
			@NotBlank(message = "Password is required") @Size(min = 8, message = "Password must be at least 8 characters") String password,
			@NotNull(message = "Role is required") Integer roleId, @Nullable Long centreId) {
	}

	/**
	 * The role-specific creators fix the role themselves: a {@code roleId} sent along is accepted and never
	 * overrides the path's role.
	 */
	record NewStaffInRole(@JsonAlias("full_name") @NotBlank(message = "Full name is required") String fullName,
			@NotBlank(message = "Phone number is required") String phone,
			@Nullable @Pattern(regexp = EMAIL, message = INVALID_EMAIL) String email, @Nullable String username,
			@NotBlank(message = "Password is required") @Size(min = 8, message = "Password must be at least 8 characters") String password,
			@Nullable Long centreId, @Nullable Integer roleId) {
	}

	/**
	 * The panel's edit form sends {@code full_name}, {@code username}, a new {@code password} and its centre as
	 * {@code centre_ids: [id]}: a member of staff works at one centre, so more than one is refused.
	 */
	record StaffChanges(@JsonAlias("full_name") @Nullable String fullName,
			@Nullable @Pattern(regexp = EMAIL, message = INVALID_EMAIL) String email, @Nullable String phone,
			@Nullable Boolean isActive, @Nullable Long centreId, @Nullable String username,
			@Nullable @Size(min = 8, message = "Password must be at least 8 characters") String password,
			@JsonProperty("centre_ids") @Nullable List<Long> centreIds) {

		@Nullable Long centre() {
			if (centreIds == null || centreIds.isEmpty()) {
				return centreId;
			}
			if (centreIds.size() > 1 || (centreId != null && !centreId.equals(centreIds.get(0)))) {
				throw Refusal.invalidField("centre_ids", "A member of staff works at one centre");
			}
			return centreIds.get(0);
		}
	}

	@GetMapping
	@PreAuthorize("hasRole('ADMIN')")
	Reply<List<StaffUser>> list(@RequestParam(required = false) @Nullable Integer roleId,
			@RequestParam(required = false) @Nullable Long centreId,
			PageQuery page,
			@AuthenticationPrincipal Actor actor) {
		@Nullable Role role = roleId == null ? null : role(roleId);
		List<StaffMember> found = staff.find(role, centreId, page.pageable(), actor).getContent();
		Map<Long, Centre> names = centres.findAll(
				found.stream().map(StaffMember::centreId).filter(Objects::nonNull).collect(Collectors.toSet()));
		return Reply.of(found.stream().map(s -> StaffUser.of(s, names)).toList());
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasRole('ADMIN')")
	Reply<StaffUser> get(@PathVariable long id, @AuthenticationPrincipal Actor actor) {
		return Reply.of(view(staff.get(id, actor)));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasRole('ADMIN')")
	Reply<StaffUser> create(@Valid @RequestBody NewStaff request, @AuthenticationPrincipal Actor actor) {
		StaffMember hired = staff.hire(new NewStaffMember(request.fullName(), request.phone(), request.email(),
				request.username(), request.password(), role(request.roleId()), request.centreId()), actor);
		return Reply.of("User created successfully", view(hired));
	}

	@PutMapping("/{id}")
	@PreAuthorize("hasRole('ADMIN')")
	Reply<StaffUser> update(@PathVariable long id, @Valid @RequestBody StaffChanges request,
			@AuthenticationPrincipal Actor actor) {
		StaffMember changed = staff.change(id, request.fullName(), request.email(), request.phone(),
				blankToNull(request.username()), blankToNull(request.password()), request.isActive(), request.centre(),
				actor);
		return Reply.of("User updated successfully", view(changed));
	}

	@DeleteMapping("/{id}")
	@PreAuthorize("hasRole('ADMIN')")
	Reply<Void> delete(@PathVariable long id, @AuthenticationPrincipal Actor actor) {
		staff.dismiss(id, actor);
		return Reply.message("User deleted successfully");
	}

	@PatchMapping("/{id}/toggle-active")
	@PreAuthorize("hasAnyRole('ADMIN','MANAGER')")
	Reply<StaffUser> toggleActive(@PathVariable long id, @AuthenticationPrincipal Actor actor) {
		StaffMember toggled = staff.toggleActive(id, actor);
		return Reply.of(toggled.active() ? "User activated successfully" : "User deactivated successfully",
				view(toggled));
	}

	@PostMapping("/managers")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasRole('ADMIN')")
	Reply<StaffUser> createManager(@Valid @RequestBody NewStaffInRole request, @AuthenticationPrincipal Actor actor) {
		return Reply.of("Manager created successfully", hire(request, Role.MANAGER, actor));
	}

	@PostMapping("/centre-managers")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasRole('ADMIN')")
	Reply<StaffUser> createCentreManager(@Valid @RequestBody NewStaffInRole request,
			@AuthenticationPrincipal Actor actor) {
		return Reply.of("Centre manager created successfully", hire(request, Role.CENTRE_MANAGER, actor));
	}

	@PostMapping("/care-coordinators")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasRole('ADMIN')")
	Reply<StaffUser> createCareCoordinator(@Valid @RequestBody NewStaffInRole request,
			@AuthenticationPrincipal Actor actor) {
		return Reply.of("Care coordinator created successfully", hire(request, Role.CARE_COORDINATOR, actor));
	}

	@PostMapping("/front-desk")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAnyRole('ADMIN','MANAGER')")
	Reply<StaffUser> createFrontDesk(@Valid @RequestBody NewStaffInRole request, @AuthenticationPrincipal Actor actor) {
		return Reply.of("Front desk staff created successfully", hire(request, Role.FRONT_DESK, actor));
	}

	private StaffUser hire(NewStaffInRole request, Role role, Actor actor) {
		return view(staff.hire(new NewStaffMember(request.fullName(), request.phone(), request.email(),
				request.username(), request.password(), role, request.centreId()), actor));
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value;
	}

	private static Role role(int roleId) {
		Role role = MiboRoles.byId(roleId);
		if (role == null) {
			throw Refusal.invalidField("role", "Unknown role");
		}
		return role;
	}
}
