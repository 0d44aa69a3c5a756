package io.polyclinic.faces.hcp;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.polyclinic.clinical.MedicalSummaries;
import io.polyclinic.clinical.MedicalSummary;
import io.polyclinic.directory.Patient;
import io.polyclinic.identity.Account;
import io.polyclinic.platform.Actor;
import jakarta.servlet.http.HttpServletRequest;

/**
 * A patient's medical summary, named by the patient's user id: the patient (as the user serializer renders them), the
 * medical history, the latest vital signs, the newest encounters, prescriptions and documents (five of each, newest
 * first, each as its own endpoint renders it) and how many of each there are.
 */
@RestController
@RequestMapping("/api/emr/summary")
class HcpSummaryController {

	private final MedicalSummaries summaries;
	private final HcpCharts charts;
	private final HcpUsers users;

	HcpSummaryController(MedicalSummaries summaries, HcpCharts charts, HcpUsers users) {
		this.summaries = summaries;
		this.charts = charts;
		this.users = users;
	}

	record Summary(Map<String, Object> patient, HcpCharts.History medicalHistory,
			HcpCharts.@Nullable Vitals latestVitals, List<HcpEncounterController.EncounterView> recentEncounters,
			List<HcpPrescriptionController.PrescriptionView> recentPrescriptions,
			List<HcpCharts.Document> recentDocuments, long totalEncounters, long totalPrescriptions,
			long totalDocuments, long totalVitals) {
	}

	@GetMapping("/{patientId}")
	HcpReply<Summary> get(@PathVariable long patientId, @AuthenticationPrincipal Actor actor,
			HttpServletRequest request) {
		Patient patient = charts.patientAt(patientId);
		MedicalSummary summary = summaries.of(patient.id(), actor);
		Set<Long> people = new HashSet<>(List.of(patient.userId()));
		if (summary.latestVitals() != null) {
			people.add(summary.latestVitals().recordedByUserId());
		}
		Map<Long, Account> accounts = charts.accounts(people);
		return HcpReply.ok(new Summary(users.user(accounts.get(patient.userId()), patient),
				HcpCharts.history(summary.history()),
				summary.latestVitals() == null ? null
						: HcpCharts.vitals(summary.latestVitals(),
								accounts.get(summary.latestVitals().recordedByUserId())),
				summary.recentEncounters().stream().map(HcpEncounterController.EncounterView::of).toList(),
				summary.recentPrescriptions().stream().map(p -> HcpPrescriptionController.view(p, request)).toList(),
				summary.recentDocuments().stream().map(HcpCharts::document).toList(), summary.encounterCount(),
				summary.prescriptionCount(), summary.documentCount(), summary.vitalsCount()),
				"Medical summary retrieved successfully");
	}
}
