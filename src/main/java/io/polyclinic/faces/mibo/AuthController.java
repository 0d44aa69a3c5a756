package io.polyclinic.faces.mibo;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.polyclinic.identity.Account;
import io.polyclinic.identity.Callers;
import io.polyclinic.identity.OtpChannel;
import io.polyclinic.identity.OtpPurpose;
import io.polyclinic.identity.SignIn;
import io.polyclinic.identity.SignedIn;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.PublicEndpoint;
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

	AuthController(SignIn signIn, Callers callers) {
		this.signIn = signIn;
		this.callers = callers;
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

	record StaffUser(long id, String fullName, @Nullable String phone, @Nullable String email, int roleId,
			String roleName) {
		static StaffUser of(Account a) {
			return new StaffUser(a.id(), a.fullName(), a.phone(), a.email(), MiboRoles.id(a.role()), a.role().name());
		}
	}

	record CurrentUser(long id, String fullName, @Nullable String phone, @Nullable String email, int roleId,
			String roleName, boolean isActive) {
	}

	record Login(StaffUser user, String accessToken, String refreshToken) {
		static Login of(SignedIn s) {
			return new Login(StaffUser.of(s.account()), s.tokens().accessToken(), s.tokens().refreshToken());
		}
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
		return Reply.of("Login successful", Login.of(signIn.withOtp(request.phone(), request.otp(), OtpPurpose.STAFF_LOGIN)));
	}

	@PublicEndpoint
	@PostMapping("/login/phone-password")
	Reply<Login> phonePassword(@Valid @RequestBody PhonePassword request) {
		return Reply.of("Login successful",
				Login.of(signIn.withPassword(SignIn.LoginName.PHONE, request.phone(), request.password())));
	}

	@PublicEndpoint
	@PostMapping("/login/username-password")
	Reply<Login> usernamePassword(@Valid @RequestBody UsernamePassword request) {
		return Reply.of("Login successful",
				Login.of(signIn.withPassword(SignIn.LoginName.USERNAME, request.username(), request.password())));
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
		return Reply.of(new CurrentUser(a.id(), a.fullName(), a.phone(), a.email(), MiboRoles.id(a.role()),
				a.role().name(), a.active()));
	}
}
