package io.polyclinic.support;

import java.sql.DriverManager;
import java.sql.SQLException;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The database a test run uses: the embedded H2 (as the one-command start does), or a fresh PostgreSQL database when
 * the build runs the suite again with {@code -Dpolyclinic.test.database=postgres}. A PostgreSQL run that cannot reach
 * the server fails; it never falls back to H2.
 */
public final class TestDatabase {

	private static final String PG_HOST = System.getProperty("polyclinic.test.pg.host", "127.0.0.1:5432");
	private static final String PG_USER = System.getProperty("polyclinic.test.pg.user", "postgres");
	private static final String PG_DB = System.getProperty("polyclinic.test.pg.database", "polyclinic_test");
	private static boolean created;

	private TestDatabase() {
	}

	public static boolean postgres() {
		return "postgres".equals(System.getProperty("polyclinic.test.database"));
	}

	public static void register(DynamicPropertyRegistry registry) {
		if (postgres()) {
			ensureFreshPostgresDatabase();
			registry.add("spring.datasource.url", () -> "jdbc:postgresql://" + PG_HOST + "/" + PG_DB);
			registry.add("spring.datasource.username", () -> PG_USER);
			registry.add("spring.datasource.password", () -> System.getProperty("polyclinic.test.pg.password", ""));
			// the suite keeps a few dozen application contexts alive at once (one per distinct configuration), each with
			// its own pool: small pools that let idle connections go keep them all within the server's 100 clients
			registry.add("spring.datasource.hikari.maximum-pool-size", () -> "6");
			registry.add("spring.datasource.hikari.minimum-idle", () -> "1");
			registry.add("spring.datasource.hikari.idle-timeout", () -> "10000");
		}
		else {
			registry.add("spring.datasource.url", () -> "jdbc:h2:mem:polyclinic;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
					+ "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
		}
	}

	private static synchronized void ensureFreshPostgresDatabase() {
		if (created) {
			return;
		}
		String admin = "jdbc:postgresql://" + PG_HOST + "/postgres";
		try (var connection = DriverManager.getConnection(admin, PG_USER,
				System.getProperty("polyclinic.test.pg.password", ""))) {
			try (var statement = connection.createStatement()) {
				statement.execute("DROP DATABASE IF EXISTS " + PG_DB + " WITH (FORCE)");
				statement.execute("CREATE DATABASE " + PG_DB);
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException("The PostgreSQL run needs a server at " + PG_HOST + " (user " + PG_USER + ")", e);
		}
		created = true;
	}
}
