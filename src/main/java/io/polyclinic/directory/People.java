package io.polyclinic.directory;

import java.time.Clock;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.polyclinic.audit.AuditLog;
import io.polyclinic.audit.AuditRecord;
import io.polyclinic.directory.internal.Clinicians;
import io.polyclinic.identity.Account;
import io.polyclinic.identity.AccountOrder;
import io.polyclinic.identity.accounts.AccountChanges;
import io.polyclinic.identity.accounts.Accounts;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Refusal;
import io.polyclinic.platform.Role;

/**
 * Everyone with an account, whatever their role, as the clinic's staff look them up: a list filtered by role,
 * standing and name or email, one person by their public id, and a person's picture.
 */
@Service
@Transactional(readOnly = true)
public class People {

	/** Who may list and look up everyone: the clinic's staff, not clinicians or patients. */
	private static final Set<Role> READERS = EnumSet.of(Role.ADMIN, Role.SUPERADMIN, Role.MANAGER, Role.SECRETARY,
			Role.CENTRE_MANAGER, Role.FRONT_DESK, Role.CARE_COORDINATOR);

	private final Accounts accounts;
	private final AccessPolicy access;
	private final AuditLog audit;
	private final Clinicians clinicians;
	private final PatientRegistry patients;
	private final Clock clock;

	People(Accounts accounts, AccessPolicy access, AuditLog audit, Clinicians clinicians, PatientRegistry patients,
			Clock clock) {
		this.accounts = accounts;
		this.access = access;
		this.audit = audit;
		this.clinicians = clinicians;
		this.patients = patients;
		this.clock = clock;
	}

	/** A page of people: staff only. {@code roles} empty means every role; {@code active} null means any standing. */
	@Transactional // not read-only: the list is audited (PostgreSQL refuses the audit's insert in a read-only one)
	public Page<Account> find(Set<Role> roles, @Nullable Boolean active, @Nullable String text, Pageable page,
			Actor actor) {
		access.requireRole(actor, READERS, "LIST", "USER", null);
		Page<Account> found = accounts.people(roles.isEmpty() ? EnumSet.allOf(Role.class) : roles, active, text, page);
		audit.record(AuditRecord.of(actor, "LIST", "USER", null, null, AuditRecord.Outcome.SUCCESS,
				found.getNumberOfElements() + " results"));
		return found;
	}

	/** As {@link #find(Set, Boolean, String, Pageable, Actor)}, in the given order (ties by id). */
	@Transactional
	public Page<Account> find(Set<Role> roles, @Nullable Boolean active, @Nullable String text, AccountOrder order,
			boolean descending, Pageable page, Actor actor) {
		access.requireRole(actor, READERS, "LIST", "USER", null);
		Page<Account> found = accounts.people(roles.isEmpty() ? EnumSet.allOf(Role.class) : roles, active, text, order,
				descending, page);
		audit.record(AuditRecord.of(actor, "LIST", "USER", null, null, AuditRecord.Outcome.SUCCESS,
				found.getNumberOfElements() + " results"));
		return found;
	}

	/**
	 * The caller changes their own account — name, email, phone, username (null leaves one as it is) — and, when they
	 * are a patient, their own record's details (date of birth, gender, emergency contact…), in one transaction. A
	 * clinician's or staff member's account has no such details: theirs are not kept. Nobody changes another person
	 * here, and nobody their role.
	 *
	 * @return the account, and the patient record when the caller is a patient
	 * @throws Refusal INVALID for a field the account or the record refuses; CONFLICT ({@code email}, {@code phone},
	 *         {@code username}) for one another person has; FORBIDDEN (audited) for the system
	 */
	@Transactional
	public OwnProfile changeOwn(@Nullable String username, PatientDetails details, Actor actor) {
		if (actor.isSystem()) {
			throw access.denied(actor, "UPDATE", "USER", null, null);
		}
		Account account = accounts.change(actor.userId(), new AccountChanges(details.fullName(), details.email(),
				details.phone(), username, null, null));
		Optional<Patient> patient = patients.forUser(actor.userId());
		if (patient.isPresent()) {
			PatientDetails own = new PatientDetails(null, null, null, details.dateOfBirth(), details.gender(),
					details.bloodGroup(), details.emergencyContactName(), details.emergencyContactPhone(),
					details.medicalHistory(), details.diabetesType());
			patient = Optional.of(patients.changeOwn(account.publicId(), own, actor));
		}
		else {
			audit.record(AuditRecord.success(actor, "UPDATE", "USER", actor.userId(), null));
		}
		return new OwnProfile(accounts.get(actor.userId()), patient.orElse(null));
	}

	/** A person's own account, and their patient record when they are a patient. */
	public record OwnProfile(Account account, @Nullable Patient patient) {
	}

	/** One person by public id: themself, or anyone for staff; 404 when there is none (or it is deleted). */
	public Account get(UUID publicId, Actor actor) {
		Account account = accounts.findByPublicId(publicId).filter(a -> !a.deleted())
			.orElseThrow(() -> Refusal.notFound("User"));
		if (account.id() != actor.userId()) {
			access.requireRole(actor, READERS, "READ", "USER", account.id());
		}
		return account;
	}

	/**
	 * People by public id, for showing names beside records the caller already may see (an appointment's doctor):
	 * no check of its own, it reveals nothing a record the caller holds does not name.
	 */
	public Map<UUID, Account> named(Collection<UUID> publicIds) {
		return accounts.findAllByPublicId(publicIds);
	}

	/** People by numeric id, as {@link #named}. */
	public Map<Long, Account> byIds(Collection<Long> ids) {
		return accounts.findAll(ids);
	}

	/**
	 * The caller's own picture: a URL the files module handed out, or null to remove it. A clinician's profile shows
	 * the same picture, on every face.
	 */
	@Transactional
	public Account changeOwnPicture(@Nullable String url, Actor actor) {
		Account changed = accounts.changePicture(actor.userId(), url);
		clinicians.findByUserId(actor.userId()).filter(p -> !p.isDeleted())
			.ifPresent(p -> p.describe(null, null, null, null, url == null ? "" : url, null, clock.instant()));
		audit.record(AuditRecord.success(actor, "UPDATE_PICTURE", "USER", actor.userId(), null));
		return changed;
	}
}
