package io.polyclinic.faces.sos;

import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.polyclinic.identity.Callers;
import io.polyclinic.identity.SignIn;
import io.polyclinic.identity.SignedIn;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.PublicEndpoint;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Sign-in and the signed-in user: {@code /api/v1/auth}. Email and password for every role; the token is the clinic's
 * one access token, valid on every face.
 */
@RestController
@RequestMapping("/api/v1/auth")
class SosAuthController {

	private final SignIn signIn;
	private final Callers callers;
	private final SosPeople people;

	SosAuthController(SignIn signIn, Callers callers, SosPeople people) {
		this.signIn = signIn;
		this.callers = callers;
		this.people = people;
	}

	record EmailLogin(@NotBlank(message = "Email is required") @Email(message = "Invalid email format") String email,
			@NotBlank(message = "Password is required") @Size(min = 8, message = "Password must be at least 8 characters") String password) {
	}

	record SignedInUser(String message, String accessToken, SosPeople.User user) {
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
		// the caller the new token names, for this answer only (its own associated doctors)
		Actor actor = new Actor(session.account().id(), session.account().publicId(), session.account().role(),
				UUID.randomUUID());
		return new SignedInUser(message, session.tokens().accessToken(), people.user(session.account(), actor));
	}
}
