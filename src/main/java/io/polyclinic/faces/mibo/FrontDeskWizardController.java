package io.polyclinic.faces.mibo;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.polyclinic.directory.Clinician;
import io.polyclinic.directory.ClinicianRegistry;
import io.polyclinic.platform.PublicEndpoint;
import io.polyclinic.platform.Ref;
import io.polyclinic.scheduling.Availability;
import io.polyclinic.scheduling.Slot;

/**
 * The admin panel's booking wizard and clinician page (the original backend's dialect, not in the contract):
 * {@code GET /api/booking/clinician-slots?clinicianId&startDate&endDate[&centreId]}, every slot of a listed
 * clinician's grid over a range of days. Public, as the original had it and as every clinician's slots are.
 */
@RestController
@RequestMapping("/api/booking")
class FrontDeskWizardController {

	private static final DateTimeFormatter HOURS_MINUTES = DateTimeFormatter.ofPattern("HH:mm");

	private final Availability availability;
	private final ClinicianRegistry clinicians;

	FrontDeskWizardController(Availability availability, ClinicianRegistry clinicians) {
		this.availability = availability;
		this.clinicians = clinicians;
	}

	/**
	 * One slot of the range. {@code status} is {@code available} or {@code booked} (taken, or already past);
	 * {@code mode} is {@code IN_PERSON} at a centre and {@code ONLINE} for a clinician of no centre.
	 */
	record RangeSlot(long clinicianId, @Nullable Long centreId, String date, String startTime, String endTime,
			String status, String mode) {
	}

	@PublicEndpoint
	@GetMapping("/clinician-slots")
	Reply<List<RangeSlot>> clinicianSlots(@RequestParam long clinicianId, @RequestParam String startDate,
			@RequestParam String endDate, @RequestParam(required = false) @Nullable Long centreId) {
		LocalDate first = MiboAppointments.parseDate("startDate", startDate);
		LocalDate last = MiboAppointments.parseDate("endDate", endDate);
		Clinician clinician = clinicians.getListed(clinicianId);
		Long centre = centreId != null ? centreId : clinician.primaryCentreId();
		String mode = centre == null ? "ONLINE" : "IN_PERSON";
		List<RangeSlot> slots = new ArrayList<>();
		availability.slots(Ref.id(clinicianId), centreId, first, last).forEach((date, day) -> {
			for (Slot slot : day) {
				slots.add(new RangeSlot(clinicianId, centre, date.toString(), HOURS_MINUTES.format(slot.time()),
						HOURS_MINUTES.format(slot.endTime()),
						slot.available() ? "available" : "booked", mode));
			}
		});
		return Reply.of(slots);
	}
}
