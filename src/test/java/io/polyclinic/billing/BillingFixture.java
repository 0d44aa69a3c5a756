package io.polyclinic.billing;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Role;
import io.polyclinic.support.MiboClient;

/**
 * The rows payments point to (users, patients, clinicians, appointments), inserted directly until their modules
 * have an API. Every call makes fresh rows.
 */
final class BillingFixture {

	private static final AtomicLong SLOTS = new AtomicLong();

	private final JdbcClient jdbc;

	BillingFixture(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Patient(long userId, long id, String phone, Actor actor) {
	}

	Patient patient() {
		String phone = MiboClient.newPhone();
		long userId = user("Patient " + phone, phone, Role.PATIENT);
		long id = insert("""
				INSERT INTO patients (public_id, user_id, lead_source, created_at, updated_at)
				VALUES (?, ?, 'WEBSITE', ?, ?)""", UUID.randomUUID(), userId, now(), now());
		return new Patient(userId, id, phone, actor(userId, Role.PATIENT));
	}

	long clinician() {
		String phone = MiboClient.newPhone();
		long userId = user("Dr. " + phone, phone, Role.CLINICIAN);
		return insert("""
				INSERT INTO clinicians (public_id, user_id, time_zone, created_at, updated_at)
				VALUES (?, ?, 'Asia/Kolkata', ?, ?)""", UUID.randomUUID(), userId, now(), now());
	}

	long appointment(Patient patient) {
		Instant starts = Instant.now().plus(1 + SLOTS.incrementAndGet(), ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
		return insert("""
				INSERT INTO appointments (public_id, patient_id, clinician_id, starts_at, ends_at, slot_hold, session_type,
				  status, fee_minor, currency, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, 'ONLINE', 'PENDING', 150000, 'INR', ?, ?)""", UUID.randomUUID(), patient.id(),
				clinician(), starts.atOffset(ZoneOffset.UTC), starts.plus(1, ChronoUnit.HOURS).atOffset(ZoneOffset.UTC),
				starts.atOffset(ZoneOffset.UTC), now(), now());
	}

	/** A signed-in member of staff (or anyone) of the given role, with a user row of their own. */
	Actor actor(Role role) {
		String phone = MiboClient.newPhone();
		return actor(user(role.name() + " " + phone, phone, role), role);
	}

	private static Actor actor(long userId, Role role) {
		return new Actor(userId, UUID.randomUUID(), role, UUID.randomUUID());
	}

	private long user(String name, String phone, Role role) {
		return insert("""
				INSERT INTO users (public_id, phone, full_name, role, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?)""", UUID.randomUUID(), phone, name, role.name(), now(), now());
	}

	private long insert(String sql, Object... params) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql(sql).params(params).update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	private static java.time.OffsetDateTime now() {
		return Instant.now().atOffset(ZoneOffset.UTC);
	}
}
