package io.polyclinic.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;

import io.polyclinic.platform.Refusal;

/**
 * The Cognito user pool's settings: without all three, sign-in is "not configured" (400 on every face); a pool whose
 * discovery document cannot be read is "unavailable" (503), and is read again at the next sign-in.
 */
class CognitoProviderTests {

	@Test
	void withoutItsThreeSettingsCognitoIsNotConfigured() {
		for (CognitoProvider provider : new CognitoProvider[] { new CognitoProvider("", "", ""),
				new CognitoProvider("https://cognito-idp.eu-west-1.amazonaws.com/pool", "client", ""),
				new CognitoProvider("", "client", "secret") }) {
			assertThat(provider.configured()).isFalse();
			assertThatThrownBy(provider::registration).isInstanceOfSatisfying(Refusal.class, r -> {
				assertThat(r.kind()).isEqualTo(Refusal.Kind.INVALID);
				assertThat(r.code()).isEqualTo("OAUTH_NOT_CONFIGURED");
			});
		}
	}

	@Test
	void anUnreachablePoolIsUnavailableNotAFailureOfTheApplication() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort(); // free once closed: nobody answers there
		}
		CognitoProvider provider = new CognitoProvider("http://127.0.0.1:" + port + "/pool", "client", "secret");
		assertThat(provider.configured()).isTrue();
		for (int attempt = 0; attempt < 2; attempt++) {
			assertThatThrownBy(provider::registration).isInstanceOfSatisfying(Refusal.class, r -> {
				assertThat(r.kind()).isEqualTo(Refusal.Kind.UNAVAILABLE);
				assertThat(r.code()).isEqualTo("OAUTH_UNAVAILABLE");
			});
		}
	}
}
