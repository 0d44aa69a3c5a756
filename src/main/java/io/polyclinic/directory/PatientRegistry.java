package io.polyclinic.directory;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.polyclinic.audit.AuditLog;
import io.polyclinic.audit.AuditRecord;
import io.polyclinic.directory.internal.PatientProfile;
import io.polyclinic.directory.internal.PatientSearch;
import io.polyclinic.directory.internal.Patients;
import io.polyclinic.identity.Account;
import io.polyclinic.identity.OtpPurpose;
import io.polyclinic.identity.OtpVerified;
import io.polyclinic.identity.SignIn;
import io.polyclinic.identity.SignedIn;
import io.polyclinic.identity.accounts.AccountChanges;
import io.polyclinic.identity.accounts.Accounts;
import io.polyclinic.identity.accounts.NewAccount;
import io.polyclinic.identity.accounts.ProviderLogin;
import io.polyclinic.identity.accounts.ProviderLogins;
import io.polyclinic.identity.accounts.VerifiedSessions;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Refusal;
import io.polyclinic.platform.Role;

/**
 * Patients: signing them up, keeping their profile, and finding them. Who may read a patient's record is the
 * {@link AccessPolicy}'s answer (staff of the clinic or of the patient's centre, the patient, clinicians who care for
 * them); a profile is changed by the patient or by staff; staff register patients, and a centre's staff register
 * them at their centre.
 */
@Service
@Transactional(readOnly = true)
public class PatientRegistry {

	private static final Set<String> GENDERS = Set.of("MALE", "FEMALE", "OTHER", "PREFER_NOT_TO_SAY");
	private static final Set<String> BLOOD_GROUPS = Set.of("A+", "A-", "B+", "B-", "AB+", "AB-", "O+", "O-");

	private final Patients patients;
	private final PatientSearch search;
	private final AccessPolicy access;
	private final CareTeam careTeam;
	private final Accounts accounts;
	private final SignIn signIn;
	private final VerifiedSessions sessions;
	private final ProviderLogins providerLogins;
	private final AuditLog audit;
	private final Clock clock;

	PatientRegistry(Patients patients, PatientSearch search, AccessPolicy access, CareTeam careTeam, Accounts accounts,
			SignIn signIn, VerifiedSessions sessions, ProviderLogins providerLogins, AuditLog audit, Clock clock) {
		this.patients = patients;
		this.search = search;
		this.access = access;
		this.careTeam = careTeam;
		this.accounts = accounts;
		this.signIn = signIn;
		this.sessions = sessions;
		this.providerLogins = providerLogins;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Staff register a patient with a login that signs in by one-time code (no password); a centre's staff register
	 * the patient at their centre.
	 */
	@Transactional
	public Patient register(PatientDetails details, LeadSource source, Actor actor) {
		Reach reach = access.reachOf(actor);
		if (!reach.staff()) {
			throw access.denied(actor, "CREATE", "PATIENT", null, null);
		}
		Patient patient = enrol(details, source, actor);
		careTeam.enrol(patient.id(), reach.centreId());
		return patient;
	}

	/**
	 * A patient signs themself up with an email address and a password, and is signed in: the sign-up of a product
	 * whose patients register themselves (DiabCare). The address is the login, in any case; one already taken is a
	 * conflict.
	 */
	@Transactional
	public PatientSignedIn signUp(PatientDetails details, String password, LeadSource source) {
		return signUp(details, null, password, source);
	}

	/** As above, with a username to sign in with besides the email address (hcp's registration has one). */
	@Transactional
	public PatientSignedIn signUp(PatientDetails details, @Nullable String username, String password,
			LeadSource source) {
		if (details.email() == null || details.email().isBlank()) {
			throw Refusal.invalidField("email", "Email is required");
		}
		Patient patient = enrol(details, username, password, source, null);
		SignedIn signedIn = sessions.start(patient.userId());
		return new PatientSignedIn(patient, true, signedIn.tokens());
	}

	/** A new patient: by a member of staff, or (actor null) signing themself up with a verified code. */
	private Patient enrol(PatientDetails details, LeadSource source, @Nullable Actor actor) {
		return enrol(details, null, null, source, actor);
	}

	private Patient enrol(PatientDetails details, @Nullable String username, @Nullable String password,
			LeadSource source, @Nullable Actor actor) {
		if (details.fullName() == null || details.fullName().isBlank()) {
			throw Refusal.invalidField("fullName", "Full name is required");
		}
		// staff register patients by phone; a patient signing themself up may have proven an email address instead
		boolean reachable = details.phone() != null && !details.phone().isBlank()
				|| actor == null && details.email() != null && !details.email().isBlank();
		if (!reachable) {
			throw Refusal.invalidField("phone", "Phone number is required");
		}
		check(details);
		Account account = accounts.open(
				new NewAccount(details.fullName(), username, details.email(), details.phone(), password, Role.PATIENT));
		var profile = new PatientProfile(account.id(), source, clock.instant());
		profile.update(details, clock.instant());
		profile = patients.save(profile);
		audit.record(actor == null
				? AuditRecord.success(account.id(), Role.PATIENT.name(), "CREATE", "PATIENT", profile.getId(), profile.getId())
				: AuditRecord.success(actor, "CREATE", "PATIENT", profile.getId(), profile.getId()));
		return profile.toPatient(account);
	}

	/**
	 * Signs a patient in with a one-time code sent to their phone; the first verified code signs them up, with the
	 * name they gave when asking for it.
	 */
	@Transactional(noRollbackFor = Refusal.class)
	public PatientSignedIn signInWithCode(String phone, String code, LeadSource source) {
		return signInWithCode(phone, code, source, null);
	}

	/**
	 * As {@link #signInWithCode(String, String, LeadSource)}, with the details a new patient gives when signing up
	 * (their name first, then email, gender, date of birth): used only when the code signs a new patient up, never to
	 * change a known patient's record. They are checked before the code, so that a mistake does not spend it.
	 */
	@Transactional(noRollbackFor = Refusal.class)
	public PatientSignedIn signInWithCode(String phone, String code, LeadSource source,
			@Nullable PatientDetails signUp) {
		if (signUp != null) {
			check(signUp);
		}
		OtpVerified verified = signIn.verifyOtp(phone, code, OtpPurpose.PATIENT_LOGIN);
		Optional<Account> existing = accounts.findByPhone(verified.phone());
		if (existing.isPresent() && existing.get().role() != Role.PATIENT) {
			throw Refusal.unauthenticated("INVALID_CREDENTIALS", "This phone number belongs to a staff account");
		}
		boolean created = existing.isEmpty() || patients.findByUserId(existing.get().id()).isEmpty();
		Patient patient;
		if (existing.isEmpty()) {
			String name = signUp != null && signUp.fullName() != null && !signUp.fullName().isBlank()
					? signUp.fullName().trim()
					: verified.displayName() == null ? "Patient" : verified.displayName();
			patient = enrol(signUp == null ? PatientDetails.named(name, verified.phone())
					: new PatientDetails(name, verified.phone(), signUp.email(), signUp.dateOfBirth(), signUp.gender(),
							signUp.bloodGroup(), signUp.emergencyContactName(), signUp.emergencyContactPhone(), null),
					source, null);
		}
		else if (created) {
			var profile = patients.save(new PatientProfile(existing.get().id(), source, clock.instant()));
			patient = profile.toPatient(existing.get());
		}
		else {
			patient = patients.findByUserId(existing.get().id()).orElseThrow().toPatient(existing.get());
		}
		SignedIn signedIn = sessions.start(patient.userId());
		return new PatientSignedIn(patient, created, signedIn.tokens());
	}

	/**
	 * Signs in whoever holds the email address a one-time code ({@code SIGN_IN}) proved, whatever their role, for a
	 * face with one sign-in for everyone (sos); an unknown address signs up an active patient named by the part
	 * before the {@code @}. The address counts as verified from then on. The code's check and the sign-up are one
	 * transaction; a wrong code is counted all the same.
	 */
	@Transactional(noRollbackFor = Refusal.class)
	public AddressSignIn signInWithEmailCode(String email, String code, LeadSource source) {
		String address = signIn.verifyEmailOtp(email, code, OtpPurpose.SIGN_IN);
		return signInOrUp(accounts.findByEmail(address), address, null, localPart(address), null, source);
	}

	/**
	 * As {@link #signInWithEmailCode(String, String, LeadSource)}, for a phone number a {@code SIGN_IN} code proved
	 * (sent by SMS or WhatsApp); a new patient is named as they gave their name when asking, or "Patient".
	 */
	@Transactional(noRollbackFor = Refusal.class)
	public AddressSignIn signInWithPhoneCode(String phone, String code, LeadSource source) {
		OtpVerified verified = signIn.verifyOtp(phone, code, OtpPurpose.SIGN_IN);
		return signInOrUp(accounts.findByPhone(verified.phone()), null, verified.phone(),
				verified.displayName() == null ? "Patient" : verified.displayName(), null, source);
	}

	/**
	 * Finishes an OAuth sign-in (identity checks the state, exchanges the code, verifies the id token) and signs in
	 * whoever holds the email address the provider verified, whatever their role; an unknown address signs up an
	 * active patient with the provider's name and picture.
	 */
	@Transactional(noRollbackFor = Refusal.class)
	public AddressSignIn signInWithProvider(String provider, @Nullable String code, @Nullable String state,
			LeadSource source) {
		ProviderLogin login = providerLogins.verify(provider, code, state);
		String name = login.name() == null ? localPart(login.email()) : login.name();
		return signInOrUp(accounts.findByEmail(login.email()), login.email(), null, name, login.picture(), source);
	}

	/**
	 * As {@link #signInWithProvider}, for a mobile app that holds the provider's id token itself (DiabCare's Google
	 * sign-in): whoever holds the verified address signs in, whatever their role; an unknown address signs up an
	 * active patient.
	 */
	@Transactional(noRollbackFor = Refusal.class)
	public AddressSignIn signInWithProviderToken(String provider, @Nullable String idToken, LeadSource source) {
		ProviderLogin login = providerLogins.verifyIdToken(provider, idToken);
		String name = login.name() == null ? localPart(login.email()) : login.name();
		return signInOrUp(accounts.findByEmail(login.email()), login.email(), null, name, login.picture(), source);
	}

	/**
	 * Finishes a sign-in at the clinic's AWS Cognito user pool (the code and the redirect URI the browser used; see
	 * {@link ProviderLogins#verifyCognito}). The account linked to the pool's subject signs in; without one, whoever
	 * holds the email address Cognito verified signs in (an unknown address signs up an active patient), and the
	 * subject is linked to that account from then on.
	 */
	@Transactional(noRollbackFor = Refusal.class)
	public AddressSignIn signInWithCognito(@Nullable String code, @Nullable String redirectUri, LeadSource source) {
		ProviderLogin login = providerLogins.verifyCognito(code, redirectUri);
		Optional<Long> linked = providerLogins.linkedAccount(login.provider(), login.subject());
		if (linked.isPresent()) {
			SignedIn signedIn = sessions.start(linked.get());
			return new AddressSignIn(signedIn.account(), signedIn.tokens(), false);
		}
		String name = login.name() == null ? localPart(login.email()) : login.name();
		AddressSignIn done = signInOrUp(accounts.findByEmail(login.email()), login.email(), null, name, login.picture(),
				source);
		providerLogins.link(login.provider(), login.subject(), done.account().id());
		return done;
	}

	private AddressSignIn signInOrUp(Optional<Account> existing, @Nullable String verifiedEmail, @Nullable String phone,
			String name, @Nullable String picture, LeadSource source) {
		boolean created = false;
		long userId;
		if (existing.isEmpty()) {
			Patient patient = enrol(new PatientDetails(name, phone, verifiedEmail, null, null, null, null, null, null),
					source, null);
			userId = patient.userId();
			if (picture != null) {
				accounts.changePicture(userId, picture);
			}
			created = true;
		}
		else {
			userId = existing.get().id();
			if (existing.get().role() == Role.PATIENT && existing.get().active() && !existing.get().deleted()
					&& patients.findByUserId(userId).isEmpty()) {
				patients.save(new PatientProfile(userId, source, clock.instant()));
				created = true;
			}
		}
		SignedIn signedIn = sessions.start(userId); // refuses an account that may not sign in, before anything changes
		Account account = verifiedEmail == null ? signedIn.account() : accounts.emailVerified(userId);
		return new AddressSignIn(account, signedIn.tokens(), created);
	}

	private static String localPart(String email) {
		String local = email.substring(0, Math.max(0, email.indexOf('@'))).trim();
		return local.isEmpty() ? "Patient" : local;
	}

	/**
	 * Signs a patient in with a password, for a patient account that has one: the login is an email address when it
	 * has an {@code @}, a phone number when it is digits (with {@code +}, spaces or dashes), a username otherwise.
	 * Staff accounts are refused as a wrong password is. Outside a transaction of its own: identity's sign-in is one,
	 * and its refusal must not doom an outer one.
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public PatientSignedIn signInWithPassword(String login, String password) {
		String trimmed = login.trim();
		SignIn.LoginName kind = trimmed.contains("@") ? SignIn.LoginName.EMAIL
				: trimmed.matches("\\+?[0-9][0-9 ()-]{5,19}") ? SignIn.LoginName.PHONE : SignIn.LoginName.USERNAME;
		SignedIn signedIn = signIn.withPassword(kind, trimmed, password, Role.PATIENT);
		Account account = signedIn.account();
		var existing = patients.findByUserId(account.id());
		var profile = existing.orElseGet(
				() -> patients.save(new PatientProfile(account.id(), LeadSource.WEBSITE, clock.instant())));
		return new PatientSignedIn(profile.toPatient(account), existing.isEmpty(), signedIn.tokens());
	}

	/**
	 * The patient with this phone number, or a new one (front-desk bookings, imports): staff only. A centre's staff
	 * find a known patient even when the patient is not yet theirs; the booking that follows makes them so.
	 */
	@Transactional
	public Registration findOrRegister(String phone, @Nullable String fullName, LeadSource source, Actor actor) {
		return findOrRegister(phone, fullName, null, source, actor);
	}

	/**
	 * As {@link #findOrRegister(String, String, LeadSource, Actor)}; a new patient is registered with this email
	 * address too. A known patient's record is theirs: it is not changed by a booking.
	 */
	@Transactional
	public Registration findOrRegister(String phone, @Nullable String fullName, @Nullable String email,
			LeadSource source, Actor actor) {
		Reach reach = access.reachOf(actor);
		if (!reach.staff()) {
			throw access.denied(actor, "CREATE", "PATIENT", null, null);
		}
		Optional<Account> account = accounts.findByPhone(phone);
		if (account.isPresent()) {
			if (account.get().role() != Role.PATIENT) {
				throw Refusal.conflict("ALREADY_EXISTS", "This phone number belongs to a staff account");
			}
			var profile = patients.findByUserId(account.get().id())
				.orElseGet(() -> patients.save(new PatientProfile(account.get().id(), source, clock.instant())));
			return new Registration(profile.toPatient(account.get()), false);
		}
		if (fullName == null || fullName.isBlank()) {
			throw Refusal.invalidField("patient.fullName", "Patient name is required for a new patient");
		}
		Patient patient = enrol(new PatientDetails(fullName, phone, email == null || email.isBlank() ? null : email.strip(),
				null, null, null, null, null, null), source, actor);
		careTeam.enrol(patient.id(), reach.centreId());
		return new Registration(patient, true);
	}

	public record Registration(Patient patient, boolean created) {
	}

	@Transactional
	public Patient change(long id, PatientDetails details, Actor actor) {
		var profile = profile(id);
		Reach reach = access.requirePatient(actor, id, "UPDATE");
		if (reach.kind() == Reach.Kind.CLINICIAN) {
			throw access.denied(actor, "UPDATE", "PATIENT", id, id);
		}
		check(details);
		Account account = accounts.change(profile.getUserId(),
				new AccountChanges(details.fullName(), details.email(), details.phone(), null, null, null));
		profile.update(details, clock.instant());
		audit.record(AuditRecord.success(actor, "UPDATE", "PATIENT", id, id));
		return profile.toPatient(account);
	}

	/** A patient's record, if the caller may read it; every read is audited, refusals too. */
	@Transactional
	public Patient get(long id, Actor actor) {
		var profile = profile(id);
		access.requirePatient(actor, id, "READ");
		audit.record(AuditRecord.success(actor, "READ", "PATIENT", id, id));
		return profile.toPatient(accounts.get(profile.getUserId()));
	}

	/**
	 * The patient whose account has this public id, if the caller may read their record (audited as
	 * {@link #get(long, Actor)} is).
	 *
	 * @throws Refusal NOT_FOUND for an account that is no patient's
	 */
	@Transactional
	public Patient getByAccount(UUID accountId, Actor actor) {
		return get(byAccount(accountId).getId(), actor);
	}

	/**
	 * A patient changes their own record, named by their account's public id (DiabCare's {@code /patients/:id}):
	 * nobody else changes it this way, whatever their role.
	 *
	 * @throws Refusal FORBIDDEN (audited) for anyone but that patient; NOT_FOUND for an account that is no patient's
	 */
	@Transactional
	public Patient changeOwn(UUID accountId, PatientDetails details, Actor actor) {
		var profile = byAccount(accountId);
		if (actor.userId() != profile.getUserId()) {
			throw access.denied(actor, "UPDATE", "PATIENT", profile.getId(), profile.getId());
		}
		return change(profile.getId(), details, actor);
	}

	private PatientProfile byAccount(UUID accountId) {
		return accounts.findByPublicId(accountId)
			.flatMap(account -> patients.findByUserId(account.id()))
			.orElseThrow(() -> Refusal.notFound("Patient"));
	}

	/** Refuses (audited) unless the caller may see the patient's data; 404 when there is no such patient. */
	public void requireAccess(long patientId, Actor actor, String action) {
		profile(patientId);
		access.requirePatient(actor, patientId, action);
	}

	/**
	 * The patient whose account this is, if the caller may see them (faces that name patients by their account, as the
	 * Mibo admin panel does when it books).
	 *
	 * @throws Refusal NOT_FOUND for an account that is no patient's; FORBIDDEN (audited) for a caller who may not see
	 *         the patient
	 */
	public Patient ofAccount(long userId, Actor actor) {
		Patient patient = forUser(userId).orElseThrow(() -> Refusal.notFound("Patient"));
		access.requirePatient(actor, patient.id(), "READ");
		return patient;
	}

	public Optional<Patient> forUser(long userId) {
		return patients.findByUserId(userId).map(p -> p.toPatient(accounts.get(userId)));
	}

	/**
	 * The patient records of these accounts that the caller may see, by user id, in two queries whatever their number
	 * (for a list of people that shows a patient's details beside each account); accounts that are no patient's, or
	 * patients beyond the caller's reach, are left out.
	 */
	public Map<Long, Patient> forUsers(Collection<Long> userIds, Actor actor) {
		if (userIds.isEmpty()) {
			return Map.of();
		}
		Reach reach = access.reachOf(actor);
		List<PatientProfile> profiles = patients.findByUserIdIn(Set.copyOf(userIds)).stream()
			.filter(p -> access.maySeePatient(reach, p.getId()))
			.toList();
		Map<Long, Account> owners = accounts.findAll(profiles.stream().map(PatientProfile::getUserId).toList());
		return profiles.stream().filter(p -> owners.containsKey(p.getUserId()))
			.collect(Collectors.toMap(PatientProfile::getUserId, p -> p.toPatient(owners.get(p.getUserId()))));
	}

	/** The caller's own patient record: for patient-facing endpoints. */
	public Patient self(Actor actor) {
		return forUser(actor.userId()).orElseThrow(Refusal::forbidden);
	}

	/** Patients by part of the name and by phone (with or without country code), a page at a time, in SQL. */
	@Transactional
	public Page<Patient> search(@Nullable String name, @Nullable String phone, Pageable page, Actor actor) {
		Reach reach = access.reachOf(actor);
		if (reach.kind() == Reach.Kind.NONE || reach.kind() == Reach.Kind.PATIENT) {
			throw access.denied(actor, "SEARCH", "PATIENT", null, null);
		}
		Page<Patient> found = search.find(name, phone, reach, page);
		audit.record(AuditRecord.of(actor, "SEARCH", "PATIENT", null, null, AuditRecord.Outcome.SUCCESS,
				found.getNumberOfElements() + " results"));
		return found;
	}

	public Map<Long, Patient> findAll(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		var profiles = patients.findByIdIn(ids);
		var owners = accounts.findAll(profiles.stream().map(PatientProfile::getUserId).toList());
		return profiles.stream().collect(Collectors.toMap(PatientProfile::getId, p -> p.toPatient(owners.get(p.getUserId()))));
	}

	private PatientProfile profile(long id) {
		return patients.findById(id).orElseThrow(() -> Refusal.notFound("Patient"));
	}

	private static void check(PatientDetails details) {
		if (details.gender() != null && !GENDERS.contains(details.gender())) {
			throw Refusal.invalidField("gender", "Gender must be one of " + String.join(", ", GENDERS));
		}
		if (details.bloodGroup() != null && !BLOOD_GROUPS.contains(details.bloodGroup())) {
			throw Refusal.invalidField("bloodGroup", "Unknown blood group");
		}
		if (details.dateOfBirth() != null && details.dateOfBirth().isAfter(LocalDate.now())) {
			throw Refusal.invalidField("dateOfBirth", "Date of birth cannot be in the future");
		}
	}
}
