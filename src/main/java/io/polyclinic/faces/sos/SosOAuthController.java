package io.polyclinic.faces.sos;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.polyclinic.directory.AddressSignIn;
import io.polyclinic.directory.LeadSource;
import io.polyclinic.directory.PatientRegistry;
import io.polyclinic.identity.OAuthSignIn;
import io.polyclinic.platform.PublicEndpoint;

/**
 * Sign-in with Google, Facebook or Instagram: {@code GET /api/v1/auth/{provider}} answers the provider's authorization
 * URL; the provider sends the person back to {@code GET /api/v1/auth/{provider}/callback}, which answers the clinic's
 * token and user as JSON, as the email sign-in does.
 */
@RestController
@RequestMapping("/api/v1/auth")
@PublicEndpoint
class SosOAuthController {

	private static final String PROVIDERS = "google|facebook|instagram";

	private final OAuthSignIn oauth;
	private final PatientRegistry patients;
	private final SosPeople people;

	SosOAuthController(OAuthSignIn oauth, PatientRegistry patients, SosPeople people) {
		this.oauth = oauth;
		this.patients = patients;
		this.people = people;
	}

	record AuthUrl(String message, String authUrl) {
	}

	@GetMapping("/{provider:" + PROVIDERS + "}")
	AuthUrl start(@PathVariable String provider) {
		// this face's own callback, under whatever prefix it is served at (/sos, or the root)
		String callback = ServletUriComponentsBuilder.fromCurrentRequestUri().replaceQuery(null).path("/callback")
			.toUriString();
		String url = oauth.authorizationUrl(provider, callback);
		return new AuthUrl("Redirect to " + Character.toUpperCase(provider.charAt(0)) + provider.substring(1)
				+ " to sign in", url);
	}

	@GetMapping("/{provider:" + PROVIDERS + "}/callback")
	SosAuthController.SignedInUser callback(@PathVariable String provider,
			@RequestParam(required = false) @Nullable String code,
			@RequestParam(required = false) @Nullable String state) {
		AddressSignIn done = patients.signInWithProvider(provider, code, state, LeadSource.WEBSITE);
		return SosAuthController.answer(people, "Login successful", done.account(), done.tokens().accessToken());
	}
}
