package io.polyclinic.faces.mibo;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.polyclinic.directory.Clinician;
import io.polyclinic.directory.ClinicianRegistry;
import io.polyclinic.directory.StaffRegistry;
import io.polyclinic.identity.Account;
import io.polyclinic.identity.Callers;
import io.polyclinic.identity.OtpChannel;
import io.polyclinic.identity.OtpPurpose;
import io.polyclinic.identity.SignIn;
import io.polyclinic.identity.SignedIn;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.PublicEndpoint;
import io.polyclinic.platform.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

/**
 * Staff authentication: {@code /api/auth}. Staff one-time codes go by SMS.
 */
@RestController
@RequestMapping("/api/auth")
class AuthController {

	private final SignIn signIn;
	private final Callers callers;
	private final StaffRegistry staff;
	private final ClinicianRegistry clinicians;

	AuthController(SignIn signIn, Callers callers, StaffRegistry staff, ClinicianRegistry clinicians) {
		this.signIn = signIn;
		this.callers = callers;
		this.staff = staff;
		this.clinicians = clinicians;
	}

	record SendOtp(@NotBlank(message = "Phone number is required") String phone) {
	}

	record PhoneOtp(@NotBlank(message = "Phone number is required") String phone,
			@NotBlank(message = "OTP is required") String otp) {
	}

	record PhonePassword(@NotBlank(message = "Phone number is required") String phone,
			@NotBlank(message = "Password is required") String password) {
	}

	record UsernamePassword(@NotBlank(message = "Username is required") String username,
			@NotBlank(message = "Password is required") String password) {
	}

	record RefreshRequest(@NotBlank(message = "Refresh token is required") String refreshToken) {
	}

	record LogoutRequest(@Nullable String refreshToken) {
	}

	/**
	 * The signed-in member of staff. Beside the contract's fields, the admin panel's (the original backend's):
	 * {@code role} (it decides every page on it), {@code name} and {@code full_name}, {@code username}, the centre
	 * they work at as {@code assignedCentreId} and {@code centreIds}, and a clinician's {@code clinicianId}.
	 */
	record StaffUser(long id, String fullName, @Nullable String phone, @Nullable String email, int roleId,
			String roleName, String role, String name, @JsonProperty("full_name") String full_name,
			@Nullable String username, @Nullable Long assignedCentreId, List<Long> centreIds,
			@Nullable Long clinicianId) {
	}

	record CurrentUser(long id, String fullName, @Nullable String phone, @Nullable String email, int roleId,
			String roleName, boolean isActive, String role, String name, @JsonProperty("full_name") String full_name,
			@Nullable String username, @Nullable Long assignedCentreId, List<Long> centreIds,
			@Nullable Long clinicianId) {
	}

	record Login(StaffUser user, String accessToken, String refreshToken) {
	}

	/** The contract shows only the access token; the refresh token rotates, so the new one comes along. */
	record Refreshed(String accessToken, String refreshToken) {
	}

	@PublicEndpoint
	@PostMapping("/send-otp")
	Reply<Map<String, Object>> sendOtp(@Valid @RequestBody SendOtp request) {
		var sent = signIn.requestOtp(request.phone(), OtpPurpose.STAFF_LOGIN, OtpChannel.SMS, null);
		return Reply.of("OTP sent successfully",
				Map.of("phone", sent.destination(), "expiresIn", sent.expiresIn()));
	}

	@PublicEndpoint
	@PostMapping("/login/phone-otp")
	Reply<Login> phoneOtp(@Valid @RequestBody PhoneOtp request) {
		return Reply.of("Login successful", login(signIn.withOtp(request.phone(), request.otp(), OtpPurpose.STAFF_LOGIN)));
	}

	@PublicEndpoint
	@PostMapping("/login/phone-password")
	Reply<Login> phonePassword(@Valid @RequestBody PhonePassword request) {
		return Reply.of("Login successful",
				login(signIn.withPassword(SignIn.LoginName.PHONE, request.phone(), request.password())));
	}

	@PublicEndpoint
	@PostMapping("/login/username-password")
	Reply<Login> usernamePassword(@Valid @RequestBody UsernamePassword request) {
		return Reply.of("Login successful",
				login(signIn.withPassword(SignIn.LoginName.USERNAME, request.username(), request.password())));
	}

	@PublicEndpoint
	@PostMapping("/refresh")
	Reply<Refreshed> refresh(@Valid @RequestBody RefreshRequest request) {
		SignedIn refreshed = signIn.refresh(request.refreshToken());
		return Reply.of(new Refreshed(refreshed.tokens().accessToken(), refreshed.tokens().refreshToken()));
	}

	@PostMapping("/logout")
	Reply<Void> logout(@AuthenticationPrincipal Actor actor, @RequestBody(required = false) @Nullable LogoutRequest request) {
		if (request != null) {
			signIn.signOut(request.refreshToken());
		}
		signIn.signOut(actor);
		return Reply.message("Logged out successfully");
	}

	@GetMapping("/me")
	Reply<CurrentUser> me(@AuthenticationPrincipal Actor actor) {
		Account a = callers.self(actor);
		Long centre = staff.workplace(actor);
		return Reply.of(new CurrentUser(a.id(), a.fullName(), a.phone(), a.email(), MiboRoles.id(a.role()),
				a.role().name(), a.active(), a.role().name(), a.fullName(), a.fullName(), a.username(), centre,
				centre == null ? List.of() : List.of(centre), clinicianId(a)));
	}

	private Login login(SignedIn s) {
		Account a = s.account();
		Long centre = staff.workplace(s);
		return new Login(new StaffUser(a.id(), a.fullName(), a.phone(), a.email(), MiboRoles.id(a.role()),
				a.role().name(), a.role().name(), a.fullName(), a.fullName(), a.username(), centre,
				centre == null ? List.of() : List.of(centre), clinicianId(a)), s.tokens().accessToken(),
				s.tokens().refreshToken());
	}

	private @Nullable Long clinicianId(Account a) {
		return a.role() == Role.CLINICIAN ? clinicians.forUser(a.id()).map(Clinician::id).orElse(null) : null;
	}
}
