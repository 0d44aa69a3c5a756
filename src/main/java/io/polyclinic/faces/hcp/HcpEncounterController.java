package io.polyclinic.faces.hcp;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.polyclinic.clinical.Encounter;
import io.polyclinic.clinical.EncounterChanges;
import io.polyclinic.clinical.EncounterQuery;
import io.polyclinic.clinical.EncounterType;
import io.polyclinic.clinical.Encounters;
import io.polyclinic.clinical.NewEncounter;
import io.polyclinic.directory.PatientRegistry;
import io.polyclinic.faces.DrfPage;
import io.polyclinic.faces.Ordering;
import io.polyclinic.faces.PageQuery;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Ref;
import tools.jackson.databind.JsonNode;

/**
 * Encounters ({@code /api/emr/encounters/}), as the original's {@code Encounter}: one per appointment, written by its
 * doctor. Who may write and read is the clinical module's answer; this maps JSON. A patient is named by their
 * account's id ({@code patient}), a doctor by the doctor profile's ({@code doctor}); {@code created_by} is the
 * doctor's account.
 */
@RestController
@RequestMapping("/api/emr/encounters")
class HcpEncounterController {

	private static final Map<String, EncounterQuery.Order> ORDERS = Map.of("created_at",
			EncounterQuery.Order.CREATED_AT, "updated_at", EncounterQuery.Order.UPDATED_AT);

	private final Encounters encounters;
	private final PatientRegistry patients;

	HcpEncounterController(Encounters encounters, PatientRegistry patients) {
		this.encounters = encounters;
		this.patients = patients;
	}

	/** What the app sends to write or change an encounter; on a change, a field left out stays as it is. */
	record EncounterBody(@Nullable Long appointment, @Nullable String encounterType, @Nullable String chiefComplaint,
			@Nullable String historyOfPresentIllness, @Nullable JsonNode vitalSigns,
			@Nullable String physicalExamination, @Nullable String assessment, @Nullable List<String> diagnosisCodes,
			@Nullable String plan, @Nullable String clinicalNotes, @Nullable String followUpInstructions) {
	}

	record EncounterView(long id, long appointment, long patient, long doctor, String encounterType,
			String chiefComplaint, String historyOfPresentIllness, JsonNode vitalSigns, String physicalExamination,
			String assessment, List<String> diagnosisCodes, String plan, String clinicalNotes,
			String followUpInstructions, long createdBy, Instant createdAt, Instant updatedAt) {

		static EncounterView of(Encounter e) {
			return new EncounterView(e.id(), e.appointmentId(), e.patientUserId(), e.clinicianId(),
					HcpEmr.spelling(e.type()), e.chiefComplaint(), e.historyOfPresentIllness(),
					HcpEmr.json(e.vitalSigns()), e.physicalExamination(), e.assessment(), e.diagnosisCodes(), e.plan(),
					e.clinicalNotes(), e.followUpInstructions(), e.authorUserId(), e.createdAt(), e.updatedAt());
		}
	}

	/**
	 * The encounters the caller may see: a patient's own, a doctor's patients', all for an administrator; filtered by
	 * {@code patient} (account id), {@code appointment}, {@code doctor}, {@code encounter_type}, {@code search}
	 * (complaint, assessment, patient's name), ordered by {@code created_at} or {@code updated_at}.
	 */
	@GetMapping
	HcpReply<DrfPage<EncounterView>> list(@RequestParam(required = false) @Nullable Long patient,
			@RequestParam(required = false) @Nullable Long appointment,
			@RequestParam(required = false) @Nullable Long doctor,
			@RequestParam(name = "encounter_type", required = false) @Nullable String type,
			@RequestParam(required = false) @Nullable String search,
			@RequestParam(required = false) @Nullable String ordering, PageQuery page,
			@AuthenticationPrincipal Actor actor) {
		Ordering<EncounterQuery.Order> order = Ordering.parse("ordering", ordering, ORDERS,
				new Ordering<>(EncounterQuery.Order.CREATED_AT, true));
		var query = new EncounterQuery(HcpEmr.patientFilter(patient, patients), doctor, appointment,
				HcpEmr.choice("encounterType", type, EncounterType.class), search, order.key(), order.descending());
		return HcpReply.ok(DrfPage.of(encounters.find(query, page.pageable(), actor), page, "page",
				EncounterView::of), "Encounters retrieved successfully");
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	HcpReply<EncounterView> create(@RequestBody EncounterBody body, @AuthenticationPrincipal Actor actor) {
		Encounter written = encounters.write(new NewEncounter(body.appointment(),
				HcpEmr.choice("encounterType", body.encounterType(), EncounterType.class), body.chiefComplaint(),
				body.historyOfPresentIllness(), HcpEmr.text(body.vitalSigns()), body.physicalExamination(),
				body.assessment(), body.diagnosisCodes(), body.plan(), body.clinicalNotes(),
				body.followUpInstructions()), actor);
		return HcpReply.ok(EncounterView.of(written), "Encounter created successfully");
	}

	@GetMapping("/{id}")
	HcpReply<EncounterView> get(@PathVariable long id, @AuthenticationPrincipal Actor actor) {
		return HcpReply.ok(EncounterView.of(encounters.get(Ref.id(id), actor)), "Encounter retrieved successfully");
	}

	/** PUT and PATCH alike: what the body names changes; the appointment of an encounter never does. */
	@RequestMapping(path = "/{id}", method = { RequestMethod.PUT, RequestMethod.PATCH })
	HcpReply<EncounterView> update(@PathVariable long id, @RequestBody EncounterBody body,
			@AuthenticationPrincipal Actor actor) {
		Encounter changed = encounters.change(Ref.id(id), new EncounterChanges(
				HcpEmr.choice("encounterType", body.encounterType(), EncounterType.class), body.chiefComplaint(),
				body.historyOfPresentIllness(), HcpEmr.text(body.vitalSigns()), body.physicalExamination(),
				body.assessment(), body.diagnosisCodes(), body.plan(), body.clinicalNotes(),
				body.followUpInstructions()), actor);
		return HcpReply.ok(EncounterView.of(changed), "Encounter updated successfully");
	}
}
