package io.polyclinic.faces.hcp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.polyclinic.directory.ClinicianRegistry;
import io.polyclinic.directory.IdentityCheck;
import io.polyclinic.directory.IdentityChecks;
import io.polyclinic.directory.LeadSource;
import io.polyclinic.directory.Patient;
import io.polyclinic.directory.PatientDetails;
import io.polyclinic.directory.PatientRegistry;
import io.polyclinic.directory.People;
import io.polyclinic.faces.DrfPage;
import io.polyclinic.faces.Ordering;
import io.polyclinic.faces.PageQuery;
import io.polyclinic.identity.Account;
import io.polyclinic.identity.AccountOrder;
import io.polyclinic.identity.Callers;
import io.polyclinic.identity.OtpSent;
import io.polyclinic.identity.PhoneVerification;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.PublicEndpoint;
import io.polyclinic.platform.Refusal;
import io.polyclinic.platform.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * The rest of hcp's {@code /api/auth/}: the caller's profile (read and change), the administrator's list of users,
 * phone verification by a code sent by SMS, identity verification (a document, then an administrator's decision) and
 * the AWS Cognito callback. The rules are the modules': who may list people and decide identities (directory), what a
 * code proves (identity).
 */
@RestController
@RequestMapping("/api/auth")
class HcpAccountController {

	private static final String REQUIRED = "This field is required.";
	private static final Map<String, AccountOrder> ORDERS = Map.of("date_joined", AccountOrder.JOINED, "created_at",
			AccountOrder.JOINED, "id", AccountOrder.ID, "username", AccountOrder.USERNAME, "email", AccountOrder.EMAIL,
			"first_name", AccountOrder.NAME);

	private final Callers callers;
	private final People people;
	private final PatientRegistry patients;
	private final ClinicianRegistry clinicians;
	private final PhoneVerification phones;
	private final IdentityChecks identities;
	private final HcpUsers users;

	HcpAccountController(Callers callers, People people, PatientRegistry patients, ClinicianRegistry clinicians,
			PhoneVerification phones, IdentityChecks identities, HcpUsers users) {
		this.callers = callers;
		this.people = people;
		this.patients = patients;
		this.clinicians = clinicians;
		this.phones = phones;
		this.identities = identities;
		this.users = users;
	}

	/**
	 * The writable fields of the original's {@code UserSerializer}; {@code id}, {@code role}, {@code date_joined} and
	 * the {@code is_*_verified} flags are read-only there and are ignored here as DRF ignores them, and so are the
	 * address fields, which the clinic does not keep.
	 */
	record ProfileChanges(@Nullable String username, @Nullable @Email(message = "Enter a valid email address.") String email,
			@Nullable String firstName, @Nullable String lastName, @Nullable String phone, @Nullable String dateOfBirth,
			@Nullable String gender, @Nullable String emergencyContactName, @Nullable String emergencyContactPhone) {
	}

	record PhoneCode(@Nullable String phone, @Nullable String code) {
	}

	record CodeSent(String phone, long expiresIn) {
	}

	record IdentityDecision(@NotNull(message = REQUIRED) Long userId,
			@NotBlank(message = REQUIRED) String identityStatus) {
	}

	record IdentityStatusView(long id, long userId, String identityStatus, boolean isIdentityVerified,
			String submittedAt, @Nullable String decidedAt, @Nullable String documentUrl) {
	}

	record CognitoCallback(@NotBlank(message = REQUIRED) String code, @NotBlank(message = REQUIRED) String redirectUri) {
	}

	@GetMapping("/profile")
	Map<String, Object> profile(@AuthenticationPrincipal Actor actor) {
		Account account = callers.self(actor);
		Patient patient = account.role() == Role.PATIENT ? patients.forUser(account.id()).orElse(null) : null;
		return HcpAuthController.merged(profile(account, patient), "Profile retrieved successfully");
	}

	/** PUT and PATCH alike change only the fields given: a field left out stays as it is. */
	@PutMapping("/profile")
	Map<String, Object> changeProfile(@Valid @RequestBody ProfileChanges body, @AuthenticationPrincipal Actor actor) {
		Account current = callers.self(actor);
		String fullName = null;
		if (body.firstName() != null || body.lastName() != null) {
			String first = body.firstName() != null ? body.firstName().trim() : HcpUsers.firstName(current.fullName());
			String last = body.lastName() != null ? body.lastName().trim() : HcpUsers.lastName(current.fullName());
			fullName = (first + " " + last).trim();
			if (fullName.isEmpty()) {
				throw fieldError("first_name", "This field may not be blank.");
			}
		}
		PatientDetails details = new PatientDetails(fullName, blankToNull(body.phone()), blankToNull(body.email()),
				date(body.dateOfBirth()), HcpUsers.clinicGender(body.gender()), null,
				blankToNull(body.emergencyContactName()), blankToNull(body.emergencyContactPhone()), null);
		People.OwnProfile changed = people.changeOwn(blankToNull(body.username()), details, actor);
		return HcpAuthController.merged(profile(changed.account(), changed.patient()), "Profile updated successfully");
	}

	@PatchMapping("/profile")
	Map<String, Object> patchProfile(@Valid @RequestBody ProfileChanges body, @AuthenticationPrincipal Actor actor) {
		return changeProfile(body, actor);
	}

	/**
	 * Every user, for hcp's administrators (the module admits the clinic's staff; hcp's table names its admin only):
	 * {@code search} in the name, email and username, {@code role} (patient, doctor, admin), {@code is_active},
	 * {@code ordering} by date_joined (newest first unless asked), id, username, email or first_name.
	 */
	@GetMapping("/list")
	@PreAuthorize("hasAnyRole('ADMIN','SUPERADMIN','MANAGER')")
	HcpReply<DrfPage<Map<String, Object>>> list(@RequestParam(required = false) @Nullable String search,
			@RequestParam(required = false) @Nullable String role,
			@RequestParam(name = "is_active", required = false) @Nullable String active,
			@RequestParam(required = false) @Nullable String ordering, PageQuery query,
			@AuthenticationPrincipal Actor actor) {
		Ordering<AccountOrder> order = Ordering.parse("ordering", ordering, ORDERS,
				new Ordering<>(AccountOrder.JOINED, true));
		var found = people.find(roles(role), bool("is_active", active), search, order.key(), order.descending(),
				query.pageable(), actor);
		Map<Long, Patient> patientsByUser = patients.forUsers(found.getContent().stream()
			.filter(a -> a.role() == Role.PATIENT).map(Account::id).toList(), actor);
		return HcpReply.ok(DrfPage.of(found, query, "page", a -> users.user(a, patientsByUser.get(a.id()))),
				"Users retrieved successfully");
	}

	/**
	 * Without a code: sends one by SMS to {@code phone}, or to the account's number when none is given. With a code:
	 * checks it, and the number is the account's, verified.
	 */
	@PostMapping("/verify/phone")
	HcpReply<?> verifyPhone(@RequestBody(required = false) @Nullable PhoneCode body,
			@AuthenticationPrincipal Actor actor) {
		String phone = body == null ? null : blankToNull(body.phone());
		String code = body == null ? null : body.code();
		if (code == null) {
			OtpSent sent = phones.requestCode(actor, phone);
			return HcpReply.ok(new CodeSent(sent.destination(), sent.expiresIn()), "Verification code sent");
		}
		Account account;
		try {
			account = phones.confirm(actor, phone, code.trim());
		}
		catch (Refusal refusal) {
			if (refusal.code().equals("INVALID_OTP") || refusal.code().equals("OTP_EXPIRED")) {
				// DRF names the field at fault
				throw new Refusal(refusal.kind(), refusal.code(), refusal.getMessage(),
						Map.of("code", refusal.getMessage()));
			}
			throw refusal;
		}
		Patient patient = account.role() == Role.PATIENT ? patients.forUser(account.id()).orElse(null) : null;
		return HcpReply.ok(users.user(account, patient), "Phone number verified successfully");
	}

	/** The caller uploads their identity document (multipart, field {@code document}): pending until decided. */
	@PostMapping(path = "/verify/identity", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	HcpReply<IdentityStatusView> submitIdentity(
			@RequestParam(name = "document", required = false) @Nullable MultipartFile document,
			@AuthenticationPrincipal Actor actor) {
		if (document == null) {
			throw fieldError("document", "No file was submitted.");
		}
		IdentityCheck check;
		try (InputStream content = document.getInputStream()) {
			check = identities.submit(actor, content, document.getOriginalFilename());
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not read the uploaded document", e);
		}
		return HcpReply.ok(view(check, null), "Identity document submitted for verification");
	}

	/** An administrator decides a pending check: {@code {user_id, identity_status: verified|rejected}}. */
	@PostMapping(path = "/verify/identity", consumes = MediaType.APPLICATION_JSON_VALUE)
	HcpReply<IdentityStatusView> decideIdentity(@Valid @RequestBody IdentityDecision body,
			@AuthenticationPrincipal Actor actor) {
		boolean verified = switch (body.identityStatus().trim().toLowerCase(Locale.ROOT)) {
			case "verified" -> true;
			case "rejected" -> false;
			default -> throw fieldError("identity_status",
					"\"" + body.identityStatus() + "\" is not a valid choice.");
		};
		IdentityCheck check = identities.decide(actor, body.userId(), verified);
		return HcpReply.ok(view(check, null), verified ? "Identity verified successfully" : "Identity rejected");
	}

	/**
	 * Where a check stands, with a signed link to its document: the caller's own, or (for an administrator) the one
	 * of {@code user_id}. 404 when there is none.
	 */
	@GetMapping("/verify/identity")
	HcpReply<IdentityStatusView> identityStatus(@RequestParam(name = "user_id", required = false) @Nullable Long userId,
			@AuthenticationPrincipal Actor actor) {
		long whose = userId == null ? actor.userId() : userId;
		IdentityCheck check = identities.of(whose, actor).orElseThrow(() -> Refusal.notFound("Identity check"));
		return HcpReply.ok(view(check, identities.document(whose, actor).url()), "Identity status retrieved");
	}

	/**
	 * The browser comes back from Cognito's hosted page with a code; the code and the redirect URI it used are
	 * exchanged at the user pool, and the person is signed in (linked by Cognito's subject, or by the verified email
	 * address, or signed up as a patient).
	 */
	@PublicEndpoint
	@PostMapping("/cognito/callback")
	Map<String, Object> cognito(@Valid @RequestBody CognitoCallback body) {
		var done = patients.signInWithCognito(body.code(), body.redirectUri(), LeadSource.WEBSITE);
		Account account = done.account();
		Patient patient = account.role() == Role.PATIENT ? patients.forUser(account.id()).orElse(null) : null;
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("access", done.tokens().accessToken());
		data.put("refresh", done.tokens().refreshToken());
		data.put("user", users.user(account, patient));
		return HcpAuthController.merged(data, "User authenticated successfully");
	}

	/** The user, with the original's nested {@code profile} (its {@code UserProfileSerializer}) from what is kept. */
	private Map<String, Object> profile(Account account, @Nullable Patient patient) {
		Map<String, Object> user = users.user(account, patient);
		Map<String, Object> profile = new LinkedHashMap<>();
		profile.put("profile_image", account.profilePictureUrl() == null ? "" : account.profilePictureUrl());
		profile.put("blood_type", patient == null || patient.bloodGroup() == null ? "" : patient.bloodGroup());
		profile.put("allergies", "");
		profile.put("medical_conditions",
				patient == null || patient.medicalHistory() == null ? "" : patient.medicalHistory());
		profile.put("current_medications", "");
		profile.put("preferred_language", "en");
		String zone = account.role() == Role.CLINICIAN
				? clinicians.forUser(account.id()).map(c -> c.timeZone().getId()).orElse("UTC") : "UTC";
		profile.put("timezone", zone);
		profile.put("share_medical_history", true);
		profile.put("allow_telemedicine", true);
		user.put("profile", profile);
		return user;
	}

	private static IdentityStatusView view(IdentityCheck check, @Nullable String documentUrl) {
		return new IdentityStatusView(check.id(), check.userId(), check.status().name().toLowerCase(Locale.ROOT),
				check.status() == io.polyclinic.directory.IdentityStatus.VERIFIED,
				check.submittedAt().atOffset(ZoneOffset.UTC).toString(),
				check.decidedAt() == null ? null : check.decidedAt().atOffset(ZoneOffset.UTC).toString(), documentUrl);
	}

	/** hcp's role filter: its three roles (an admin is any of the clinic's administrators). */
	private static Set<Role> roles(@Nullable String role) {
		if (role == null || role.isBlank()) {
			return Set.of();
		}
		return switch (role.trim().toLowerCase(Locale.ROOT)) {
			case "patient" -> EnumSet.of(Role.PATIENT);
			case "doctor" -> EnumSet.of(Role.CLINICIAN);
			case "admin" -> EnumSet.of(Role.ADMIN, Role.SUPERADMIN, Role.MANAGER);
			default -> throw fieldError("role",
					"Select a valid choice. " + role.trim() + " is not one of the available choices.");
		};
	}

	private static @Nullable Boolean bool(String field, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		return switch (value.trim().toLowerCase(Locale.ROOT)) {
			case "true", "1" -> Boolean.TRUE;
			case "false", "0" -> Boolean.FALSE;
			default -> throw fieldError(field, "Must be a valid boolean.");
		};
	}

	private static @Nullable LocalDate date(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.trim());
		}
		catch (DateTimeParseException e) {
			throw fieldError("date_of_birth", "Date has wrong format. Use one of these formats instead: YYYY-MM-DD.");
		}
	}

	private static Refusal fieldError(String field, String message) {
		return new Refusal(Refusal.Kind.INVALID, Refusal.INVALID_INPUT, "Invalid input.", Map.of(field, message));
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}
}
