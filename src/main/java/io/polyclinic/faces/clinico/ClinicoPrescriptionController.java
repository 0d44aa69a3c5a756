package io.polyclinic.faces.clinico;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.polyclinic.clinical.Medication;
import io.polyclinic.clinical.NewPrescription;
import io.polyclinic.clinical.Prescription;
import io.polyclinic.clinical.PrescriptionStatus;
import io.polyclinic.clinical.Prescriptions;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Ref;
import io.polyclinic.platform.Refusal;

/**
 * clinico.md's prescription, issued by the consultation's doctor: one medicine per call, at the consultation named
 * by its UUID — a prescription in the clinic's records (hcp's EMR shows it), which starts the
 * patient's medicine reminders.
 */
@RestController
@RequestMapping("/api/prescriptions")
class ClinicoPrescriptionController {

	private final Prescriptions prescriptions;

	ClinicoPrescriptionController(Prescriptions prescriptions) {
		this.prescriptions = prescriptions;
	}

	record PrescriptionBody(@Nullable String consultationId, @Nullable String medicationName, @Nullable String dosage,
			@Nullable String frequency, @Nullable String duration, @Nullable String medicationCategory,
			@Nullable String doctorNotes, @Nullable String importantNotes) {
	}

	record Issued(UUID prescriptionIdUuid, boolean isActive) {
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Issued issue(@RequestBody PrescriptionBody body, @AuthenticationPrincipal Actor actor) {
		// the consultation's UUID, or its integer id as clinico.md's example shows one
		Ref consultation = Ref.parse(body.consultationId())
			.orElseThrow(() -> Refusal.invalidField("consultationId", body.consultationId() == null
					? "This field is required." : "must be the consultation's UUID"));
		var medicine = new Medication(body.medicationName(), body.dosage(), body.frequency(), body.duration(), null,
				body.medicationCategory());
		Prescription issued = prescriptions.writeAt(consultation, new NewPrescription(null,
				List.of(medicine), null, body.importantNotes(), body.doctorNotes(), null, null, null, null), actor);
		return new Issued(issued.publicId(), issued.status() == PrescriptionStatus.ACTIVE);
	}
}
