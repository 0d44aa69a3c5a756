package io.polyclinic.faces.hcp;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.polyclinic.directory.Clinician;
import io.polyclinic.directory.ClinicianRegistry;
import io.polyclinic.faces.LocalFormats;
import io.polyclinic.platform.PublicEndpoint;
import io.polyclinic.scheduling.Availability;

/**
 * A doctor's open slots on one day of their clock ({@code GET /api/doctors/{id}/availability/?date=}), as the
 * original answers it — {@code {doctor_id, date, available_slots}} — each slot with the id a booking sends back.
 */
@RestController
@RequestMapping("/api/doctors")
class HcpDoctorSlotsController {

	private final Availability availability;
	private final ClinicianRegistry clinicians;

	HcpDoctorSlotsController(Availability availability, ClinicianRegistry clinicians) {
		this.availability = availability;
		this.clinicians = clinicians;
	}

	@PublicEndpoint
	@GetMapping("/{id}/availability")
	HcpReply<Map<String, Object>> slots(@PathVariable long id, @RequestParam(required = false) @Nullable String date) {
		if (date == null || date.isBlank()) {
			throw HcpAppointments.invalid("date", HcpAppointments.REQUIRED);
		}
		LocalDate day = LocalFormats.date("date", date);
		var open = availability.openSlots(id, day, day);
		Clinician doctor = clinicians.findAll(Set.of(id)).get(id);
		String name = doctor == null ? "" : doctor.fullName();
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("doctor_id", id);
		data.put("date", LocalFormats.date(day));
		data.put("timezone", doctor == null ? null : doctor.timeZone().getId());
		data.put("available_slots", open.stream().map(s -> HcpAppointments.slot(s, name)).toList());
		return HcpReply.ok(data, "Available slots retrieved successfully");
	}
}
