package io.polyclinic.faces.diabcare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.polyclinic.directory.ClinicianDetails;
import io.polyclinic.directory.ClinicianRegistry;
import io.polyclinic.support.Clinic;
import io.polyclinic.support.Http;
import tools.jackson.databind.JsonNode;

/** Sign-up, sign-in and profile at /diabcare/api/auth, with the bodies the Flutter app sends. */
class DiabcareAuthTests extends DiabcareApiTest {

	@Autowired
	Clinic clinic;
	@Autowired
	ClinicianRegistry clinicians;

	@Test
	void aPatientSignsUpAsTheAppSendsAndGetsTheirUserAndAToken() {
		String email = DiabcarePeople.uniqueEmail("Amel");
		Map<String, Object> body = new java.util.LinkedHashMap<>(Map.of("nom", "Ben Salah", "prenom", "Amel", "email",
				email, "motDePasse", "secret1", "telephone", "", "dateNaissance", "1988-03-14T00:00:00.000",
				"typeDiabete", "GESTATIONNEL", "groupeSanguin", "O+", "latitude", 36.8, "longitude", 10.18));
		body.put("location", Map.of("type", "Point", "coordinates", List.of(10.18, 36.8)));

		Http.Res res = http.post(API + "/auth/register/patient", body).send();

		assertThat(res.status()).as(res.body()).isEqualTo(201);
		assertThat(Http.keys(res.json())).containsExactlyInAnyOrder("user", "accessToken");
		JsonNode user = res.json().path("user");
		assertThat(Http.keys(user)).containsExactlyInAnyOrder("_id", "nom", "prenom", "email", "telephone",
				"photoProfil", "role", "statutCompte", "createdAt", "updatedAt", "dateNaissance", "sexe", "typeDiabete",
				"groupeSanguin");
		assertThat(user.path("nom").asString()).isEqualTo("Ben Salah");
		assertThat(user.path("prenom").asString()).isEqualTo("Amel");
		assertThat(user.path("email").asString()).isEqualTo(email.toLowerCase());
		assertThat(user.path("role").asString()).isEqualTo("PATIENT");
		assertThat(user.path("statutCompte").asString()).isEqualTo("ACTIF");
		assertThat(user.path("typeDiabete").asString()).isEqualTo("GESTATIONNEL");
		assertThat(user.path("dateNaissance").asString()).isEqualTo("1988-03-14");
		assertThat(user.has("motDePasse")).isFalse();

		// the token is the clinic's one access token: it reads the profile it was issued for
		Http.Res profile = http.get(API + "/auth/profile").token(res.json().path("accessToken").asString()).send();
		assertThat(profile.status()).isEqualTo(200);
		assertThat(profile.json().path("_id").asString()).isEqualTo(user.path("_id").asString());
		assertThat(profile.json().path("typeDiabete").asString()).isEqualTo("GESTATIONNEL");
	}

	@Test
	void aMedecinAndAPharmacienSignUpWithTheirRoleFields() {
		DiabcarePeople.Person medecin = people.medecin("Karim", "Haddad", "Diabétologie");
		assertThat(medecin.user().path("role").asString()).isEqualTo("MEDECIN");
		assertThat(medecin.user().path("specialite").asString()).isEqualTo("Diabétologie");
		assertThat(medecin.user().path("numeroOrdre").asString()).startsWith("ORD-");
		assertThat(medecin.user().path("clinique").asString()).isEqualTo("Clinique du Lac");
		assertThat(medecin.user().path("anneesExperience").asInt()).isEqualTo(1);
		assertThat(Http.keys(medecin.user())).contains("tarifConsultation", "noteMoyenne", "description",
				"adresseCabinet");

		DiabcarePeople.Person pharmacien = people.pharmacien("Sonia", "Trabelsi");
		assertThat(pharmacien.user().path("role").asString()).isEqualTo("PHARMACIEN");
		assertThat(pharmacien.user().path("nomPharmacie").asString()).isEqualTo("Pharmacie Centrale");
		assertThat(pharmacien.user().path("numeroOrdre").asString()).startsWith("PH-");

		Http.Res profile = http.get(API + "/auth/profile").token(pharmacien.token()).send();
		assertThat(profile.json().path("adressePharmacie").asString()).isEqualTo("1 avenue Habib Bourguiba");
	}

	@Test
	void anEmailIsTakenInAnyCase() {
		DiabcarePeople.Person first = people.patient("Lina", "Gharbi");
		Http.Res again = http.post(API + "/auth/register/medecin", Map.of("nom", "Gharbi", "prenom", "Lina", "email",
				first.email().toUpperCase(), "motDePasse", "secret1", "specialite", "Cardiologie", "numeroOrdre", "X-1"))
			.send();

		JsonNode body = nestError(again, 409, "Conflict");
		assertThat(body.path("message").asString()).isEqualTo("Cet email est déjà utilisé");
	}

	@Test
	void aBadSignUpIsAListOfSentencesNamingEachField() {
		Http.Res res = http.post(API + "/auth/register/patient", Map.of("nom", "", "prenom", "Ali", "email",
				"not-an-email", "motDePasse", "12345", "typeDiabete", "TYPE_3")).send();

		assertThat(validationMessages(res)).containsExactlyInAnyOrder("nom should not be empty",
				"email must be an email", "motDePasse must be longer than or equal to 6 characters",
				"typeDiabete must be one of the following values: TYPE_1, TYPE_2, GESTATIONNEL, PRE_DIABETE, AUTRE");
	}

	@Test
	void anUndeclaredPropertyIsRefusedAsTheWhitelistDoes() {
		Http.Res res = http.post(API + "/auth/login", Map.of("email", "a@b.tn", "motDePasse", "secret1", "role",
				"ADMIN")).send();

		assertThat(validationMessages(res)).containsExactly("property role should not exist");
	}

	@Test
	void everyRoleSignsInWithEmailInAnyCaseAndPassword() {
		DiabcarePeople.Person patient = people.patient("Sami", "Jaziri");

		Http.Res res = http.post(API + "/auth/login", Map.of("email", patient.email().toUpperCase(), "motDePasse",
				"secret1")).send();

		assertThat(res.status()).as(res.body()).isEqualTo(200);
		assertThat(Http.keys(res.json())).containsExactlyInAnyOrder("user", "accessToken");
		assertThat(res.json().path("user").path("_id").asString()).isEqualTo(patient.id());
		assertThat(res.json().path("user").path("role").asString()).isEqualTo("PATIENT");
	}

	@Test
	void aWrongPasswordIsUnauthorizedInTheOriginalWords() {
		DiabcarePeople.Person patient = people.patient("Hela", "Mansour");

		Http.Res res = http.post(API + "/auth/login", Map.of("email", patient.email(), "motDePasse", "wrong-one"))
			.send();

		assertThat(nestError(res, 401, "Unauthorized").path("message").asString())
			.isEqualTo("Email ou mot de passe incorrect");
	}

	@Test
	void aClinicianCreatedThroughMiboSignsInHereAsAMedecin() {
		String email = DiabcarePeople.uniqueEmail("mibo-doctor");
		clinicians.register(new ClinicianDetails("Meera Iyer", null, email, null, List.of("Psychiatry"), List.of(),
				List.of("English"), 5, 100_000L, 45, null, null, "Asia/Kolkata"), null, "MiboPass123", clinic.admin());

		Http.Res res = http.post(API + "/auth/login", Map.of("email", email, "motDePasse", "MiboPass123")).send();

		assertThat(res.status()).as(res.body()).isEqualTo(200);
		JsonNode user = res.json().path("user");
		assertThat(user.path("role").asString()).isEqualTo("MEDECIN");
		assertThat(user.path("prenom").asString()).isEqualTo("Meera");
		assertThat(user.path("nom").asString()).isEqualTo("Iyer");
		assertThat(user.path("specialite").asString()).isEqualTo("Psychiatry");
	}

	@Test
	void theProfileNeedsAToken() {
		nestError(http.get(API + "/auth/profile").send(), 401, "Unauthorized");
		nestError(http.get(API + "/auth/profile").token("not.a.token").send(), 401, "Unauthorized");
	}

	@Test
	void faceErrorsAreNestShapedEverywhere() {
		DiabcarePeople.Person patient = people.patient("Nour", "Ayari");
		nestError(http.get(API + "/no-such-thing").token(patient.token()).send(), 404, "Not Found");
		Http.Res malformed = http.post(API + "/auth/login", "{not json").header("Content-Type", "application/json")
			.send();
		nestError(malformed, 400, "Bad Request");
		nestError(http.delete(API + "/auth/login").send(), 405, "Method Not Allowed");
	}
}
