package io.polyclinic.faces.diabcare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.polyclinic.support.Http;
import tools.jackson.databind.JsonNode;

/** The médecins at /diabcare/api/medecins: listed by specialty and paged, and one by id. */
class DiabcareMedecinTests extends DiabcareApiTest {

	@Test
	void medecinsAreListedBySpecialtyInPagesWithTheirTotal() {
		String specialty = "Diabétologie-" + UUID.randomUUID().toString().substring(0, 6);
		DiabcarePeople.Person first = people.medecin("Yosr", "Kammoun", specialty);
		DiabcarePeople.Person second = people.medecin("Walid", "Chebbi", specialty);
		people.medecin("Other", "Doctor", "Cardiologie");
		DiabcarePeople.Person patient = people.patient("Rim", "Zouari");

		Http.Res res = http.get(API + "/medecins?specialite=" + specialty.toUpperCase() + "&page=1&limit=1")
			.token(patient.token()).send();

		assertThat(res.status()).as(res.body()).isEqualTo(200);
		JsonNode body = res.json();
		assertThat(Http.keys(body)).containsExactlyInAnyOrder("data", "total", "page", "limit", "totalPages");
		assertThat(body.path("total").asLong()).isEqualTo(2);
		assertThat(body.path("page").asInt()).isEqualTo(1);
		assertThat(body.path("limit").asInt()).isEqualTo(1);
		assertThat(body.path("totalPages").asLong()).isEqualTo(2);
		assertThat(body.path("data")).hasSize(1);
		assertThat(body.path("data").get(0).path("role").asString()).isEqualTo("MEDECIN");

		Http.Res next = http.get(API + "/medecins?specialite=" + specialty + "&page=2&limit=1").token(patient.token())
			.send();
		assertThat(java.util.List.of(body.path("data").get(0).path("_id").asString(),
				next.json().path("data").get(0).path("_id").asString()))
			.containsExactlyInAnyOrder(first.id(), second.id());
	}

	@Test
	void oneMedecinByIdAndTheRefusals() {
		DiabcarePeople.Person medecin = people.medecin("Hatem", "Bouaziz");
		DiabcarePeople.Person patient = people.patient("Ines", "Sassi");

		Http.Res res = http.get(API + "/medecins/" + medecin.id()).token(patient.token()).send();
		assertThat(res.status()).isEqualTo(200);
		assertThat(res.json().path("_id").asString()).isEqualTo(medecin.id());
		assertThat(res.json().path("nom").asString()).isEqualTo("Bouaziz");

		nestError(http.get(API + "/medecins/" + UUID.randomUUID()).token(patient.token()).send(), 404, "Not Found");
		assertThat(validationMessages(http.get(API + "/medecins/not-an-id").token(patient.token()).send()))
			.hasSize(1);
		assertThat(validationMessages(http.get(API + "/medecins?limit=0").token(patient.token()).send())).hasSize(1);
		nestError(http.get(API + "/medecins").send(), 401, "Unauthorized");
	}

	@Test
	void aMedecinChangesTheirOwnProfileAsTheAppSendsIt() {
		DiabcarePeople.Person medecin = people.medecin("Kais", "Dhaouadi", "Cardiologie");
		DiabcarePeople.Person other = people.medecin("Asma", "Lahmar");
		DiabcarePeople.Person patient = people.patient("Ramzi", "Hammami");
		java.util.Map<String, Object> updates = new java.util.LinkedHashMap<>();
		updates.put("nom", "Dhaouadi-Saad");
		updates.put("prenom", "Kais");
		updates.put("telephone", "");
		updates.put("specialite", "Endocrinologie");
		updates.put("clinique", "Clinique Pasteur");
		updates.put("adresseCabinet", "12 rue de Marseille, Tunis");
		updates.put("description", "Diabète de type 1 chez l'adulte");

		Http.Res res = http.patch(API + "/medecins/" + medecin.id(), updates).token(medecin.token()).send();

		assertThat(res.status()).as(res.body()).isEqualTo(200);
		JsonNode user = res.json();
		assertThat(user.path("nom").asString()).isEqualTo("Dhaouadi-Saad");
		assertThat(user.path("specialite").asString()).isEqualTo("Endocrinologie");
		assertThat(user.path("clinique").asString()).isEqualTo("Clinique Pasteur");
		assertThat(user.path("adresseCabinet").asString()).isEqualTo("12 rue de Marseille, Tunis");
		assertThat(user.path("description").asString()).isEqualTo("Diabète de type 1 chez l'adulte");
		assertThat(http.get(API + "/medecins/" + medecin.id()).token(patient.token()).send().json().path("clinique")
			.asString()).isEqualTo("Clinique Pasteur");

		// the photo screen sends the picture inline
		String photo = "data:image/png;base64," + java.util.Base64.getEncoder()
			.encodeToString(io.polyclinic.support.TestImages.png());
		Http.Res withPhoto = http.patch(API + "/medecins/" + medecin.id(), java.util.Map.of("photoProfil", photo))
			.token(medecin.token()).send();
		assertThat(withPhoto.json().path("photoProfil").asString()).contains("/files/");
		assertThat(withPhoto.json().path("specialite").asString()).isEqualTo("Endocrinologie");

		nestError(http.patch(API + "/medecins/" + medecin.id(), java.util.Map.of("nom", "X")).token(other.token())
			.send(), 403, "Forbidden");
		nestError(http.patch(API + "/medecins/" + medecin.id(), java.util.Map.of("nom", "X")).token(patient.token())
			.send(), 403, "Forbidden");
		assertThat(validationMessages(http.patch(API + "/medecins/" + medecin.id(), java.util.Map.of(
				"anneesExperience", -1)).token(medecin.token()).send()))
			.containsExactly("anneesExperience must not be less than 0");
	}
}
