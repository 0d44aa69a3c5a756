package io.polyclinic.platform;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether the database answers, for the faces' own health endpoints.
 */
@Component
public class DatabaseCheck {

	private final JdbcClient jdbc;

	DatabaseCheck(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public boolean connected() {
		try {
			return jdbc.sql("SELECT 1").query(Integer.class).single() == 1;
		}
		catch (RuntimeException e) {
			return false;
		}
	}
}
