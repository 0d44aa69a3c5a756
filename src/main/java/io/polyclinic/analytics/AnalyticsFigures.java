package io.polyclinic.analytics;

import org.springframework.stereotype.Service;

import io.polyclinic.analytics.internal.FigureTables;

/**
 * The figures the dashboard keeps as appointments and payments change (per care pair, centre and clinician, and a
 * ledger of money in and out). They follow scheduling's and billing's events; for rows written without events —
 * seeded with SQL, repaired by hand — {@link #rebuild()} recomputes them all from the clinic's tables. The clinic's
 * own use: no caller is checked.
 */
@Service
public class AnalyticsFigures {

	private final FigureTables tables;

	AnalyticsFigures(FigureTables tables) {
		this.tables = tables;
	}

	/**
	 * Recomputes every kept figure from the raw rows, in one transaction of a few set-based statements. Run it when
	 * no appointment or payment event is being handled: one handled meanwhile may be counted from the old figures.
	 */
	public void rebuild() {
		tables.rebuild();
	}
}
