package io.polyclinic.faces.clinico;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.polyclinic.platform.Ref;
import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.scheduling.AppointmentRequest;
import io.polyclinic.scheduling.SessionType;
import io.polyclinic.support.Clinic;
import io.polyclinic.support.Http;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/upload-report-requests}: by a doctor of the patient, a due date not in the past, codes
 * {@code REQ-<year>-<number>} that stay unique when many doctors ask at once; the patient is told.
 */
class ClinicoReportRequestTests extends ClinicoApiTest {

	static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

	@Autowired
	AppointmentBook book;

	private int hour = 9;

	@Test
	void aDoctorAsksTheirPatientForReports() {
		var doctor = people.doctor();
		var patient = people.patient();
		visit(patient, doctor);

		JsonNode asked = ok(ask(doctor, patient, "CBC, Lipid Profile, HbA1c", tomorrow(), "Fasting required"), 201);

		assertThat(Http.keys(asked)).containsExactlyInAnyOrder("request_id", "request_code", "status");
		assertThat(UUID.fromString(asked.path("request_id").asString()).toString())
			.isEqualTo(asked.path("request_id").asString());
		assertThat(asked.path("request_code").asString()).matches("REQ-" + LocalDate.now(KOLKATA).getYear()
				+ "-\\d{3,}");
		assertThat(asked.path("status").asString()).isEqualTo("Pending");
		// the patient is told in the app, once the request has committed
		String code = asked.path("request_code").asString();
		JsonNode told = null;
		for (int i = 0; i < 100 && told == null; i++) {
			for (JsonNode notification : ok(http.get(API + "/notifications").token(patient.token()).send(), 200)) {
				if (notification.path("message").asString().contains(code)) {
					told = notification;
				}
			}
			if (told == null) {
				sleep();
			}
		}
		assertThat(told).as("the patient's notification of " + code).isNotNull();
		assertThat(told.path("title").asString()).isEqualTo("Lab reports requested");
		assertThat(told.path("message").asString()).contains("CBC, Lipid Profile, HbA1c");
	}

	@Test
	void badInputIs400() {
		var doctor = people.doctor();
		var patient = people.patient();
		visit(patient, doctor);

		assertThat(error(ask(doctor, patient, "CBC", LocalDate.now(KOLKATA).minusDays(1).toString(), null), 400,
				"INVALID_INPUT")).contains("due_date");
		assertThat(error(ask(doctor, patient, "CBC", "25/11/2030", null), 400, "INVALID_INPUT")).contains("due_date");
		assertThat(error(ask(doctor, patient, " ", tomorrow(), null), 400, "INVALID_INPUT"))
			.contains("requested_tests");
		Map<String, Object> noPatient = new LinkedHashMap<>();
		noPatient.put("requested_tests", "CBC");
		noPatient.put("due_date", tomorrow());
		assertThat(error(http.post(API + "/upload-report-requests", noPatient).token(doctor.token()).send(), 400,
				"INVALID_INPUT")).contains("patient_id");
		// today is not in the past
		ok(ask(doctor, patient, "CBC", LocalDate.now(KOLKATA).toString(), null), 201);
	}

	@Test
	void onlyADoctorOfThePatientAsks() {
		var doctor = people.doctor();
		var stranger = people.doctor();
		var patient = people.patient();
		visit(patient, doctor);

		error(ask(stranger, patient, "CBC", tomorrow(), null), 403, "FORBIDDEN");
		error(ask(patient, patient, "CBC", tomorrow(), null), 403, "FORBIDDEN");
		error(ask(people.admin(), patient, "CBC", tomorrow(), null), 403, "FORBIDDEN");
		Map<String, Object> unknown = Map.of("patient_id", 999_999_999L, "requested_tests", "CBC", "due_date",
				tomorrow());
		error(http.post(API + "/upload-report-requests", unknown).token(doctor.token()).send(), 404);
	}

	@Test
	void theDoctorListsTheirRequestsAndThePatientTheirsInTheOriginalsDialect() {
		var doctor = people.doctor();
		var patient = people.patient();
		var other = people.patient();
		visit(patient, doctor);
		visit(other, doctor);
		String first = ok(ask(doctor, patient, "CBC", tomorrow(), "Fasting required"), 201).path("request_code")
			.asString();
		String second = ok(ask(doctor, other, "HbA1c", tomorrow(), null), 201).path("request_code").asString();

		JsonNode sent = ok(http.get(API + "/upload-report-requests").token(doctor.token()).send(), 200);
		assertThat(Http.keys(sent)).containsExactlyInAnyOrder("success", "total", "requests");
		assertThat(sent.path("total").asInt()).isEqualTo(2);
		JsonNode newest = sent.path("requests").get(0);
		assertThat(Http.keys(newest)).containsExactlyInAnyOrder("request_id", "request_code", "patient_id",
				"patient_name", "requested_tests", "due_date", "status", "created_at");
		assertThat(newest.path("request_code").asString()).isEqualTo(second);
		assertThat(newest.path("patient_id").asLong()).isEqualTo(other.requirePatient().id());
		assertThat(newest.path("patient_name").asString()).isEqualTo(other.name());
		assertThat(newest.path("due_date").asString()).isEqualTo(tomorrow());
		assertThat(newest.path("status").asString()).isEqualTo("Pending");
		JsonNode ofOne = ok(http.get(API + "/upload-report-requests?patient_id=" + patient.requirePatient().id()
				+ "&status=Pending").token(doctor.token()).send(), 200);
		assertThat(ofOne.path("requests")).hasSize(1);
		assertThat(ofOne.path("requests").get(0).path("request_code").asString()).isEqualTo(first);

		JsonNode received = ok(http.get(API + "/upload-report-requests/me").token(patient.token()).send(), 200);
		assertThat(received.path("total").asInt()).isEqualTo(1);
		JsonNode mine = received.path("requests").get(0);
		assertThat(Http.keys(mine)).containsExactlyInAnyOrder("request_id", "request_code", "professional_name",
				"requested_tests", "due_date", "status", "additional_notes", "created_at");
		assertThat(mine.path("professional_name").asString()).isEqualTo(doctor.name());
		assertThat(mine.path("additional_notes").asString()).isEqualTo("Fasting required");

		error(http.get(API + "/upload-report-requests?status=Lost").token(doctor.token()).send(), 400,
				"INVALID_INPUT");
		error(http.get(API + "/upload-report-requests").token(patient.token()).send(), 403, "FORBIDDEN");
		error(http.get(API + "/upload-report-requests/me").token(doctor.token()).send(), 403, "FORBIDDEN");
	}

	@Test
	void concurrentRequestsGetDistinctConsecutiveCodes() throws Exception {
		int many = 8;
		List<ClinicoPeople.Person> doctors = new ArrayList<>();
		List<ClinicoPeople.Person> patients = new ArrayList<>();
		for (int i = 0; i < many; i++) {
			var doctor = people.doctor();
			var patient = people.patient();
			visit(patient, doctor);
			doctors.add(doctor);
			patients.add(patient);
		}
		ExecutorService pool = Executors.newFixedThreadPool(many);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<Http.Res>> sent = new ArrayList<>();
			for (int i = 0; i < many; i++) {
				var doctor = doctors.get(i);
				var patient = patients.get(i);
				sent.add(pool.submit(() -> {
					start.await();
					return ask(doctor, patient, "CBC", tomorrow(), null);
				}));
			}
			start.countDown();
			List<Long> numbers = new ArrayList<>();
			for (Future<Http.Res> one : sent) {
				String code = ok(one.get(), 201).path("request_code").asString();
				assertThat(code).matches("REQ-" + LocalDate.now(KOLKATA).getYear() + "-\\d{3,}");
				numbers.add(Long.parseLong(code.substring(code.lastIndexOf('-') + 1)));
			}
			assertThat(numbers).doesNotHaveDuplicates();
			assertThat(numbers.stream().mapToLong(Long::longValue).max().getAsLong()
					- numbers.stream().mapToLong(Long::longValue).min().getAsLong()).isEqualTo(many - 1);
		}
		finally {
			pool.shutdownNow();
		}
	}

	private Http.Res ask(ClinicoPeople.Person caller, ClinicoPeople.Person patient, String tests, String dueDate,
			String notes) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("patient_id", patient.requirePatient().id());
		body.put("requested_tests", tests);
		body.put("due_date", dueDate);
		if (notes != null) {
			body.put("additional_notes", notes);
		}
		return http.post(API + "/upload-report-requests", body).token(caller.token()).send();
	}

	private static String tomorrow() {
		return LocalDate.now(KOLKATA).plusDays(1).toString();
	}

	private void visit(ClinicoPeople.Person patient, ClinicoPeople.Person doctor) {
		book.book(AppointmentRequest.onGrid(Ref.id(patient.requirePatient().id()),
				Ref.id(doctor.requireClinician().id()), null, Clinic.nextWeekday(KOLKATA, DayOfWeek.THURSDAY),
				LocalTime.of(hour++ % 8 + 9, 0), SessionType.IN_PERSON), clinic.admin());
	}

	private static void sleep() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
