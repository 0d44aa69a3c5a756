package io.polyclinic.faces.sos;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import io.polyclinic.clinical.MedicalRecord;
import io.polyclinic.clinical.MedicalRecordChanges;
import io.polyclinic.clinical.MedicalRecordQuery;
import io.polyclinic.clinical.MedicalRecords;
import io.polyclinic.clinical.NewMedicalRecord;
import io.polyclinic.clinical.RecordType;
import io.polyclinic.directory.Clinician;
import io.polyclinic.directory.ClinicianRegistry;
import io.polyclinic.directory.Patient;
import io.polyclinic.directory.PatientRegistry;
import io.polyclinic.directory.People;
import io.polyclinic.faces.Ids;
import io.polyclinic.faces.Ordering;
import io.polyclinic.faces.LocalFormats;
import io.polyclinic.faces.PageQuery;
import io.polyclinic.faces.Pagination;
import io.polyclinic.identity.Account;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Ref;
import io.polyclinic.platform.Refusal;
import io.polyclinic.platform.Role;
import io.polyclinic.scheduling.Appointment;
import io.polyclinic.scheduling.PaymentStanding;
import io.polyclinic.scheduling.AppointmentBook;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Medical records: {@code /api/v1/medical-records}. The clinical module's records, named by UUIDs: {@code user_id} is
 * the patient's account, {@code doctor_id} the clinician's account, {@code appointment_id} the appointment. Who may
 * read and write which record is the module's answer; this face only keeps the document's role table (writing for
 * doctors, admins and secretaries, deleting for admins, filtering by person for staff).
 */
@RestController
@RequestMapping("/api/v1/medical-records")
class SosMedicalRecordController {

	private static final Map<String, MedicalRecordQuery.Order> ORDERS = Map.of("created_at",
			MedicalRecordQuery.Order.CREATED_AT, "updated_at", MedicalRecordQuery.Order.UPDATED_AT, "title",
			MedicalRecordQuery.Order.TITLE);
	private static final long NO_ROW = -1;
	private static final String TYPES = "prescription, lab_result, diagnosis, imaging, note, other";

	private final MedicalRecords records;
	private final People people;
	private final PatientRegistry patients;
	private final ClinicianRegistry clinicians;
	private final AppointmentBook appointments;

	SosMedicalRecordController(MedicalRecords records, People people, PatientRegistry patients,
			ClinicianRegistry clinicians, AppointmentBook appointments) {
		this.records = records;
		this.people = people;
		this.patients = patients;
		this.clinicians = clinicians;
		this.appointments = appointments;
	}

	record NewRecord(@Nullable UUID userId, @Nullable UUID appointmentId, @Nullable UUID doctorId,
			@Nullable String recordType, @Nullable String title, @Nullable String description,
			@Nullable String diagnosis, @Nullable JsonNode medications, @Nullable JsonNode labResults,
			@Nullable JsonNode attachments, @Nullable String notes,
			@JsonProperty("is_shared_with_patient") @Nullable Boolean isSharedWithPatient) {
	}

	/**
	 * Absent leaves a field as it is; {@code null} empties a nullable one (read as JSON nodes: an absent property is
	 * Java's null, a JSON null a null node).
	 */
	record RecordChanges(@Nullable String recordType, @Nullable String title, @Nullable JsonNode description,
			@Nullable JsonNode diagnosis, @Nullable JsonNode medications, @Nullable JsonNode labResults,
			@Nullable JsonNode attachments, @Nullable JsonNode notes,
			@JsonProperty("is_shared_with_patient") @Nullable Boolean isSharedWithPatient) {
	}

	/** A record as writes answer it: without the people and the appointment. */
	record RecordBody(UUID id, UUID userId, @Nullable UUID appointmentId, UUID doctorId, String recordType,
			String title, @Nullable String description, @Nullable String diagnosis, @Nullable JsonNode medications,
			@Nullable JsonNode labResults, @Nullable JsonNode attachments, @Nullable String notes,
			@JsonProperty("is_shared_with_patient") boolean isSharedWithPatient, Instant createdAt,
			Instant updatedAt) {
	}

	record ListedAppointment(UUID id, String date, String startTime, String consultationType) {
	}

	record AppointmentDetail(UUID id, String date, String startTime, String consultationType, String status) {
	}

	record ListedRecord(@JsonUnwrapped RecordBody record, SosPeople.Person patient, SosPeople.Doctor doctor,
			@Nullable ListedAppointment appointment) {
	}

	record DetailedRecord(@JsonUnwrapped RecordBody record, SosPeople.Person patient, SosPeople.Doctor doctor,
			@Nullable AppointmentDetail appointment) {
	}

	record Records(List<ListedRecord> records, Pagination pagination) {
	}

	record Detail(DetailedRecord record) {
	}

	record Written(String message, RecordBody record) {
	}

	record Message(String message) {
	}

	/**
	 * The records the caller may see: a patient their own shared ones, a doctor their patients', staff those within
	 * reach. {@code userId} is for admins, doctors and secretaries (a patient may name only themself), {@code doctorId}
	 * for admins and secretaries (a doctor may name only themself). A person or appointment that names nothing finds
	 * nothing.
	 */
	@GetMapping
	Records list(PageQuery page, @RequestParam(required = false) @Nullable UUID userId,
			@RequestParam(required = false) @Nullable UUID doctorId,
			@RequestParam(required = false) @Nullable UUID appointmentId,
			@RequestParam(required = false) @Nullable String recordType,
			@RequestParam(required = false) @Nullable String sortBy,
			@RequestParam(required = false) @Nullable String sortOrder, @AuthenticationPrincipal Actor actor) {
		if (userId != null && actor.role() == Role.PATIENT && !userId.equals(actor.publicId())) {
			throw Refusal.forbidden("FORBIDDEN", "Only staff and doctors filter by user");
		}
		if (doctorId != null && !actor.isStaff() && !(actor.role() == Role.CLINICIAN && doctorId.equals(actor.publicId()))) {
			throw Refusal.forbidden("FORBIDDEN", "Only admins and secretaries filter by doctor");
		}
		RecordType type = recordType == null || recordType.isBlank() ? null : type(recordType);
		var ordering = Ordering.parse("sortBy", sortBy, "sortOrder", sortOrder, ORDERS,
				new Ordering<>(MedicalRecordQuery.Order.CREATED_AT, true));
		MedicalRecordQuery.Order order = ordering.key();
		boolean descending = ordering.descending();
		Long patientId = null;
		Long clinicianId = null;
		Long appointment = null;
		boolean nothing = false;
		if (userId != null) {
			patientId = account(userId).flatMap(a -> patients.forUser(a.id())).map(Patient::id).orElse(null);
			nothing = patientId == null;
		}
		if (doctorId != null) {
			clinicianId = clinicians.forAccount(doctorId).map(Clinician::id).orElse(null);
			nothing |= clinicianId == null;
		}
		if (appointmentId != null) {
			appointment = appointmentIdOf(appointmentId).orElse(null);
			nothing |= appointment == null;
		}
		// a filter that names nothing finds nothing (the id -1, which no row has); the module still decides whether
		// the caller may list at all
		var query = nothing ? new MedicalRecordQuery(NO_ROW, null, null, type, order, descending)
				: new MedicalRecordQuery(patientId, clinicianId, appointment, type, order, descending);
		Page<MedicalRecord> found = records.find(query, page.pageable(), actor);
		Views views = views(found.getContent());
		return new Records(found.getContent().stream()
			.map(r -> new ListedRecord(views.body(r), views.patient(r), views.doctor(r), views.listedAppointment(r)))
			.toList(), Pagination.of(found, page));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize(SosRoles.CARERS)
	Written create(@RequestBody NewRecord request, @AuthenticationPrincipal Actor actor) {
		if (request.userId() == null) {
			throw Refusal.invalidField("userId", "user_id is required");
		}
		long patientId = account(request.userId()).flatMap(a -> patients.forUser(a.id()))
			.orElseThrow(() -> Refusal.notFound("Patient")).id();
		Long clinicianId = request.doctorId() == null ? null
				: clinicians.forAccount(request.doctorId()).orElseThrow(() -> Refusal.notFound("Doctor")).id();
		Long appointmentId = request.appointmentId() == null ? null
				: appointmentIdOf(request.appointmentId()).orElseThrow(() -> Refusal.notFound("Appointment"));
		if (request.recordType() == null || request.recordType().isBlank()) {
			throw Refusal.invalidField("recordType", "record_type is required");
		}
		if (request.title() == null || request.title().isBlank()) {
			throw Refusal.invalidField("title", "title is required");
		}
		MedicalRecord written = records.write(new NewMedicalRecord(patientId, clinicianId, appointmentId,
				type(request.recordType()), request.title(), request.description(), request.diagnosis(),
				json("medications", request.medications()), json("labResults", request.labResults()),
				json("attachments", request.attachments()), request.notes(), request.isSharedWithPatient()), actor);
		return new Written("Medical record created successfully", views(List.of(written)).body(written));
	}

	@GetMapping("/{id}")
	Detail get(@PathVariable String id, @AuthenticationPrincipal Actor actor) {
		MedicalRecord record = records.get(Ids.uuid("id", id), actor);
		Views views = views(List.of(record));
		return new Detail(new DetailedRecord(views.body(record), views.patient(record), views.doctor(record),
				views.appointmentDetail(record)));
	}

	@PutMapping("/{id}")
	@PreAuthorize(SosRoles.CARERS)
	Written change(@PathVariable String id, @RequestBody RecordChanges request, @AuthenticationPrincipal Actor actor) {
		Ref ref = Ids.uuid("id", id);
		if (request.title() != null && request.title().isBlank()) {
			throw Refusal.invalidField("title", "title cannot be empty");
		}
		RecordType type = request.recordType() == null ? null : type(request.recordType());
		MedicalRecord changed = records.change(ref, new MedicalRecordChanges(type, request.title(),
				textEdit("description", request.description()), textEdit("diagnosis", request.diagnosis()), jsonEdit("medications", request.medications()),
				jsonEdit("labResults", request.labResults()), jsonEdit("attachments", request.attachments()),
				textEdit("notes", request.notes()), request.isSharedWithPatient()), actor);
		return new Written("Medical record updated successfully", views(List.of(changed)).body(changed));
	}

	@DeleteMapping("/{id}")
	@PreAuthorize(SosRoles.ADMIN)
	Message delete(@PathVariable String id, @AuthenticationPrincipal Actor actor) {
		records.delete(Ids.uuid("id", id), actor);
		return new Message("Medical record deleted successfully");
	}

	private Optional<Account> account(UUID publicId) {
		return Optional.ofNullable(people.named(List.of(publicId)).get(publicId)).filter(a -> !a.deleted());
	}

	private Optional<Long> appointmentIdOf(UUID publicId) {
		try {
			return Optional.of(appointments.idOf(Ref.of(publicId)));
		}
		catch (Refusal e) {
			if (e.kind() == Refusal.Kind.NOT_FOUND) {
				return Optional.empty();
			}
			throw e;
		}
	}

	private static RecordType type(String value) {
		try {
			return RecordType.valueOf(value.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw Refusal.invalidField("recordType", "record_type must be one of " + TYPES);
		}
	}

	private static String typeName(RecordType type) {
		return type.name().toLowerCase(Locale.ROOT);
	}

	/** An object (or an array of them) as JSON text; null and JSON null are none; anything else is refused. */
	private static @Nullable String json(String field, @Nullable JsonNode node) {
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isContainer()) {
			throw Refusal.invalidField(field, "Must be an object");
		}
		return JsonMapper.shared().writeValueAsString(node);
	}

	private static MedicalRecordChanges.@Nullable Edit jsonEdit(String field, @Nullable JsonNode node) {
		return node == null ? null : new MedicalRecordChanges.Edit(json(field, node));
	}

	/** A string or null; any other JSON is refused. */
	private static MedicalRecordChanges.@Nullable Edit textEdit(String field, @Nullable JsonNode node) {
		if (node == null) {
			return null;
		}
		if (!node.isNull() && !node.isString()) {
			throw Refusal.invalidField(field, "Must be a string or null");
		}
		return new MedicalRecordChanges.Edit(node.isNull() ? null : node.asString());
	}

	private static @Nullable JsonNode parsed(@Nullable String json) {
		return json == null ? null : JsonMapper.shared().readTree(json);
	}

	/** The people and appointments of some records, each looked up once for all of them. */
	private Views views(Collection<MedicalRecord> shown) {
		Map<Long, Patient> patientsById = patients.findAll(ids(shown, MedicalRecord::patientId));
		Map<Long, Clinician> cliniciansById = clinicians.findAll(ids(shown, MedicalRecord::clinicianId));
		Set<Long> patientUsers = patientsById.values().stream().map(Patient::userId).collect(Collectors.toSet());
		Map<Long, Account> accounts = patientUsers.isEmpty() ? Map.of() : people.byIds(patientUsers);
		Map<Long, Appointment> appointmentsById = appointments.findAll(shown.stream()
			.map(MedicalRecord::appointmentId).filter(Objects::nonNull).collect(Collectors.toSet()));
		return new Views(patientsById, cliniciansById, accounts, appointmentsById);
	}

	private static Set<Long> ids(Collection<MedicalRecord> shown, java.util.function.ToLongFunction<MedicalRecord> id) {
		return shown.stream().mapToLong(id).boxed().collect(Collectors.toSet());
	}

	private record Views(Map<Long, Patient> patients, Map<Long, Clinician> clinicians, Map<Long, Account> accounts,
			Map<Long, Appointment> appointments) {

		Account patientAccount(MedicalRecord r) {
			return Objects.requireNonNull(accounts.get(Objects.requireNonNull(patients.get(r.patientId())).userId()));
		}

		Clinician doctorOf(MedicalRecord r) {
			return Objects.requireNonNull(clinicians.get(r.clinicianId()));
		}

		RecordBody body(MedicalRecord r) {
			Appointment appointment = r.appointmentId() == null ? null : appointments.get(r.appointmentId());
			return new RecordBody(r.publicId(), patientAccount(r).publicId(),
					appointment == null ? null : appointment.publicId(), doctorOf(r).accountId(), typeName(r.type()),
					r.title(), r.description(), r.diagnosis(), parsed(r.medications()), parsed(r.labResults()),
					parsed(r.attachments()), r.notes(), r.sharedWithPatient(), LocalFormats.instant(r.createdAt()),
					LocalFormats.instant(r.updatedAt()));
		}

		SosPeople.Person patient(MedicalRecord r) {
			return SosPeople.person(patientAccount(r));
		}

		SosPeople.Doctor doctor(MedicalRecord r) {
			return SosPeople.doctor(doctorOf(r));
		}

		@Nullable ListedAppointment listedAppointment(MedicalRecord r) {
			Appointment a = r.appointmentId() == null ? null : appointments.get(r.appointmentId());
			return a == null ? null
					: new ListedAppointment(a.publicId(), LocalFormats.date(a.date()), LocalFormats.time(a.time()),
							SosAppointments.kind(a.consultationType()));
		}

		@Nullable AppointmentDetail appointmentDetail(MedicalRecord r) {
			Appointment a = r.appointmentId() == null ? null : appointments.get(r.appointmentId());
			return a == null ? null
					: new AppointmentDetail(a.publicId(), LocalFormats.date(a.date()), LocalFormats.time(a.time()),
							SosAppointments.kind(a.consultationType()),
							SosAppointments.status(a.status(), PaymentStanding.PENDING));
		}
	}
}
