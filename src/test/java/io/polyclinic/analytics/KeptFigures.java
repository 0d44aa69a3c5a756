package io.polyclinic.analytics;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Tests' view of the figures analytics keeps from events: waiting until its listeners have handled every event
 * published so far, and recomputing the figures after rows were written with SQL.
 */
public final class KeptFigures {

	private KeptFigures() {
	}

	/** Waits (up to 30 s) until no event publication of analytics' listeners is incomplete. */
	public static void awaitEvents(JdbcClient jdbc) {
		long deadline = System.nanoTime() + 30_000_000_000L;
		while (jdbc.sql("""
				SELECT COUNT(*) FROM event_publication
				WHERE completion_date IS NULL AND listener_id LIKE 'io.polyclinic.analytics.%'""")
			.query(Long.class).single() > 0) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("analytics' listeners did not handle their events within 30 s");
			}
			try {
				Thread.sleep(10);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new AssertionError(e);
			}
		}
	}

	/** After rows were seeded with SQL: lets the events in flight be handled, then recomputes every figure. */
	public static void rebuild(AnalyticsFigures figures, JdbcClient jdbc) {
		awaitEvents(jdbc);
		figures.rebuild();
	}
}
