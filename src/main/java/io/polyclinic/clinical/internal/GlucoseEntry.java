package io.polyclinic.clinical.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.AbstractAggregateRoot;

import io.polyclinic.clinical.GlucosePeriod;
import io.polyclinic.clinical.GlucoseReading;
import io.polyclinic.clinical.GlucoseReadingLogged;
import io.polyclinic.clinical.GlucoseUnit;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A glucose reading as it is kept: as logged, and in mg/dL, which is what every figure is computed on. Its patient
 * never changes; a deleted reading is gone (it is the patient's own diary, not the clinic's record).
 */
@Entity
@Table(name = "glucose_readings")
public class GlucoseEntry extends AbstractAggregateRoot<GlucoseEntry> {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;
	private UUID publicId;
	private long patientId;
	@Column(name = "reading_value")
	private BigDecimal value;
	private String unit;
	private BigDecimal mgPerDl;
	private Instant measuredAt;
	@Enumerated(EnumType.STRING)
	private @Nullable GlucosePeriod period;
	private @Nullable String note;
	private Instant createdAt;
	private Instant updatedAt;
	@Version
	private long version;

	protected GlucoseEntry() {
	}

	/** A new reading, whose logging is told once it is saved; the values have been checked. */
	public GlucoseEntry(long patientId, BigDecimal value, GlucoseUnit unit, Instant measuredAt,
			@Nullable GlucosePeriod period, @Nullable String note, Instant now) {
		this.publicId = UUID.randomUUID();
		this.patientId = patientId;
		measure(value, unit);
		this.measuredAt = measuredAt;
		this.period = period;
		this.note = note;
		this.createdAt = now;
		this.updatedAt = now;
		registerEvent(new GlucoseReadingLogged(publicId, patientId, mgPerDl, value, unit.label(), measuredAt));
	}

	/** The reading in its unit, and in mg/dL beside it (the table checks that they agree). */
	public void measure(BigDecimal value, GlucoseUnit unit) {
		this.value = value;
		this.unit = unit.label();
		this.mgPerDl = unit.toMgPerDl(value);
	}

	public void measuredAt(Instant measuredAt) {
		this.measuredAt = measuredAt;
	}

	public void period(@Nullable GlucosePeriod period) {
		this.period = period;
	}

	public void note(@Nullable String note) {
		this.note = note;
	}

	public void touched(Instant now) {
		this.updatedAt = now;
	}

	public long getPatientId() {
		return patientId;
	}

	public @Nullable Long getId() {
		return id;
	}

	public BigDecimal getValue() {
		return value;
	}

	public GlucoseUnit getUnit() {
		return GlucoseUnit.of(unit).orElseThrow();
	}

	public GlucoseReading toReading(UUID patientAccountId) {
		if (id == null) {
			throw new IllegalStateException("A reading has an id once saved");
		}
		return new GlucoseReading(id, publicId, patientId, patientAccountId, value, getUnit(), mgPerDl, measuredAt,
				period, note, createdAt, updatedAt);
	}
}
