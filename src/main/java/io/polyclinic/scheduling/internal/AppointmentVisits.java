package io.polyclinic.scheduling.internal;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.polyclinic.directory.Visits;
import io.polyclinic.scheduling.AppointmentStatus;

/** The appointment book's answer to the directory's question about a visit (for reviews): one indexed read. */
@Component
class AppointmentVisits implements Visits {

	private final JdbcClient jdbc;

	AppointmentVisits(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<Visit> find(long appointmentId) {
		return jdbc.sql("SELECT patient_id, clinician_id, status FROM appointments WHERE id = ?")
			.param(appointmentId)
			.query((rs, row) -> new Visit(appointmentId, rs.getLong("patient_id"), rs.getLong("clinician_id"),
					AppointmentStatus.COMPLETED.name().equals(rs.getString("status"))))
			.optional();
	}
}
