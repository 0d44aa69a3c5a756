package io.polyclinic.faces.sos;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.polyclinic.directory.People;
import io.polyclinic.faces.PageQuery;
import io.polyclinic.faces.Pagination;
import io.polyclinic.identity.Callers;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Refusal;
import io.polyclinic.platform.Role;

/** The signed-in user and the list of users: {@code /api/v1/users}. */
@RestController
@RequestMapping("/api/v1/users")
class SosUserController {

	private final People people;
	private final Callers callers;
	private final SosPeople sosPeople;

	SosUserController(People people, Callers callers, SosPeople sosPeople) {
		this.people = people;
		this.callers = callers;
		this.sosPeople = sosPeople;
	}

	record Me(SosPeople.UserDetail user) {
	}

	record Users(List<SosPeople.UserDetail> users, Pagination pagination) {
	}

	@GetMapping("/me")
	Me me(@AuthenticationPrincipal Actor actor) {
		return new Me(sosPeople.detail(callers.self(actor), actor));
	}

	/**
	 * Everyone, filtered by sos role name, standing (active, blocked; pending matches no one: the clinic keeps no
	 * pending accounts) and a case-insensitive part of the name or email.
	 */
	@GetMapping
	@PreAuthorize(SosRoles.ADMIN_OR_SECRETARY)
	Users list(PageQuery page, @RequestParam(required = false) @Nullable String role,
			@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String search, @AuthenticationPrincipal Actor actor) {
		Set<Role> roles = role == null || role.isBlank() ? Set.of() : SosRoles.roles(role);
		if (roles == null) {
			throw Refusal.invalidField("role", "role must be one of admin, doctor, patient, secretary, superadmin, guest");
		}
		Boolean active = status == null || status.isBlank() ? null : switch (status.trim()) {
			case "active" -> Boolean.TRUE;
			case "blocked" -> Boolean.FALSE;
			case "pending" -> null;
			default -> throw Refusal.invalidField("status", "status must be one of active, pending, blocked");
		};
		if ("pending".equals(status == null ? null : status.trim())) {
			return new Users(List.of(), new Pagination(page.number(), page.size(), 0, 0));
		}
		var found = people.find(roles, active, search, page.pageable(), actor);
		return new Users(sosPeople.details(found.getContent(), actor), Pagination.of(found, page));
	}
}
