package io.polyclinic.clinical;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.polyclinic.audit.AuditLog;
import io.polyclinic.audit.AuditRecord;
import io.polyclinic.clinical.internal.ReportRequestRows;
import io.polyclinic.directory.AccessPolicy;
import io.polyclinic.directory.Clinician;
import io.polyclinic.directory.ClinicianRegistry;
import io.polyclinic.directory.Patient;
import io.polyclinic.directory.Reach;
import io.polyclinic.platform.Actor;

/**
 * A clinician's requests to a patient for the reports of some tests (clinico's upload-report-requests), each with a
 * code of the year ({@code REQ-2025-001}) that no other request has, however many are asked for at once.
 *
 * <p>Who may do what, whatever the face: a clinician who cares for the patient (an appointment with them, or a request
 * of the patient's they accepted: the care link) asks; nobody else does, not even an administrator. A clinician counts
 * their own pending requests and lists their requests; a patient lists the requests to them. Every request is audited, and every refusal; the patient is told in the app
 * ({@link ReportRequested}).
 */
@Service
@Transactional(readOnly = true)
public class ReportRequests {

	public static final int TESTS_LENGTH = 2000;
	public static final int NOTES_LENGTH = 2000;

	static final String RESOURCE = "REPORT_REQUEST";

	private final ReportRequestRows rows;
	private final ChartAccess chart;
	private final AccessPolicy access;
	private final ClinicianRegistry clinicians;
	private final AuditLog audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	ReportRequests(ReportRequestRows rows, ChartAccess chart, AccessPolicy access, ClinicianRegistry clinicians,
			AuditLog audit, ApplicationEventPublisher events, Clock clock) {
		this.rows = rows;
		this.chart = chart;
		this.access = access;
		this.clinicians = clinicians;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * The calling clinician asks the patient for the reports of the tests named, by the due date.
	 *
	 * @throws io.polyclinic.platform.Refusal FORBIDDEN (audited) for anyone but a clinician, or a clinician who does
	 *         not care for the patient; NOT_FOUND for no such patient; INVALID naming each field that is wrong (tests
	 *         missing or too long, a due date missing or before today on the clinician's calendar, notes too long)
	 */
	@Transactional
	public ReportRequest request(NewReportRequest request, Actor actor) {
		Reach reach = access.reachOf(actor);
		if (reach.kind() != Reach.Kind.CLINICIAN || reach.clinicianId() == null) {
			throw access.denied(actor, "CREATE", RESOURCE, null, null);
		}
		Patient patient = chart.requireExists(request.patientId());
		if (!access.maySeePatient(reach, patient.id())) {
			throw access.denied(actor, "CREATE", RESOURCE, null, patient.id());
		}
		Clinician clinician = clinicians.get(reach.clinicianId());
		ZoneId zone = clinician.timeZone();
		LocalDate today = LocalDate.now(clock.withZone(zone));
		var checks = new FieldChecks();
		checks.required("requestedTests", request.requestedTests(), TESTS_LENGTH);
		checks.optional("additionalNotes", request.additionalNotes(), NOTES_LENGTH);
		if (request.dueDate() == null) {
			checks.problem("dueDate", "This field is required.");
		}
		else if (request.dueDate().isBefore(today)) {
			checks.problem("dueDate", "The due date cannot be in the past.");
		}
		checks.refuseIfAny();
		// the lock on the year's counter is held from here to the commit: what follows is short
		long number = rows.nextNumber(today.getYear());
		String code = "REQ-%d-%03d".formatted(today.getYear(), number);
		String notes = request.additionalNotes() == null || request.additionalNotes().isBlank() ? null
				: request.additionalNotes().strip();
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		ReportRequest written = rows.insert(UUID.randomUUID(), code, patient.id(), clinician.id(), actor.userId(),
				request.requestedTests().strip(), request.dueDate(), notes, now);
		audit.record(AuditRecord.success(actor, "CREATE", RESOURCE, written.id(), patient.id()));
		events.publishEvent(new ReportRequested(written.publicId(), code, patient.id(), patient.userId(),
				clinician.id(), clinician.fullName(), written.requestedTests(), written.dueDate()));
		return written;
	}

	/** A request as a list shows it, with whom it is between. */
	public record Listed(ReportRequest request, String patientName, String clinicianName) {
	}

	/** Lists at most this many requests at once. */
	public static final int MAX_LIMIT = 100;

	/**
	 * The calling clinician's requests, newest first, filtered (by status, by one patient) and paged in SQL; the list
	 * is audited. 403 (audited) for anyone but a clinician.
	 */
	@Transactional // the list is audited
	public List<Listed> sent(@Nullable ReportRequestStatus status, @Nullable Long patientId, int limit, long offset,
			Actor actor) {
		Reach reach = access.reachOf(actor);
		if (reach.kind() != Reach.Kind.CLINICIAN || reach.clinicianId() == null) {
			throw access.denied(actor, "LIST", RESOURCE, null, patientId);
		}
		return listed(rows.list(reach.clinicianId(), patientId, status, limit, offset), patientId, actor);
	}

	/**
	 * The requests to the calling patient, newest first, filtered by status and paged in SQL; the list is audited.
	 * 403 (audited) for anyone but a patient.
	 */
	@Transactional // the list is audited
	public List<Listed> received(@Nullable ReportRequestStatus status, int limit, long offset, Actor actor) {
		Reach reach = access.reachOf(actor);
		if (reach.kind() != Reach.Kind.PATIENT || reach.patientId() == null) {
			throw access.denied(actor, "LIST", RESOURCE, null, null);
		}
		return listed(rows.list(null, reach.patientId(), status, limit, offset), reach.patientId(), actor);
	}

	private List<Listed> listed(List<ReportRequestRows.Listed> found, @Nullable Long patientId, Actor actor) {
		audit.record(AuditRecord.of(actor, "LIST", RESOURCE, null, patientId, AuditRecord.Outcome.SUCCESS,
				found.size() + " results"));
		return found.stream().map(l -> new Listed(l.request(), l.patientName(), l.clinicianName())).toList();
	}

	/** How many of the calling clinician's requests wait for their patient; 403 (audited) for anyone else. */
	public long pendingCount(Actor actor) {
		Reach reach = access.reachOf(actor);
		if (reach.kind() != Reach.Kind.CLINICIAN || reach.clinicianId() == null) {
			throw access.denied(actor, "LIST", RESOURCE, null, null);
		}
		return rows.countOf(reach.clinicianId(), ReportRequestStatus.PENDING);
	}
}
