package io.polyclinic.faces.mibo;

import static io.polyclinic.faces.mibo.MiboFormats.EMAIL;
import static io.polyclinic.faces.mibo.MiboFormats.INVALID_EMAIL;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.polyclinic.clinical.ClinicalNote;
import io.polyclinic.clinical.ClinicalNotes;
import io.polyclinic.directory.LeadSource;
import io.polyclinic.directory.Patient;
import io.polyclinic.directory.PatientDetails;
import io.polyclinic.directory.PatientRegistry;
import io.polyclinic.faces.PageQuery;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Refusal;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Patients as staff see them: {@code /api/patients}. Staff list, create and change patients; a clinician reads (and
 * writes notes on) only a patient they care for, which the directory and clinical modules decide. Every read and
 * write is audited there.
 */
@RestController
@RequestMapping("/api/patients")
class PatientController {

	private static final String STAFF = "hasAnyRole('ADMIN','MANAGER','CENTRE_MANAGER','CARE_COORDINATOR','FRONT_DESK')";

	private final PatientRegistry patients;
	private final ClinicalNotes notes;

	PatientController(PatientRegistry patients, ClinicalNotes notes) {
		this.patients = patients;
		this.notes = notes;
	}

	/** {@code userId}: the patient's account, which the admin panel's booking sends back as {@code patient_id}. */
	record PatientSummary(long id, long userId, String fullName, @Nullable String phone, @Nullable String email,
			@Nullable LocalDate dateOfBirth, @Nullable String gender, @Nullable String bloodGroup, Instant createdAt) {

		static PatientSummary of(Patient p) {
			return new PatientSummary(p.id(), p.userId(), p.fullName(), p.phone(), p.email(), p.dateOfBirth(),
					p.gender(), p.bloodGroup(), MiboFormats.instant(p.createdAt()));
		}
	}

	record PatientRecord(long id, long userId, String fullName, @Nullable String phone, @Nullable String email,
			@Nullable LocalDate dateOfBirth, @Nullable String gender, @Nullable String bloodGroup,
			@Nullable String emergencyContactName, @Nullable String emergencyContactPhone,
			@Nullable String medicalHistory, Instant createdAt) {

		static PatientRecord of(Patient p) {
			return new PatientRecord(p.id(), p.userId(), p.fullName(), p.phone(), p.email(), p.dateOfBirth(), p.gender(),
					p.bloodGroup(), p.emergencyContactName(), p.emergencyContactPhone(), p.medicalHistory(),
					MiboFormats.instant(p.createdAt()));
		}
	}

	/** {@code medicalHistory} and {@code leadSource} are additive, optional request fields. */
	record NewPatient(@NotBlank(message = "Full name is required") String fullName,
			@NotBlank(message = "Phone number is required") String phone,
			@Nullable @Pattern(regexp = EMAIL, message = INVALID_EMAIL) String email, @Nullable String dateOfBirth,
			@Nullable String gender, @Nullable String bloodGroup, @Nullable String emergencyContactName,
			@Nullable String emergencyContactPhone,
			@Nullable @Size(max = 4000, message = "Medical history must be at most 4000 characters") String medicalHistory,
			@Nullable String leadSource) {
	}

	record PatientChanges(@Nullable String fullName, @Nullable String phone,
			@Nullable @Pattern(regexp = EMAIL, message = INVALID_EMAIL) String email, @Nullable String dateOfBirth,
			@Nullable String gender, @Nullable String bloodGroup, @Nullable String emergencyContactName,
			@Nullable String emergencyContactPhone,
			@Nullable @Size(max = 4000, message = "Medical history must be at most 4000 characters") String medicalHistory) {
	}

	record NewNote(@NotBlank(message = "Note is required")
			@Size(max = ClinicalNotes.MAXIMUM_LENGTH, message = "Note must be at most 4000 characters") String note,
			@Nullable Long appointmentId) {
	}

	/** The contract shows no answer for a note; this is the note as written, with its author. */
	record NoteView(long id, long patientId, @Nullable Long appointmentId, String note, Instant createdAt,
			String authorName) {

		static NoteView of(ClinicalNote n) {
			return new NoteView(n.id(), n.patientId(), n.appointmentId(), n.note(), MiboFormats.instant(n.createdAt()),
					n.authorName());
		}
	}

	/** Newest first; {@code phone} matches with or without the country code. */
	@GetMapping
	@PreAuthorize(STAFF)
	Reply<List<PatientSummary>> list(@RequestParam(required = false) @Nullable String search,
			@RequestParam(required = false) @Nullable String phone,
			PageQuery page,
			@AuthenticationPrincipal Actor actor) {
		var found = patients.search(search, phone, page.pageable(),
				actor);
		return Reply.of(found.map(PatientSummary::of).getContent());
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAnyRole('ADMIN','MANAGER','CENTRE_MANAGER','CARE_COORDINATOR','FRONT_DESK','CLINICIAN')")
	Reply<PatientRecord> get(@PathVariable long id, @AuthenticationPrincipal Actor actor) {
		return Reply.of(PatientRecord.of(patients.get(id, actor)));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize(STAFF)
	Reply<PatientRecord> create(@Valid @RequestBody NewPatient request, @AuthenticationPrincipal Actor actor) {
		// Staff mostly register a patient who calls the clinic, so PHONE unless the request says otherwise.
		LeadSource source = request.leadSource() == null || request.leadSource().isBlank() ? LeadSource.PHONE
				: LeadSource.parse(request.leadSource())
					.orElseThrow(() -> Refusal.invalidField("leadSource", "Unknown lead source"));
		PatientDetails details = new PatientDetails(request.fullName(), request.phone(), request.email(),
				MiboFormats.date("dateOfBirth", request.dateOfBirth()), request.gender(), request.bloodGroup(),
				request.emergencyContactName(), request.emergencyContactPhone(), request.medicalHistory());
		return Reply.of("Patient created successfully", PatientRecord.of(patients.register(details, source, actor)));
	}

	@PutMapping("/{id}")
	@PreAuthorize(STAFF)
	Reply<PatientRecord> update(@PathVariable long id, @Valid @RequestBody PatientChanges request,
			@AuthenticationPrincipal Actor actor) {
		PatientDetails details = new PatientDetails(request.fullName(), request.phone(), request.email(),
				MiboFormats.date("dateOfBirth", request.dateOfBirth()), request.gender(), request.bloodGroup(),
				request.emergencyContactName(), request.emergencyContactPhone(), request.medicalHistory());
		return Reply.of("Patient updated successfully", PatientRecord.of(patients.change(id, details, actor)));
	}

	@PostMapping("/{id}/notes")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAnyRole('CLINICIAN','ADMIN')")
	Reply<NoteView> addNote(@PathVariable long id, @Valid @RequestBody NewNote request,
			@AuthenticationPrincipal Actor actor) {
		ClinicalNote note = notes.write(id, request.appointmentId(), request.note(), actor);
		return Reply.of("Medical note added successfully", NoteView.of(note));
	}
}
