package io.polyclinic.faces.hcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.polyclinic.directory.PatientRegistry;
import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.support.Http;
import io.polyclinic.support.RawDownloads;
import io.polyclinic.support.TestImages;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/emr/documents/}: a multipart upload by the patient or their doctor, the list, one document, its
 * description changed and deleted, and {@code download/}: a signed link that serves the exact bytes without a token
 * and is refused once changed.
 */
class HcpDocumentTests extends HcpApiTest {

	static final String DOCUMENTS = API + "/emr/documents/";

	@Autowired
	AppointmentBook book;
	@Autowired
	PatientRegistry patients;

	RawDownloads raw;
	HcpPeople.Person patient;
	HcpPeople.Person doctor;

	@BeforeEach
	void cast() {
		raw = new RawDownloads(port);
		patient = people.patient();
		doctor = people.doctor();
		HcpChartFixtures.visit(book, patients, clinic, patient, doctor);
	}

	@Test
	void aPatientUploadsTheirOwnDocumentAndReadsItBack() {
		Http.Res res = upload(patient.token(), Map.of("document_type", "lab_report", "title", " Blood count ",
				"description", "CBC of March"), "cbc.pdf", TestImages.pdf());

		JsonNode doc = data(res, 201);
		assertThat(Http.keys(doc)).containsExactlyInAnyOrder("id", "owner", "uploaded_by", "appointment",
				"document_type", "title", "description", "file_url", "file_name", "file_size", "mime_type",
				"is_verified", "created_at", "updated_at");
		long id = doc.path("id").asLong();
		assertThat(doc.path("owner").asLong()).isEqualTo(patient.id());
		assertThat(doc.path("uploaded_by").asLong()).isEqualTo(patient.id());
		assertThat(doc.path("appointment").isNull()).isTrue();
		assertThat(doc.path("document_type").asString()).isEqualTo("lab_report");
		assertThat(doc.path("title").asString()).isEqualTo("Blood count");
		assertThat(doc.path("description").asString()).isEqualTo("CBC of March");
		assertThat(doc.path("file_url").asString())
			.isEqualTo("http://localhost:" + port + "/hcp/api/emr/documents/" + id + "/download/");
		assertThat(doc.path("file_name").asString()).isEqualTo("cbc.pdf");
		assertThat(doc.path("file_size").asLong()).isEqualTo(TestImages.pdf().length);
		assertThat(doc.path("mime_type").asString()).isEqualTo("application/pdf");
		assertThat(doc.path("is_verified").asBoolean()).isFalse();
		assertThat(doc.path("created_at").asString()).endsWith("Z");

		assertThat(data(http.get(DOCUMENTS + id + "/").token(patient.token()).send(), 200)).isEqualTo(doc);
		assertThat(data(http.get(API + "/emr/documents/" + id).token(doctor.token()).send(), 200)).isEqualTo(doc);
		JsonNode list = page(http.get(DOCUMENTS + "?owner=" + patient.id()).token(patient.token()).send());
		assertThat(list.path("count").asLong()).isEqualTo(1);
		assertThat(list.path("results").get(0)).isEqualTo(doc);
	}

	@Test
	void theDownloadLinkServesTheExactBytesWithoutATokenAndRefusesATamperedOne() {
		long id = data(upload(patient.token(), Map.of("document_type", "imaging", "title", "X-ray"), "xray.png",
				TestImages.png()), 201).path("id").asLong();

		JsonNode link = data(http.get(DOCUMENTS + id + "/download/").token(doctor.token()).send(), 200);
		assertThat(Http.keys(link)).containsExactlyInAnyOrder("download_url", "expires_at", "expires_in",
				"file_name", "mime_type");
		String url = link.path("download_url").asString();
		assertThat(url).contains("/files/").contains("expires=").contains("signature=");
		assertThat(link.path("expires_in").asLong()).isBetween(3500L, 3601L); // polyclinic.files.url-ttl: 1h
		assertThat(link.path("mime_type").asString()).isEqualTo("image/png");

		HttpResponse<byte[]> bytes = raw.get(url);
		assertThat(bytes.statusCode()).isEqualTo(200);
		assertThat(bytes.body()).isEqualTo(TestImages.png());
		assertThat(bytes.headers().firstValue("Content-Type")).contains("image/png");

		String signature = url.substring(url.indexOf("signature=") + "signature=".length());
		String changed = (signature.charAt(0) == 'A' ? "B" : "A") + signature.substring(1);
		HttpResponse<byte[]> tampered = raw.get(url.replace(signature, changed));
		assertThat(tampered.statusCode()).isEqualTo(403);
		assertThat(tampered.headers().firstValue("Content-Type")).hasValueSatisfying(
				t -> assertThat(t).contains("json"));
		assertThat(new String(tampered.body())).doesNotContain("PNG");
		String expires = url.replaceAll(".*expires=(\\d+).*", "$1");
		HttpResponse<byte[]> longer = raw.get(url.replace("expires=" + expires,
				"expires=" + (Long.parseLong(expires) + 3600)));
		assertThat(longer.statusCode()).isEqualTo(403);
	}

	@Test
	void theDownloadOfAnUnknownDocumentIsNotFound_andAStrangerGetsNoLink() {
		drfError(http.get(DOCUMENTS + "99999999/download/").token(patient.token()).send(), 404);
		drfError(http.get(DOCUMENTS + "99999999/download/").token(people.admin().token()).send(), 404);
		long id = data(upload(patient.token(), Map.of("document_type", "lab_report", "title", "CBC"), "cbc.pdf",
				TestImages.pdf()), 201).path("id").asLong();
		drfError(http.get(DOCUMENTS + id + "/download/").token(people.patient().token()).send(), 403);
		drfError(http.get(DOCUMENTS + id + "/download/").send(), 401);
		assertThat(data(http.get(DOCUMENTS + id + "/download/").token(patient.token()).send(), 200)
			.path("file_name").asString()).isEqualTo("cbc.pdf");
	}

	@Test
	void aDoctorUploadsForTheirPatientOnlyAndMustNameThem() {
		long appointment = HcpChartFixtures.visit(book, patients, clinic, patient, doctor);
		JsonNode doc = data(upload(doctor.token(), Map.of("document_type", "discharge_summary", "title", "Summary",
				"owner", String.valueOf(patient.id()), "appointment", String.valueOf(appointment)), "s.pdf",
				TestImages.pdf()), 201);
		assertThat(doc.path("owner").asLong()).isEqualTo(patient.id());
		assertThat(doc.path("uploaded_by").asLong()).isEqualTo(doctor.id());
		assertThat(doc.path("appointment").asLong()).isEqualTo(appointment);

		HcpPeople.Person stranger = people.doctor();
		drfError(upload(stranger.token(), Map.of("document_type", "other", "title", "Not mine", "owner",
				String.valueOf(patient.id())), "x.pdf", TestImages.pdf()), 403);
		assertThat(fieldError(upload(doctor.token(), Map.of("document_type", "other", "title", "Whose?"), "x.pdf",
				TestImages.pdf()), "owner")).isEqualTo("This field is required.");
		assertThat(fieldError(upload(doctor.token(), Map.of("document_type", "other", "title", "Nobody", "owner",
				String.valueOf(doctor.id())), "x.pdf", TestImages.pdf()), "owner"))
			.isEqualTo("Invalid pk \"" + doctor.id() + "\" - object does not exist.");
	}

	@Test
	void badUploadsAreDrfFieldErrors() {
		JsonNode details = drfError(upload(patient.token(), Map.of("document_type", "selfie", "title", ""), null,
				null), 400);
		assertThat(details.path("document_type").get(0).asString()).isEqualTo("\"selfie\" is not a valid choice.");

		details = drfError(upload(patient.token(), Map.of("title", " "), null, null), 400);
		assertThat(details.path("document_type").get(0).asString()).isEqualTo("This field is required.");
		assertThat(details.path("title").get(0).asString()).isEqualTo("This field may not be blank.");
		assertThat(details.path("file").get(0).asString()).isEqualTo("No file was submitted.");

		details = drfError(upload(patient.token(), Map.of("document_type", "other", "title", "Notes"), "photo.png",
				TestImages.text()), 400);
		assertThat(details.path("file").get(0).asString()).contains("judged by its content");
	}

	@Test
	void anotherPatientSeesNothingAndIsRefusedTheDocument() {
		long id = data(upload(patient.token(), Map.of("document_type", "insurance_card", "title", "Card"), "c.jpg",
				TestImages.jpeg()), 201).path("id").asLong();
		HcpPeople.Person other = people.patient();

		drfError(http.get(DOCUMENTS + id + "/").token(other.token()).send(), 403);
		drfError(http.get(DOCUMENTS + id + "/download/").token(other.token()).send(), 403);
		assertThat(page(http.get(DOCUMENTS).token(other.token()).send()).path("count").asLong()).isZero();
		assertThat(page(http.get(DOCUMENTS + "?owner=" + patient.id()).token(other.token()).send()).path("count")
			.asLong()).isZero();
		drfError(http.get(DOCUMENTS + id + "/").send(), 401);
		drfError(http.get(DOCUMENTS + "999999999/").token(patient.token()).send(), 404);
	}

	@Test
	void theDescriptionIsChangedByTheUploaderAndVerifiedByADoctorOnly() {
		long id = data(upload(patient.token(), Map.of("document_type", "lab_report", "title", "Lipids"), "l.pdf",
				TestImages.pdf()), 201).path("id").asLong();

		JsonNode changed = data(http.put(DOCUMENTS + id + "/", Map.of("title", "Lipid panel", "document_type",
				"prescription", "description", "fasting")).token(patient.token()).send(), 200);
		assertThat(changed.path("title").asString()).isEqualTo("Lipid panel");
		assertThat(changed.path("document_type").asString()).isEqualTo("prescription");
		assertThat(changed.path("description").asString()).isEqualTo("fasting");

		drfError(http.put(DOCUMENTS + id + "/", Map.of("is_verified", true)).token(patient.token()).send(), 403);
		assertThat(data(http.put(DOCUMENTS + id, Map.of("is_verified", true)).token(doctor.token()).send(), 200)
			.path("is_verified").asBoolean()).isTrue();
		assertThat(fieldError(http.put(DOCUMENTS + id + "/", Map.of("title", "")).token(doctor.token()).send(),
				"title")).isEqualTo("This field may not be blank.");
	}

	@Test
	void theUploaderDeletesAndAnotherDoctorMayNot() {
		long id = data(upload(patient.token(), Map.of("document_type", "other", "title", "Old"), "o.gif",
				TestImages.gif()), 201).path("id").asLong();
		drfError(http.delete(DOCUMENTS + id + "/").token(people.doctor().token()).send(), 403);
		drfError(http.delete(DOCUMENTS + id + "/").token(doctor.token()).send(), 403);

		JsonNode deleted = data(http.delete(DOCUMENTS + id + "/").token(patient.token()).send(), 200);
		assertThat(deleted.isNull()).isTrue();
		drfError(http.get(DOCUMENTS + id + "/").token(patient.token()).send(), 404);
	}

	@Test
	void theListIsFilteredSearchedOrderedAndPaged() {
		upload(patient.token(), Map.of("document_type", "lab_report", "title", "b labs"), "b.pdf", TestImages.pdf());
		upload(patient.token(), Map.of("document_type", "imaging", "title", "A scan", "description", "knee"), "a.png",
				TestImages.png());
		upload(patient.token(), Map.of("document_type", "lab_report", "title", "c labs"), "c.pdf", TestImages.pdf());

		JsonNode byTitle = page(http.get(DOCUMENTS + "?ordering=title&page_size=2").token(doctor.token()).send());
		assertThat(byTitle.path("count").asLong()).isEqualTo(3);
		assertThat(byTitle.path("results").get(0).path("title").asString()).isEqualTo("A scan");
		assertThat(byTitle.path("next").asString()).contains("page=2");
		JsonNode last = page(http.get(DOCUMENTS + "?ordering=title&page_size=2&page=2").token(doctor.token()).send());
		assertThat(last.path("results").get(0).path("title").asString()).isEqualTo("c labs");

		JsonNode labs = page(http.get(DOCUMENTS + "?document_type=lab_report&ordering=-title").token(patient.token())
			.send());
		assertThat(labs.path("results").findValuesAsString("title")).containsExactly("c labs", "b labs");
		JsonNode knee = page(http.get(DOCUMENTS + "?search=KNEE").token(patient.token()).send());
		assertThat(knee.path("results").findValuesAsString("title")).containsExactly("A scan");
		assertThat(Http.keys(drfError(http.get(DOCUMENTS + "?ordering=file_size").token(patient.token()).send(),
				400))).contains("ordering");
	}

	private Http.Res upload(String token, Map<String, String> fields, String fileName, byte[] content) {
		return HcpChartFixtures.upload(port, DOCUMENTS, token, fields, fileName, content);
	}
}
