package io.polyclinic.faces.mibo;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Ref;
import io.polyclinic.scheduling.Availability;
import io.polyclinic.scheduling.TimeBlock;
import io.polyclinic.scheduling.TimeBlocks;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The admin panel's slot blocking, {@code /api/admin/slots/...}: taking time out of a clinician's calendar on their
 * clock, listing and removing blocks, and the patients already booked in time about to be blocked. A block is of the
 * clinician's time wherever they work, so the centre the panel names is accepted and not kept. Who may block is
 * scheduling's rule (the keepers of the clinician); the roles here only turn others away early.
 */
@RestController
@RequestMapping("/api/admin/slots")
@PreAuthorize("hasAnyRole('ADMIN','SUPERADMIN','MANAGER','CENTRE_MANAGER')")
class SlotBlockingController {

	/** At most this many slots in one request, as the panel's pickers offer. */
	static final int MAX_SLOTS = 100;

	private final TimeBlocks blocks;
	private final Availability availability;

	SlotBlockingController(TimeBlocks blocks, Availability availability) {
		this.blocks = blocks;
		this.availability = availability;
	}

	record SlotInput(@JsonProperty("clinician_id") @NotNull(message = "clinician_id is required") Long clinicianId,
			@JsonProperty("centre_id") @Nullable Long centreId,
			@NotNull(message = "date is required") String date,
			@JsonProperty("start_time") @NotNull(message = "start_time is required") String startTime,
			@JsonProperty("end_time") @NotNull(message = "end_time is required") String endTime,
			@Size(max = TimeBlocks.MAX_REASON) @Nullable String reason) {
	}

	record SlotsInput(@NotEmpty(message = "Missing or invalid slots array")
			@Size(max = MAX_SLOTS, message = "At most " + MAX_SLOTS + " slots at once")
			List<@NotNull @Valid SlotInput> slots, @Size(max = TimeBlocks.MAX_REASON) @Nullable String reason) {
	}

	record DayInput(@JsonProperty("clinician_id") @NotNull(message = "clinician_id is required") Long clinicianId,
			@JsonProperty("centre_id") @Nullable Long centreId,
			@NotNull(message = "date is required") String date,
			@Size(max = TimeBlocks.MAX_REASON) @Nullable String reason) {
	}

	record BlockedSlot(long id, @JsonProperty("clinician_id") long clinicianId,
			@JsonProperty("centre_id") @Nullable Long centreId, @JsonProperty("blocked_date") String blockedDate,
			@JsonProperty("start_time") String startTime, @JsonProperty("end_time") String endTime,
			@Nullable String reason, @JsonProperty("blocked_by_admin_id") @Nullable Long blockedBy,
			@JsonProperty("blocked_at") String blockedAt, @JsonProperty("is_blocked") boolean isBlocked) {

		static BlockedSlot of(TimeBlock b) {
			ZonedDateTime start = b.startsAt().atZone(b.zone());
			ZonedDateTime end = b.endsAt().atZone(b.zone());
			// a block to midnight ends the day it starts on, as the panel shows days
			String endTime = end.toLocalDate().isAfter(start.toLocalDate()) && end.toLocalTime().equals(LocalTime.MIDNIGHT)
					? "23:59:59" : MiboAppointments.time(end.toLocalTime());
			return new BlockedSlot(b.id(), b.clinicianId(), null, start.toLocalDate().toString(),
					MiboAppointments.time(start.toLocalTime()), endTime, b.reason(), b.createdByUserId(),
					MiboFormats.instant(b.createdAt()).toString(), b.active());
		}
	}

	record AffectedPatient(@JsonProperty("patient_id") long patientId,
			@JsonProperty("patient_name") String patientName, @JsonProperty("patient_phone") @Nullable String phone,
			@JsonProperty("patient_email") @Nullable String email,
			@JsonProperty("appointment_id") long appointmentId,
			@JsonProperty("appointment_time") String appointmentTime,
			@JsonProperty("appointment_status") String status,
			@JsonProperty("clinician_name") String clinicianName,
			@JsonProperty("payment_status") @Nullable String paymentStatus,
			@JsonProperty("refund_eligible") boolean refundEligible) {

		static AffectedPatient of(TimeBlocks.AffectedPatient a) {
			return new AffectedPatient(a.patientId(), a.patientName(), a.patientPhone(), a.patientEmail(),
					a.appointmentId(), MiboFormats.instant(a.startsAt()).toString(), MiboAppointments.shown(a.status()).name(),
					a.clinicianName(), null, false);
		}
	}

	/** Blocks one span of a day; answers the block and the patients already booked in it. */
	@PostMapping("/block")
	Reply<Map<String, Object>> block(@Valid @RequestBody SlotInput request, @AuthenticationPrincipal Actor actor) {
		var affected = affected(request, actor);
		TimeBlock block = block(request, request.reason(), actor);
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("blocked_slot", BlockedSlot.of(block));
		data.put("affected_patients", affected);
		return Reply.of("Slot blocked successfully", data);
	}

	/** Blocks several spans at once, all or none (scheduling decides in one transaction). */
	@PostMapping("/block-multiple")
	Reply<Map<String, Object>> blockMultiple(@Valid @RequestBody SlotsInput request,
			@AuthenticationPrincipal Actor actor) {
		List<AffectedPatient> affected = new ArrayList<>();
		List<TimeBlocks.Span> spans = new ArrayList<>();
		for (SlotInput slot : request.slots()) {
			affected.addAll(affected(slot, actor));
			Span span = Span.of(slot);
			spans.add(new TimeBlocks.Span(Ref.id(slot.clinicianId()), span.date(), span.start(), span.end(),
					slot.reason() != null ? slot.reason() : request.reason()));
		}
		List<BlockedSlot> blocked = blocks.blockAll(spans, actor).stream().map(BlockedSlot::of).toList();
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("blocked_slots", blocked);
		data.put("blocked_count", blocked.size());
		data.put("affected_patients", affected);
		return Reply.of("Slots blocked successfully", data);
	}

	/** Blocks the clinician's whole day, midnight to midnight on their clock; counts the grid slots it takes. */
	@PostMapping("/block-day")
	Reply<Map<String, Object>> blockDay(@Valid @RequestBody DayInput request, @AuthenticationPrincipal Actor actor) {
		LocalDate date = MiboAppointments.parseDate("date", request.date());
		Ref clinician = Ref.id(request.clinicianId());
		var affected = blocks.affectedPatients(clinician, date, null, null, actor).stream().map(AffectedPatient::of)
			.toList();
		TimeBlock block = blocks.block(clinician, date, null, null, request.reason(), actor);
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("blocked_slot", BlockedSlot.of(block));
		data.put("blocked_count", availability.slots(clinician, request.centreId(), date).size());
		data.put("affected_patients", affected);
		return Reply.of("Day blocked successfully", data);
	}

	@PostMapping("/unblock/{id}")
	Reply<BlockedSlot> unblock(@PathVariable long id, @AuthenticationPrincipal Actor actor) {
		return Reply.of("Slot unblocked successfully", BlockedSlot.of(blocks.unblock(id, actor)));
	}

	/**
	 * Blocks reaching into the days asked (today and four weeks on by default): of one clinician, or of all for
	 * administrators and managers; {@code is_blocked=false} lists removed blocks too.
	 */
	@GetMapping("/blocked")
	Reply<Map<String, Object>> blocked(@RequestParam(name = "clinician_id", required = false) @Nullable Long clinicianId,
			@RequestParam(name = "centre_id", required = false) @Nullable Long centreId,
			@RequestParam(name = "date_from", required = false) @Nullable String dateFrom,
			@RequestParam(name = "date_to", required = false) @Nullable String dateTo,
			@RequestParam(name = "is_blocked", required = false) @Nullable Boolean isBlocked,
			@AuthenticationPrincipal Actor actor) {
		LocalDate from = dateFrom == null ? LocalDate.now() : MiboAppointments.parseDate("date_from", dateFrom);
		LocalDate to = dateTo == null ? from.plusWeeks(4) : MiboAppointments.parseDate("date_to", dateTo);
		boolean withRemoved = isBlocked != null && !isBlocked;
		var list = blocks.list(clinicianId, from, to, withRemoved, actor).stream()
			.filter(b -> !withRemoved || !b.active())
			.map(BlockedSlot::of)
			.toList();
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("blocked_slots", list);
		data.put("total", list.size());
		return Reply.of(data);
	}

	/** The patients booked in the spans, before blocking them. */
	@PostMapping("/affected-patients")
	Reply<Map<String, Object>> affectedPatients(@Valid @RequestBody SlotsInput request,
			@AuthenticationPrincipal Actor actor) {
		List<AffectedPatient> affected = new ArrayList<>();
		for (SlotInput slot : request.slots()) {
			affected.addAll(affected(slot, actor));
		}
		return Reply.of(Map.of("affected_patients", affected));
	}

	private List<AffectedPatient> affected(SlotInput slot, Actor actor) {
		Span span = Span.of(slot);
		return blocks.affectedPatients(Ref.id(slot.clinicianId()), span.date(), span.start(), span.end(), actor)
			.stream().map(AffectedPatient::of).toList();
	}

	private TimeBlock block(SlotInput slot, @Nullable String reason, Actor actor) {
		Span span = Span.of(slot);
		return blocks.block(Ref.id(slot.clinicianId()), span.date(), span.start(), span.end(), reason, actor);
	}

	private record Span(LocalDate date, LocalTime start, @Nullable LocalTime end) {

		/** An end of 23:59(:59) or 24:00 means the day's end. */
		static Span of(SlotInput slot) {
			LocalDate date = MiboAppointments.parseDate("date", slot.date());
			LocalTime start = MiboAppointments.parseTime("start_time", slot.startTime());
			String endText = slot.endTime().trim();
			LocalTime end = endText.startsWith("24:00") ? null : MiboAppointments.parseTime("end_time", endText);
			if (end != null && end.getHour() == 23 && end.getMinute() == 59) {
				end = null;
			}
			return new Span(date, start, end);
		}
	}
}
