package io.polyclinic.faces.diabcare;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.polyclinic.support.Http;
import tools.jackson.databind.JsonNode;

/**
 * Glucose readings at /diabcare/api/glucose, with the bodies the Flutter app sends (PatientApiService,
 * GlucoseViewModel, PatientRequestService) and the fields it reads back ({@code _id}, {@code patientId},
 * {@code value}, {@code measuredAt}, {@code period}, {@code unit}, {@code note}; {@code data} of a page).
 */
class DiabcareGlucoseTests extends DiabcareApiTest {

	static final String GLUCOSE = API + "/glucose";
	static final List<String> READING = List.of("_id", "patientId", "value", "measuredAt", "period", "unit", "note",
			"createdAt", "updatedAt");
	/** Dart's {@code toIso8601String()} of a local time: microseconds, no offset. */
	static final DateTimeFormatter DART_LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");

	@Test
	void aPatientLogsAReadingAsTheViewModelSendsIt() {
		DiabcarePeople.Person patient = people.patient("Amel", "Ben Salah");
		LocalDateTime local = LocalDateTime.now(ZoneOffset.UTC).minusMinutes(5).truncatedTo(ChronoUnit.MICROS);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("value", 6.2);
		body.put("measuredAt", DART_LOCAL.format(local));
		body.put("period", "before_meal");
		body.put("unit", "mmol/L");
		body.put("note", "Avant le petit déjeuner");

		Http.Res res = http.post(GLUCOSE, body).token(patient.token()).send();

		assertThat(res.status()).as(res.body()).isEqualTo(201);
		JsonNode reading = res.json();
		assertThat(Http.keys(reading)).containsExactlyInAnyOrderElementsOf(READING);
		assertThat(UUID.fromString(reading.path("_id").asString())).isNotNull();
		assertThat(reading.path("patientId").asString()).isEqualTo(patient.id());
		assertThat(reading.path("value").isNumber()).isTrue();
		assertThat(reading.path("value").asDouble()).isEqualTo(6.2);
		assertThat(reading.path("unit").asString()).isEqualTo("mmol/L");
		assertThat(reading.path("period").asString()).isEqualTo("before_meal");
		assertThat(reading.path("note").asString()).isEqualTo("Avant le petit déjeuner");
		// a time without an offset is UTC, as the original's server reads it; answered in UTC with Z, to the ms
		assertThat(reading.path("measuredAt").asString())
			.isEqualTo(local.truncatedTo(ChronoUnit.MILLIS).toInstant(ZoneOffset.UTC).toString());
		assertThat(reading.path("createdAt").asString()).endsWith("Z");
	}

	@Test
	void aPatientLogsAReadingAsThePatientServiceSendsIt() {
		DiabcarePeople.Person patient = people.patient("Rim", "Zouari");
		// addGlucoseReading: value and measuredAt, a period, no unit, no empty note
		Http.Res res = http.post(GLUCOSE, Map.of("value", 120.0, "measuredAt", DART_LOCAL.format(LocalDateTime.now()),
				"period", "fasting")).token(patient.token()).send();

		assertThat(res.status()).as(res.body()).isEqualTo(201);
		JsonNode reading = res.json();
		assertThat(Http.keys(reading)).containsExactlyInAnyOrder("_id", "patientId", "value", "measuredAt", "period",
				"unit", "createdAt", "updatedAt");
		assertThat(reading.path("value").toString()).isEqualTo("120");
		assertThat(reading.path("unit").asString()).isEqualTo("mg/dL");
		// and with an offset, as an ISO instant
		Http.Res zoned = http.post(GLUCOSE, Map.of("value", 95, "measuredAt", "2026-01-10T08:30:00+01:00"))
			.token(patient.token()).send();
		assertThat(zoned.status()).as(zoned.body()).isEqualTo(201);
		assertThat(zoned.json().path("measuredAt").asString()).isEqualTo("2026-01-10T07:30:00Z");
		assertThat(Http.keys(zoned.json())).doesNotContain("period", "note");
	}

	@Test
	void aBadReadingIsRefusedWithClassValidatorSentences() {
		DiabcarePeople.Person patient = people.patient("Nour", "Jaziri");
		String now = Instant.now().toString();

		assertThat(validationMessages(http.post(GLUCOSE, Map.of("period", "fasting")).token(patient.token()).send()))
			.containsExactlyInAnyOrder("value should not be empty", "measuredAt should not be empty");
		assertThat(validationMessages(post(patient, Map.of("value", -1, "measuredAt", now))))
			.containsExactly("value must not be less than 0");
		assertThat(validationMessages(post(patient, Map.of("value", 100, "measuredAt", now, "period", "lunch"))))
			.containsExactly("period must be one of the following values: fasting, before_meal, after_meal, bedtime, random");
		assertThat(validationMessages(post(patient, Map.of("value", 100, "measuredAt", now, "unit", "g/L"))))
			.containsExactly("unit must be one of the following values: mg/dL, mmol/L");
		assertThat(validationMessages(post(patient, Map.of("value", 100, "measuredAt", "yesterday"))))
			.containsExactly("measuredAt must be a valid ISO 8601 date string");
		assertThat(validationMessages(post(patient, Map.of("value", 100, "measuredAt", now, "source", "glucometer"))))
			.containsExactly("property source should not exist");
		assertThat(validationMessages(post(patient, Map.of("value", "high", "measuredAt", now)))).hasSize(1)
			.allSatisfy(m -> assertThat(m).startsWith("value"));
		// 170 mmol/L is 3062.72 mg/dL: no blood glucose reading is that high
		assertThat(validationMessages(post(patient, Map.of("value", 170, "unit", "mmol/L", "measuredAt", now))))
			.containsExactly("Value must not be greater than 3000 mg/dL");
	}

	@Test
	void onlyPatientsLogReadings() {
		DiabcarePeople.Person medecin = people.medecin("Karim", "Haddad");
		Map<String, Object> body = Map.of("value", 110, "measuredAt", Instant.now().toString());

		JsonNode denied = nestError(http.post(GLUCOSE, body).token(medecin.token()).send(), 403, "Forbidden");
		assertThat(denied.path("message").asString()).isEqualTo("Forbidden resource");
		nestError(http.post(GLUCOSE, body).send(), 401, "Unauthorized");
	}

	@Test
	void myRecordsArePagedNewestMeasuredFirst() {
		DiabcarePeople.Person patient = people.patient("Sami", "Trabelsi");
		Instant now = Instant.now();
		String oldest = id(log(patient, 100, now.minus(Duration.ofHours(30))));
		String newest = id(log(patient, 140, now.minus(Duration.ofHours(1))));
		String middle = id(log(patient, 120, now.minus(Duration.ofHours(5))));
		people.patient("Other", "Patient"); // whose diary stays empty

		Http.Res first = http.get(GLUCOSE + "/my-records?page=1&limit=2").token(patient.token()).send();

		assertThat(first.status()).as(first.body()).isEqualTo(200);
		JsonNode page = first.json();
		assertThat(Http.keys(page)).containsExactlyInAnyOrder("data", "total", "page", "limit", "totalPages");
		assertThat(page.path("total").asLong()).isEqualTo(3);
		assertThat(page.path("page").asInt()).isEqualTo(1);
		assertThat(page.path("limit").asInt()).isEqualTo(2);
		assertThat(page.path("totalPages").asLong()).isEqualTo(2);
		assertThat(ids(page.path("data"))).containsExactly(newest, middle);
		assertThat(Http.keys(page.path("data").get(0))).containsExactlyInAnyOrderElementsOf(READING.stream()
			.filter(k -> !k.equals("period") && !k.equals("note")).toList());
		assertThat(ids(http.get(GLUCOSE + "/my-records?page=2&limit=2").token(patient.token()).send().data()))
			.containsExactly(oldest);
		// the app's calls: GlucoseViewModel (limit 100) and PatientApiService (limit 50) read data
		for (String query : List.of("?page=1&limit=100", "?page=1&limit=50")) {
			Http.Res app = http.get(GLUCOSE + "/my-records" + query).token(patient.token()).send();
			assertThat(ids(app.data())).containsExactly(newest, middle, oldest);
			assertThat(app.data().get(0).path("value").asDouble()).isEqualTo(140);
		}
		assertThat(http.get(GLUCOSE + "/my-records").token(patient.token()).send().json().path("limit").asInt())
			.isEqualTo(10);

		assertThat(validationMessages(http.get(GLUCOSE + "/my-records?limit=0").token(patient.token()).send()))
			.hasSize(1);
		assertThat(validationMessages(http.get(GLUCOSE + "/my-records?page=0").token(patient.token()).send()))
			.hasSize(1);
		DiabcarePeople.Person medecin = people.medecin("Hatem", "Bouaziz");
		nestError(http.get(GLUCOSE + "/my-records").token(medecin.token()).send(), 403, "Forbidden");
	}

	@Test
	void readingsBetweenTwoTimesAsTheAppAsksForThem() {
		DiabcarePeople.Person patient = people.patient("Ines", "Sassi");
		LocalDateTime base = LocalDateTime.now(ZoneOffset.UTC).minusDays(3).truncatedTo(ChronoUnit.SECONDS);
		String before = id(log(patient, 90, base.minusHours(2).toInstant(ZoneOffset.UTC)));
		String atStart = id(log(patient, 100, base.toInstant(ZoneOffset.UTC)));
		String inside = id(log(patient, 110, base.plusHours(5).toInstant(ZoneOffset.UTC)));
		String atEnd = id(log(patient, 120, base.plusHours(10).toInstant(ZoneOffset.UTC)));
		String after = id(log(patient, 130, base.plusHours(12).toInstant(ZoneOffset.UTC)));

		// getGlucoseByDateRange: Dart's local times, neither encoded nor with an offset; both ends included
		Http.Res res = http.get(GLUCOSE + "?start=" + DART_LOCAL.format(base) + "&end="
				+ DART_LOCAL.format(base.plusHours(10))).token(patient.token()).send();

		assertThat(res.status()).as(res.body()).isEqualTo(200);
		assertThat(res.json().isArray()).isTrue();
		assertThat(ids(res.json())).containsExactly(atEnd, inside, atStart).doesNotContain(before, after);
		assertThat(Http.keys(res.json().get(0))).contains("_id", "patientId", "value", "measuredAt", "unit");
		// with Z, as the app sends a UTC DateTime
		assertThat(ids(http.get(GLUCOSE + "?start=" + base.toInstant(ZoneOffset.UTC) + "&end="
				+ base.plusHours(6).toInstant(ZoneOffset.UTC)).token(patient.token()).send().json()))
			.containsExactly(inside, atStart);

		assertThat(validationMessages(http.get(GLUCOSE + "?start=" + base).token(patient.token()).send()))
			.containsExactly("end must be a valid ISO 8601 date string");
		assertThat(validationMessages(http.get(GLUCOSE + "?start=soon&end=later").token(patient.token()).send()))
			.containsExactlyInAnyOrder("start must be a valid ISO 8601 date string");
		DiabcarePeople.Person medecin = people.medecin("Walid", "Chebbi");
		nestError(http.get(GLUCOSE + "?start=" + base + "&end=" + base).token(medecin.token()).send(), 403,
				"Forbidden");
	}

	@Test
	void statisticsInMgPerDecilitreAsTheOriginalShapesThem() {
		DiabcarePeople.Person patient = people.patient("Lina", "Gharbi");
		Instant now = Instant.now();
		// 5.5 mmol/L = 99.088 mg/dL an hour ago; 65 two days ago; 190 three days ago; 120 ten days ago
		Instant a = now.minus(Duration.ofHours(1));
		Instant c = now.minus(Duration.ofDays(2));
		Instant d = now.minus(Duration.ofDays(3));
		http.post(GLUCOSE, Map.of("value", 5.5, "unit", "mmol/L", "measuredAt", a.toString())).token(patient.token())
			.send();
		log(patient, 65, c);
		log(patient, 190, d);
		log(patient, 120, now.minus(Duration.ofDays(10)));

		// (99.088 + 65 + 190) / 3 = 118.029...
		JsonNode weekly = stat(patient, "/weekly");
		assertThat(Http.keys(weekly)).containsExactlyInAnyOrder("average", "min", "max", "count");
		assertThat(weekly.toString()).isEqualTo("{\"average\":118,\"min\":65,\"max\":190,\"count\":3}");
		// and 120: 474.088 / 4 = 118.522
		assertThat(stat(patient, "/monthly").toString())
			.isEqualTo("{\"average\":118.5,\"min\":65,\"max\":190,\"count\":4}");
		assertThat(stat(patient, "/alerts").toString()).isEqualTo("{\"hypoCount\":1,\"hyperCount\":1,\"total\":4}");
		// (118.522 + 46.7) / 28.7 = 5.7568...
		assertThat(stat(patient, "/hba1c").toString())
			.isEqualTo("{\"estimatedHbA1c\":5.8,\"averageGlucose\":118.5,\"count\":4}");
		assertThat(stat(patient, "/time-in-range?days=30").toString()).isEqualTo("{\"inRangePercent\":50,"
				+ "\"aboveRangePercent\":25,\"belowRangePercent\":25,\"inRangeCount\":2,\"aboveRangeCount\":1,"
				+ "\"belowRangeCount\":1,\"total\":4}");
		assertThat(stat(patient, "/time-in-range?days=5").path("total").asLong()).isEqualTo(3);
		// 118.029 against 120: within 5 mg/dL, stable
		assertThat(stat(patient, "/trend").toString()).isEqualTo("{\"trend\":\"stable\",\"difference\":-2,"
				+ "\"lastWeekAverage\":118,\"previousWeekAverage\":120}");

		// by day: UTC unless the app names a zone
		JsonNode daily = stat(patient, "/daily-average?days=7");
		assertThat(daily.isArray()).isTrue();
		assertThat(Http.keys(daily.get(0))).containsExactlyInAnyOrder("date", "average", "count");
		assertThat(dates(daily)).containsExactlyElementsOf(days(ZoneOffset.UTC, d, c, a));
		ZoneId auckland = ZoneId.of("Pacific/Auckland");
		assertThat(dates(stat(patient, "/daily-average?days=7&tz=Pacific/Auckland")))
			.containsExactlyElementsOf(days(auckland, d, c, a));
		assertThat(stat(patient, "/daily-average").size()).isEqualTo(4); // 30 days unless asked
		JsonNode chart = stat(patient, "/chart?period=30d");
		assertThat(Http.keys(chart.get(0))).containsExactlyInAnyOrder("date", "average", "min", "max", "count");
		assertThat(chart.get(0).path("average").asDouble()).isEqualTo(120);
		assertThat(chart).hasSize(4);
		assertThat(stat(patient, "/chart").size()).isEqualTo(3); // 7 days unless asked

		// the app's calls
		for (String path : List.of("/weekly", "/monthly", "/daily-average?days=30", "/alerts", "/hba1c",
				"/time-in-range?days=30", "/chart?period=90d", "/trend")) {
			assertThat(http.get(GLUCOSE + "/stats" + path).token(patient.token()).send().status()).as(path)
				.isEqualTo(200);
		}
	}

	@Test
	void statisticsRefuseBadWindowsAndCallersWhoAreNoPatient() {
		DiabcarePeople.Person patient = people.patient("Hela", "Mansour");
		DiabcarePeople.Person medecin = people.medecin("Yosr", "Kammoun");

		assertThat(validationMessages(http.get(GLUCOSE + "/stats/daily-average?days=0").token(patient.token()).send()))
			.containsExactly("Days must be from 1 to 365");
		assertThat(validationMessages(http.get(GLUCOSE + "/stats/time-in-range?days=366").token(patient.token())
			.send())).containsExactly("Days must be from 1 to 365");
		assertThat(validationMessages(http.get(GLUCOSE + "/stats/daily-average?days=abc").token(patient.token())
			.send())).hasSize(1);
		assertThat(validationMessages(http.get(GLUCOSE + "/stats/chart?period=1y").token(patient.token()).send()))
			.containsExactly("period must be one of the following values: 7d, 30d, 90d");
		assertThat(validationMessages(http.get(GLUCOSE + "/stats/chart?tz=Mars/Olympus").token(patient.token())
			.send())).containsExactly("tz must be a valid IANA time zone");
		assertThat(validationMessages(http.get(GLUCOSE + "/stats/daily-average?tz=%2B05:00").token(patient.token())
			.send())).containsExactly("tz must be a valid IANA time zone");
		assertThat(http.get(GLUCOSE + "/stats/daily-average?tz=Africa/Tunis").token(patient.token()).send().status())
			.isEqualTo(200);
		// without readings: zeros, as the original
		assertThat(http.get(GLUCOSE + "/stats/weekly").token(patient.token()).send().body())
			.isEqualTo("{\"average\":0,\"min\":0,\"max\":0,\"count\":0}");
		assertThat(http.get(GLUCOSE + "/stats/trend").token(patient.token()).send().body()).isEqualTo(
				"{\"trend\":\"stable\",\"difference\":0,\"lastWeekAverage\":0,\"previousWeekAverage\":0}");

		for (String path : List.of("/weekly", "/monthly", "/daily-average", "/alerts", "/hba1c", "/time-in-range",
				"/chart", "/trend")) {
			nestError(http.get(GLUCOSE + "/stats" + path).token(medecin.token()).send(), 403, "Forbidden");
			nestError(http.get(GLUCOSE + "/stats" + path).send(), 401, "Unauthorized");
		}
	}

	@Test
	void aMedecinReadsTheRecordsOfAPatientTheyFollowOnly() {
		DiabcarePeople.Person patient = people.patient("Yassine", "Ferchichi");
		DiabcarePeople.Person medecin = people.medecin("Sonia", "Ayari");
		DiabcarePeople.Person stranger = people.medecin("Mehdi", "Jlassi");
		String reading = id(http.post(GLUCOSE, Map.of("value", 7.8, "unit", "mmol/L", "period", "after_meal", "note",
				"après le déjeuner", "measuredAt", Instant.now().minusSeconds(600).toString())).token(patient.token())
			.send());
		String path = GLUCOSE + "/patient/" + patient.id() + "/records?page=1&limit=100";

		JsonNode denied = nestError(http.get(path).token(medecin.token()).send(), 403, "Forbidden");
		assertThat(denied.path("message").asString()).isEqualTo("Forbidden resource");

		follow(medecin, patient);
		// PatientRequestService.getPatientGlucoseRecords reads data: value, unit, measuredAt, period, note
		Http.Res res = http.get(path).token(medecin.token()).send();
		assertThat(res.status()).as(res.body()).isEqualTo(200);
		assertThat(Http.keys(res.json())).containsExactlyInAnyOrder("data", "total", "page", "limit", "totalPages");
		assertThat(res.json().path("total").asLong()).isEqualTo(1);
		JsonNode record = res.data().get(0);
		assertThat(Http.keys(record)).containsExactlyInAnyOrderElementsOf(READING);
		assertThat(record.path("_id").asString()).isEqualTo(reading);
		assertThat(record.path("patientId").asString()).isEqualTo(patient.id());
		assertThat(record.path("value").asDouble()).isEqualTo(7.8);
		assertThat(record.path("unit").asString()).isEqualTo("mmol/L");
		assertThat(record.path("period").asString()).isEqualTo("after_meal");
		assertThat(record.path("note").asString()).isEqualTo("après le déjeuner");
		assertThat(Instant.parse(record.path("measuredAt").asString())).isBefore(Instant.now());

		nestError(http.get(path).token(stranger.token()).send(), 403, "Forbidden");
		nestError(http.get(path).token(patient.token()).send(), 403, "Forbidden");
		nestError(http.get(GLUCOSE + "/patient/" + UUID.randomUUID() + "/records").token(medecin.token()).send(), 403,
				"Forbidden");
		assertThat(validationMessages(http.get(GLUCOSE + "/patient/42x/records").token(medecin.token()).send()))
			.hasSize(1);
		nestError(http.get(path).send(), 401, "Unauthorized");
	}

	@Test
	void aReadingIsReadChangedAndDeletedByItsPatientOnly() {
		DiabcarePeople.Person patient = people.patient("Olfa", "Hamdi");
		DiabcarePeople.Person other = people.patient("Anis", "Karray");
		DiabcarePeople.Person medecin = people.medecin("Rania", "Belhaj");
		String id = id(http.post(GLUCOSE, Map.of("value", 150, "measuredAt", Instant.now().toString(), "period",
				"bedtime", "note", "late")).token(patient.token()).send());

		Http.Res one = http.get(GLUCOSE + "/" + id).token(patient.token()).send();
		assertThat(one.status()).as(one.body()).isEqualTo(200);
		assertThat(Http.keys(one.json())).containsExactlyInAnyOrderElementsOf(READING);
		assertThat(one.json().path("value").asDouble()).isEqualTo(150);

		Http.Res changed = http.patch(GLUCOSE + "/" + id, Map.of("value", 7, "unit", "mmol/L"))
			.token(patient.token()).send();
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		assertThat(changed.json().path("value").asDouble()).isEqualTo(7);
		assertThat(changed.json().path("unit").asString()).isEqualTo("mmol/L");
		assertThat(changed.json().path("note").asString()).isEqualTo("late");
		assertThat(Instant.parse(changed.json().path("updatedAt").asString()))
			.isAfterOrEqualTo(Instant.parse(one.json().path("updatedAt").asString()));
		// an explicit null empties the period and the note; what is left out stays
		Map<String, Object> emptied = new LinkedHashMap<>();
		emptied.put("period", null);
		emptied.put("note", null);
		Http.Res cleared = http.patch(GLUCOSE + "/" + id, emptied).token(patient.token()).send();
		assertThat(Http.keys(cleared.json())).doesNotContain("period", "note").contains("value", "unit");
		assertThat(cleared.json().path("value").asDouble()).isEqualTo(7);
		Http.Res moved = http.patch(GLUCOSE + "/" + id, Map.of("measuredAt", "2026-02-01T07:00:00Z", "period",
				"fasting")).token(patient.token()).send();
		assertThat(moved.json().path("measuredAt").asString()).isEqualTo("2026-02-01T07:00:00Z");
		assertThat(moved.json().path("period").asString()).isEqualTo("fasting");

		assertThat(validationMessages(http.patch(GLUCOSE + "/" + id, Map.of("period", "noon")).token(patient.token())
			.send())).containsExactly(
					"period must be one of the following values: fasting, before_meal, after_meal, bedtime, random");
		assertThat(validationMessages(http.patch(GLUCOSE + "/" + id, Map.of("value", -3)).token(patient.token())
			.send())).containsExactly("value must not be less than 0");
		assertThat(validationMessages(http.patch(GLUCOSE + "/" + id, Map.of("patientId", other.id()))
			.token(patient.token()).send())).containsExactly("property patientId should not exist");

		// someone else's reading is not found; a médecin is refused; a malformed id is a bad request
		nestError(http.get(GLUCOSE + "/" + id).token(other.token()).send(), 404, "Not Found");
		nestError(http.patch(GLUCOSE + "/" + id, Map.of("value", 1)).token(other.token()).send(), 404, "Not Found");
		nestError(http.delete(GLUCOSE + "/" + id).token(other.token()).send(), 404, "Not Found");
		nestError(http.get(GLUCOSE + "/" + id).token(medecin.token()).send(), 403, "Forbidden");
		assertThat(validationMessages(http.get(GLUCOSE + "/not-an-id").token(patient.token()).send())).hasSize(1);

		// deleteGlucoseReading: 200
		Http.Res deleted = http.delete(GLUCOSE + "/" + id).token(patient.token()).send();
		assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
		assertThat(deleted.body()).isEqualTo("{\"message\":\"Enregistrement supprimé avec succès\"}");
		nestError(http.get(GLUCOSE + "/" + id).token(patient.token()).send(), 404, "Not Found");
		nestError(http.delete(GLUCOSE + "/" + id).token(patient.token()).send(), 404, "Not Found");
		nestError(http.get(GLUCOSE + "/" + UUID.randomUUID()).token(patient.token()).send(), 404, "Not Found");
	}

	@Test
	void anAppointmentAloneDoesNotOpenAPatientsReadingsToTheDoctor() {
		DiabcarePeople.Person medecin = people.medecin("Nabil", "Karoui");
		DiabcarePeople.Person patient = people.patient("Sonia", "Ben Youssef");
		String at = java.time.Instant.now().plus(java.time.Duration.ofDays(5)).truncatedTo(
				java.time.temporal.ChronoUnit.HOURS).toString();
		assertThat(http.post(DiabcareApiTest.API + "/appointments", Map.of("patientId", patient.id(), "doctorId",
				medecin.id(), "dateTime", at, "type", "Online")).token(patient.token()).send().status()).isEqualTo(201);

		nestError(http.get(GLUCOSE + "/patient/" + patient.id() + "/records").token(medecin.token()).send(), 403,
				"Forbidden");

		follow(medecin, patient);
		assertThat(http.get(GLUCOSE + "/patient/" + patient.id() + "/records").token(medecin.token()).send().status())
			.isEqualTo(200);
	}

	/** The médecin follows the patient: the patient asked, the médecin accepted. */
	private void follow(DiabcarePeople.Person medecin, DiabcarePeople.Person patient) {
		people.follow(patient, medecin);
	}

	private Http.Res post(DiabcarePeople.Person patient, Map<String, Object> body) {
		return http.post(GLUCOSE, body).token(patient.token()).send();
	}

	private Http.Res log(DiabcarePeople.Person patient, double value, Instant measuredAt) {
		Http.Res res = http.post(GLUCOSE, Map.of("value", value, "measuredAt", measuredAt.toString()))
			.token(patient.token()).send();
		assertThat(res.status()).as(res.body()).isEqualTo(201);
		return res;
	}

	private JsonNode stat(DiabcarePeople.Person patient, String path) {
		Http.Res res = http.get(GLUCOSE + "/stats" + path).token(patient.token()).send();
		assertThat(res.status()).as(res.body()).isEqualTo(200);
		return res.json();
	}

	private static String id(Http.Res res) {
		assertThat(res.status()).as(res.body()).isEqualTo(201);
		return res.json().path("_id").asString();
	}

	private static List<String> ids(JsonNode readings) {
		return readings.valueStream().map(r -> r.path("_id").asString()).toList();
	}

	private static List<String> dates(JsonNode days) {
		return days.valueStream().map(d -> d.path("date").asString()).toList();
	}

	/** The distinct calendar days of the instants in the zone, in order. */
	private static List<String> days(ZoneId zone, Instant... instants) {
		return java.util.Arrays.stream(instants).map(i -> LocalDate.ofInstant(i, zone).toString()).distinct().toList();
	}
}
