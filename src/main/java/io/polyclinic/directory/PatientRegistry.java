package io.polyclinic.directory;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import io.polyclinic.directory.internal.Clinicians;
import io.polyclinic.directory.internal.PatientProfile;
import io.polyclinic.directory.internal.Patients;
import io.polyclinic.identity.Account;
import io.polyclinic.identity.AccountChanges;
import io.polyclinic.identity.Accounts;
import io.polyclinic.identity.Actor;
import io.polyclinic.identity.NewAccount;
import io.polyclinic.identity.OtpPurpose;
import io.polyclinic.identity.OtpVerified;
import io.polyclinic.identity.Role;
import io.polyclinic.identity.SignIn;
import io.polyclinic.identity.SignedIn;
import io.polyclinic.platform.ClinicException;

/**
 * Patients: signing them up, keeping their profile, finding them, and deciding who may read a patient's record —
 * staff, the patient themself, and clinicians who care for them.
 */
@Service
@Transactional(readOnly = true)
public class PatientRegistry {

	private static final Set<String> GENDERS = Set.of("MALE", "FEMALE", "OTHER", "PREFER_NOT_TO_SAY");
	private static final Set<String> BLOOD_GROUPS = Set.of("A+", "A-", "B+", "B-", "AB+", "AB-", "O+", "O-");

	private final Patients patients;
	private final Clinicians clinicians;
	private final Accounts accounts;
	private final SignIn signIn;
	private final CareTeam careTeam;
	private final AuditLog audit;
	private final Clock clock;

	PatientRegistry(Patients patients, Clinicians clinicians, Accounts accounts, SignIn signIn, CareTeam careTeam,
			AuditLog audit, Clock clock) {
		this.patients = patients;
		this.clinicians = clinicians;
		this.accounts = accounts;
		this.signIn = signIn;
		this.careTeam = careTeam;
		this.audit = audit;
		this.clock = clock;
	}

	/** Registers a patient with a login that signs in by one-time code (no password). */
	@Transactional
	public Patient register(PatientDetails details, LeadSource source, @Nullable Actor actor) {
		if (details.fullName() == null || details.fullName().isBlank()) {
			throw ClinicException.invalid("fullName", "Full name is required");
		}
		if (details.phone() == null || details.phone().isBlank()) {
			throw ClinicException.invalid("phone", "Phone number is required");
		}
		check(details);
		Account account = accounts.open(
				new NewAccount(details.fullName(), null, details.email(), details.phone(), null, Role.PATIENT));
		var profile = new PatientProfile(account.id(), source, clock.instant());
		profile.update(details, clock.instant());
		profile = patients.save(profile);
		audit.record(AuditRecord.success(actor == null ? account.id() : actor.userId(),
				actor == null ? Role.PATIENT.name() : actor.role().name(), "CREATE", "PATIENT", profile.getId(),
				profile.getId()));
		return profile.toPatient(account);
	}

	/**
	 * Signs a patient in with a one-time code sent to their phone; the first verified code signs them up, with the
	 * name they gave when asking for it.
	 */
	@Transactional(noRollbackFor = ClinicException.class)
	public PatientSignedIn signInWithCode(String phone, String code, LeadSource source) {
		OtpVerified verified = signIn.verifyOtp(phone, code, OtpPurpose.PATIENT_LOGIN);
		Optional<Account> existing = accounts.findByPhone(verified.phone());
		if (existing.isPresent() && existing.get().role() != Role.PATIENT) {
			throw ClinicException.unauthorized("INVALID_CREDENTIALS", "This phone number belongs to a staff account");
		}
		boolean created = existing.isEmpty() || patients.findByUserId(existing.get().id()).isEmpty();
		Patient patient;
		if (existing.isEmpty()) {
			String name = verified.displayName() == null ? "Patient" : verified.displayName();
			patient = register(PatientDetails.named(name, verified.phone()), source, null);
		}
		else if (created) {
			var profile = patients.save(new PatientProfile(existing.get().id(), source, clock.instant()));
			patient = profile.toPatient(existing.get());
		}
		else {
			patient = patients.findByUserId(existing.get().id()).orElseThrow().toPatient(existing.get());
		}
		SignedIn signedIn = signIn.start(patient.userId());
		return new PatientSignedIn(patient, created, signedIn.tokens());
	}

	/** The patient with this phone number, or a new one (front-desk bookings, imports). */
	@Transactional
	public Registration findOrRegister(String phone, @Nullable String fullName, LeadSource source, Actor actor) {
		Optional<Account> account = accounts.findByPhone(phone);
		if (account.isPresent()) {
			if (account.get().role() != Role.PATIENT) {
				throw ClinicException.conflict("DUPLICATE_ENTRY", "This phone number belongs to a staff account");
			}
			var profile = patients.findByUserId(account.get().id())
				.orElseGet(() -> patients.save(new PatientProfile(account.get().id(), source, clock.instant())));
			return new Registration(profile.toPatient(account.get()), false);
		}
		if (fullName == null || fullName.isBlank()) {
			throw ClinicException.invalid("patientName", "Patient name is required for a new patient");
		}
		return new Registration(register(PatientDetails.named(fullName, phone), source, actor), true);
	}

	public record Registration(Patient patient, boolean created) {
	}

	@Transactional
	public Patient change(long id, PatientDetails details, Actor actor) {
		var profile = profile(id);
		requireAccess(profile, actor, "UPDATE");
		check(details);
		Account account = accounts.change(profile.getUserId(),
				new AccountChanges(details.fullName(), details.email(), details.phone(), null, null, null));
		profile.update(details, clock.instant());
		audit.record(AuditRecord.success(actor.userId(), actor.role().name(), "UPDATE", "PATIENT", id, id));
		return profile.toPatient(account);
	}

	/** A patient's record, if the caller may read it; every read is audited, refusals too. */
	@Transactional
	public Patient get(long id, Actor actor) {
		var profile = profile(id);
		requireAccess(profile, actor, "READ");
		audit.record(AuditRecord.success(actor.userId(), actor.role().name(), "READ", "PATIENT", id, id));
		return profile.toPatient(accounts.get(profile.getUserId()));
	}

	/** Whether the caller may read this patient's data: staff, the patient, a clinician who cares for them. */
	public boolean mayAccess(long patientId, Actor actor) {
		return mayAccess(profile(patientId), actor);
	}

	/** Throws FORBIDDEN (and audits the refusal) unless the caller may access the patient's data. */
	public void requireAccess(long patientId, Actor actor, String action) {
		requireAccess(profile(patientId), actor, action);
	}

	public Optional<Patient> forUser(long userId) {
		return patients.findByUserId(userId).map(p -> p.toPatient(accounts.get(userId)));
	}

	/** The caller's own patient record: for patient-facing endpoints. */
	public Patient self(Actor actor) {
		return forUser(actor.userId()).orElseThrow(ClinicException::forbidden);
	}

	/** Patients by part of the name and by phone (with or without country code), a page at a time, in SQL. */
	@Transactional
	public Page<Patient> search(@Nullable String name, @Nullable String phone, Pageable page, Actor actor) {
		Page<Account> found = accounts.search(EnumSet.of(Role.PATIENT), name, phone, false, page);
		var profiles = patients.findByUserIdIn(found.getContent().stream().map(Account::id).toList()).stream()
			.collect(Collectors.toMap(PatientProfile::getUserId, Function.identity()));
		List<Patient> content = found.getContent().stream().filter(a -> profiles.containsKey(a.id()))
			.map(a -> profiles.get(a.id()).toPatient(a)).toList();
		audit.record(new AuditRecord(actor.userId(), actor.role().name(), "SEARCH", "PATIENT", null, null,
				AuditRecord.Outcome.SUCCESS, content.size() + " results"));
		return new PageImpl<>(content, page, found.getTotalElements());
	}

	public Map<Long, Patient> findAll(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		var profiles = patients.findByIdIn(ids);
		var owners = accounts.findAll(profiles.stream().map(PatientProfile::getUserId).toList());
		return profiles.stream().collect(Collectors.toMap(PatientProfile::getId, p -> p.toPatient(owners.get(p.getUserId()))));
	}

	private boolean mayAccess(PatientProfile profile, Actor actor) {
		if (actor.isStaff()) {
			return true;
		}
		if (actor.role() == Role.PATIENT) {
			return profile.getUserId() == actor.userId();
		}
		if (actor.role() == Role.CLINICIAN) {
			return clinicians.findByUserId(actor.userId()).map(c -> careTeam.caresFor(c.getId(), profile.getId()))
				.orElse(false);
		}
		return false;
	}

	private void requireAccess(PatientProfile profile, Actor actor, String action) {
		if (!mayAccess(profile, actor)) {
			audit.recordDenied(AuditRecord.denied(actor.userId(), actor.role().name(), action, "PATIENT", profile.getId(),
					profile.getId()));
			throw ClinicException.forbidden();
		}
	}

	private PatientProfile profile(long id) {
		return patients.findById(id).orElseThrow(() -> ClinicException.notFound("Patient"));
	}

	private static void check(PatientDetails details) {
		if (details.gender() != null && !GENDERS.contains(details.gender())) {
			throw ClinicException.invalid("gender", "Gender must be one of " + String.join(", ", GENDERS));
		}
		if (details.bloodGroup() != null && !BLOOD_GROUPS.contains(details.bloodGroup())) {
			throw ClinicException.invalid("bloodGroup", "Unknown blood group");
		}
		if (details.dateOfBirth() != null && details.dateOfBirth().isAfter(LocalDate.now())) {
			throw ClinicException.invalid("dateOfBirth", "Date of birth cannot be in the future");
		}
	}
}
