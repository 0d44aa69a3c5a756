package io.polyclinic.directory;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.polyclinic.audit.AuditLog;
import io.polyclinic.audit.AuditRecord;
import io.polyclinic.directory.internal.ClinicianFinder;
import io.polyclinic.directory.internal.ClinicianProfile;
import io.polyclinic.directory.internal.Clinicians;
import io.polyclinic.identity.Account;
import io.polyclinic.identity.accounts.AccountChanges;
import io.polyclinic.identity.accounts.Accounts;
import io.polyclinic.identity.accounts.NewAccount;
import io.polyclinic.identity.accounts.VerifiedSessions;
import io.polyclinic.identity.SignedIn;
import io.polyclinic.identity.Tokens;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Refusal;
import io.polyclinic.platform.Role;

/**
 * Clinicians: registering them with a login, keeping their profile, and finding them. Administrators and managers
 * keep every clinician; a centre manager only the clinicians whose home centre is theirs (and may not move one to
 * another centre). Listed clinicians are public: patients choose whom to see.
 */
@Service
@Transactional(readOnly = true)
public class ClinicianRegistry {

	private static final Set<Role> KEEPERS = EnumSet.of(Role.ADMIN, Role.MANAGER, Role.CENTRE_MANAGER);

	private final Clinicians clinicians;
	private final ClinicianFinder finder;
	private final AccessPolicy access;
	private final Accounts accounts;
	private final CentreRegistry centres;
	private final AuditLog audit;
	private final VerifiedSessions sessions;
	private final Clock clock;
	private final ZoneId defaultZone;
	private final String currency;

	ClinicianRegistry(Clinicians clinicians, ClinicianFinder finder, AccessPolicy access, Accounts accounts, CentreRegistry centres, AuditLog audit, VerifiedSessions sessions,
			Clock clock,
			@Value("${polyclinic.default-time-zone:Asia/Kolkata}") String defaultZone,
			@Value("${polyclinic.default-currency:INR}") String currency) {
		this.clinicians = clinicians;
		this.finder = finder;
		this.access = access;
		this.accounts = accounts;
		this.centres = centres;
		this.audit = audit;
		this.sessions = sessions;
		this.clock = clock;
		this.defaultZone = ZoneId.of(defaultZone);
		this.currency = currency;
	}

	/** A clinician who signed themself up, signed in. */
	public record SignedUp(Clinician clinician, Tokens tokens) {
	}

	/**
	 * A clinician signs themself up with an email address and a password (DiabCare's registration of a médecin) and
	 * is signed in. They start unlisted, as an appointed clinician does: patients looking for a doctor in faces that
	 * list only verified doctors find them once the clinic lists them.
	 */
	@Transactional
	public SignedUp signUp(ClinicianDetails details, ClinicianPractice practice, String password) {
		return signUp(details, practice, null, password);
	}

	/** As above, with a username to sign in with besides the email address (hcp's registration has one). */
	@Transactional
	public SignedUp signUp(ClinicianDetails details, ClinicianPractice practice, @Nullable String username,
			String password) {
		if (details.email() == null || details.email().isBlank()) {
			throw Refusal.invalidField("email", "Email is required");
		}
		Clinician clinician = create(details, practice, username, password);
		audit.record(AuditRecord.success(clinician.userId(), Role.CLINICIAN.name(), "CREATE", "CLINICIAN",
				clinician.id(), null));
		SignedIn signedIn = sessions.start(clinician.userId());
		return new SignedUp(clinician, signedIn.tokens());
	}

	/** Registers a clinician and opens their login (role CLINICIAN) in one transaction. */
	@Transactional
	public Clinician register(ClinicianDetails details, @Nullable String username, String password, Actor actor) {
		return register(details, ClinicianPractice.none(), username, password, actor);
	}

	/** As above, with how the clinician practises. */
	@Transactional
	public Clinician register(ClinicianDetails details, ClinicianPractice practice, @Nullable String username,
			String password, Actor actor) {
		access.requireRole(actor, KEEPERS, "CREATE", "CLINICIAN", null);
		access.requireCentre(actor, details.primaryCentreId(), "CREATE", "CLINICIAN", null);
		Clinician clinician = create(details, practice, username, password);
		audit.record(AuditRecord.success(actor, "CREATE", "CLINICIAN", clinician.id(), null));
		return clinician;
	}

	private Clinician create(ClinicianDetails details, ClinicianPractice practice, @Nullable String username,
			String password) {
		if (details.fullName() == null || details.fullName().isBlank()) {
			throw Refusal.invalidField("fullName", "Full name is required");
		}
		checkNumbers(details);
		checkPractice(practice);
		ZoneId zone = details.timeZone() != null ? CentreRegistry.zone(details.timeZone())
				: details.primaryCentreId() != null ? centres.get(details.primaryCentreId()).timeZone() : defaultZone;
		Account account = accounts.open(new NewAccount(details.fullName(), username, details.email(), details.phone(),
				password, Role.CLINICIAN));
		var now = clock.instant();
		var profile = new ClinicianProfile(account.id(), zone, details.feeMinor() == null ? 0 : details.feeMinor(),
				currency, details.consultationMinutes() == null ? 60 : details.consultationMinutes(), now);
		profile.assignTo(details.primaryCentreId(), now);
		profile.describe(details.specializations(), details.qualifications(), details.languages(),
				details.yearsOfExperience(), details.profilePictureUrl(), details.bio(), now);
		profile.practise(practice, now);
		profile = clinicians.save(profile);
		return profile.toClinician(account);
	}

	/**
	 * A clinician who signs themself up through a face that checks its doctors (hcp): as {@link #signUp}, and their
	 * KYC check starts {@link Verification#PENDING} — the public sees them, and they take bookings, once they have
	 * registered their practice ({@link #registerPractice}) and an administrator verified them.
	 */
	@Transactional
	public SignedUp signUpForCheck(ClinicianDetails details, ClinicianPractice practice, @Nullable String username,
			String password) {
		SignedUp signedUp = signUp(details, practice, username, password);
		var profile = profile(signedUp.clinician().id());
		profile.awaitVerification(clock.instant());
		return new SignedUp(profile.toClinician(accounts.get(profile.getUserId())), signedUp.tokens());
	}

	/**
	 * A signed-in clinician registers their own practice (the hcp face's doctor registration): the registration
	 * number, experience, specialties, practice, fee and time zone they give make their profile (or complete the one
	 * their sign-up made), listed, and its KYC check starts {@link Verification#PENDING} — the public sees them, and
	 * they take bookings, once an administrator verifies them ({@link ClinicianVerification}). A registration number
	 * is required and belongs to one clinician; a profile with one is registered already.
	 *
	 * @throws Refusal FORBIDDEN (audited) for anyone but a clinician's account; INVALID ALREADY_REGISTERED when the
	 *         caller's profile has a registration number already; INVALID_INPUT for a missing or taken registration
	 *         number, a bad time zone, fee or experience
	 */
	@Transactional
	public Clinician registerPractice(ClinicianDetails details, ClinicianPractice practice,
			ClinicianListing.Changes listing, Actor actor) {
		if (!actor.is(Role.CLINICIAN)) {
			throw access.denied(actor, "REGISTER", "CLINICIAN", null, null);
		}
		var existing = clinicians.findByUserId(actor.userId());
		if (existing.isPresent() && (existing.get().isDeleted() || existing.get().getRegistrationNumber() != null)) {
			throw Refusal.invalid("ALREADY_REGISTERED", "A doctor profile already exists for this user");
		}
		if (practice.registrationNumber() == null || practice.registrationNumber().isBlank()) {
			throw Refusal.invalidField("registrationNumber", "This field is required.");
		}
		checkRegistration(practice.registrationNumber(), existing.map(ClinicianProfile::getId).orElse(-1L));
		checkNumbers(details);
		checkPractice(practice);
		checkListing(listing);
		var now = clock.instant();
		ClinicianProfile profile;
		if (existing.isPresent()) {
			profile = existing.get();
			if (details.feeMinor() != null) {
				profile.charge(details.feeMinor(), now);
			}
			if (details.consultationMinutes() != null) {
				profile.consultFor(details.consultationMinutes(), now);
			}
			if (details.timeZone() != null) {
				profile.zone(CentreRegistry.zone(details.timeZone()), now);
			}
		}
		else {
			ZoneId zone = details.timeZone() != null ? CentreRegistry.zone(details.timeZone()) : defaultZone;
			profile = new ClinicianProfile(actor.userId(), zone, details.feeMinor() == null ? 0 : details.feeMinor(),
					currency, details.consultationMinutes() == null ? 60 : details.consultationMinutes(), now);
		}
		profile.describe(details.specializations(), details.qualifications(), details.languages(),
				details.yearsOfExperience(), details.profilePictureUrl(), details.bio(), now);
		profile.practise(practice, now);
		profile.list(listing, now);
		profile.awaitVerification(now);
		profile = clinicians.saveAndFlush(profile);
		Account account = accounts.change(actor.userId(),
				new AccountChanges(details.fullName(), details.email(), details.phone(), null, null, null));
		audit.record(AuditRecord.success(actor, "REGISTER", "CLINICIAN", profile.getId(), null));
		return profile.toClinician(account);
	}

	private void checkRegistration(@Nullable String number, long except) {
		if (number != null && !number.isBlank() && clinicians.registrationTaken(number.trim(), except)) {
			throw Refusal.invalidField("registrationNumber", "A doctor with this registration number already exists.");
		}
	}

	@Transactional
	public Clinician change(long id, ClinicianDetails details, Actor actor) {
		return change(id, details, ClinicianPractice.none(), actor);
	}

	/** As above, with how the clinician practises. */
	@Transactional
	public Clinician change(long id, ClinicianDetails details, ClinicianPractice practice, Actor actor) {
		return change(id, details, practice, ClinicianListing.Changes.none(), actor);
	}

	/**
	 * As above, with how the clinician is listed. Besides the keepers of the clinician, a clinician changes their own
	 * profile, fee and listing — not the centre they belong to.
	 */
	@Transactional
	public Clinician change(long id, ClinicianDetails details, ClinicianPractice practice,
			ClinicianListing.Changes listing, Actor actor) {
		var profile = profile(id);
		boolean self = actor.is(Role.CLINICIAN) && profile.getUserId() == actor.userId();
		if (!self) {
			requireKeeper(profile, actor, "UPDATE");
		}
		else if (details.primaryCentreId() != null && !details.primaryCentreId().equals(profile.getPrimaryCentreId())) {
			throw access.denied(actor, "UPDATE", "CLINICIAN", id, null);
		}
		checkListing(listing);
		if (practice.registrationNumber() != null
				&& !practice.registrationNumber().trim().equalsIgnoreCase(String.valueOf(profile.getRegistrationNumber()))) {
			checkRegistration(practice.registrationNumber(), id);
		}
		if (details.primaryCentreId() != null) {
			access.requireCentre(actor, details.primaryCentreId(), "UPDATE", "CLINICIAN", id);
		}
		checkNumbers(details);
		checkPractice(practice);
		var now = clock.instant();
		if (details.primaryCentreId() != null) {
			centres.get(details.primaryCentreId());
			profile.assignTo(details.primaryCentreId(), now);
		}
		profile.describe(details.specializations(), details.qualifications(), details.languages(),
				details.yearsOfExperience(), details.profilePictureUrl(), details.bio(), now);
		if (details.feeMinor() != null) {
			profile.charge(details.feeMinor(), now);
		}
		if (details.consultationMinutes() != null) {
			profile.consultFor(details.consultationMinutes(), now);
		}
		if (details.timeZone() != null) {
			profile.zone(CentreRegistry.zone(details.timeZone()), now);
		}
		profile.practise(practice, now);
		profile.list(listing, now);
		Account account = accounts.change(profile.getUserId(),
				new AccountChanges(details.fullName(), details.email(), details.phone(), null, null, null));
		audit.record(AuditRecord.success(actor, "UPDATE", "CLINICIAN", id, null));
		return profile.toClinician(account);
	}

	/** A new username and/or password for the clinician's sign-in: the keepers of the clinician, as for the profile. */
	@Transactional
	public Clinician changeCredentials(long id, @Nullable String username, @Nullable String password, Actor actor) {
		var profile = profile(id);
		requireKeeper(profile, actor, "UPDATE_CREDENTIALS");
		if ((username == null || username.isBlank()) && (password == null || password.isBlank())) {
			throw Refusal.invalidField("username", "A username or a password is required");
		}
		Account account = accounts.change(profile.getUserId(), new AccountChanges(null, null, null,
				username == null || username.isBlank() ? null : username.trim(),
				password == null || password.isBlank() ? null : password, null));
		audit.record(AuditRecord.success(actor, "UPDATE_CREDENTIALS", "CLINICIAN", id, null));
		return profile.toClinician(account);
	}

	@Transactional
	public Clinician toggleActive(long id, Actor actor) {
		var profile = profile(id);
		requireKeeper(profile, actor, "TOGGLE_ACTIVE");
		profile.toggleActive(clock.instant());
		audit.record(AuditRecord.success(actor, "TOGGLE_ACTIVE", "CLINICIAN", id, null));
		return profile.toClinician(accounts.get(profile.getUserId()));
	}

	/** Soft delete: the clinician's history stays, they vanish from lists and can no longer sign in. */
	@Transactional
	public void remove(long id, Actor actor) {
		var profile = profile(id);
		requireKeeper(profile, actor, "DELETE");
		profile.delete(clock.instant());
		accounts.delete(profile.getUserId());
		audit.record(AuditRecord.success(actor, "DELETE", "CLINICIAN", id, null));
	}

	/**
	 * Makes someone who already has an account a clinician: their role becomes CLINICIAN and they get a profile
	 * (unlisted unless said otherwise). Someone who is a clinician already has their profile changed instead. The
	 * keepers of clinicians only (administrators, managers; a centre manager for their own centre).
	 */
	@Transactional
	public Clinician appoint(UUID accountId, ClinicianDetails details, ClinicianPractice practice,
			ClinicianListing.Changes listing, Actor actor) {
		access.requireRole(actor, KEEPERS, "CREATE", "CLINICIAN", null);
		access.requireCentre(actor, details.primaryCentreId(), "CREATE", "CLINICIAN", null);
		Account account = accounts.findByPublicId(accountId).filter(a -> !a.deleted())
			.orElseThrow(() -> Refusal.notFound("User"));
		var existing = clinicians.findByUserId(account.id()).filter(p -> !p.isDeleted());
		if (existing.isPresent()) {
			return change(existing.get().getId(), details, practice, listing, actor);
		}
		checkNumbers(details);
		checkPractice(practice);
		checkListing(listing);
		if (account.role() != Role.CLINICIAN) {
			accounts.changeRole(account.id(), Role.CLINICIAN);
		}
		ZoneId zone = details.timeZone() != null ? CentreRegistry.zone(details.timeZone())
				: details.primaryCentreId() != null ? centres.get(details.primaryCentreId()).timeZone() : defaultZone;
		var now = clock.instant();
		var profile = new ClinicianProfile(account.id(), zone, details.feeMinor() == null ? 0 : details.feeMinor(),
				currency, details.consultationMinutes() == null ? 60 : details.consultationMinutes(), now);
		profile.assignTo(details.primaryCentreId(), now);
		profile.describe(details.specializations(), details.qualifications(), details.languages(),
				details.yearsOfExperience(), details.profilePictureUrl(), details.bio(), now);
		profile.practise(practice, now);
		profile.list(new ClinicianListing.Changes(listing.listed() == null ? Boolean.FALSE : listing.listed(),
				listing.address(), listing.currency()), now);
		profile = clinicians.save(profile);
		Account changed = accounts.change(account.id(),
				new AccountChanges(details.fullName(), details.email(), details.phone(), null, null, null));
		audit.record(AuditRecord.success(actor, "CREATE", "CLINICIAN", profile.getId(), null));
		return profile.toClinician(changed);
	}

	/**
	 * The calling clinician's own profile: what their dashboard shows of them (rating, verification, volunteering).
	 *
	 * @throws Refusal FORBIDDEN (audited) for a caller who is no clinician with a profile
	 */
	public Clinician own(Actor actor) {
		ClinicianProfile profile = ownProfile(actor, "READ");
		return profile.toClinician(accounts.get(profile.getUserId()));
	}

	/**
	 * The calling clinician says whether they volunteer their time; those who keep clinicians say it for them through
	 * {@link #change(long, ClinicianDetails, ClinicianPractice, Actor)} ({@link ClinicianPractice#volunteering}).
	 *
	 * @throws Refusal FORBIDDEN (audited) for a caller who is no clinician with a profile
	 */
	@Transactional
	public Clinician volunteer(boolean volunteer, Actor actor) {
		ClinicianProfile profile = ownProfile(actor, "UPDATE");
		profile.practise(ClinicianPractice.volunteering(volunteer), clock.instant());
		profile = clinicians.saveAndFlush(profile);
		audit.record(AuditRecord.success(actor, "UPDATE", "CLINICIAN", profile.getId(), null));
		return profile.toClinician(accounts.get(profile.getUserId()));
	}

	private ClinicianProfile ownProfile(Actor actor, String action) {
		var profile = actor.is(Role.CLINICIAN) ? clinicians.findByUserId(actor.userId()).filter(p -> !p.isDeleted())
				: Optional.<ClinicianProfile>empty();
		return profile.orElseThrow(() -> access.denied(actor, action, "CLINICIAN", null, null));
	}

	/** The clinician whose account has this public id, if it is a clinician's. */
	public Optional<Clinician> forAccount(UUID accountId) {
		return accounts.findByPublicId(accountId).flatMap(a -> forUser(a.id()));
	}

	/**
	 * The clinician whose account has this public id, as the caller may see them: the clinic's staff and the clinician
	 * themself see them whatever their listing; everyone else (anonymous callers included) only a listed, bookable
	 * clinician — as {@link #search} finds them. 404 otherwise.
	 */
	public Clinician shownTo(UUID accountId, @Nullable Actor actor) {
		Clinician clinician = forAccount(accountId).orElseThrow(() -> Refusal.notFound("Doctor"));
		boolean own = actor != null && actor.userId() == clinician.userId();
		boolean staff = actor != null && actor.isStaff();
		if (!own && !staff && !(clinician.listing().listed() && clinician.bookable())) {
			throw Refusal.notFound("Doctor");
		}
		return clinician;
	}

	/**
	 * The clinician with this id, as the caller may see them: as {@link #shownTo(UUID, Actor)} — the clinic's staff and
	 * the clinician themself whatever their listing and KYC check, everyone else only a listed, verified, bookable one.
	 */
	public Clinician shownTo(long id, @Nullable Actor actor) {
		Clinician clinician = clinicians.findById(id).filter(p -> !p.isDeleted())
			.map(p -> p.toClinician(accounts.get(p.getUserId())))
			.orElseThrow(() -> Refusal.notFound("Doctor"));
		boolean own = actor != null && actor.userId() == clinician.userId();
		boolean staff = actor != null && actor.isStaff();
		if (!own && !staff && !(clinician.listing().listed() && clinician.bookable())) {
			throw Refusal.notFound("Doctor");
		}
		return clinician;
	}

	/**
	 * Clinicians a search finds, filtered, ordered and paged in SQL. The clinic's staff find every clinician, listed or
	 * not; everyone else (patients, clinicians, anyone) only the listed, active ones.
	 */
	public Page<Clinician> search(ClinicianSearch search, Pageable page, @Nullable Actor actor) {
		boolean staff = actor != null && actor.isStaff();
		Page<Long> ids = finder.find(search, !staff, page);
		return new PageImpl<>(load(ids.getContent()), page, ids.getTotalElements());
	}

	/** A clinician whatever their state (staff views, bookings in the past). */
	public Clinician get(long id) {
		var profile = profile(id);
		return profile.toClinician(accounts.get(profile.getUserId()));
	}

	/** A clinician the public may see: active and not deleted. */
	public Clinician getListed(long id) {
		Clinician clinician = get(id);
		if (!clinician.bookable()) {
			throw Refusal.notFound("Clinician");
		}
		return clinician;
	}

	public Optional<Clinician> forUser(long userId) {
		return clinicians.findByUserId(userId).filter(p -> !p.isDeleted())
			.map(p -> p.toClinician(accounts.get(p.getUserId())));
	}

	/** Clinicians by filters, paged in SQL; names come from their accounts in one query. */
	public Page<Clinician> find(@Nullable Long centreId, @Nullable String specialization, boolean activeOnly,
			Pageable page) {
		String spec = specialization == null || specialization.isBlank() ? null
				: specialization.trim().toLowerCase(Locale.ROOT);
		Page<Long> ids = clinicians.searchIds(centreId, spec, activeOnly, page);
		List<Clinician> content = load(ids.getContent());
		return new PageImpl<>(content, page, ids.getTotalElements());
	}

	/** Clinicians by id, in one query; an id given twice (two appointments with one clinician) counts once. */
	public Map<Long, Clinician> findAll(Collection<Long> ids) {
		return load(Set.copyOf(ids)).stream().collect(Collectors.toMap(Clinician::id, Function.identity()));
	}

	private List<Clinician> load(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		var profiles = clinicians.findWithDetailsByIdIn(ids);
		var owners = accounts.findAll(profiles.stream().map(ClinicianProfile::getUserId).toList());
		Map<Long, Clinician> byId = profiles.stream()
			.collect(Collectors.toMap(ClinicianProfile::getId, p -> p.toClinician(owners.get(p.getUserId()))));
		return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
	}

	/** Whether the caller keeps this clinician's profile and hours: their home centre is the caller's to run. */
	public void requireKeeper(long id, Actor actor, String action) {
		requireKeeper(profile(id), actor, action);
	}

	/** As {@link #requireKeeper(long, Actor, String)}, or the clinician themself: their own hours, their own profile. */
	public void requireKeeperOrSelf(long id, Actor actor, String action) {
		var profile = profile(id);
		if (!(actor.is(Role.CLINICIAN) && profile.getUserId() == actor.userId())) {
			requireKeeper(profile, actor, action);
		}
	}

	private void requireKeeper(ClinicianProfile profile, Actor actor, String action) {
		access.requireRole(actor, KEEPERS, action, "CLINICIAN", profile.getId());
		access.requireCentre(actor, profile.getPrimaryCentreId(), action, "CLINICIAN", profile.getId());
	}

	private ClinicianProfile profile(long id) {
		return clinicians.findById(id).filter(p -> !p.isDeleted()).orElseThrow(() -> Refusal.notFound("Clinician"));
	}

	private static void checkPractice(ClinicianPractice practice) {
		if (practice.consultationModes() != null) {
			for (String mode : practice.consultationModes()) {
				if (mode == null || !ClinicianPractice.MODES.contains(mode)) {
					throw Refusal.invalidField("consultationModes", "Consultation modes are IN_PERSON and ONLINE");
				}
			}
		}
	}

	private static void checkListing(ClinicianListing.Changes listing) {
		if (listing.currency() != null && !listing.currency().trim().matches("[A-Za-z]{3}")) {
			throw Refusal.invalidField("currency", "Currency must be a three-letter ISO 4217 code");
		}
	}

	private static void checkNumbers(ClinicianDetails details) {
		if (details.feeMinor() != null && details.feeMinor() < 0) {
			throw Refusal.invalidField("fee", "Fee cannot be negative");
		}
		if (details.yearsOfExperience() != null && (details.yearsOfExperience() < 0 || details.yearsOfExperience() > 80)) {
			throw Refusal.invalidField("yearsOfExperience", "Years of experience must be between 0 and 80");
		}
		if (details.consultationMinutes() != null
				&& (details.consultationMinutes() < 5 || details.consultationMinutes() > 480)) {
			throw Refusal.invalidField("consultationMinutes",
					"Consultation length must be between 5 and 480 minutes");
		}
	}
}
