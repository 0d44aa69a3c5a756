package io.polyclinic.faces.hcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.polyclinic.directory.PatientRegistry;
import io.polyclinic.scheduling.Appointment;
import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.support.Http;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/emr/prescriptions/}: written at an encounter by its doctor, with medications; read by those who may see
 * the patient; printed as a real PDF the patient downloads.
 */
class HcpPrescriptionTests extends HcpApiTest {

	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	@Autowired
	AppointmentBook book;
	@Autowired
	PatientRegistry patients;

	HcpEmrVisits visits;
	HcpPeople.Person patient;
	HcpPeople.Person doctor;
	long encounter;

	@BeforeEach
	void anEncounter() {
		visits = new HcpEmrVisits(book, patients, clinic);
		patient = people.patient();
		doctor = people.doctor();
		Appointment visit = visits.visit(patient, doctor);
		encounter = data(http.post(API + "/emr/encounters/", HcpEncounterTests.encounter(visit.id()))
			.token(doctor.token()).send(), 201).path("id").asLong();
	}

	static Map<String, Object> prescription(long encounter) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("encounter", encounter);
		body.put("medications", List.of(
				Map.of("name", "Amoxicillin", "dosage", "500 mg", "frequency", "Three times a day", "duration",
						"7 days", "instructions", "After food"),
				Map.of("name", "Salbutamol inhaler", "dosage", "2 puffs", "frequency", "When breathless", "duration",
						"14 days")));
		body.put("diagnosis", "Acute bronchitis");
		body.put("instructions", "Finish the antibiotic course");
		body.put("prescription_date", "2030-05-06");
		body.put("valid_until", "2030-06-05");
		body.put("refills_allowed", 1);
		return body;
	}

	@Test
	void theDoctorWritesAPrescriptionInTheOriginalsShape() {
		JsonNode written = data(http.post(API + "/emr/prescriptions/", prescription(encounter)).token(doctor.token())
			.send(), 201);

		assertThat(Http.keys(written)).containsExactlyInAnyOrder("id", "encounter", "appointment", "patient", "doctor",
				"medications", "diagnosis", "instructions", "notes", "prescription_date", "valid_until",
				"refills_allowed", "status", "pdf_url", "pdf_generated_at", "prescribed_by", "created_at",
				"updated_at");
		assertThat(written.path("encounter").asLong()).isEqualTo(encounter);
		assertThat(written.path("patient").asLong()).isEqualTo(patient.id());
		assertThat(written.path("doctor").asLong()).isEqualTo(doctor.requireDoctorId());
		assertThat(written.path("prescribed_by").asLong()).isEqualTo(doctor.id());
		assertThat(written.path("status").asString()).isEqualTo("active");
		assertThat(written.path("prescription_date").asString()).isEqualTo("2030-05-06");
		assertThat(written.path("valid_until").asString()).isEqualTo("2030-06-05");
		assertThat(written.path("refills_allowed").asInt()).isEqualTo(1);
		assertThat(written.path("pdf_url").asString()).isEmpty();
		assertThat(written.path("pdf_generated_at").isNull()).isTrue();
		JsonNode first = written.path("medications").get(0);
		assertThat(Http.keys(first)).containsExactlyInAnyOrder("name", "dosage", "frequency", "duration",
				"instructions");
		assertThat(first.path("name").asString()).isEqualTo("Amoxicillin");
		assertThat(first.path("instructions").asString()).isEqualTo("After food");
		assertThat(written.path("medications").get(1).path("instructions").asString()).isEmpty();

		long id = written.path("id").asLong();
		assertThat(data(http.get(API + "/emr/prescriptions/" + id + "/").token(patient.token()).send(), 200))
			.isEqualTo(written);
		JsonNode listed = page(http.get(API + "/emr/prescriptions/?status=active&encounter=" + encounter)
			.token(patient.token()).send());
		assertThat(listed.path("count").asLong()).isEqualTo(1);
		assertThat(listed.path("results").get(0)).isEqualTo(written);
		assertThat(page(http.get(API + "/emr/prescriptions/?search=amoxi").token(doctor.token()).send())
			.path("count").asLong()).isEqualTo(1);
		assertThat(page(http.get(API + "/emr/prescriptions/?status=cancelled&patient=" + patient.id())
			.token(people.admin().token()).send()).path("count").asLong()).isZero();

		JsonNode changed = data(http.put(API + "/emr/prescriptions/" + id, Map.of("status", "completed",
				"medications", List.of(Map.of("name", "Azithromycin", "dosage", "500 mg", "frequency", "Once daily",
						"duration", "3 days")))).token(doctor.token()).send(), 200);
		assertThat(changed.path("status").asString()).isEqualTo("completed");
		assertThat(changed.path("medications")).hasSize(1);
		assertThat(changed.path("diagnosis").asString()).isEqualTo("Acute bronchitis");
	}

	@Test
	void onlyTheEncountersDoctorWritesAndOnlyThePatientsCarersRead() {
		HcpPeople.Person otherDoctor = people.doctor();
		HcpPeople.Person otherPatient = people.patient();
		drfError(http.post(API + "/emr/prescriptions/", prescription(encounter)).token(patient.token()).send(), 403);
		drfError(http.post(API + "/emr/prescriptions/", prescription(encounter)).token(otherDoctor.token()).send(),
				403);
		drfError(http.post(API + "/emr/prescriptions/", prescription(encounter)).send(), 401);

		long id = data(http.post(API + "/emr/prescriptions/", prescription(encounter)).token(doctor.token()).send(),
				201).path("id").asLong();
		drfError(http.put(API + "/emr/prescriptions/" + id + "/", Map.of("status", "cancelled"))
			.token(otherDoctor.token()).send(), 403);
		drfError(http.put(API + "/emr/prescriptions/" + id + "/", Map.of("status", "cancelled"))
			.token(patient.token()).send(), 403);
		drfError(http.get(API + "/emr/prescriptions/" + id + "/").token(otherPatient.token()).send(), 403);
		drfError(http.get(API + "/emr/prescriptions/" + id + "/").token(otherDoctor.token()).send(), 403);
		drfError(http.post(API + "/emr/prescriptions/" + id + "/pdf/", Map.of()).token(otherPatient.token()).send(),
				403);
		assertThat(page(http.get(API + "/emr/prescriptions/").token(otherPatient.token()).send()).path("count")
			.asLong()).isZero();
		assertThat(data(http.get(API + "/emr/prescriptions/" + id + "/").token(people.admin().token()).send(), 200)
			.path("status").asString()).isEqualTo("active");
	}

	@Test
	void badInputIsNamedFieldByFieldAsDrfDoes() {
		Map<String, Object> empty = new LinkedHashMap<>(prescription(encounter));
		empty.put("medications", List.of());
		empty.put("refills_allowed", -1);
		empty.put("valid_until", "2030-05-01");
		JsonNode details = drfError(http.post(API + "/emr/prescriptions/", empty).token(doctor.token()).send(), 400);
		assertThat(Http.keys(details)).containsExactlyInAnyOrder("medications", "refills_allowed", "valid_until");

		Map<String, Object> noDosage = new LinkedHashMap<>(prescription(encounter));
		noDosage.put("medications", List.of(Map.of("name", "Amoxicillin", "frequency", "Daily", "duration", "5 days")));
		assertThat(fieldError(http.post(API + "/emr/prescriptions/", noDosage).token(doctor.token()).send(),
				"medications")).isEqualTo("Medication 1: dosage is required.");

		Map<String, Object> badDate = new LinkedHashMap<>(prescription(encounter));
		badDate.put("prescription_date", "06/05/2030");
		assertThat(fieldError(http.post(API + "/emr/prescriptions/", badDate).token(doctor.token()).send(),
				"prescription_date")).startsWith("Date has wrong format.");

		Map<String, Object> badStatus = new LinkedHashMap<>(prescription(encounter));
		badStatus.put("status", "filled");
		assertThat(fieldError(http.post(API + "/emr/prescriptions/", badStatus).token(doctor.token()).send(),
				"status")).isEqualTo("\"filled\" is not a valid choice.");

		assertThat(fieldError(http.post(API + "/emr/prescriptions/", prescription(encounter + 1_000_000))
			.token(doctor.token()).send(), "encounter")).startsWith("Invalid pk");
		assertThat(drfError(http.get(API + "/emr/prescriptions/?ordering=-name").token(doctor.token()).send(), 400)
			.has("ordering")).isTrue();
	}

	@Test
	void anUnknownPrescriptionIsNotFound_andAChangeIsCheckedAsAWriteIs() {
		drfError(http.get(API + "/emr/prescriptions/99999999/").token(doctor.token()).send(), 404);
		drfError(http.put(API + "/emr/prescriptions/99999999/", Map.of("status", "completed")).token(doctor.token())
			.send(), 404);
		drfError(http.post(API + "/emr/prescriptions/99999999/pdf/", Map.of()).token(doctor.token()).send(), 404);
		drfError(http.get(API + "/emr/prescriptions/99999999/pdf/").token(patient.token()).send(), 404);

		long id = data(http.post(API + "/emr/prescriptions/", prescription(encounter)).token(doctor.token()).send(),
				201).path("id").asLong();
		String path = API + "/emr/prescriptions/" + id + "/";
		assertThat(fieldError(http.put(path, Map.of("medications", List.of(Map.of("name", "Amoxicillin", "dosage",
				"500 mg", "duration", "7 days")))).token(doctor.token()).send(), "medications"))
			.isEqualTo("Medication 1: frequency is required.");
		assertThat(fieldError(http.put(path, Map.of("medications", List.of())).token(doctor.token()).send(),
				"medications")).isNotBlank();
		assertThat(fieldError(http.put(path, Map.of("refills_allowed", 100)).token(doctor.token()).send(),
				"refills_allowed")).isNotBlank();
		assertThat(fieldError(http.put(path, Map.of("refills_allowed", -1)).token(doctor.token()).send(),
				"refills_allowed")).isNotBlank();
		assertThat(fieldError(http.put(path, Map.of("status", "filled")).token(doctor.token()).send(), "status"))
			.isEqualTo("\"filled\" is not a valid choice.");

		// the refused changes changed nothing
		JsonNode kept = data(http.get(path).token(patient.token()).send(), 200);
		assertThat(kept.path("medications")).hasSize(2);
		assertThat(kept.path("refills_allowed").asInt()).isEqualTo(1);
		assertThat(kept.path("status").asString()).isEqualTo("active");
		assertThat(fieldError(http.put(path, Map.of("valid_until", "2030-05-01")).token(doctor.token()).send(),
				"valid_until")).isEqualTo("The prescription cannot expire before it is issued.");
		// its encounter never changes: another one named in a change is ignored
		assertThat(data(http.put(path, Map.of("encounter", encounter + 1_000_000, "notes", "Kept here"))
			.token(doctor.token()).send(), 200).path("encounter").asLong()).isEqualTo(encounter);
	}

	@Test
	void thePatientDownloadsARealPdfNamingTheClinicDoctorPatientAndEveryDrug() throws Exception {
		long id = data(http.post(API + "/emr/prescriptions/", prescription(encounter)).token(doctor.token()).send(),
				201).path("id").asLong();

		HttpResponse<byte[]> pdf = fetch("POST", API + "/emr/prescriptions/" + id + "/pdf/", patient.token());

		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
		assertThat(pdf.headers().firstValue("Content-Disposition").orElse(""))
			.startsWith("attachment").contains("prescription_" + id + "_20300506.pdf");
		String text = text(pdf.body());
		String patientName = visits.patientOf(patient).fullName();
		assertThat(text).contains("Polyclinic", "PRESCRIPTION", doctor.clinician().fullName(), patientName,
				"May 6, 2030", "Valid until: June 5, 2030", "Acute bronchitis", "1. Amoxicillin",
				"Dosage: 500 mg Frequency: Three times a day Duration: 7 days", "Instructions: After food",
				"2. Salbutamol inhaler", "Dosage: 2 puffs Frequency: When breathless Duration: 14 days",
				"Finish the antibiotic course");

		JsonNode after = data(http.get(API + "/emr/prescriptions/" + id + "/").token(patient.token()).send(), 200);
		assertThat(after.path("pdf_url").asString()).endsWith("/hcp/api/emr/prescriptions/" + id + "/pdf/");
		assertThat(after.path("pdf_generated_at").asString()).endsWith("Z");
		HttpResponse<byte[]> again = fetch("GET", API + "/emr/prescriptions/" + id + "/pdf", doctor.token());
		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(text(again.body())).contains("1. Amoxicillin");
		assertThat(fetch("POST", API + "/emr/prescriptions/" + id + "/pdf/", null).statusCode()).isEqualTo(401);
	}

	private HttpResponse<byte[]> fetch(String method, String path, String token)
			throws IOException, InterruptedException {
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.method(method, HttpRequest.BodyPublishers.noBody());
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private static String text(byte[] pdf) throws IOException {
		assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
		}
	}
}
