package io.polyclinic.faces.diabcare;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.polyclinic.support.Http;
import tools.jackson.databind.JsonNode;

/**
 * A médecin's patients with how each is doing: the standing from the last 7 days' mean (critical outside 50–230
 * mg/dL, attention outside 60–210), the latest reading's risk, counts over the whole panel and the status filter.
 */
class DiabcareMyPatientsTests extends DiabcareApiTest {

	@Test
	void eachFollowedPatientStandsByTheirLastWeekOfGlucose() {
		DiabcarePeople.Person doctor = people.medecin("Zied", "Mkaddem");
		DiabcarePeople.Person critical = people.patient("Critical", "Case");
		DiabcarePeople.Person attention = people.patient("Attention", "Case");
		DiabcarePeople.Person stable = people.patient("Stable", "Case");
		DiabcarePeople.Person silent = people.patient("Silent", "Case");
		for (DiabcarePeople.Person patient : new DiabcarePeople.Person[] { critical, attention, stable, silent }) {
			people.follow(patient, doctor);
		}
		Instant now = Instant.now();
		// a mean of 240 mg/dL: critical; the latest, 250, is a high risk
		log(critical, 230, "mg/dL", now.minus(2, ChronoUnit.DAYS));
		log(critical, 250, "mg/dL", now.minus(1, ChronoUnit.HOURS));
		// a mean of 12 mmol/L = 216.192 mg/dL: attention; its latest, 12 mmol/L, a high risk too
		log(attention, 12, "mmol/L", now.minus(3, ChronoUnit.HOURS));
		// a mean of 150 mg/dL: stable, though a reading of 400 ten days ago is out of the window
		log(stable, 400, "mg/dL", now.minus(10, ChronoUnit.DAYS));
		log(stable, 140, "mg/dL", now.minus(2, ChronoUnit.HOURS));
		log(stable, 160, "mg/dL", now.minus(1, ChronoUnit.HOURS));

		Http.Res res = http.get(API + "/medecins/" + doctor.id() + "/my-patients?page=1&limit=10&status=all")
			.token(doctor.token()).send();

		assertThat(res.status()).as(res.body()).isEqualTo(200);
		JsonNode counts = res.json().path("statusCounts");
		assertThat(counts.path("critical").asLong()).isEqualTo(1);
		assertThat(counts.path("attention").asLong()).isEqualTo(1);
		assertThat(counts.path("stable").asLong()).isEqualTo(2);
		Map<String, JsonNode> byId = new java.util.HashMap<>();
		res.json().path("data").forEach(p -> byId.put(p.path("_id").asString(), p));
		assertThat(byId.get(critical.id()).path("status").asString()).isEqualTo("critical");
		assertThat(byId.get(critical.id()).path("lastReading").path("value").asDouble()).isEqualTo(250);
		assertThat(byId.get(critical.id()).path("lastReading").path("riskLevel").asString()).isEqualTo("high");
		assertThat(byId.get(attention.id()).path("status").asString()).isEqualTo("attention");
		assertThat(byId.get(attention.id()).path("lastReading").path("value").asDouble()).isEqualTo(216.192);
		assertThat(byId.get(stable.id()).path("status").asString()).isEqualTo("stable");
		assertThat(byId.get(stable.id()).path("lastReading").path("riskLevel").asString()).isEqualTo("low");
		assertThat(byId.get(silent.id()).path("status").asString()).isEqualTo("stable");
		assertThat(byId.get(silent.id()).path("lastReading").isNull()).isTrue();

		// the filter narrows the page and its total, not the counts
		JsonNode onlyCritical = http.get(API + "/medecins/" + doctor.id() + "/my-patients?status=critical")
			.token(doctor.token()).send().json();
		assertThat(onlyCritical.path("total").asLong()).isOne();
		assertThat(onlyCritical.path("data").get(0).path("_id").asString()).isEqualTo(critical.id());
		assertThat(onlyCritical.path("statusCounts").path("stable").asLong()).isEqualTo(2);
		JsonNode stablePage = http.get(API + "/medecins/" + doctor.id() + "/my-patients?status=stable&limit=1&page=2")
			.token(doctor.token()).send().json();
		assertThat(stablePage.path("total").asLong()).isEqualTo(2);
		assertThat(stablePage.path("totalPages").asLong()).isEqualTo(2);
		assertThat(stablePage.path("data")).hasSize(1);
	}

	private void log(DiabcarePeople.Person patient, double value, String unit, Instant at) {
		Http.Res res = http.post(API + "/glucose", Map.of("value", value, "unit", unit, "measuredAt", at.toString()))
			.token(patient.token()).send();
		assertThat(res.status()).as(res.body()).isEqualTo(201);
	}
}
