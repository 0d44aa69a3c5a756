package io.polyclinic.faces.diabcare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.polyclinic.support.Http;
import tools.jackson.databind.JsonNode;

/** Patients, médecins and pharmaciens signed up through the DiabCare face, each with their access token. */
final class DiabcarePeople {

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private final Http http;

	DiabcarePeople(Http http) {
		this.http = http;
	}

	/** Someone signed up: their user id ({@code _id}), access token, email and the user JSON the sign-up answered. */
	record Person(String id, String token, String email, JsonNode user) {
	}

	static String uniqueEmail(String who) {
		return who + "-" + SEQUENCE.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8)
				+ "@diabcare.test";
	}

	Person patient(String prenom, String nom) {
		return patient(prenom, nom, "TYPE_2", "1990-05-01T00:00:00.000");
	}

	Person patient(String prenom, String nom, String typeDiabete, String dateNaissance) {
		Map<String, Object> body = base(prenom, nom, uniqueEmail("patient"));
		body.put("dateNaissance", dateNaissance);
		body.put("typeDiabete", typeDiabete);
		body.put("groupeSanguin", "A+");
		return signUp("patient", body);
	}

	Person medecin(String prenom, String nom) {
		return medecin(prenom, nom, "Endocrinologie");
	}

	Person medecin(String prenom, String nom, String specialite) {
		Map<String, Object> body = base(prenom, nom, uniqueEmail("medecin"));
		body.put("specialite", specialite);
		body.put("numeroOrdre", "ORD-" + SEQUENCE.incrementAndGet());
		body.put("anneesExperience", 1);
		body.put("clinique", "Clinique du Lac");
		body.put("adresseCabinet", "");
		body.put("description", "");
		body.put("tarifConsultation", 0);
		return signUp("medecin", body);
	}

	Person pharmacien(String prenom, String nom) {
		Map<String, Object> body = base(prenom, nom, uniqueEmail("pharmacien"));
		body.put("nomPharmacie", "Pharmacie Centrale");
		body.put("numeroOrdre", "PH-" + SEQUENCE.incrementAndGet());
		body.put("adressePharmacie", "1 avenue Habib Bourguiba");
		return signUp("pharmacien", body);
	}

	/** The doctor follows the patient: the patient asks them to, and they accept. */
	void follow(Person patient, Person doctor) {
		Http.Res asked = http.post(DiabcareApiTest.API + "/patients/" + patient.id() + "/request-doctor",
				Map.of("doctorId", doctor.id())).token(patient.token()).send();
		assertThat(asked.status()).as(asked.body()).isEqualTo(201);
		Http.Res accepted = http.post(DiabcareApiTest.API + "/doctors/" + doctor.id() + "/patient-requests/"
				+ asked.json().path("_id").asString() + "/accept", Map.of()).token(doctor.token()).send();
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
	}

	private static Map<String, Object> base(String prenom, String nom, String email) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("nom", nom);
		body.put("prenom", prenom);
		body.put("email", email);
		body.put("motDePasse", "secret1");
		body.put("telephone", "");
		return body;
	}

	private Person signUp(String role, Map<String, Object> body) {
		Http.Res res = http.post(DiabcareApiTest.API + "/auth/register/" + role, body).send();
		assertThat(res.status()).as(res.body()).isEqualTo(201);
		JsonNode json = res.json();
		return new Person(json.path("user").path("_id").asString(), json.path("accessToken").asString(),
				(String) body.get("email"), json.path("user"));
	}
}
