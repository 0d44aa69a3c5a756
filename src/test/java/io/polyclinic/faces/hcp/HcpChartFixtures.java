package io.polyclinic.faces.hcp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

import io.polyclinic.directory.PatientRegistry;
import io.polyclinic.platform.Ref;
import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.scheduling.AppointmentRequest;
import io.polyclinic.scheduling.SessionType;
import io.polyclinic.support.Clinic;
import io.polyclinic.support.Http;

/**
 * What the EMR chart's HTTP tests share: a visit that makes a doctor the patient's (booked through the scheduling
 * module, as any face would), and multipart uploads with text fields beside the file.
 */
final class HcpChartFixtures {

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
	private static final AtomicInteger HOURS = new AtomicInteger();

	private HcpChartFixtures() {
	}

	/** An appointment of the patient with the doctor, a week or more ahead, so that the doctor cares for them. */
	static long visit(AppointmentBook book, PatientRegistry patients, Clinic clinic, HcpPeople.Person patient,
			HcpPeople.Person doctor) {
		long patientId = patients.forUser(patient.id()).orElseThrow().id();
		int slot = HOURS.getAndIncrement();
		return book.book(AppointmentRequest.onGrid(Ref.id(patientId), Ref.id(doctor.requireDoctorId()), null,
				Clinic.nextWeekday(ZoneId.of("Asia/Kolkata"), DayOfWeek.MONDAY).plusWeeks(slot / 8),
				LocalTime.of(9 + slot % 8, 0), SessionType.ONLINE), clinic.admin()).appointment().id();
	}

	/** POSTs a multipart form: the text fields, and the file in {@code file} unless {@code content} is null. */
	static Http.Res upload(int port, String path, @Nullable String token, Map<String, String> fields,
			@Nullable String fileName, byte @Nullable [] content) {
		String boundary = "----hcp" + UUID.randomUUID().toString().replace("-", "");
		var body = new ByteArrayOutputStream();
		fields.forEach((name, value) -> write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\""
				+ name + "\"\r\n\r\n" + value + "\r\n"));
		if (content != null) {
			write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
					+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
			body.writeBytes(content);
			write(body, "\r\n");
		}
		write(body, "--" + boundary + "--\r\n");
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.timeout(Duration.ofSeconds(60));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		try {
			return new Http.Res(CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString()));
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static void write(ByteArrayOutputStream out, String text) {
		out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
	}
}
