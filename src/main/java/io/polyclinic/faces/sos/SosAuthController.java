package io.polyclinic.faces.sos;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.polyclinic.directory.AddressSignIn;
import io.polyclinic.directory.LeadSource;
import io.polyclinic.directory.PatientRegistry;
import io.polyclinic.identity.Account;
import io.polyclinic.identity.Callers;
import io.polyclinic.identity.OtpChannel;
import io.polyclinic.identity.OtpPurpose;
import io.polyclinic.identity.SignIn;
import io.polyclinic.identity.SignedIn;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.PublicEndpoint;
import io.polyclinic.platform.Refusal;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Sign-in and the signed-in user: {@code /api/v1/auth}. Email and password, or a one-time code to an email address or
 * a phone (SMS or WhatsApp), for every role; the first code verified for an unknown address signs up a patient. The
 * token is the clinic's one access token, valid on every face.
 */
@RestController
@RequestMapping("/api/v1/auth")
class SosAuthController {

	private final SignIn signIn;
	private final Callers callers;
	private final SosPeople people;
	private final PatientRegistry patients;

	SosAuthController(SignIn signIn, Callers callers, SosPeople people, PatientRegistry patients) {
		this.signIn = signIn;
		this.callers = callers;
		this.people = people;
		this.patients = patients;
	}

	record EmailLogin(@NotBlank(message = "Email is required") @Email(message = "Invalid email format") String email,
			@NotBlank(message = "Password is required") @Size(min = 8, message = "Password must be at least 8 characters") String password) {
	}

	record SignedInUser(String message, String accessToken, SosPeople.User user) {
	}

	record EmailOtp(@NotBlank(message = "Email is required") @Email(message = "Invalid email format") String email) {
	}

	record EmailOtpCheck(@NotBlank(message = "Email is required") @Email(message = "Invalid email format") String email,
			@NotBlank(message = "Token is required") String token) {
	}

	/** The phone is checked by hand (E.164), so that the JSON body and the WhatsApp query answer alike. */
	record PhoneOtp(@Nullable String phone) {
	}

	record PhoneOtpCheck(@Nullable String phone, @NotBlank(message = "Token is required") String token) {
	}

	record Message(String message) {
	}

	record Me(SosPeople.UserDetail user) {
	}

	@PublicEndpoint
	@PostMapping("/email/login")
	SignedInUser emailLogin(@Valid @RequestBody EmailLogin request) {
		return signedIn("Login successful", signIn.withPassword(SignIn.LoginName.EMAIL, request.email(), request.password()));
	}

	@PublicEndpoint
	@PostMapping("/email/send-otp")
	Message emailSendOtp(@Valid @RequestBody EmailOtp request) {
		signIn.requestEmailOtp(request.email(), OtpPurpose.SIGN_IN);
		return new Message("OTP sent to your email");
	}

	@PublicEndpoint
	@PostMapping("/email/verify-otp")
	SignedInUser emailVerifyOtp(@Valid @RequestBody EmailOtpCheck request) {
		AddressSignIn done = patients.signInWithEmailCode(request.email(), request.token(), LeadSource.WEBSITE);
		return answer(people, "OTP verified successfully", done.account(), done.tokens().accessToken());
	}

	@PublicEndpoint
	@PostMapping("/phone/send-otp")
	Message phoneSendOtp(@RequestBody PhoneOtp request) {
		signIn.requestOtp(e164(request.phone()), OtpPurpose.SIGN_IN, OtpChannel.SMS, null);
		return new Message("OTP sent to your phone");
	}

	@PublicEndpoint
	@PostMapping("/phone/verify-otp")
	SignedInUser phoneVerifyOtp(@Valid @RequestBody PhoneOtpCheck request) {
		AddressSignIn done = patients.signInWithPhoneCode(e164(request.phone()), request.token(), LeadSource.WEBSITE);
		return answer(people, "OTP verified successfully", done.account(), done.tokens().accessToken());
	}

	/**
	 * A GET that carries {@code {"phone"}} as its JSON body, as sos.md documents it; {@code ?phone=} serves clients
	 * that cannot send a body with a GET. The code is verified at {@code /auth/phone/verify-otp}.
	 */
	@PublicEndpoint
	@GetMapping("/whatsapp/send-otp")
	Message whatsappSendOtp(@RequestBody(required = false) @Nullable PhoneOtp request,
			@RequestParam(name = "phone", required = false) @Nullable String phone) {
		String given = request != null && request.phone() != null ? request.phone() : phone;
		signIn.requestOtp(e164(given), OtpPurpose.SIGN_IN, OtpChannel.WHATSAPP, null);
		return new Message("OTP sent via WhatsApp");
	}

	/** Ends the session of the presented token: it and its refresh tokens stop working on every face. */
	@PostMapping("/logout")
	Message logout(@AuthenticationPrincipal Actor actor) {
		signIn.signOut(actor);
		return new Message("Logged out successfully");
	}

	@GetMapping("/me")
	Me me(@AuthenticationPrincipal Actor actor) {
		return new Me(people.detail(callers.self(actor), actor));
	}

	SignedInUser signedIn(String message, SignedIn session) {
		return answer(people, message, session.account(), session.tokens().accessToken());
	}

	static SignedInUser answer(SosPeople people, String message, Account account, String accessToken) {
		// the caller the new token names, for this answer only (its own associated doctors)
		Actor actor = new Actor(account.id(), account.publicId(), account.role(), UUID.randomUUID());
		return new SignedInUser(message, accessToken, people.user(account, actor));
	}

	/** sos.md asks for E.164: a number with its country code, written {@code +} and digits only. */
	static String e164(@Nullable String phone) {
		if (phone == null || phone.isBlank()) {
			throw Refusal.invalidField("phone", "Phone number is required");
		}
		if (!phone.trim().matches("\\+[1-9][0-9]{6,14}")) {
			throw Refusal.invalidField("phone", "Phone number must be in E.164 format, e.g. +23052512345");
		}
		return phone.trim();
	}
}
