package io.polyclinic.scheduling.internal;

import java.time.DayOfWeek;
import java.time.LocalTime;

import org.jspecify.annotations.Nullable;

import io.polyclinic.scheduling.AvailabilityRule;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "availability_rules")
public class AvailabilityWindow {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;
	private Long clinicianId;
	private @Nullable Long centreId;
	@Enumerated(EnumType.STRING)
	private DayOfWeek dayOfWeek;
	private LocalTime startTime;
	private LocalTime endTime;
	private boolean available;

	protected AvailabilityWindow() {
	}

	public AvailabilityWindow(long clinicianId, AvailabilityRule rule) {
		this.clinicianId = clinicianId;
		this.centreId = rule.centreId();
		this.dayOfWeek = rule.dayOfWeek();
		this.startTime = rule.startTime();
		this.endTime = rule.endTime();
		this.available = rule.available();
	}

	public long getClinicianId() {
		return clinicianId;
	}

	public AvailabilityRule toRule() {
		return new AvailabilityRule(dayOfWeek, startTime, endTime, available, centreId);
	}
}
