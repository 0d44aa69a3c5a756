package io.polyclinic.faces.hcp;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.polyclinic.directory.ClinicianDetails;
import io.polyclinic.directory.ClinicianPractice;
import io.polyclinic.directory.ClinicianRegistry;
import io.polyclinic.directory.LeadSource;
import io.polyclinic.directory.Patient;
import io.polyclinic.directory.PatientDetails;
import io.polyclinic.directory.PatientRegistry;
import io.polyclinic.directory.People;
import io.polyclinic.identity.Account;
import io.polyclinic.identity.Callers;
import io.polyclinic.identity.SignIn;
import io.polyclinic.identity.SignedIn;
import io.polyclinic.identity.Tokens;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.PublicEndpoint;
import io.polyclinic.platform.Refusal;
import io.polyclinic.platform.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Sign-in and sign-up: simplejwt's login and refresh, and the original's registration and {@code me}. The original
 * answered these four bare ({@code {access, refresh}}, the user), and its app reads them so; hcp.md wraps every
 * answer in {@code {data, message, status}}. Both are served: the envelope, with the same fields beside it.
 */
@RestController
@RequestMapping("/api/auth")
class HcpAuthController {

	private static final String REQUIRED = "This field is required.";

	private final SignIn signIn;
	private final Callers callers;
	private final PatientRegistry patients;
	private final ClinicianRegistry clinicians;
	private final HcpUsers users;
	private final People people;

	HcpAuthController(SignIn signIn, Callers callers, PatientRegistry patients, ClinicianRegistry clinicians,
			HcpUsers users, People people) {
		this.people = people;
		this.signIn = signIn;
		this.callers = callers;
		this.patients = patients;
		this.clinicians = clinicians;
		this.users = users;
	}

	record Login(@NotBlank(message = REQUIRED) String username, @NotBlank(message = REQUIRED) String password) {
	}

	record Refresh(@NotBlank(message = REQUIRED) String refresh) {
	}

	record Registration(
			@NotBlank(message = REQUIRED) @Size(max = 150, message = "Ensure this field has no more than 150 characters.") String username,
			@NotBlank(message = REQUIRED) @Email(message = "Enter a valid email address.") String email,
			@NotBlank(message = REQUIRED) @Size(min = 8, message = "Ensure this field has at least 8 characters.") String password,
			@NotBlank(message = REQUIRED) String passwordConfirm, @Nullable String firstName, @Nullable String lastName,
			@Nullable String phone, @Nullable String dateOfBirth, @Nullable String gender, @Nullable String role) {
	}

	/** The username may be a username, an email address or a phone number: the app sends the email. */
	@PublicEndpoint
	@PostMapping("/login")
	Map<String, Object> login(@Valid @RequestBody Login body) {
		String login = body.username().trim();
		SignIn.LoginName kind = login.contains("@") ? SignIn.LoginName.EMAIL
				: login.matches("\\+?[0-9][0-9 ()-]{6,}") ? SignIn.LoginName.PHONE : SignIn.LoginName.USERNAME;
		SignedIn signedIn = signIn.withPassword(kind, login, body.password());
		return tokens(signedIn.tokens(), "Login successful");
	}

	/** Rotation: the refresh token given is spent, a new pair answers; a spent one is refused (401). */
	@PublicEndpoint
	@PostMapping("/token/refresh")
	Map<String, Object> refresh(@Valid @RequestBody Refresh body) {
		return tokens(signIn.refresh(body.refresh()).tokens(), "Token refreshed");
	}

	/** A patient or a doctor registers; an administrator is never made here. */
	@PublicEndpoint
	@PostMapping("/register")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> register(@Valid @RequestBody Registration body) {
		if (!body.password().equals(body.passwordConfirm())) {
			throw new Refusal(Refusal.Kind.INVALID, Refusal.INVALID_INPUT, "Passwords don't match",
					Map.of("non_field_errors", "Passwords don't match"));
		}
		String role = body.role() == null || body.role().isBlank() ? "patient" : body.role().trim();
		if (!role.equals("patient") && !role.equals("doctor")) {
			throw new Refusal(Refusal.Kind.INVALID, Refusal.INVALID_INPUT, "Invalid input.",
					Map.of("role", "\"" + role + "\" is not a valid choice."));
		}
		String fullName = (blankToEmpty(body.firstName()) + " " + blankToEmpty(body.lastName())).trim();
		if (fullName.isEmpty()) {
			fullName = body.username().trim();
		}
		String email = body.email().trim().toLowerCase(Locale.ROOT);
		// the app's username is the email address: then the address is the login, and no second name is kept
		String username = body.username().trim().equalsIgnoreCase(email) ? null : body.username().trim();
		String phone = blankToNull(body.phone());
		if (role.equals("doctor")) {
			// a doctor who signs up here waits for the KYC check (POST /api/doctors/register/, then an admin's decision)
			var signedUp = clinicians.signUpForCheck(new ClinicianDetails(fullName, phone, email, null, List.of(), null, null,
					null, null, null, null, null, null), ClinicianPractice.none(), username, body.password());
			Account account = people.byIds(List.of(signedUp.clinician().userId())).get(signedUp.clinician().userId());
			return merged(users.user(account, null), "User registered successfully");
		}
		var signedUp = patients.signUp(new PatientDetails(fullName, phone, email, date(body.dateOfBirth()),
				HcpUsers.clinicGender(body.gender()), null, null, null, null), username, body.password(),
				LeadSource.WEBSITE);
		Patient patient = signedUp.patient();
		Account account = people.byIds(List.of(patient.userId())).get(patient.userId());
		return merged(users.user(account, patient), "User registered successfully");
	}

	@GetMapping("/me")
	Map<String, Object> me(@AuthenticationPrincipal Actor actor) {
		Account account = callers.self(actor);
		Patient patient = actor.role() == Role.PATIENT ? patients.forUser(actor.userId()).orElse(null) : null;
		return merged(users.user(account, patient), "User profile retrieved successfully");
	}

	private static Map<String, Object> tokens(Tokens tokens, String message) {
		Map<String, Object> pair = new LinkedHashMap<>();
		pair.put("access", tokens.accessToken());
		pair.put("refresh", tokens.refreshToken());
		return merged(pair, message);
	}

	/** The envelope, with the data's own fields beside it for the original's app. */
	static Map<String, Object> merged(Map<String, Object> data, String message) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("data", data);
		body.put("message", message);
		body.put("status", "success");
		data.forEach(body::putIfAbsent);
		return body;
	}

	private static @Nullable LocalDate date(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.trim());
		}
		catch (DateTimeParseException e) {
			throw new Refusal(Refusal.Kind.INVALID, Refusal.INVALID_INPUT, "Invalid input.", Map.of("date_of_birth",
					"Date has wrong format. Use one of these formats instead: YYYY-MM-DD."));
		}
	}

	private static String blankToEmpty(@Nullable String value) {
		return value == null ? "" : value.trim();
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}
}
