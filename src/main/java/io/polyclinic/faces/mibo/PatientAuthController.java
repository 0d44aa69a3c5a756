package io.polyclinic.faces.mibo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.polyclinic.directory.LeadSource;
import io.polyclinic.directory.Patient;
import io.polyclinic.directory.PatientDetails;
import io.polyclinic.directory.PatientRegistry;
import io.polyclinic.directory.PatientSignedIn;
import io.polyclinic.identity.OtpChannel;
import io.polyclinic.identity.OtpPurpose;
import io.polyclinic.identity.SignIn;
import io.polyclinic.identity.SignedIn;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.PublicEndpoint;
import io.polyclinic.platform.Refusal;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Patient authentication: {@code /api/patient-auth}. One-time codes go by WhatsApp; the first verified code signs
 * the patient up with the name given when the code was asked for.
 */
@RestController
@RequestMapping("/api/patient-auth")
class PatientAuthController {

	private final SignIn signIn;
	private final PatientRegistry patients;
	private final Clock clock;

	PatientAuthController(SignIn signIn, PatientRegistry patients, Clock clock) {
		this.signIn = signIn;
		this.patients = patients;
		this.clock = clock;
	}

	/** {@code fullName} names a new patient; a returning one may leave it out. */
	record SendOtp(@NotBlank(message = "Phone number is required") String phone, @Nullable String fullName) {
	}

	/**
	 * {@code leadSource} (or {@code source}) is additive: where a new patient came from, when the frontend knows
	 * (WEBSITE otherwise; an unrecognised value counts as WEBSITE rather than failing a sign-in).
	 */
	record VerifyOtp(@NotBlank(message = "Phone number is required") String phone,
			@NotBlank(message = "OTP is required") String otp, @Nullable String leadSource, @Nullable String source,
			@JsonProperty("first_name") @JsonAlias("firstName") @Nullable @Size(max = 100, message = "First name must be at most 100 characters") String firstName,
			@JsonProperty("last_name") @JsonAlias("lastName") @Nullable @Size(max = 100, message = "Last name must be at most 100 characters") String lastName,
			@Nullable @Pattern(regexp = MiboFormats.EMAIL, message = MiboFormats.INVALID_EMAIL) String email,
			@Nullable @Min(value = 1, message = "Age must be between 1 and 150") @Max(value = 150, message = "Age must be between 1 and 150") Integer age,
			@Nullable String gender) {

		/** What a new patient gives when signing up on the patient website; null when they gave nothing. */
		@Nullable PatientDetails signUp() {
			String name = PatientSite.fullName(firstName, lastName);
			String g = PatientSite.gender("gender", gender);
			if (name == null && email == null && g == null) {
				return null;
			}
			return new PatientDetails(name, null, email, null, g, null, null, null, null);
		}
	}

	/** {@code username} is a username, an email address or a phone number. */
	record PasswordLogin(@NotBlank(message = "Username is required") String username,
			@NotBlank(message = "Password is required") String password) {
	}

	record RefreshRequest(@NotBlank(message = "Refresh token is required") String refreshToken) {
	}

	record LogoutRequest(@Nullable String refreshToken) {
	}

	record SignedInPatient(long id, String fullName, @Nullable String phone, @Nullable String email,
			boolean isNewUser) {
	}

	record Login(SignedInPatient patient, String accessToken, String refreshToken) {
	}

	/**
	 * The patient website's answer to a sign-in: mibo.md's {@code patient} with the demographics the website keeps,
	 * the signed-in {@code user}, and the two flags at the top.
	 */
	@JsonPropertyOrder({ "user", "patient", "accessToken", "refreshToken", "isNewUser", "requiresProfileCompletion" })
	record SiteLogin(PatientSite.User user, PatientSite.SignedInPatient patient, String accessToken,
			String refreshToken, @JsonProperty("isNewUser") boolean isNewUser,
			boolean requiresProfileCompletion) {

		static SiteLogin of(PatientSignedIn signedIn, Clock clock) {
			Patient p = signedIn.patient();
			return new SiteLogin(PatientSite.User.of(p), PatientSite.SignedInPatient.of(p, signedIn.newPatient(), clock),
					signedIn.tokens().accessToken(), signedIn.tokens().refreshToken(), signedIn.newPatient(), false);
		}
	}

	/** As the staff refresh: the contract shows only the access token; the rotated refresh token comes along. */
	record Refreshed(String accessToken, String refreshToken) {
	}

	record CurrentPatient(long id, String fullName, @Nullable String phone, @Nullable String email,
			@Nullable LocalDate dateOfBirth, @Nullable String gender, @Nullable String bloodGroup,
			@Nullable String emergencyContactName, @Nullable String emergencyContactPhone) {
	}

	@PublicEndpoint
	@PostMapping("/send-otp")
	Reply<Map<String, Object>> sendOtp(@Valid @RequestBody SendOtp request) {
		var sent = signIn.requestOtp(request.phone(), OtpPurpose.PATIENT_LOGIN, OtpChannel.WHATSAPP,
				request.fullName());
		// isNewUser: the patient website's dialect; true for every number (see openapi.md), so that nobody learns
		// from this public answer which numbers belong to the clinic's patients
		return Reply.of("OTP sent successfully via WhatsApp",
				Map.of("phone", sent.destination(), "expiresIn", sent.expiresIn(), "isNewUser", true));
	}

	@PublicEndpoint
	@PostMapping("/verify-otp")
	Reply<?> verifyOtp(@Valid @RequestBody VerifyOtp request) {
		String given = request.leadSource() != null ? request.leadSource() : request.source();
		LeadSource source = given == null ? LeadSource.WEBSITE : LeadSource.parse(given).orElse(LeadSource.WEBSITE);
		PatientDetails signUp = request.signUp();
		PatientSignedIn signedIn = patients.signInWithCode(request.phone(), request.otp(), source, signUp);
		Patient p = signedIn.patient();
		if (signUp != null || request.age() != null) {
			// the patient website's sign-in (it sends a new patient's details): its own shape, mibo.md's fields kept
			return Reply.of("Login successful", SiteLogin.of(signedIn, clock));
		}
		return Reply.of("Login successful",
				new Login(new SignedInPatient(p.id(), p.fullName(), p.phone(), p.email(), signedIn.newPatient()),
						signedIn.tokens().accessToken(), signedIn.tokens().refreshToken()));
	}

	/**
	 * The patient website's password sign-in, for a patient whose account has a password (set by the clinic; the
	 * patient website signs up by code only). Staff accounts are refused like a wrong password.
	 */
	@PublicEndpoint
	@PostMapping("/login-with-password")
	Reply<SiteLogin> loginWithPassword(@Valid @RequestBody PasswordLogin request) {
		PatientSignedIn signedIn = patients.signInWithPassword(request.username(), request.password());
		return Reply.of("Login successful", SiteLogin.of(signedIn, clock));
	}

	@PublicEndpoint
	@PostMapping("/refresh-token")
	Reply<Refreshed> refresh(@Valid @RequestBody RefreshRequest request) {
		SignedIn refreshed = signIn.refresh(request.refreshToken());
		return Reply.of(new Refreshed(refreshed.tokens().accessToken(), refreshed.tokens().refreshToken()));
	}

	/**
	 * Public, as the contract has it: the refresh token names the session to end. When an access token comes along,
	 * its session ends too.
	 */
	@PublicEndpoint
	@PostMapping("/logout")
	Reply<Void> logout(@AuthenticationPrincipal @Nullable Actor actor,
			@RequestBody(required = false) @Nullable LogoutRequest request) {
		String refreshToken = request == null ? null : request.refreshToken();
		if ((refreshToken == null || refreshToken.isBlank()) && actor == null) {
			throw Refusal.invalidField("refreshToken", "Refresh token is required");
		}
		signIn.signOut(refreshToken);
		if (actor != null) {
			signIn.signOut(actor);
		}
		return Reply.message("Logged out successfully");
	}

	@GetMapping("/me")
	@PreAuthorize("hasRole('PATIENT')")
	Reply<CurrentPatient> me(@AuthenticationPrincipal Actor actor) {
		// through get(), so that the read is audited like any other read of a patient's record
		Patient p = patients.get(patients.self(actor).id(), actor);
		return Reply.of(new CurrentPatient(p.id(), p.fullName(), p.phone(), p.email(), p.dateOfBirth(), p.gender(),
				p.bloodGroup(), p.emergencyContactName(), p.emergencyContactPhone()));
	}
}
