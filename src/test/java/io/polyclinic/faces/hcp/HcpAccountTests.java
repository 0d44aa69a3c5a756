package io.polyclinic.faces.hcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.polyclinic.support.Http;
import io.polyclinic.support.MiboClient;
import io.polyclinic.support.Phones;
import io.polyclinic.support.RawDownloads;
import io.polyclinic.support.TestImages;
import tools.jackson.databind.JsonNode;

/**
 * The caller's profile, the administrators' list of users, phone verification by an SMS code and identity verification
 * by a document an administrator decides on, over HTTP in hcp's shapes. (The Cognito callback is in
 * {@link HcpCognitoTests}, with a stub user pool; here it is not configured.)
 */
class HcpAccountTests extends HcpApiTest {

	private static final List<String> USER_FIELDS = List.of("id", "username", "email", "first_name", "last_name",
			"role", "phone", "date_of_birth", "gender", "is_phone_verified", "is_email_verified",
			"is_identity_verified", "emergency_contact_name", "emergency_contact_phone",
			"emergency_contact_relationship", "date_joined");
	private static final List<String> PROFILE_FIELDS = List.of("profile_image", "blood_type", "allergies",
			"medical_conditions", "current_medications", "preferred_language", "timezone", "share_medical_history",
			"allow_telemedicine");

	// --- profile

	@Test
	void theProfileIsTheUserSerializerWithItsNestedProfile() {
		HcpPeople.Person patient = people.patient();

		Http.Res res = http.get(API + "/auth/profile/").token(patient.token()).send();

		JsonNode user = data(res, 200);
		assertThat(Http.keys(user)).containsAll(USER_FIELDS).contains("profile");
		assertThat(user.path("id").asLong()).isEqualTo(patient.id());
		assertThat(user.path("email").asString()).isEqualTo(patient.email());
		assertThat(user.path("role").asString()).isEqualTo("patient");
		assertThat(Http.keys(user.path("profile"))).containsExactlyInAnyOrderElementsOf(PROFILE_FIELDS);
		assertThat(user.path("profile").path("timezone").asString()).isEqualTo("UTC");
		assertThat(user.path("profile").path("allow_telemedicine").asBoolean()).isTrue();
		// as the original answered it, the user's fields beside the envelope too
		assertThat(res.json().path("id").asLong()).isEqualTo(patient.id());

		JsonNode doctor = data(http.get(API + "/auth/profile").token(people.doctor("Europe/Paris").token()).send(),
				200);
		assertThat(doctor.path("role").asString()).isEqualTo("doctor");
		assertThat(doctor.path("profile").path("timezone").asString()).isEqualTo("Europe/Paris");

		drfError(http.get(API + "/auth/profile/").send(), 401);
	}

	@Test
	void aPersonChangesTheirOwnFieldsButNeverTheirRoleIdOrVerification() {
		HcpPeople.Person patient = people.patient();
		String phone = Phones.newPhone();
		Map<String, Object> changes = new HashMap<>();
		changes.put("first_name", "Kavya");
		changes.put("last_name", "Menon Pillai");
		changes.put("phone", phone);
		changes.put("date_of_birth", "1988-11-23");
		changes.put("gender", "F");
		changes.put("emergency_contact_name", "Ravi Menon");
		changes.put("emergency_contact_phone", "+919812345678");
		changes.put("address_line1", "not kept, ignored");
		// read-only, ignored as DRF ignores them
		changes.put("role", "admin");
		changes.put("id", 1);
		changes.put("is_identity_verified", true);
		changes.put("is_phone_verified", true);

		JsonNode user = data(http.put(API + "/auth/profile/", changes).token(patient.token()).send(), 200);

		assertThat(user.path("id").asLong()).isEqualTo(patient.id());
		assertThat(user.path("role").asString()).isEqualTo("patient");
		assertThat(user.path("first_name").asString()).isEqualTo("Kavya");
		assertThat(user.path("last_name").asString()).isEqualTo("Menon Pillai");
		assertThat(user.path("phone").asString()).isEqualTo(phone);
		assertThat(user.path("date_of_birth").asString()).isEqualTo("1988-11-23");
		assertThat(user.path("gender").asString()).isEqualTo("F");
		assertThat(user.path("emergency_contact_name").asString()).isEqualTo("Ravi Menon");
		assertThat(user.path("is_identity_verified").asBoolean()).isFalse();
		assertThat(user.path("is_phone_verified").asBoolean()).isFalse();
		JsonNode me = data(http.get(API + "/auth/me/").token(patient.token()).send(), 200);
		assertThat(me.path("first_name").asString()).isEqualTo("Kavya");
		assertThat(me.path("role").asString()).isEqualTo("patient");

		// a field left out stays; PATCH as PUT, without the slash
		JsonNode patched = data(http.patch(API + "/auth/profile", Map.of("last_name", "Nair")).token(patient.token())
			.send(), 200);
		assertThat(patched.path("first_name").asString()).isEqualTo("Kavya");
		assertThat(patched.path("last_name").asString()).isEqualTo("Nair");
		assertThat(patched.path("phone").asString()).isEqualTo(phone);

		// a doctor changes their own name too
		HcpPeople.Person doctor = people.registeredDoctor();
		JsonNode renamed = data(http.put(API + "/auth/profile/", Map.of("first_name", "Anil", "role", "patient"))
			.token(doctor.token()).send(), 200);
		assertThat(renamed.path("first_name").asString()).isEqualTo("Anil");
		assertThat(renamed.path("role").asString()).isEqualTo("doctor");
	}

	@Test
	void badProfileFieldsAreDrfFieldErrors() {
		HcpPeople.Person patient = people.patient();
		HcpPeople.Person other = people.patient();

		assertThat(fieldError(http.put(API + "/auth/profile/", Map.of("email", "not-an-email")).token(patient.token())
			.send(), "email")).isEqualTo("Enter a valid email address.");
		assertThat(fieldError(http.put(API + "/auth/profile/", Map.of("date_of_birth", "23/11/1988"))
			.token(patient.token()).send(), "date_of_birth")).contains("YYYY-MM-DD");
		assertThat(fieldError(http.put(API + "/auth/profile/", Map.of("gender", "X")).token(patient.token()).send(),
				"gender")).contains("valid choice");
		assertThat(fieldError(http.put(API + "/auth/profile/", Map.of("phone", "12")).token(patient.token()).send(),
				"phone")).isNotBlank();
		assertThat(fieldError(http.put(API + "/auth/profile/", Map.of("first_name", " ", "last_name", ""))
			.token(patient.token()).send(), "first_name")).isEqualTo("This field may not be blank.");
		JsonNode taken = drfError(http.put(API + "/auth/profile/", Map.of("email", other.email()))
			.token(patient.token()).send(), 409);
		assertThat(taken.has("email")).isTrue();
		// nothing changed
		assertThat(data(http.get(API + "/auth/profile/").token(patient.token()).send(), 200).path("email").asString())
			.isEqualTo(patient.email());
	}

	// --- list

	@Test
	void anAdministratorListsUsersPagedSearchedFilteredAndOrdered() {
		HcpPeople.Person admin = people.admin();
		HcpPeople.Person patient = people.patient();
		HcpPeople.Person doctor = people.registeredDoctor();

		JsonNode found = page(http.get(API + "/auth/list/?search=" + patient.email()).token(admin.token()).send());
		assertThat(found.path("count").asLong()).isEqualTo(1);
		JsonNode user = found.path("results").get(0);
		assertThat(Http.keys(user)).containsAll(USER_FIELDS);
		assertThat(user.path("id").asLong()).isEqualTo(patient.id());
		assertThat(user.path("role").asString()).isEqualTo("patient");
		assertThat(user.path("gender").asString()).isEqualTo("O"); // the patient's own details, beside the account

		JsonNode doctors = page(http.get(API + "/auth/list?role=doctor&page_size=100").token(admin.token()).send());
		assertThat(doctors.path("results")).allSatisfy(u -> assertThat(u.path("role").asString()).isEqualTo("doctor"));
		assertThat(doctors.path("count").asLong()).isPositive();
		// the suite makes other administrators; the demo one is found by its username among them
		JsonNode admins = page(http.get(API + "/auth/list/?role=admin&search=admin&ordering=id").token(admin.token())
			.send());
		assertThat(admins.path("results")).allSatisfy(u -> assertThat(u.path("role").asString()).isEqualTo("admin"));
		assertThat(admins.path("results")).anySatisfy(u -> assertThat(u.path("username").asString()).isEqualTo("admin"));

		// newest first unless asked; a page of one links to the next
		JsonNode newest = page(http.get(API + "/auth/list/?page_size=1").token(admin.token()).send());
		assertThat(newest.path("results").get(0).path("id").asLong()).isEqualTo(doctor.id());
		assertThat(newest.path("next").asString()).contains("page=2");
		assertThat(newest.path("previous").isNull()).isTrue();

		JsonNode byEmail = page(http.get(API + "/auth/list/?ordering=email&search=@hcp.test&page_size=50")
			.token(admin.token()).send());
		List<String> emails = new ArrayList<>();
		byEmail.path("results").forEach(u -> emails.add(u.path("email").asString()));
		assertThat(emails).isSorted().isNotEmpty();
		JsonNode byIdDescending = page(http.get(API + "/auth/list/?ordering=-id&page_size=5").token(admin.token())
			.send());
		List<Long> ids = new ArrayList<>();
		byIdDescending.path("results").forEach(u -> ids.add(u.path("id").asLong()));
		assertThat(ids).isSortedAccordingTo(java.util.Comparator.reverseOrder());
	}

	@Test
	void theListIsForAdministratorsOnlyAndRefusesUnknownFilters() {
		HcpPeople.Person admin = people.admin();
		drfError(http.get(API + "/auth/list/").token(people.patient().token()).send(), 403);
		drfError(http.get(API + "/auth/list/").token(people.doctor().token()).send(), 403);
		drfError(http.get(API + "/auth/list/").send(), 401);

		assertThat(fieldError(http.get(API + "/auth/list/?ordering=password").token(admin.token()).send(), "ordering"))
			.contains("date_joined");
		assertThat(fieldError(http.get(API + "/auth/list/?role=nurse").token(admin.token()).send(), "role"))
			.contains("not one of the available choices");
		assertThat(fieldError(http.get(API + "/auth/list/?is_active=maybe").token(admin.token()).send(), "is_active"))
			.isEqualTo("Must be a valid boolean.");
	}

	// --- phone verification

	@Test
	void aPhoneIsVerifiedByTheCodeSentThereBySms() {
		HcpPeople.Person patient = people.patient();
		String phone = Phones.newPhone();

		// no number on the account and none given
		assertThat(fieldError(http.post(API + "/auth/verify/phone/", Map.of()).token(patient.token()).send(), "phone"))
			.isEqualTo("Phone number is required");

		JsonNode sent = data(http.post(API + "/auth/verify/phone/", Map.of("phone", phone)).token(patient.token())
			.send(), 200);
		assertThat(Http.keys(sent)).containsExactlyInAnyOrder("phone", "expires_in");
		assertThat(sent.path("phone").asString()).isEqualTo(phone);
		assertThat(sent.path("expires_in").asLong()).isEqualTo(300);
		String code = new MiboClient(http).lastCode(phone);

		Http.Res wrong = http.post(API + "/auth/verify/phone/", Map.of("phone", phone, "code", other(code)))
			.token(patient.token()).send();
		assertThat(fieldError(wrong, "code")).isEqualTo("Incorrect OTP");
		assertThat(data(http.get(API + "/auth/me/").token(patient.token()).send(), 200).path("is_phone_verified")
			.asBoolean()).isFalse();

		JsonNode user = data(http.post(API + "/auth/verify/phone", Map.of("phone", phone, "code", code))
			.token(patient.token()).send(), 200);
		assertThat(user.path("is_phone_verified").asBoolean()).isTrue();
		assertThat(user.path("phone").asString()).isEqualTo(phone);
		JsonNode me = data(http.get(API + "/auth/me/").token(patient.token()).send(), 200);
		assertThat(me.path("is_phone_verified").asBoolean()).isTrue();
		assertThat(me.path("phone").asString()).isEqualTo(phone);

		// a used code does not serve twice
		assertThat(drfError(http.post(API + "/auth/verify/phone/", Map.of("phone", phone, "code", code))
			.token(patient.token()).send(), 400).has("code")).isTrue();

		// the account's own number, now that it has one
		data(http.post(API + "/auth/verify/phone/", Map.of()).token(patient.token()).send(), 200);
		assertThat(new MiboClient(http).lastCode(phone)).matches("\\d{6}");

		// another person's number gets no code
		JsonNode taken = drfError(http.post(API + "/auth/verify/phone/", Map.of("phone", phone))
			.token(people.patient().token()).send(), 409);
		assertThat(taken.has("phone")).isTrue();
		drfError(http.post(API + "/auth/verify/phone/", Map.of("phone", phone)).send(), 401);
	}

	@Test
	void fiveWrongCodesSpendItAndTooManyCodesIs429() {
		HcpPeople.Person patient = people.patient();
		String phone = Phones.newPhone();
		data(http.post(API + "/auth/verify/phone/", Map.of("phone", phone)).token(patient.token()).send(), 200);
		String code = new MiboClient(http).lastCode(phone);
		for (int i = 0; i < 4; i++) {
			drfError(http.post(API + "/auth/verify/phone/", Map.of("phone", phone, "code", other(code)))
				.token(patient.token()).send(), 400);
		}
		assertThat(fieldError(http.post(API + "/auth/verify/phone/", Map.of("phone", phone, "code", other(code)))
			.token(patient.token()).send(), "code")).contains("Too many incorrect attempts");
		assertThat(fieldError(http.post(API + "/auth/verify/phone/", Map.of("phone", phone, "code", code))
			.token(patient.token()).send(), "code")).contains("request a new OTP");

		// three codes per number in fifteen minutes: the fourth is throttled
		data(http.post(API + "/auth/verify/phone/", Map.of("phone", phone)).token(patient.token()).send(), 200);
		data(http.post(API + "/auth/verify/phone/", Map.of("phone", phone)).token(patient.token()).send(), 200);
		Http.Res throttled = http.post(API + "/auth/verify/phone/", Map.of("phone", phone)).token(patient.token())
			.send();
		assertThat(throttled.status()).as(throttled.body()).isEqualTo(429);
		assertThat(throttled.json().path("status").asString()).isEqualTo("error");
		assertThat(throttled.json().path("details").isObject()).isTrue();
		assertThat(Long.parseLong(throttled.header("Retry-After"))).isPositive();
	}

	// --- identity verification

	@Test
	void anIdentityDocumentWaitsForAnAdministratorsDecision() {
		HcpPeople.Person patient = people.patient();
		HcpPeople.Person admin = people.admin();
		RawDownloads raw = new RawDownloads(port);

		HttpResponse<byte[]> uploaded = raw.upload(API + "/auth/verify/identity/", patient.token(), "document",
				"passport.png", "image/png", TestImages.png());
		assertThat(uploaded.statusCode()).isEqualTo(200);
		JsonNode pending = RawDownloads.json(uploaded).path("data");
		assertThat(RawDownloads.json(uploaded).path("status").asString()).isEqualTo("success");
		assertThat(Http.keys(pending)).containsExactlyInAnyOrder("id", "user_id", "identity_status",
				"is_identity_verified", "submitted_at", "decided_at", "document_url");
		assertThat(pending.path("identity_status").asString()).isEqualTo("pending");
		assertThat(pending.path("user_id").asLong()).isEqualTo(patient.id());
		assertThat(pending.path("is_identity_verified").asBoolean()).isFalse();
		assertThat(pending.path("submitted_at").asString()).endsWith("Z");

		// the person and an administrator see where it stands, with a link that serves the document
		JsonNode own = data(http.get(API + "/auth/verify/identity/").token(patient.token()).send(), 200);
		assertThat(own.path("identity_status").asString()).isEqualTo("pending");
		JsonNode seen = data(http.get(API + "/auth/verify/identity/?user_id=" + patient.id()).token(admin.token())
			.send(), 200);
		HttpResponse<byte[]> document = raw.get(seen.path("document_url").asString());
		assertThat(document.statusCode()).isEqualTo(200);
		assertThat(document.body()).isEqualTo(TestImages.png());
		drfError(http.get(API + "/auth/verify/identity/?user_id=" + patient.id()).token(people.patient().token())
			.send(), 403);

		// nobody but an administrator decides
		Map<String, Object> verify = Map.of("user_id", patient.id(), "identity_status", "verified");
		drfError(http.post(API + "/auth/verify/identity/", verify).token(patient.token()).send(), 403);
		drfError(http.post(API + "/auth/verify/identity/", verify).token(people.doctor().token()).send(), 403);

		JsonNode decided = data(http.post(API + "/auth/verify/identity/", verify).token(admin.token()).send(), 200);
		assertThat(decided.path("identity_status").asString()).isEqualTo("verified");
		assertThat(decided.path("is_identity_verified").asBoolean()).isTrue();
		assertThat(decided.path("decided_at").asString()).endsWith("Z");
		assertThat(data(http.get(API + "/auth/me/").token(patient.token()).send(), 200).path("is_identity_verified")
			.asBoolean()).isTrue();

		// decided already: nothing pending
		drfError(http.post(API + "/auth/verify/identity/", Map.of("user_id", patient.id(), "identity_status",
				"rejected")).token(admin.token()).send(), 404);
	}

	@Test
	void badIdentityInputIsADrfFieldError() {
		HcpPeople.Person patient = people.patient();
		HcpPeople.Person admin = people.admin();
		RawDownloads raw = new RawDownloads(port);

		HttpResponse<byte[]> noFile = raw.upload(API + "/auth/verify/identity/", patient.token(), null, "x", "text/plain",
				new byte[0]);
		assertThat(noFile.statusCode()).isEqualTo(400);
		assertThat(RawDownloads.json(noFile).path("details").path("document").get(0).asString())
			.isEqualTo("No file was submitted.");
		HttpResponse<byte[]> text = raw.upload(API + "/auth/verify/identity/", patient.token(), "document",
				"passport.pdf", "application/pdf", TestImages.text());
		assertThat(text.statusCode()).isEqualTo(400);
		assertThat(RawDownloads.json(text).path("details").has("document")).isTrue();
		// nothing was submitted: nothing to decide, nothing to show
		drfError(http.post(API + "/auth/verify/identity/", Map.of("user_id", patient.id(), "identity_status",
				"verified")).token(admin.token()).send(), 404);
		drfError(http.get(API + "/auth/verify/identity/").token(patient.token()).send(), 404);

		assertThat(fieldError(http.post(API + "/auth/verify/identity/", Map.of("user_id", patient.id(),
				"identity_status", "pending")).token(admin.token()).send(), "identity_status"))
			.isEqualTo("\"pending\" is not a valid choice.");
		assertThat(fieldError(http.post(API + "/auth/verify/identity/", Map.of("identity_status", "verified"))
			.token(admin.token()).send(), "user_id")).isEqualTo("This field is required.");
		HttpResponse<byte[]> anonymous = raw.upload(API + "/auth/verify/identity/", null, "document", "p.png",
				"image/png", TestImages.png());
		assertThat(anonymous.statusCode()).isEqualTo(401);
	}

	// --- Cognito, not configured in the suite

	@Test
	void theCognitoCallbackSaysClearlyWhenCognitoIsNotConfigured() {
		Http.Res res = http.post(API + "/auth/cognito/callback/", Map.of("code", "abc", "redirect_uri",
				"http://localhost:3000/auth/callback")).send();
		drfError(res, 400);
		assertThat(res.json().path("error").asString()).isEqualTo("Sign-in with Cognito is not configured");
		assertThat(fieldError(http.post(API + "/auth/cognito/callback/", Map.of("redirect_uri", "http://x")).send(),
				"code")).isEqualTo("This field is required.");
	}

	private static String other(String code) {
		return code.equals("000000") ? "000001" : "000000";
	}
}
