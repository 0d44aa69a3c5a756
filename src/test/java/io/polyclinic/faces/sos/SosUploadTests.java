package io.polyclinic.faces.sos;

import static io.polyclinic.support.Http.keys;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.polyclinic.directory.Clinician;
import io.polyclinic.directory.ClinicianRegistry;
import io.polyclinic.directory.PatientRegistry;
import io.polyclinic.identity.accounts.Accounts;
import io.polyclinic.scheduling.Availability;
import io.polyclinic.support.ApiTest;
import io.polyclinic.support.Clinic;
import io.polyclinic.support.RawDownloads;
import io.polyclinic.support.TestImages;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /sos/api/v1/upload/profile-picture}: a real image of each kind is taken whatever its declared name and
 * type, its url serves the same bytes with the type judged from them and becomes the caller's {@code profile_picture};
 * text dressed as a picture, a form without {@code file}, an upload over 10 MB and a caller without a token are
 * refused in sos's error shape; a changed url serves nothing.
 */
class SosUploadTests extends ApiTest {

	static final String UPLOAD = "/sos/api/v1/upload/profile-picture";

	@Autowired
	Clinic clinic;
	@Autowired
	ClinicianRegistry clinicians;
	@Autowired
	PatientRegistry patients;
	@Autowired
	Availability availability;
	@Autowired
	Accounts accounts;

	SosPeopleFixture people;
	RawDownloads raw;

	@BeforeEach
	void setUp() {
		people = new SosPeopleFixture(clinic, clinicians, patients, availability, accounts);
		raw = new RawDownloads(port);
	}

	record Image(byte[] bytes, String contentType) {
	}

	@Test
	void eachImageKindIsTakenServedAndBecomesTheUsersPicture() {
		var patient = people.patient("Picture Patient");
		String token = SosPeopleFixture.token(http, patient.email(), SosPeopleFixture.PASSWORD);

		for (Image image : List.of(new Image(TestImages.png(), "image/png"), new Image(TestImages.jpeg(), "image/jpeg"),
				new Image(TestImages.gif(), "image/gif"), new Image(TestImages.webp(), "image/webp"))) {
			// the declared name and type are the client's word, and not taken: the content decides
			var res = raw.upload(UPLOAD, token, "file", "upload.png", "application/octet-stream", image.bytes());

			assertThat(res.statusCode()).as(new String(res.body())).isEqualTo(200);
			JsonNode body = RawDownloads.json(res);
			assertThat(keys(body)).containsExactly("message", "url");
			assertThat(body.path("message").asString()).isEqualTo("Profile picture uploaded successfully");
			String url = body.path("url").asString();
			assertThat(url).matches("http://localhost:8080/files/[0-9a-f-]{36}\\?expires=\\d+&signature=[A-Za-z0-9_-]+");

			HttpResponse<byte[]> served = raw.get(url);
			assertThat(served.statusCode()).isEqualTo(200);
			assertThat(served.body()).isEqualTo(image.bytes());
			assertThat(served.headers().firstValue("Content-Type")).contains(image.contentType());

			for (String me : new String[] { "/sos/api/v1/auth/me", "/sos/api/v1/users/me" }) {
				var user = http.get(me).token(token).send();
				assertThat(user.status()).isEqualTo(200);
				assertThat(user.json().path("user").path("profile_picture").asString()).as(me).isEqualTo(url);
			}
		}
	}

	@Test
	void aDoctorsPictureShowsInTheirProfile() {
		Clinician doctor = people.doctor("Dr. Pictured", "Dermatology", "Indian/Mauritius", "eur", List.of("English"));
		String token = SosPeopleFixture.token(http, doctor.email(), SosPeopleFixture.PASSWORD);

		var res = raw.upload(UPLOAD, token, "file", "portrait.jpg", "image/jpeg", TestImages.jpeg());
		assertThat(res.statusCode()).isEqualTo(200);
		String url = RawDownloads.json(res).path("url").asString();

		var profile = http.get("/sos/api/v1/doctors/" + doctor.accountId()).send();
		assertThat(profile.status()).isEqualTo(200);
		assertThat(profile.json().path("doctor").path("profile_picture").asString()).isEqualTo(url);
		var self = http.get("/sos/api/v1/doctors/self").token(token).send();
		assertThat(self.json().path("doctor").path("profile_picture").asString()).isEqualTo(url);
		assertThat(raw.get(url).body()).isEqualTo(TestImages.jpeg());
	}

	@Test
	void textNamedAsAPictureIsRefusedAndThePictureKept() {
		var patient = people.patient("Careful Patient");
		String token = SosPeopleFixture.token(http, patient.email(), SosPeopleFixture.PASSWORD);
		String before = RawDownloads.json(raw.upload(UPLOAD, token, "file", "me.gif", "image/gif", TestImages.gif()))
			.path("url").asString();

		for (byte[] notAPicture : new byte[][] { TestImages.text(), TestImages.pdf(), new byte[0] }) {
			var res = raw.upload(UPLOAD, token, "file", "photo.png", "image/png", notAPicture);

			assertThat(res.statusCode()).isEqualTo(400);
			JsonNode body = RawDownloads.json(res);
			assertThat(keys(body)).containsExactly("details", "error", "status");
			assertThat(body.path("status").asInt()).isEqualTo(400);
			assertThat(body.path("details").asString()).startsWith("file: ");
		}
		var text = RawDownloads.json(raw.upload(UPLOAD, token, "file", "photo.png", "image/png", TestImages.text()));
		assertThat(text.path("error").asString())
			.isEqualTo("The file must be PNG, JPEG, GIF, WebP (judged by its content, not its name)");
		assertThat(http.get("/sos/api/v1/auth/me").token(token).send().json().path("user").path("profile_picture")
			.asString()).isEqualTo(before);
	}

	@Test
	void aFormWithoutTheFileOrABodyThatIsNoFormIsRefused() {
		String token = SosPeopleFixture.adminToken(http);

		var noFile = raw.upload(UPLOAD, token, null, "", "", new byte[0]);
		assertThat(noFile.statusCode()).isEqualTo(400);
		assertThat(keys(RawDownloads.json(noFile))).containsExactly("details", "error", "status");
		assertThat(RawDownloads.json(noFile).path("details").asString()).startsWith("file: ");

		var otherField = raw.upload(UPLOAD, token, "picture", "me.png", "image/png", TestImages.png());
		assertThat(otherField.statusCode()).isEqualTo(400);
		assertThat(RawDownloads.json(otherField).path("details").asString()).startsWith("file: ");

		var json = http.post(UPLOAD, java.util.Map.of("file", "me.png")).token(token).send();
		assertThat(json.status()).isEqualTo(400);
		assertThat(keys(json.json())).containsExactly("details", "error", "status");
	}

	@Test
	void anUploadOverTenMegabytesIsRefusedInSosShape() {
		String token = SosPeopleFixture.adminToken(http);
		byte[] large = Arrays.copyOf(TestImages.png(), 10 * 1024 * 1024 + 1);

		var res = raw.upload(UPLOAD, token, "file", "large.png", "image/png", large);

		assertThat(res.statusCode()).isEqualTo(413);
		JsonNode body = RawDownloads.json(res);
		assertThat(keys(body)).containsExactly("details", "error", "status");
		assertThat(body.path("status").asInt()).isEqualTo(413);
		assertThat(body.path("details").asString()).isEqualTo("PAYLOAD_TOO_LARGE");
	}

	@Test
	void withoutATokenNothingIsStored() {
		var res = raw.upload(UPLOAD, null, "file", "me.png", "image/png", TestImages.png());

		assertThat(res.statusCode()).isEqualTo(401);
		JsonNode body = RawDownloads.json(res);
		assertThat(keys(body)).containsExactly("details", "error", "status");
		assertThat(body.path("status").asInt()).isEqualTo(401);
	}

	@Test
	void aChangedUrlServesNothing() {
		var patient = people.patient("Tampering Patient");
		String token = SosPeopleFixture.token(http, patient.email(), SosPeopleFixture.PASSWORD);
		String url = RawDownloads.json(raw.upload(UPLOAD, token, "file", "me.webp", "image/webp", TestImages.webp()))
			.path("url").asString();
		char last = url.charAt(url.length() - 1);
		String tampered = url.substring(0, url.length() - 1) + (last == 'x' ? 'y' : 'x');

		var res = raw.get(tampered);

		assertThat(res.statusCode()).isEqualTo(403);
		assertThat(keys(RawDownloads.json(res))).containsExactly("error", "message", "status");
		assertThat(RawDownloads.json(res).path("error").asString()).isEqualTo("INVALID_SIGNATURE");
		assertThat(raw.get(url).statusCode()).isEqualTo(200);
	}
}
