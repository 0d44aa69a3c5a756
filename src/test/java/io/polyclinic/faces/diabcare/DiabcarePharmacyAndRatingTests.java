package io.polyclinic.faces.diabcare;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.polyclinic.support.Http;

/** The pharmacies list and a patient's rating of their doctor, as the app calls them. */
class DiabcarePharmacyAndRatingTests extends DiabcareApiTest {

	@Test
	void pharmaciesArePagedNewestFirst() {
		DiabcarePeople.Person older = people.pharmacien("Ali", "Khelifi");
		DiabcarePeople.Person newer = people.pharmacien("Mouna", "Baccar");
		DiabcarePeople.Person patient = people.patient("Habib", "Toumi");

		Http.Res res = http.get(API + "/pharmaciens?page=1&limit=2").token(patient.token()).send();

		assertThat(res.status()).as(res.body()).isEqualTo(200);
		assertThat(Http.keys(res.json())).containsExactlyInAnyOrder("data", "total", "page", "limit", "totalPages");
		assertThat(res.json().path("total").asLong()).isGreaterThanOrEqualTo(2);
		assertThat(res.json().path("data").get(0).path("_id").asString()).isEqualTo(newer.id());
		assertThat(res.json().path("data").get(1).path("_id").asString()).isEqualTo(older.id());
		assertThat(res.json().path("data").get(0).path("nomPharmacie").asString()).isEqualTo("Pharmacie Centrale");
		assertThat(validationMessages(http.get(API + "/pharmaciens?page=0").token(patient.token()).send())).hasSize(1);
		nestError(http.get(API + "/pharmaciens").send(), 401, "Unauthorized");
	}

	@Test
	void aPatientRatesTheirDoctorAndNobodyElseDoes() {
		DiabcarePeople.Person doctor = people.medecin("Sarra", "Hamdi");
		DiabcarePeople.Person patient = people.patient("Lotfi", "Nasri");
		DiabcarePeople.Person stranger = people.patient("Imen", "Jebali");
		// a booking makes the doctor the patient's carer
		String at = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS).toString();
		Http.Res booked = http.post(API + "/appointments", Map.of("patientId", patient.id(), "doctorId", doctor.id(),
				"dateTime", at, "type", "Online")).token(patient.token()).send();
		assertThat(booked.status()).as(booked.body()).isEqualTo(201);

		Http.Res rated = http.patch(API + "/medecins/" + doctor.id() + "/note", Map.of("note", 4.5))
			.token(patient.token()).send();

		assertThat(rated.status()).as(rated.body()).isEqualTo(200);
		assertThat(rated.json().path("_id").asString()).isEqualTo(doctor.id());
		assertThat(rated.json().path("noteMoyenne").asDouble()).isEqualTo(4.5);
		nestError(http.patch(API + "/medecins/" + doctor.id() + "/note", Map.of("note", 1)).token(stranger.token())
			.send(), 403, "Forbidden");
		assertThat(validationMessages(http.patch(API + "/medecins/" + doctor.id() + "/note", Map.of("note", 9))
			.token(patient.token()).send())).containsExactly("note must be between 1 and 5");
		assertThat(validationMessages(http.patch(API + "/medecins/" + doctor.id() + "/note", Map.of())
			.token(patient.token()).send())).hasSize(1);
	}
}
