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
	/** The window this one is a break of (an unavailable window inside it, read and removed with it); null if none. */
	private @Nullable Long breakOf;

	protected AvailabilityWindow() {
	}

	/** A break of the window {@code of}: unavailable from {@code start} to {@code end} on its day. */
	public static AvailabilityWindow breakOf(AvailabilityWindow of, LocalTime start, LocalTime end) {
		var pause = new AvailabilityWindow(of.clinicianId,
				new AvailabilityRule(of.dayOfWeek, start, end, false, of.centreId));
		pause.breakOf = of.id;
		return pause;
	}

	/** The window's day and times change (its breaks are replaced by the caller). */
	public void reshape(DayOfWeek day, LocalTime start, LocalTime end, boolean available) {
		this.dayOfWeek = day;
		this.startTime = start;
		this.endTime = end;
		this.available = available;
	}

	public Long getId() {
		return id;
	}

	public @Nullable Long getBreakOf() {
		return breakOf;
	}

	public DayOfWeek getDayOfWeek() {
		return dayOfWeek;
	}

	public LocalTime getStartTime() {
		return startTime;
	}

	public LocalTime getEndTime() {
		return endTime;
	}

	public boolean isAvailable() {
		return available;
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
