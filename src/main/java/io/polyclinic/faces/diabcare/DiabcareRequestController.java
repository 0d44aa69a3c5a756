package io.polyclinic.faces.diabcare;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.polyclinic.directory.PatientRequest;
import io.polyclinic.directory.PatientRequests;
import io.polyclinic.faces.Ids;
import io.polyclinic.faces.LocalFormats;
import io.polyclinic.faces.PageQuery;
import io.polyclinic.faces.PageSize;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Refusal;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Patient requests (contract sections 3 and 5) and the original's other request paths the app calls: a patient asks a
 * médecin to follow them, the médecin sees their pending requests and accepts or declines each, the patient sees
 * their own requests, and either party asks whether the médecin follows the patient; a médecin's patients and a
 * patient's médecins are those of accepted requests. A médecin may also ask a patient (the original's access request),
 * whom the patient then accepts or declines. Who may is decided by directory: {@code /api/doctors/:id/...}
 * and {@code /api/medecins/:id/...} are that médecin's, {@code /api/patients/:id/...} and
 * {@code /api/medecins/patient/:id/...} that patient's.
 */
@RestController
class DiabcareRequestController {

	private static final String PATIENT_LINK = "patient_link";
	private static final String ACCESS_RENEWAL = "access_renewal";

	private final PatientRequests requests;
	private final DiabcareUsers users;

	DiabcareRequestController(PatientRequests requests, DiabcareUsers users) {
		this.requests = requests;
		this.users = users;
	}

	/** A pending request as the médecin's dashboard shows it (contract 3.1). */
	record Pending(@JsonProperty("_id") String id, String patientId, String patientName, @Nullable Integer age,
			@Nullable String diabetesType, Instant requestDate, boolean hasUrgentNote, String status,
			String urgentNote) {
	}

	record PendingList(List<Pending> requests, long total) {
	}

	/** An answer to a decision: the contract's fields, then the request's own, which the app reads back (3.2, 3.3). */
	record Decided(boolean success, String message, String patientId, String requestId,
			@JsonProperty("_id") String id, String doctorId, String status, String requestType, Instant requestDate,
			@Nullable String urgentNote, @Nullable String declineReason, @Nullable Instant respondedAt,
			Instant createdAt, Instant updatedAt) {
	}

	/** The contract's body, {@code reason}, or the app's, {@code declineReason}: either names why. */
	record Decline(@Nullable @Size(max = PatientRequests.REASON_MAX, message = "reason must be shorter than or equal to 500 characters") String reason,
			@Nullable @Size(max = PatientRequests.REASON_MAX, message = "declineReason must be shorter than or equal to 500 characters") String declineReason) {
	}

	record RequestDoctor(@NotBlank(message = "doctorId should not be empty") String doctorId,
			@Nullable @Size(max = PatientRequests.NOTE_MAX, message = "urgentNote must be shorter than or equal to 1000 characters") String urgentNote,
			@Nullable @Pattern(regexp = PATIENT_LINK, message = "requestType must be one of the following values: patient_link") String requestType) {
	}

	/** A new request (contract 5.1). */
	record Made(@JsonProperty("_id") String id, String patientId, String doctorId, String status, Instant requestDate,
			String urgentNote) {
	}

	/** A médecin as the original populates a patient's request with them. */
	record Doctor(@JsonProperty("_id") String id, String nom, String prenom, @Nullable String email,
			@Nullable String telephone, @Nullable String specialite) {
	}

	/** One of the patient's own requests, as the original answers {@code my-requests}. */
	record Mine(@JsonProperty("_id") String id, String patientId, Doctor doctorId, String status, String requestType,
			Instant requestDate, String urgentNote, @Nullable String declineReason, @Nullable Instant respondedAt,
			Instant createdAt, Instant updatedAt) {
	}

	record Access(boolean enabled) {
	}

	/** A request as the original's document answers it, both parties by id (the access-request paths). */
	record Plain(@JsonProperty("_id") String id, String patientId, String doctorId, String status, String requestType,
			Instant requestDate, String urgentNote, @Nullable String declineReason, @Nullable Instant respondedAt,
			Instant createdAt, Instant updatedAt) {
	}

	@GetMapping("/api/doctors/{doctorId}/patient-requests")
	PendingList pending(@PathVariable String doctorId, @PageSize(defaultSize = 50) PageQuery page,
			@AuthenticationPrincipal Actor actor) {
		var found = requests.pending(uuid("doctorId", doctorId), page.pageable(), actor);
		return new PendingList(found.getContent().stream().map(DiabcareRequestController::pending).toList(),
				found.getTotalElements());
	}

	@PostMapping("/api/doctors/{doctorId}/patient-requests/{requestId}/accept")
	Decided accept(@PathVariable String doctorId, @PathVariable String requestId,
			@AuthenticationPrincipal Actor actor) {
		PatientRequest accepted = requests.accept(uuid("doctorId", doctorId), uuid("requestId", requestId), actor);
		return decided(accepted, "Patient request accepted");
	}

	@PostMapping("/api/doctors/{doctorId}/patient-requests/{requestId}/decline")
	Decided decline(@PathVariable String doctorId, @PathVariable String requestId,
			@Valid @RequestBody(required = false) @Nullable Decline body, @AuthenticationPrincipal Actor actor) {
		String reason = body == null ? null : body.reason() != null && !body.reason().isBlank() ? body.reason()
				: body.declineReason();
		if (reason == null || reason.isBlank()) {
			throw Refusal.invalidField("reason", "reason should not be empty");
		}
		PatientRequest declined = requests.decline(uuid("doctorId", doctorId), uuid("requestId", requestId), reason,
				actor);
		return decided(declined, "Patient request declined");
	}

	@PostMapping("/api/patients/{patientId}/request-doctor")
	@ResponseStatus(HttpStatus.CREATED)
	Made request(@PathVariable String patientId, @Valid @RequestBody RequestDoctor body,
			@AuthenticationPrincipal Actor actor) {
		PatientRequest made = requests.request(uuid("patientId", patientId), uuid("doctorId", body.doctorId()),
				body.urgentNote(), actor);
		return new Made(made.id().toString(), made.patient().accountId().toString(),
				made.doctor().accountId().toString(), status(made), ms(made.requestedAt()), note(made));
	}

	/** Every request of the patient's, newest first: the latest hundred. */
	@GetMapping("/api/patients/{patientId}/my-requests")
	List<Mine> mine(@PathVariable String patientId, @AuthenticationPrincipal Actor actor) {
		return requests.mine(uuid("patientId", patientId), PageRequest.of(0, 100), actor).getContent().stream()
			.map(r -> new Mine(r.id().toString(), r.patient().accountId().toString(), doctor(r.doctor()), status(r),
					requestType(r), ms(r.requestedAt()), note(r), r.declineReason(),
					LocalFormats.instantOrNull(r.decidedAt()), ms(r.createdAt()), ms(r.updatedAt())))
			.toList();
	}

	/** The médecin asks the patient to let them follow them: the original's access request. */
	@PostMapping("/api/doctors/{doctorId}/patients/{patientId}/request-access")
	@ResponseStatus(HttpStatus.CREATED)
	Plain requestAccess(@PathVariable String doctorId, @PathVariable String patientId,
			@AuthenticationPrincipal Actor actor) {
		return plain(requests.offer(uuid("doctorId", doctorId), uuid("patientId", patientId), actor));
	}

	/** The médecins' pending access requests to the patient, newest first, each médecin populated. */
	@GetMapping("/api/patients/{patientId}/pending-doctor-access-requests")
	List<Mine> accessRequests(@PathVariable String patientId, @AuthenticationPrincipal Actor actor) {
		return requests.offers(uuid("patientId", patientId), PageRequest.of(0, 100), actor).getContent().stream()
			.map(r -> new Mine(r.id().toString(), r.patient().accountId().toString(), doctor(r.doctor()), status(r),
					requestType(r), ms(r.requestedAt()), note(r), r.declineReason(),
					LocalFormats.instantOrNull(r.decidedAt()), ms(r.createdAt()), ms(r.updatedAt())))
			.toList();
	}

	@PostMapping("/api/patients/{patientId}/doctor-access-requests/{requestId}/accept")
	Plain acceptAccess(@PathVariable String patientId, @PathVariable String requestId,
			@AuthenticationPrincipal Actor actor) {
		return plain(requests.acceptOffer(uuid("patientId", patientId), uuid("requestId", requestId), actor));
	}

	/** The reason is optional here, as the original reads it. */
	@PostMapping("/api/patients/{patientId}/doctor-access-requests/{requestId}/decline")
	Plain declineAccess(@PathVariable String patientId, @PathVariable String requestId,
			@Valid @RequestBody(required = false) @Nullable Decline body, @AuthenticationPrincipal Actor actor) {
		String reason = body == null ? null : body.reason() != null && !body.reason().isBlank() ? body.reason()
				: body.declineReason();
		return plain(requests.declineOffer(uuid("patientId", patientId), uuid("requestId", requestId), reason, actor));
	}

	@GetMapping("/api/patients/{patientId}/doctors/{doctorId}/access-status")
	Access accessForPatient(@PathVariable String patientId, @PathVariable String doctorId,
			@AuthenticationPrincipal Actor actor) {
		return new Access(requests.isFollowedBy(uuid("patientId", patientId), uuid("doctorId", doctorId), actor));
	}

	@GetMapping("/api/doctors/{doctorId}/patients/{patientId}/access-status")
	Access accessForDoctor(@PathVariable String doctorId, @PathVariable String patientId,
			@AuthenticationPrincipal Actor actor) {
		return new Access(requests.isFollowing(uuid("doctorId", doctorId), uuid("patientId", patientId), actor));
	}

	/**
	 * The médecin's patients (accepted requests), the most recently accepted first, by name or email, paged. The
	 * original's glucose standing (status, lastReading, statusCounts) is not served: see openapi.md.
	 */
	/** The médecins who follow the patient, as user objects. */
	@GetMapping("/api/medecins/patient/{patientId}/my-doctors")
	List<Map<String, Object>> myDoctors(@PathVariable String patientId, @AuthenticationPrincipal Actor actor) {
		return requests.doctorsOf(uuid("patientId", patientId), actor).stream().map(users::medecin).toList();
	}

	private static Pending pending(PatientRequest r) {
		return new Pending(r.id().toString(), r.patient().accountId().toString(), r.patient().fullName(),
				r.patient().age(), DiabcareUsers.diabetesType(r.patient().diabetesType()), ms(r.requestedAt()),
				r.hasUrgentNote(), status(r), note(r));
	}

	private static Decided decided(PatientRequest r, String message) {
		return new Decided(true, message, r.patient().accountId().toString(), r.id().toString(), r.id().toString(),
				r.doctor().accountId().toString(), status(r), requestType(r), ms(r.requestedAt()), r.urgentNote(),
				r.declineReason(), LocalFormats.instantOrNull(r.decidedAt()), ms(r.createdAt()), ms(r.updatedAt()));
	}

	private static Plain plain(PatientRequest r) {
		return new Plain(r.id().toString(), r.patient().accountId().toString(), r.doctor().accountId().toString(),
				status(r), requestType(r), ms(r.requestedAt()), note(r), r.declineReason(),
				LocalFormats.instantOrNull(r.decidedAt()), ms(r.createdAt()), ms(r.updatedAt()));
	}

	/** The original's request types: the patient's link request, or the médecin's access request. */
	private static String requestType(PatientRequest r) {
		return r.initiatedBy() == PatientRequest.Initiator.PATIENT ? PATIENT_LINK : ACCESS_RENEWAL;
	}

	private static Doctor doctor(PatientRequest.Addressee d) {
		return new Doctor(d.accountId().toString(), DiabcareUsers.nom(d.fullName()), DiabcareUsers.prenom(d.fullName()),
				d.email(), d.phone(), d.specialty());
	}

	private static String status(PatientRequest r) {
		return r.status().name().toLowerCase(java.util.Locale.ROOT);
	}

	/** The note as the contract shows it: empty when the patient left none. */
	private static String note(PatientRequest r) {
		return r.urgentNote() == null ? "" : r.urgentNote();
	}

	private static Instant ms(Instant instant) {
		return LocalFormats.instant(instant);
	}

	private static UUID uuid(String field, String value) {
		return java.util.Objects.requireNonNull(Ids.uuid(field, value).publicId());
	}
}
