package io.polyclinic.faces.hcp;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

import io.polyclinic.clinical.MedicalHistories;
import io.polyclinic.clinical.MedicalHistoryChanges;
import io.polyclinic.platform.Actor;
import tools.jackson.databind.JsonNode;

/**
 * A patient's medical history, named by the patient's user id: read (empty, with a null {@code id}, until someone
 * writes it) and written (the first write makes it; fields left out stay as they are).
 */
@RestController
@RequestMapping("/api/emr/medical-history")
class HcpMedicalHistoryController {

	private final MedicalHistories histories;
	private final HcpCharts charts;

	HcpMedicalHistoryController(MedicalHistories histories, HcpCharts charts) {
		this.histories = histories;
		this.charts = charts;
	}

	@GetMapping("/{patientId}")
	HcpReply<HcpCharts.History> get(@PathVariable long patientId, @AuthenticationPrincipal Actor actor) {
		return HcpReply.ok(HcpCharts.history(histories.get(charts.patientAt(patientId).id(), actor)),
				"Medical history retrieved successfully");
	}

	/** The lists are JSON arrays of whatever the app keeps in them (strings or objects). */
	record Changes(@Nullable JsonNode chronicConditions, @Nullable JsonNode allergies,
			@Nullable JsonNode currentMedications, @Nullable JsonNode surgicalHistory,
			@Nullable JsonNode immunizations, @Nullable String familyHistory, @Nullable String smokingStatus,
			@Nullable String alcoholConsumption, @Nullable String exerciseHabits) {
	}

	@RequestMapping(path = "/{patientId}", method = { RequestMethod.PUT, RequestMethod.PATCH })
	HcpReply<HcpCharts.History> change(@PathVariable long patientId, @RequestBody Changes body,
			@AuthenticationPrincipal Actor actor) {
		var written = histories.change(charts.patientAt(patientId).id(), new MedicalHistoryChanges(
				text(body.chronicConditions()), text(body.allergies()), text(body.currentMedications()),
				text(body.surgicalHistory()), text(body.immunizations()), body.familyHistory(), body.smokingStatus(),
				body.alcoholConsumption(), body.exerciseHabits()), actor);
		return HcpReply.ok(HcpCharts.history(written), "Medical history updated successfully");
	}

	private static @Nullable String text(@Nullable JsonNode node) {
		return node == null ? null : node.toString();
	}
}
