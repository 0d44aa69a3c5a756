package io.polyclinic.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.polyclinic.support.Http;
import tools.jackson.databind.JsonNode;

/**
 * What the embedded database answered for survives the process dying: the application, started as an operator
 * starts it (its default database, a file under the data directory), takes bookings from several clients at once and
 * is killed with SIGKILL in the middle of them; started again on the same data directory, it still has every booking
 * it had answered 201 for. (With H2's default write delay it lost the last half second or so of them.)
 */
class EmbeddedDatabaseDurabilityTests {

	private static final int CLIENTS = 6;
	private static final int BOOKINGS_BEFORE_THE_KILL = 40;
	private static final Duration MOST_LOAD = Duration.ofSeconds(20);
	private static final AtomicLong PHONES = new AtomicLong(System.nanoTime() % 10_000_000);

	@TempDir
	Path dataDir;

	@Test
	void everyBookingAnsweredBeforeAKillIsThereAfterARestart() throws Exception {
		List<Long> acknowledged;
		try (var first = start()) {
			acknowledged = bookUntilKilled(first);
		}
		assertThat(acknowledged).as("bookings answered 201 before the kill").hasSizeGreaterThanOrEqualTo(10);

		try (var second = start()) {
			var http = new Http(second.port());
			String admin = adminToken(http);
			List<Long> lost = new ArrayList<>();
			for (long id : acknowledged) {
				var appointment = http.get("/mibo/api/appointments/" + id).token(admin).send();
				if (appointment.status() != 200) {
					lost.add(id);
				}
			}
			assertThat(lost).as("of %d acknowledged bookings, lost", acknowledged.size()).isEmpty();
		}
	}

	private ApplicationProcess start() throws Exception {
		var application = ApplicationProcess.start(dataDir, ApplicationProcess.freePort(),
				List.of("POLYCLINIC_DATA_DIR=" + dataDir, "POLYCLINIC_RATE_LIMIT_ENABLED=false"),
				"--spring.main.banner-mode=off", "--spring.jmx.enabled=false");
		assertThat(application.awaitReady()).as(application.output()).isTrue();
		return application;
	}

	/**
	 * Books slot after slot of the demo clinicians from several clients, kills the process once enough bookings were
	 * answered (with more on their way), and returns the ids of those answered 201.
	 */
	private static List<Long> bookUntilKilled(ApplicationProcess application) throws Exception {
		var http = new Http(application.port());
		String admin = adminToken(http);
		Queue<long[]> days = clinicianDays(http);
		Queue<Long> acknowledged = new ConcurrentLinkedQueue<>();
		AtomicBoolean killed = new AtomicBoolean();
		ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
		for (int i = 0; i < CLIENTS; i++) {
			clients.submit(() -> {
				long[] day;
				while (!killed.get() && (day = days.poll()) != null) {
					for (String time : freeSlots(http, day)) {
						var booked = book(http, admin, day, time);
						if (booked != null && booked.status() == 201) {
							acknowledged.add(booked.data().path("appointmentId").asLong());
						}
					}
				}
				return null;
			});
		}
		long deadline = System.nanoTime() + MOST_LOAD.toNanos();
		while (acknowledged.size() < BOOKINGS_BEFORE_THE_KILL && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		application.kill();
		killed.set(true);
		clients.shutdown();
		clients.awaitTermination(1, TimeUnit.MINUTES);
		return new ArrayList<>(acknowledged);
	}

	private static Http.@org.jspecify.annotations.Nullable Res book(Http http, String admin, long[] day, String time) {
		try {
			return http.post("/mibo/api/booking/front-desk", Map.of("patientPhone", "+9197" + String.format("%08d",
					PHONES.incrementAndGet() % 100_000_000), "patientName", "Walk-in patient", "clinicianId", day[0],
					"appointmentDate", LocalDate.ofEpochDay(day[1]).toString(), "appointmentTime", time, "sessionType",
					"IN_PERSON")).token(admin).send();
		}
		catch (IllegalStateException connectionLost) {
			return null;
		}
	}

	private static List<String> freeSlots(Http http, long[] day) {
		try {
			var slots = http.get("/mibo/api/booking/available-slots?clinicianId=" + day[0] + "&date="
					+ LocalDate.ofEpochDay(day[1])).send();
			List<String> free = new ArrayList<>();
			if (slots.status() == 200) {
				slots.data().path("availableSlots").forEach(s -> {
					if (s.path("available").asBoolean()) {
						free.add(s.path("time").asString().substring(0, 5));
					}
				});
			}
			return free;
		}
		catch (IllegalStateException connectionLost) {
			return List.of();
		}
	}

	/** Every demo clinician on every weekday of the coming months, clinician by clinician within a day. */
	private static Queue<long[]> clinicianDays(Http http) throws InterruptedException {
		List<Long> clinicians = new ArrayList<>();
		for (int attempt = 0; attempt < 100 && clinicians.isEmpty(); attempt++) {
			JsonNode list = http.get("/mibo/api/clinicians").send().data();
			list.forEach(c -> clinicians.add(c.path("id").asLong()));
			if (clinicians.isEmpty()) {
				Thread.sleep(200);
			}
		}
		assertThat(clinicians).as("the demo clinic's clinicians").isNotEmpty();
		Queue<long[]> days = new ConcurrentLinkedQueue<>();
		for (LocalDate day = LocalDate.now().plusDays(2); days.size() < 400; day = day.plusDays(1)) {
			if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
				for (long clinician : clinicians) {
					days.add(new long[] { clinician, day.toEpochDay() });
				}
			}
		}
		return days;
	}

	private static String adminToken(Http http) throws InterruptedException {
		for (int attempt = 0; attempt < 100; attempt++) {
			var login = http.post("/mibo/api/auth/login/username-password",
					Map.of("username", "admin", "password", "Admin123!")).send();
			if (login.status() == 200) {
				return login.data().path("accessToken").asString();
			}
			Thread.sleep(200);
		}
		throw new IllegalStateException("The demo administrator cannot sign in");
	}
}
