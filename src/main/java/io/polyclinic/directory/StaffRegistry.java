package io.polyclinic.directory;

import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.polyclinic.audit.AuditLog;
import io.polyclinic.audit.AuditRecord;
import io.polyclinic.directory.internal.StaffAssignment;
import io.polyclinic.directory.internal.StaffAssignments;
import io.polyclinic.identity.Account;
import io.polyclinic.identity.SignedIn;
import io.polyclinic.identity.accounts.AccountChanges;
import io.polyclinic.identity.accounts.Accounts;
import io.polyclinic.identity.accounts.NewAccount;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Refusal;
import io.polyclinic.platform.Role;

/**
 * The people who run the clinic (not clinicians, not patients): their logins, roles and centres. Administrators hire,
 * change, dismiss and list staff (only a super-administrator makes or touches another super-administrator);
 * managers may hire front-desk staff and switch staff other than administrators on and off.
 */
@Service
@Transactional(readOnly = true)
public class StaffRegistry {

	public static final Set<Role> STAFF_ROLES = Arrays.stream(Role.values()).filter(Role::isStaff)
		.collect(Collectors.toUnmodifiableSet());

	private static final Set<Role> ADMINISTRATORS = EnumSet.of(Role.ADMIN);
	private static final Set<Role> SWITCHERS = EnumSet.of(Role.ADMIN, Role.MANAGER);
	/** What a manager (not an administrator) may hire. */
	private static final Set<Role> MANAGER_HIRES = EnumSet.of(Role.FRONT_DESK);

	private final StaffAssignments assignments;
	private final AccessPolicy access;
	private final Accounts accounts;
	private final CentreRegistry centres;
	private final AuditLog audit;
	private final Clock clock;

	StaffRegistry(StaffAssignments assignments, AccessPolicy access, Accounts accounts, CentreRegistry centres, AuditLog audit, Clock clock) {
		this.assignments = assignments;
		this.access = access;
		this.accounts = accounts;
		this.centres = centres;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public StaffMember hire(NewStaffMember request, Actor actor) {
		if (!request.role().isStaff()) {
			throw Refusal.invalidField("role", "Role must be a staff role");
		}
		boolean allowed = request.role() == Role.SUPERADMIN ? actor.role() == Role.SUPERADMIN
				: actor.is(Role.ADMIN) || (actor.is(Role.MANAGER) && MANAGER_HIRES.contains(request.role()));
		if (!allowed && !actor.isSystem()) {
			throw access.denied(actor, "CREATE", "STAFF", null, null);
		}
		if (request.password() == null || request.password().isBlank()) {
			throw Refusal.invalidField("password", "Password is required");
		}
		if (request.centreId() != null) {
			centres.get(request.centreId());
		}
		Account account = accounts.open(new NewAccount(request.fullName(), request.username(), request.email(),
				request.phone(), request.password(), request.role()));
		var assignment = assignments.save(new StaffAssignment(account.id(), request.centreId(), clock.instant()));
		audit.record(AuditRecord.success(actor, "CREATE", "STAFF", account.id(), null));
		return toStaff(account, assignment.getCentreId());
	}

	@Transactional
	public StaffMember change(long id, @Nullable String fullName, @Nullable String email, @Nullable String phone,
			@Nullable Boolean active, @Nullable Long centreId, Actor actor) {
		return change(id, fullName, email, phone, null, null, active, centreId, actor);
	}

	/** As above, and a new username or password for the member's sign-in (administrators, as for every change). */
	@Transactional
	public StaffMember change(long id, @Nullable String fullName, @Nullable String email, @Nullable String phone,
			@Nullable String username, @Nullable String password, @Nullable Boolean active, @Nullable Long centreId,
			Actor actor) {
		access.requireRole(actor, ADMINISTRATORS, "UPDATE", "STAFF", id);
		Account account = staffAccount(id);
		requireMayManage(account, actor, "UPDATE");
		if (Boolean.FALSE.equals(active) && id == actor.userId()) {
			throw Refusal.conflict("OWN_ACCOUNT", "You cannot deactivate your own account");
		}
		if (centreId != null) {
			centres.get(centreId);
			assignment(id).moveTo(centreId);
		}
		account = accounts.change(id, new AccountChanges(fullName, email, phone, username, password, active));
		audit.record(AuditRecord.success(actor, "UPDATE", "STAFF", id, null));
		return toStaff(account, assignment(id).getCentreId());
	}

	/** Managers may switch staff on and off too, but not an administrator. */
	@Transactional
	public StaffMember toggleActive(long id, Actor actor) {
		access.requireRole(actor, SWITCHERS, "TOGGLE_ACTIVE", "STAFF", id);
		Account target = staffAccount(id);
		if (id == actor.userId()) {
			throw Refusal.conflict("OWN_ACCOUNT", "You cannot deactivate your own account");
		}
		requireMayManage(target, actor, "TOGGLE_ACTIVE");
		Account account = accounts.toggleActive(id);
		audit.record(AuditRecord.success(actor, "TOGGLE_ACTIVE", "STAFF", id, null));
		return toStaff(account, assignment(id).getCentreId());
	}

	/** Soft delete: the account stays for the records that name it, but can no longer sign in or be listed. */
	@Transactional
	public void dismiss(long id, Actor actor) {
		access.requireRole(actor, ADMINISTRATORS, "DELETE", "STAFF", id);
		requireMayManage(staffAccount(id), actor, "DELETE");
		if (id == actor.userId()) {
			throw Refusal.conflict("OWN_ACCOUNT", "You cannot delete your own account");
		}
		accounts.delete(id);
		audit.record(AuditRecord.success(actor, "DELETE", "STAFF", id, null));
	}

	public StaffMember get(long id, Actor actor) {
		access.requireRole(actor, ADMINISTRATORS, "READ", "STAFF", id);
		return toStaff(staffAccount(id), assignments.findByUserId(id).map(StaffAssignment::getCentreId).orElse(null));
	}

	/**
	 * The centre the caller works at, for their own session's view of themselves; null for staff of no centre and
	 * for callers who are not staff.
	 */
	public @Nullable Long workplace(Actor actor) {
		return workplace(actor.userId(), actor.role());
	}

	/** The centre of someone who has just signed in: their own, as {@link #workplace(Actor)}. */
	public @Nullable Long workplace(SignedIn signedIn) {
		return workplace(signedIn.account().id(), signedIn.account().role());
	}

	private @Nullable Long workplace(long userId, Role role) {
		if (!role.isStaff()) {
			return null;
		}
		return assignments.findByUserId(userId).map(StaffAssignment::getCentreId).orElse(null);
	}

	/** Staff by role and centre, paged in SQL. */
	public Page<StaffMember> find(@Nullable Role role, @Nullable Long centreId, Pageable page, Actor actor) {
		access.requireRole(actor, ADMINISTRATORS, "LIST", "STAFF", null);
		Set<Role> roles = role == null ? STAFF_ROLES : EnumSet.of(role);
		if (role != null && !role.isStaff()) {
			return Page.empty(page);
		}
		List<Long> atCentre = centreId == null ? null
				: assignments.userIdsAtCentre(centreId);
		Page<Account> found = accounts.search(roles, null, null, false, atCentre, page);
		Map<Long, StaffAssignment> byUser = assignments
			.findByUserIdIn(found.getContent().stream().map(Account::id).toList()).stream()
			.collect(Collectors.toMap(StaffAssignment::getUserId, Function.identity()));
		return new PageImpl<>(found.getContent().stream()
			.map(a -> toStaff(a, byUser.containsKey(a.id()) ? byUser.get(a.id()).getCentreId() : null)).toList(), page,
				found.getTotalElements());
	}

	private Account staffAccount(long id) {
		return accounts.find(id).filter(a -> a.role().isStaff() && !a.deleted())
			.orElseThrow(() -> Refusal.notFound("Staff user"));
	}

	/**
	 * Only administrators manage administrators, and only a super-administrator another super-administrator (as
	 * {@link #hire} has it); the refusal is audited.
	 */
	private void requireMayManage(Account target, Actor actor, String action) {
		boolean allowed = target.role() == Role.SUPERADMIN ? actor.role() == Role.SUPERADMIN
				: !target.role().isAdministrator() || actor.role().isAdministrator();
		if (!allowed) {
			throw access.denied(actor, action, "STAFF", target.id(), null);
		}
	}

	/** Staff created before directory knew them (the first administrator) get their assignment on first touch. */
	private StaffAssignment assignment(long userId) {
		return assignments.findByUserId(userId)
			.orElseGet(() -> assignments.save(new StaffAssignment(userId, null, clock.instant())));
	}

	private static StaffMember toStaff(Account a, @Nullable Long centreId) {
		return new StaffMember(a.id(), a.publicId(), a.fullName(), a.phone(), a.email(), a.role(), centreId, a.active(),
				a.deleted(), a.createdAt(), a.username());
	}
}
