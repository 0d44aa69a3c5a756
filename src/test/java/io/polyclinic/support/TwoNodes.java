package io.polyclinic.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import io.polyclinic.Polyclinic;

/**
 * Two application nodes on one database and one Redis (127.0.0.1:6379, which CI starts), for the tests of live
 * delivery across nodes. The nodes share a database of their own (a fresh H2 in-memory database, or a fresh PostgreSQL
 * database in the PostgreSQL run), so the suite's shared one is untouched, and a Redis channel of their own. Without
 * Redis they fail to start; they never skip.
 */
public final class TwoNodes implements AutoCloseable {

	static final String REDIS_HOST = System.getProperty("polyclinic.test.redis.host", "127.0.0.1");
	static final int REDIS_PORT = Integer.getInteger("polyclinic.test.redis.port", 6379);

	public final ConfigurableApplicationContext a;
	public final ConfigurableApplicationContext b;

	private TwoNodes(ConfigurableApplicationContext a, ConfigurableApplicationContext b) {
		this.a = a;
		this.b = b;
	}

	/** @param database a name for the nodes' own PostgreSQL database (the run's database name is put before it) */
	public static TwoNodes start(String database) {
		requireRedis();
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--polyclinic.demo=true",
				"--polyclinic.demo-clinic=false", "--polyclinic.rate-limit.enabled=false",
				"--polyclinic.files.dir=target/test-files", "--logging.level.root=WARN",
				"--spring.data.redis.host=" + REDIS_HOST, "--spring.data.redis.port=" + REDIS_PORT,
				// a channel of this run's own: nothing else on the machine's Redis hears or disturbs it
				"--polyclinic.realtime.redis-channel=polyclinic:test:" + UUID.randomUUID()));
		args.addAll(database(database));
		var a = new SpringApplicationBuilder(Polyclinic.class).run(args.toArray(String[]::new));
		try {
			return new TwoNodes(a, new SpringApplicationBuilder(Polyclinic.class).run(args.toArray(String[]::new)));
		}
		catch (RuntimeException e) {
			a.close();
			throw e;
		}
	}

	public static int port(ConfigurableApplicationContext node) {
		return ((WebServerApplicationContext) node).getWebServer().getPort();
	}

	@Override
	public void close() {
		b.close();
		a.close();
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
			throw new AssertionError("The two-node tests need Redis at " + REDIS_HOST + ":" + REDIS_PORT
					+ " (start one: redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save \"\" "
					+ "--appendonly no): " + e, e);
		}
	}

	/** A database for the two nodes alone, of the kind the run tests. */
	private static List<String> database(String suffix) {
		if (!TestDatabase.postgres()) {
			return List.of("--spring.datasource.url=jdbc:h2:mem:twonodes-" + UUID.randomUUID()
					+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
		}
		String host = System.getProperty("polyclinic.test.pg.host", "127.0.0.1:5432");
		String user = System.getProperty("polyclinic.test.pg.user", "postgres");
		String password = System.getProperty("polyclinic.test.pg.password", "");
		String name = System.getProperty("polyclinic.test.pg.database", "polyclinic_test") + "_" + suffix;
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
}
