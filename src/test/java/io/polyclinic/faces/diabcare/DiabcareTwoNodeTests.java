package io.polyclinic.faces.diabcare;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import io.polyclinic.Polyclinic;
import io.polyclinic.platform.realtime.LivePush;
import io.polyclinic.platform.realtime.RedisLivePush;
import io.polyclinic.support.Http;
import io.polyclinic.support.TestDatabase;
import tools.jackson.databind.JsonNode;

/**
 * Two application nodes on one database and one Redis (127.0.0.1:6379, which CI starts): a message sent over HTTP on
 * node A reaches the receiver's socket on node B, and the sender's own socket on node A, through Redis pub/sub. The
 * nodes share a database of their own (a fresh H2 in-memory database, or a fresh PostgreSQL database in the PostgreSQL
 * run), so the suite's shared one is untouched. Without Redis this test fails; it never skips.
 */
class DiabcareTwoNodeTests {

	static final String REDIS_HOST = System.getProperty("polyclinic.test.redis.host", "127.0.0.1");
	static final int REDIS_PORT = Integer.getInteger("polyclinic.test.redis.port", 6379);

	static ConfigurableApplicationContext nodeA;
	static ConfigurableApplicationContext nodeB;

	@BeforeAll
	static void twoNodes() {
		requireRedis();
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--polyclinic.demo=true",
				"--polyclinic.demo-clinic=false", "--polyclinic.rate-limit.enabled=false",
				"--polyclinic.files.dir=target/test-files", "--logging.level.root=WARN",
				"--spring.data.redis.host=" + REDIS_HOST, "--spring.data.redis.port=" + REDIS_PORT,
				// a channel of this run's own: nothing else on the machine's Redis hears or disturbs it
				"--polyclinic.realtime.redis-channel=polyclinic:test:" + UUID.randomUUID()));
		args.addAll(database());
		nodeA = new SpringApplicationBuilder(Polyclinic.class).run(args.toArray(String[]::new));
		nodeB = new SpringApplicationBuilder(Polyclinic.class).run(args.toArray(String[]::new));
	}

	@AfterAll
	static void stop() {
		if (nodeB != null) {
			nodeB.close();
		}
		if (nodeA != null) {
			nodeA.close();
		}
	}

	@Test
	void aMessageSentOnOneNodeReachesASocketOnTheOther() throws InterruptedException {
		assertThat(nodeA.getBean(LivePush.class)).isInstanceOf(RedisLivePush.class);
		assertThat(nodeB.getBean(LivePush.class)).isInstanceOf(RedisLivePush.class);
		Http onA = new Http(port(nodeA));
		DiabcarePeople people = new DiabcarePeople(onA);
		var patient = people.patient("Salma", "Ayari");
		var doctor = people.medecin("Mehdi", "Khelifi");
		String conversation = onA.post(DiabcareApiTest.API + "/conversations",
				Map.of("patientId", patient.id(), "doctorId", doctor.id())).token(patient.token()).send().json()
			.path("_id").asString();

		try (var doctorOnB = LiveClient.withHeader(port(nodeB), doctor.token()).ready();
				var patientOnA = LiveClient.withQuery(port(nodeA), patient.token()).ready()) {
			Http.Res sent = onA.post(DiabcareApiTest.API + "/conversations/" + conversation + "/messages",
					Map.of("content", "Mon taux est à 180 ce matin")).token(patient.token()).send();
			assertThat(sent.status()).as(sent.body()).isEqualTo(201);

			JsonNode onB = doctorOnB.next(Duration.ofSeconds(10));
			assertThat(onB).as("the frame on node B").isNotNull();
			assertThat(onB.path("event").asString()).isEqualTo("message");
			assertThat(onB.path("data")).isEqualTo(sent.json());
			JsonNode backOnA = patientOnA.next(Duration.ofSeconds(10));
			assertThat(backOnA).as("the sender's own socket on node A").isNotNull();
			assertThat(backOnA.path("data")).isEqualTo(sent.json());
			// each node hears each update once: no echo of the node's own publication
			assertThat(doctorOnB.next(Duration.ofMillis(500))).isNull();
			assertThat(patientOnA.next(Duration.ofMillis(100))).isNull();
		}
	}

	/** Fails (never skips) when Redis is not there: CI starts it, and so must whoever runs the suite. */
	private static void requireRedis() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(REDIS_HOST, REDIS_PORT), 2000);
			socket.setSoTimeout(2000);
			OutputStream out = socket.getOutputStream();
			out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			byte[] answer = new byte[7];
			int read = in.read(answer);
			if (read < 5 || !new String(answer, 0, read, StandardCharsets.US_ASCII).startsWith("+PONG")) {
				throw new IllegalStateException("no PONG");
			}
		}
		catch (IOException | IllegalStateException e) {
			throw new AssertionError("The two-node test needs Redis at " + REDIS_HOST + ":" + REDIS_PORT
					+ " (start one: redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save \"\" "
					+ "--appendonly no): " + e, e);
		}
	}

	/** A database for the two nodes alone, of the kind the run tests. */
	private static List<String> database() {
		if (!TestDatabase.postgres()) {
			return List.of("--spring.datasource.url=jdbc:h2:mem:twonodes-" + UUID.randomUUID()
					+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
		}
		String host = System.getProperty("polyclinic.test.pg.host", "127.0.0.1:5432");
		String user = System.getProperty("polyclinic.test.pg.user", "postgres");
		String password = System.getProperty("polyclinic.test.pg.password", "");
		String name = System.getProperty("polyclinic.test.pg.database", "polyclinic_test") + "_nodes";
		try (var connection = DriverManager.getConnection("jdbc:postgresql://" + host + "/postgres", user, password);
				var statement = connection.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
			statement.execute("CREATE DATABASE " + name);
		}
		catch (SQLException e) {
			throw new IllegalStateException("The PostgreSQL run needs a server at " + host, e);
		}
		return List.of("--spring.datasource.url=jdbc:postgresql://" + host + "/" + name,
				"--spring.datasource.username=" + user, "--spring.datasource.password=" + password,
				"--spring.datasource.hikari.maximum-pool-size=4");
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}
}
