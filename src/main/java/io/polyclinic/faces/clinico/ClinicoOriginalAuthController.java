package io.polyclinic.faces.clinico;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.polyclinic.directory.ClinicianDetails;
import io.polyclinic.directory.ClinicianPractice;
import io.polyclinic.directory.ClinicianRegistry;
import io.polyclinic.directory.LeadSource;
import io.polyclinic.directory.PatientDetails;
import io.polyclinic.directory.PatientRegistry;
import io.polyclinic.directory.People;
import io.polyclinic.identity.Account;
import io.polyclinic.identity.SignIn;
import io.polyclinic.identity.SignedIn;
import io.polyclinic.identity.Tokens;
import io.polyclinic.platform.PublicEndpoint;
import io.polyclinic.platform.Refusal;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The original Clinico server's sign-in and sign-up, which its client calls and clinico.md does not list, answered as
 * the original did: {@code {success, message, token, user}}. The token is the clinic's access token, valid on every
 * face.
 */
@RestController
@RequestMapping("/api/auth")
class ClinicoOriginalAuthController {

	private final SignIn signIn;
	private final PatientRegistry patients;
	private final ClinicianRegistry clinicians;
	private final People people;

	ClinicoOriginalAuthController(SignIn signIn, PatientRegistry patients, ClinicianRegistry clinicians,
			People people) {
		this.signIn = signIn;
		this.patients = patients;
		this.clinicians = clinicians;
		this.people = people;
	}

	record Login(@NotBlank(message = "Email is required") String email,
			@NotBlank(message = "Password is required") String password) {
	}

	record Registration(@NotBlank(message = "Email is required") @Email(message = "Invalid email format") String email,
			@NotBlank(message = "Password is required") @Size(min = 8, message = "Password must be at least 8 characters") String password,
			@NotBlank(message = "Full name is required") String fullName, @Nullable String phoneNumber,
			@NotBlank(message = "Role is required") String role) {
	}

	record User(long userId, @Nullable String email, String fullName, String role) {

		static User of(Account account) {
			return new User(account.id(), account.email(), account.fullName(), ClinicoOriginalDialect.role(account.role()));
		}
	}

	record NewUser(long userId, @Nullable String email, String fullName, String role, Instant createdAt) {

		static NewUser of(Account account) {
			return new NewUser(account.id(), account.email(), account.fullName(),
					ClinicoOriginalDialect.role(account.role()), account.createdAt());
		}
	}

	record SignedInReply(boolean success, String message, String token, Object user) {
	}

	/** By email and password, as the original; a wrong pair is 401 INVALID_CREDENTIALS, whichever half is wrong. */
	@PublicEndpoint
	@PostMapping("/login")
	SignedInReply login(@Valid @RequestBody Login body) {
		SignedIn signedIn = signIn.withPassword(SignIn.LoginName.EMAIL, body.email().trim(), body.password());
		return new SignedInReply(true, "Login successful", signedIn.tokens().accessToken(),
				User.of(signedIn.account()));
	}

	/**
	 * A patient, or a professional who then waits for the clinic's KYC check (as a doctor signing up through any face
	 * does); the original's NGO and Admin roles are not made here.
	 */
	@PublicEndpoint
	@PostMapping("/register")
	@ResponseStatus(HttpStatus.CREATED)
	SignedInReply register(@Valid @RequestBody Registration body) {
		String email = body.email().trim().toLowerCase(Locale.ROOT);
		String phone = body.phoneNumber() == null || body.phoneNumber().isBlank() ? null : body.phoneNumber().trim();
		String name = body.fullName().trim();
		Tokens tokens;
		long userId;
		switch (body.role().trim()) {
			case "Patient" -> {
				var signedUp = patients.signUp(new PatientDetails(name, phone, email, null, null, null, null, null, null),
						body.password(), LeadSource.WEBSITE);
				tokens = signedUp.tokens();
				userId = signedUp.patient().userId();
			}
			case "Professional" -> {
				var signedUp = clinicians.signUpForCheck(new ClinicianDetails(name, phone, email, null, List.of(), null,
						null, null, null, null, null, null, null), ClinicianPractice.none(), null, body.password());
				tokens = signedUp.tokens();
				userId = signedUp.clinician().userId();
			}
			default -> throw Refusal.invalidField("role", "Invalid role. Must be one of: Patient, Professional");
		}
		Account account = people.byIds(List.of(userId)).get(userId);
		return new SignedInReply(true, "User registered successfully", tokens.accessToken(), NewUser.of(account));
	}
}
