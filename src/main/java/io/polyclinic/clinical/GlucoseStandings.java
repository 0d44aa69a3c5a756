package io.polyclinic.clinical;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.polyclinic.directory.PatientRequests;
import io.polyclinic.platform.Actor;

/**
 * How a doctor's patients are doing, by their glucose over the last 7 days: the standing of each (from the mean:
 * critical below 50 or above 230 mg/dL, attention below 60 or above 210, stable otherwise or without readings) and
 * their latest reading with its risk (high below 50 or above 230, medium outside 70–180, low inside). The doctor's
 * panel is ranked, counted and filtered by standing here: two SQL statements over the panel's readings, whatever its
 * size.
 */
@Service
@Transactional(readOnly = true)
public class GlucoseStandings {

	static final Duration WINDOW = Duration.ofDays(7);
	private static final int CHUNK = 500;

	private final PatientRequests requests;
	private final JdbcClient jdbc;
	private final Clock clock;

	GlucoseStandings(PatientRequests requests, JdbcClient jdbc, Clock clock) {
		this.requests = requests;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public enum Standing {
		STABLE, ATTENTION, CRITICAL;

		static Standing ofMean(@Nullable BigDecimal mean) {
			if (mean == null) {
				return STABLE;
			}
			double value = mean.doubleValue();
			if (value < 50 || value > 230) {
				return CRITICAL;
			}
			return value < 60 || value > 210 ? ATTENTION : STABLE;
		}
	}

	public enum Risk {
		LOW, MEDIUM, HIGH;

		static Risk of(BigDecimal mgPerDl) {
			double value = mgPerDl.doubleValue();
			if (value < 50 || value > 230) {
				return HIGH;
			}
			return value < 70 || value > 180 ? MEDIUM : LOW;
		}
	}

	/** The latest reading of the window, as logged and in mg/dL. */
	public record LastReading(BigDecimal value, GlucoseUnit unit, BigDecimal mgPerDl, Instant measuredAt, Risk risk) {
	}

	public record PatientStanding(long patientId, Standing standing, @Nullable LastReading last) {
	}

	/** One page of the panel (those of the standing asked, if one was) and how many of the whole panel stand where. */
	public record Panel(Page<PatientStanding> page, Map<Standing, Long> counts) {
	}

	/**
	 * The doctor's patients (those who follow them; a part of the name or email narrows them), with their standing,
	 * the latest accepted first; only that doctor asks (directory decides).
	 */
	public Panel panel(UUID doctorAccountId, @Nullable String text, @Nullable Standing only, Pageable page,
			Actor actor) {
		List<Long> patients = requests.followedPatientIds(doctorAccountId, text, actor);
		Instant since = clock.instant().minus(WINDOW);
		Map<Long, BigDecimal> means = new HashMap<>();
		Map<Long, LastReading> latest = new HashMap<>();
		for (int from = 0; from < patients.size(); from += CHUNK) {
			List<Long> chunk = patients.subList(from, Math.min(patients.size(), from + CHUNK));
			means.putAll(means(chunk, since));
			latest.putAll(latest(chunk, since));
		}
		Map<Standing, Long> counts = new EnumMap<>(Standing.class);
		for (Standing standing : Standing.values()) {
			counts.put(standing, 0L);
		}
		List<PatientStanding> matching = new ArrayList<>();
		for (long patient : patients) {
			Standing standing = Standing.ofMean(means.get(patient));
			counts.merge(standing, 1L, Long::sum);
			if (only == null || only == standing) {
				matching.add(new PatientStanding(patient, standing, latest.get(patient)));
			}
		}
		int start = (int) Math.min(page.getOffset(), matching.size());
		int end = Math.min(matching.size(), start + page.getPageSize());
		return new Panel(new PageImpl<>(matching.subList(start, end), page, matching.size()), counts);
	}

	private Map<Long, BigDecimal> means(List<Long> patients, Instant since) {
		Map<Long, BigDecimal> means = new HashMap<>();
		jdbc.sql("""
				SELECT patient_id, AVG(mg_per_dl) AS mean FROM glucose_readings
				WHERE patient_id IN (:patients) AND measured_at >= :since GROUP BY patient_id""")
			.param("patients", patients)
			.param("since", utc(since))
			.query((ResultSet rs) -> {
				means.put(rs.getLong("patient_id"), rs.getBigDecimal("mean"));
			});
		return means;
	}

	private Map<Long, LastReading> latest(List<Long> patients, Instant since) {
		Map<Long, LastReading> latest = new HashMap<>();
		jdbc.sql("""
				SELECT g.patient_id, g.reading_value, g.unit, g.mg_per_dl, g.measured_at FROM glucose_readings g
				WHERE g.patient_id IN (:patients) AND g.measured_at >= :since
				  AND g.measured_at = (SELECT MAX(l.measured_at) FROM glucose_readings l WHERE l.patient_id = g.patient_id)
				ORDER BY g.id""")
			.param("patients", patients)
			.param("since", utc(since))
			.query((ResultSet rs) -> {
				latest.putIfAbsent(rs.getLong("patient_id"), last(rs));
			});
		return latest;
	}

	private static LastReading last(ResultSet rs) throws SQLException {
		BigDecimal mgPerDl = rs.getBigDecimal("mg_per_dl");
		return new LastReading(rs.getBigDecimal("reading_value"), GlucoseUnit.of(rs.getString("unit")).orElseThrow(),
				mgPerDl, rs.getObject("measured_at", OffsetDateTime.class).toInstant(), Risk.of(mgPerDl));
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}
}
