package io.polyclinic.faces.diabcare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.polyclinic.support.Http;
import io.polyclinic.support.TestImages;
import tools.jackson.databind.JsonNode;

/** A patient's record at /diabcare/api/patients/:id: read by the patient, changed by that patient only. */
class DiabcarePatientTests extends DiabcareApiTest {

	@Test
	void aPatientReadsAndChangesTheirRecordAsTheAppDoes() {
		DiabcarePeople.Person patient = people.patient("Salma", "Riahi");

		Http.Res read = http.get(API + "/patients/" + patient.id()).token(patient.token()).send();
		assertThat(read.status()).as(read.body()).isEqualTo(200);
		assertThat(read.json().path("_id").asString()).isEqualTo(patient.id());
		assertThat(read.json().path("typeDiabete").asString()).isEqualTo("TYPE_2");

		// the app's profile screen sends its new photo inline
		String photo = "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(TestImages.jpeg());
		Http.Res changed = http.patch(API + "/patients/" + patient.id(), Map.of("photoProfil", photo, "nom",
				"Riahi-Ben Amor", "typeDiabete", "TYPE_1")).token(patient.token()).send();

		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		JsonNode user = changed.json();
		assertThat(user.path("nom").asString()).isEqualTo("Riahi-Ben Amor");
		assertThat(user.path("prenom").asString()).isEqualTo("Salma");
		assertThat(user.path("typeDiabete").asString()).isEqualTo("TYPE_1");
		assertThat(user.path("photoProfil").asString()).contains("/files/");
		// the stored picture is served by its link
		String link = user.path("photoProfil").asString();
		assertThat(http.get(link.substring(link.indexOf("/files/"))).send().status()).isEqualTo(200);
		assertThat(http.get(API + "/auth/profile").token(patient.token()).send().json().path("photoProfil")
			.asString()).isEqualTo(link);
	}

	@Test
	void nobodyElseChangesAPatientAndOnlyTheirCarersReadThem() {
		DiabcarePeople.Person patient = people.patient("Olfa", "Dridi");
		DiabcarePeople.Person other = people.patient("Mehdi", "Saidi");
		DiabcarePeople.Person stranger = people.medecin("Anis", "Ferchichi");

		nestError(http.patch(API + "/patients/" + patient.id(), Map.of("nom", "Hacked")).token(other.token()).send(),
				403, "Forbidden");
		nestError(http.patch(API + "/patients/" + patient.id(), Map.of("nom", "Hacked")).token(stranger.token())
			.send(), 403, "Forbidden");
		nestError(http.get(API + "/patients/" + patient.id()).token(other.token()).send(), 403, "Forbidden");
		nestError(http.get(API + "/patients/" + patient.id()).token(stranger.token()).send(), 403, "Forbidden");
		assertThat(http.get(API + "/patients/" + patient.id()).token(patient.token()).send().json().path("nom")
			.asString()).isEqualTo("Dridi");
	}

	@Test
	void badChangesAreListed() {
		DiabcarePeople.Person patient = people.patient("Aziz", "Mejri");

		assertThat(validationMessages(http.patch(API + "/patients/" + patient.id(), Map.of("sexe", "X", "photoProfil",
				"data:image/png;base64,%%%")).token(patient.token()).send()))
			.containsExactly("sexe must be one of the following values: HOMME, FEMME");
		assertThat(validationMessages(http.patch(API + "/patients/" + patient.id(), Map.of("photoProfil",
				"data:image/png;base64,%%%")).token(patient.token()).send()))
			.containsExactly("photoProfil must be a link or a base64 data URL");
		nestError(http.get(API + "/patients/" + java.util.UUID.randomUUID()).token(patient.token()).send(), 404,
				"Not Found");
	}
}
