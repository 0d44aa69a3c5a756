package io.polyclinic.faces.mibo;

import static io.polyclinic.faces.mibo.MiboFormats.EMAIL;
import static io.polyclinic.faces.mibo.MiboFormats.INVALID_EMAIL;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.polyclinic.directory.Clinician;
import io.polyclinic.directory.ClinicianDetails;
import io.polyclinic.directory.ClinicianPractice;
import io.polyclinic.directory.ClinicianRegistry;
import io.polyclinic.faces.Money;
import io.polyclinic.faces.mibo.FrontDeskWizardController.RangeSlot;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.PublicEndpoint;
import io.polyclinic.platform.Refusal;
import io.polyclinic.scheduling.Availability;
import io.polyclinic.scheduling.AvailabilityRule;
import io.polyclinic.scheduling.Slot;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * The admin panel's clinician pages (the original backend's dialect, not in mibo.md): creating, editing and removing
 * a clinician under {@code /api/users/clinicians}, their sign-in, their weekly hours and a day's slots. The directory
 * keeps the clinician and decides who may; scheduling keeps the hours. The two reads {@code GET /api/users/clinicians}
 * and {@code GET /api/users/clinicians/{id}} live in {@link ClinicianController}'s neighbourhood, not here.
 * <p>
 * The panel writes a day of the week as a number, 0 for Sunday to 6 for Saturday, and a rule's {@code mode} as
 * {@code IN_PERSON} (kept at the rule's centre) or {@code ONLINE} (kept at no centre).
 */
@RestController
@RequestMapping("/api/users/clinicians")
class PanelClinicianController {

	private static final String KEEPERS = "hasAnyRole('ADMIN','MANAGER','CENTRE_MANAGER')";
	private static final DateTimeFormatter HOURS_MINUTES = DateTimeFormatter.ofPattern("HH:mm");

	private final ClinicianRegistry clinicians;
	private final Availability availability;

	PanelClinicianController(ClinicianRegistry clinicians, Availability availability) {
		this.clinicians = clinicians;
		this.availability = availability;
	}

	/** A clinician as the panel's pages read one: the contract's profile fields and the panel's own. */
	record PanelClinician(long id, long userId, String fullName, @JsonProperty("full_name") String full_name,
			String name, @Nullable String phone, @Nullable String email, @Nullable Long primaryCentreId,
			List<String> specialization, List<String> qualification, List<String> expertise, List<String> languages,
			@Nullable String designation, @Nullable String registrationNumber, @Nullable Integer yearsOfExperience,
			long consultationFee, @Nullable String bio, List<String> consultationModes, int defaultDurationMinutes,
			int defaultConsultationDurationMinutes, @Nullable String profilePictureUrl, boolean isActive) {

		static PanelClinician of(Clinician c) {
			ClinicianPractice p = c.practice();
			return new PanelClinician(c.id(), c.userId(), c.fullName(), c.fullName(), c.fullName(), c.phone(),
					c.email(), c.primaryCentreId(), c.specializations(), c.qualifications(),
					p.expertise() == null ? List.of() : p.expertise(), c.languages(), p.designation(),
					p.registrationNumber(), c.yearsOfExperience(), Money.whole(c.feeMinor(), c.currency()), c.bio(),
					p.consultationModes() == null ? List.of() : p.consultationModes(), c.consultationMinutes(),
					c.consultationMinutes(), c.profilePictureUrl(), c.active());
		}
	}

	/** One time the panel's calendar picked: a weekday (0 Sunday … 6 Saturday), start and end, the mode. */
	record PickedSlot(@Nullable String id, @NotNull(message = "Day of week is required") Integer dayOfWeek,
			@NotBlank(message = "Start time is required") String startTime,
			@NotBlank(message = "End time is required") String endTime, @Nullable String consultationMode) {
	}

	/**
	 * The panel's create form. {@code role_ids} is accepted and never read (the path makes a clinician; the
	 * panel's 4 is mibo.md's CENTRE_MANAGER); {@code centre_ids} is the clinician's one centre, as
	 * {@code primary_centre_id}; {@code availability_slots} become the clinician's weekly hours.
	 */
	record NewPanelClinician(@JsonAlias("full_name") @NotBlank(message = "Full name is required") String fullName,
			@Nullable String phone, @Nullable @Pattern(regexp = EMAIL, message = INVALID_EMAIL) String email,
			@Nullable String username,
			@NotBlank(message = "Password is required") @Size(min = 8, message = "Password must be at least 8 characters") String password,
			@JsonProperty("role_ids") @Nullable List<Integer> roleIds,
			@JsonProperty("centre_ids") @Nullable List<Long> centreIds,
			@JsonAlias("primary_centre_id") @Nullable Long primaryCentreId,
			@Nullable @Size(max = 120, message = "Designation is at most 120 characters") String designation,
			@Nullable List<String> specialization,
			@JsonAlias("registration_number") @Nullable @Size(max = 100, message = "Registration number is at most 100 characters") String registrationNumber,
			@JsonAlias("years_of_experience") @Nullable @Min(value = 0, message = "Years of experience must be between 0 and 80") @Max(value = 80, message = "Years of experience must be between 0 and 80") Integer yearsOfExperience,
			@JsonAlias("consultation_fee") @Nullable @PositiveOrZero(message = "Consultation fee cannot be negative") @Max(value = 10_000_000, message = "Consultation fee is too large") Long consultationFee,
			@Nullable @Size(max = 4000, message = "Bio is at most 4000 characters") String bio,
			@JsonAlias("consultation_modes") @Nullable List<String> consultationModes,
			@JsonAlias({ "default_consultation_duration_minutes", "defaultDurationMinutes" }) @Nullable @Min(value = 5, message = "Consultation length must be between 5 and 480 minutes") @Max(value = 480, message = "Consultation length must be between 5 and 480 minutes") Integer defaultConsultationDurationMinutes,
			@JsonAlias("profile_picture_url") @Nullable String profilePictureUrl, @Nullable List<String> qualification,
			@Nullable List<String> expertise, @Nullable List<String> languages,
			@JsonProperty("availability_slots") @Nullable @Size(max = 100, message = "At most 100 availability slots") List<@NotNull(message = "A slot cannot be null") @Valid PickedSlot> availability_slots) {
	}

	/** The panel's edit form (camelCase); a blank email leaves the email as it is. */
	record PanelClinicianChanges(@JsonAlias("full_name") @Nullable String fullName, @Nullable String phone,
			@Nullable String email, @JsonAlias("primary_centre_id") @Nullable Long primaryCentreId,
			@Nullable List<String> specialization,
			@JsonAlias("registration_number") @Nullable @Size(max = 100, message = "Registration number is at most 100 characters") String registrationNumber,
			@JsonAlias("years_of_experience") @Nullable @Min(value = 0, message = "Years of experience must be between 0 and 80") @Max(value = 80, message = "Years of experience must be between 0 and 80") Integer yearsOfExperience,
			@JsonAlias("consultation_fee") @Nullable @PositiveOrZero(message = "Consultation fee cannot be negative") @Max(value = 10_000_000, message = "Consultation fee is too large") Long consultationFee,
			@Nullable @Size(max = 4000, message = "Bio is at most 4000 characters") String bio,
			@JsonAlias("consultation_modes") @Nullable List<String> consultationModes,
			@JsonAlias({ "default_consultation_duration_minutes", "defaultConsultationDurationMinutes" }) @Nullable @Min(value = 5, message = "Consultation length must be between 5 and 480 minutes") @Max(value = 480, message = "Consultation length must be between 5 and 480 minutes") Integer defaultDurationMinutes,
			@JsonAlias("profile_picture_url") @Nullable String profilePictureUrl, @Nullable List<String> qualification,
			@Nullable List<String> expertise, @Nullable List<String> languages,
			@Nullable @Size(max = 120, message = "Designation is at most 120 characters") String designation) {
	}

	record Credentials(@Nullable String username,
			@Nullable @Size(min = 8, message = "Password must be at least 8 characters") String password) {
	}

	/** One weekly rule as the panel sends it back: its own fields, or the snake_case ones it read. */
	record PanelRuleInput(@JsonAlias("centre_id") @Nullable String centreId,
			@JsonAlias("day_of_week") @NotNull(message = "Day of week is required") Integer dayOfWeek,
			@JsonAlias("start_time") @NotBlank(message = "Start time is required") String startTime,
			@JsonAlias("end_time") @NotBlank(message = "End time is required") String endTime,
			@JsonAlias("slot_duration_minutes") @Nullable @Min(value = 5, message = "Slot length must be between 5 and 480 minutes") @Max(value = 480, message = "Slot length must be between 5 and 480 minutes") Integer slotDurationMinutes,
			@Nullable String mode, @JsonAlias("consultation_mode") @Nullable String consultationMode) {
	}

	record PanelHours(@JsonProperty("availability_rules") @NotNull(message = "Availability rules are required")
			@Size(max = 100, message = "At most 100 availability rules")
			List<@NotNull(message = "A rule cannot be null") @Valid PanelRuleInput> availability_rules) {
	}

	/** A weekly rule, in the panel's camelCase and in the snake_case its edit form reads. */
	record PanelRule(long clinicianId, @JsonProperty("clinician_id") long clinician_id, @Nullable Long centreId,
			@JsonProperty("centre_id") @Nullable Long centre_id, int dayOfWeek,
			@JsonProperty("day_of_week") int day_of_week, String startTime, @JsonProperty("start_time") String start_time,
			String endTime, @JsonProperty("end_time") String end_time, int slotDurationMinutes,
			@JsonProperty("slot_duration_minutes") int slot_duration_minutes, String mode,
			@JsonProperty("consultation_mode") String consultation_mode, boolean isAvailable,
			@JsonProperty("isActive") boolean isActive) {

		static PanelRule of(long clinicianId, int minutes, AvailabilityRule r) {
			int day = r.dayOfWeek().getValue() % 7;
			String start = HOURS_MINUTES.format(r.startTime());
			String end = HOURS_MINUTES.format(r.endTime());
			String mode = r.centreId() == null ? ClinicianPractice.ONLINE : ClinicianPractice.IN_PERSON;
			return new PanelRule(clinicianId, clinicianId, r.centreId(), r.centreId(), day, day, start, start, end, end,
					minutes, minutes, mode, mode, r.available(), r.available());
		}
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize(KEEPERS)
	Reply<PanelClinician> create(@Valid @RequestBody NewPanelClinician request, @AuthenticationPrincipal Actor actor) {
		Long centre = homeCentre(request.primaryCentreId(), request.centreIds());
		List<AvailabilityRule> hours = request.availability_slots() == null ? List.of()
				: picked(request.availability_slots(), centre);
		ClinicianDetails details = new ClinicianDetails(request.fullName(), request.phone(), request.email(), centre,
				request.specialization(), request.qualification(), request.languages(), request.yearsOfExperience(),
				Money.minorOfWhole(request.consultationFee(), MiboFormats.CURRENCY),
				request.defaultConsultationDurationMinutes(), blankToNull(request.profilePictureUrl()),
				blankToNull(request.bio()), null);
		ClinicianPractice practice = new ClinicianPractice(request.designation(), request.registrationNumber(),
				modes("consultation_modes", request.consultationModes()), request.expertise());
		Clinician c = clinicians.register(details, practice, request.username(), request.password(), actor);
		if (!hours.isEmpty()) {
			availability.replaceRules(c.id(), hours, actor);
		}
		return Reply.of("Clinician created successfully", PanelClinician.of(c));
	}

	@PutMapping("/{id}")
	@PreAuthorize(KEEPERS)
	Reply<PanelClinician> update(@PathVariable long id, @Valid @RequestBody PanelClinicianChanges request,
			@AuthenticationPrincipal Actor actor) {
		String email = blankToNull(request.email());
		if (email != null && !email.matches(EMAIL)) {
			throw Refusal.invalidField("email", INVALID_EMAIL);
		}
		ClinicianDetails details = new ClinicianDetails(blankToNull(request.fullName()), blankToNull(request.phone()),
				email, request.primaryCentreId(), request.specialization(), request.qualification(),
				request.languages(), request.yearsOfExperience(),
				Money.minorOfWhole(request.consultationFee(), MiboFormats.CURRENCY), request.defaultDurationMinutes(),
				request.profilePictureUrl(), request.bio(), null);
		ClinicianPractice practice = new ClinicianPractice(request.designation(), request.registrationNumber(),
				modes("consultationModes", request.consultationModes()), request.expertise());
		return Reply.of("Clinician updated successfully",
				PanelClinician.of(clinicians.change(id, details, practice, actor)));
	}

	@DeleteMapping("/{id}")
	@PreAuthorize(KEEPERS)
	Reply<Void> delete(@PathVariable long id, @AuthenticationPrincipal Actor actor) {
		clinicians.remove(id, actor);
		return Reply.message("Clinician deleted successfully");
	}

	@PatchMapping("/{id}/credentials")
	@PreAuthorize(KEEPERS)
	Reply<PanelClinician> credentials(@PathVariable long id, @Valid @RequestBody Credentials request,
			@AuthenticationPrincipal Actor actor) {
		return Reply.of("Credentials updated successfully",
				PanelClinician.of(clinicians.changeCredentials(id, request.username(), request.password(), actor)));
	}

	/** A listed clinician's weekly hours, public as {@code GET /api/clinicians/{id}/availability} is. */
	@PublicEndpoint
	@GetMapping("/{id}/availability")
	Reply<List<PanelRule>> hours(@PathVariable long id) {
		Clinician c = clinicians.getListed(id);
		return Reply.of(availability.weeklyHours(id).stream()
			.map(r -> PanelRule.of(id, c.consultationMinutes(), r)).toList());
	}

	/**
	 * Replaces the clinician's weekly hours as a whole. Slots are as long as the clinician's consultation: a
	 * {@code slotDurationMinutes} the rules agree on becomes that length; rules that disagree are refused.
	 */
	@PutMapping("/{id}/availability")
	@PreAuthorize(KEEPERS)
	Reply<List<PanelRule>> replaceHours(@PathVariable long id, @Valid @RequestBody PanelHours request,
			@AuthenticationPrincipal Actor actor) {
		List<AvailabilityRule> rules = new ArrayList<>();
		Integer length = null;
		for (int i = 0; i < request.availability_rules().size(); i++) {
			PanelRuleInput rule = request.availability_rules().get(i);
			String field = "availability_rules[" + i + "].";
			String mode = rule.mode() != null ? rule.mode() : rule.consultationMode();
			Long centre = centreOf(field + "centreId", rule.centreId());
			boolean online = ClinicianPractice.ONLINE.equals(mode(field + "mode", mode));
			if (!online && centre == null && mode != null) {
				throw Refusal.invalidField(field + "centreId", "An in-person rule needs its centre");
			}
			LocalTime start = MiboAppointments.parseTime(field + "startTime", rule.startTime());
			LocalTime end = MiboAppointments.parseTime(field + "endTime", rule.endTime());
			if (!start.isBefore(end)) {
				throw Refusal.invalidField(field + "endTime", "Must be after startTime");
			}
			rules.add(new AvailabilityRule(weekday(field + "dayOfWeek", rule.dayOfWeek()), start, end, true,
					online ? null : centre));
			if (rule.slotDurationMinutes() != null) {
				if (length != null && !length.equals(rule.slotDurationMinutes())) {
					throw Refusal.invalidField(field + "slotDurationMinutes",
							"Every rule has the clinician's one consultation length");
				}
				length = rule.slotDurationMinutes();
			}
		}
		Clinician c = clinicians.get(id);
		if (length != null && length != c.consultationMinutes()) {
			c = clinicians.change(id, new ClinicianDetails(null, null, null, null, null, null, null, null, null, length,
					null, null, null), actor);
		}
		int minutes = c.consultationMinutes();
		var kept = availability.replaceRules(id, rules, actor).stream().map(r -> PanelRule.of(id, minutes, r)).toList();
		return Reply.of("Availability updated successfully", kept);
	}

	/** The day to clear: 0 (Sunday) to 6 (Saturday), at the centre (and online), or at every centre when none. */
	record DayToClear(@NotNull(message = "Day of week is required") Integer dayOfWeek, @Nullable Long centreId) {
	}

	/**
	 * The weekly rules by day of the week ({@code "0"} Sunday … {@code "6"} Saturday), days without rules left out:
	 * those kept at the centre and those kept at none (online); every rule when no centre is given.
	 */
	@PublicEndpoint
	@GetMapping("/{id}/availability/by-day")
	Reply<Map<String, List<PanelRule>>> hoursByDay(@PathVariable long id,
			@RequestParam(required = false) @Nullable Long centreId) {
		Clinician c = clinicians.getListed(id);
		Map<String, List<PanelRule>> days = new TreeMap<>();
		for (AvailabilityRule r : availability.weeklyHours(id)) {
			if (centreId == null || r.centreId() == null || centreId.equals(r.centreId())) {
				PanelRule rule = PanelRule.of(id, c.consultationMinutes(), r);
				days.computeIfAbsent(String.valueOf(rule.dayOfWeek()), d -> new ArrayList<>()).add(rule);
			}
		}
		return Reply.of(days);
	}

	/** Clears a day's rules as {@code by-day} lists them; answers the rules left. */
	@PostMapping("/{id}/availability/delete-by-day")
	@PreAuthorize(KEEPERS)
	Reply<List<PanelRule>> clearDay(@PathVariable long id, @Valid @RequestBody DayToClear request,
			@AuthenticationPrincipal Actor actor) {
		DayOfWeek day = weekday("dayOfWeek", request.dayOfWeek());
		int minutes = clinicians.get(id).consultationMinutes();
		var left = availability.removeDay(id, day, request.centreId(), actor).stream()
			.map(r -> PanelRule.of(id, minutes, r)).toList();
		return Reply.of("Deleted the " + day.getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " availability", left);
	}

	/** A day's slots of a listed clinician, as {@code /api/booking/clinician-slots} answers each. */
	@PublicEndpoint
	@GetMapping("/{id}/slots")
	Reply<List<RangeSlot>> slots(@PathVariable long id, @RequestParam String date,
			@RequestParam(required = false) @Nullable Long centreId) {
		var day = MiboAppointments.parseDate("date", date);
		Clinician clinician = clinicians.getListed(id);
		Long centre = centreId != null ? centreId : clinician.primaryCentreId();
		String mode = centre == null ? ClinicianPractice.ONLINE : ClinicianPractice.IN_PERSON;
		List<RangeSlot> slots = new ArrayList<>();
		for (Slot slot : availability.slots(id, centreId, day)) {
			slots.add(new RangeSlot(id, centre, day.toString(), HOURS_MINUTES.format(slot.time()),
					HOURS_MINUTES.format(slot.endTime()),
					slot.available() ? "available" : "booked", mode));
		}
		return Reply.of(slots);
	}

	private static @Nullable Long homeCentre(@Nullable Long primaryCentreId, @Nullable List<Long> centreIds) {
		if (centreIds == null || centreIds.isEmpty()) {
			return primaryCentreId;
		}
		if (centreIds.size() > 1 || centreIds.get(0) == null
				|| (primaryCentreId != null && !primaryCentreId.equals(centreIds.get(0)))) {
			throw Refusal.invalidField("centre_ids", "A clinician has one centre, their primary centre");
		}
		return centreIds.get(0);
	}

	private static List<AvailabilityRule> picked(List<PickedSlot> slots, @Nullable Long centre) {
		List<AvailabilityRule> rules = new ArrayList<>();
		for (int i = 0; i < slots.size(); i++) {
			PickedSlot slot = slots.get(i);
			String field = "availability_slots[" + i + "].";
			boolean online = ClinicianPractice.ONLINE.equals(mode(field + "consultationMode", slot.consultationMode()));
			LocalTime start = MiboAppointments.parseTime(field + "startTime", slot.startTime());
			LocalTime end = MiboAppointments.parseTime(field + "endTime", slot.endTime());
			if (!start.isBefore(end)) {
				throw Refusal.invalidField(field + "endTime", "Must be after startTime");
			}
			rules.add(new AvailabilityRule(weekday(field + "dayOfWeek", slot.dayOfWeek()), start, end, true,
					online ? null : centre));
		}
		return rules;
	}

	private static @Nullable List<String> modes(String field, @Nullable List<String> modes) {
		if (modes == null) {
			return null;
		}
		return modes.stream().map(m -> mode(field, m)).toList();
	}

	/** IN_PERSON unless said otherwise; anything but the two modes is refused. */
	private static String mode(String field, @Nullable String mode) {
		if (mode == null || mode.isBlank()) {
			return ClinicianPractice.IN_PERSON;
		}
		String m = mode.trim().toUpperCase(Locale.ROOT).replace('-', '_');
		if (!ClinicianPractice.MODES.contains(m)) {
			throw Refusal.invalidField(field, "Mode must be IN_PERSON or ONLINE");
		}
		return m;
	}

	/** The panel's 0 (Sunday) to 6 (Saturday). */
	private static DayOfWeek weekday(String field, int day) {
		if (day < 0 || day > 6) {
			throw Refusal.invalidField(field, "Day of week must be 0 (Sunday) to 6 (Saturday)");
		}
		return day == 0 ? DayOfWeek.SUNDAY : DayOfWeek.of(day);
	}

	private static @Nullable Long centreOf(String field, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Long.valueOf(value.trim());
		}
		catch (NumberFormatException e) {
			throw Refusal.invalidField(field, "Must be a centre id");
		}
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}
}
