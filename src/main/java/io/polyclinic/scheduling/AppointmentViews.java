package io.polyclinic.scheduling;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Collection;
import java.util.UUID;
import java.util.Map;
import java.util.function.LongSupplier;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.polyclinic.audit.AuditLog;
import io.polyclinic.audit.AuditRecord;
import io.polyclinic.directory.AccessPolicy;
import io.polyclinic.directory.Reach;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Ref;
import io.polyclinic.platform.Refusal;
import io.polyclinic.scheduling.internal.AppointmentRows.Row;
import io.polyclinic.scheduling.internal.AppointmentRows;
import io.polyclinic.scheduling.internal.Booking;
import io.polyclinic.scheduling.internal.Bookings;

/**
 * The appointment read model, one for every face: appointments with the names of their people and place (joined in
 * SQL), their meeting link and their payment standing (one batched call to video's {@link MeetingPlaces} and one to
 * billing's {@link PaymentStandings} per answer; without them, no link and PENDING). The caller's reach is looked up
 * once per call and limits the SQL itself; every call writes one audit row. A list runs at most six statements with
 * the caller's session check, whatever its page size.
 */
@Service
@Transactional // reads are audited: even they write
public class AppointmentViews {

	private static final int UPCOMING = 100;

	private final AppointmentRows rows;
	private final AccessPolicy access;
	private final AuditLog audit;
	private final Clock clock;
	private final ObjectProvider<PaymentStandings> payments;
	private final ObjectProvider<MeetingPlaces> meetings;
	private final Bookings bookings;

	AppointmentViews(AppointmentRows rows, AccessPolicy access, AuditLog audit, Clock clock,
			ObjectProvider<PaymentStandings> payments, ObjectProvider<MeetingPlaces> meetings, Bookings bookings) {
		this.bookings = bookings;
		this.rows = rows;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
		this.payments = payments;
		this.meetings = meetings;
	}

	/**
	 * One appointment, if the caller may see it (staff who reach it, its patient, its clinician); 404 if none, or if
	 * it was removed — which only the clinic's own processes still read (the notice of its cancellation, a refund).
	 */
	public AppointmentView get(Ref appointment, Actor actor) {
		Row row = rows.one(appointment, actor.isSystem()).orElseThrow(() -> Refusal.notFound("Appointment"));
		Appointment a = row.appointment();
		if (!AppointmentAccess.sees(access.reachOf(actor), a)) {
			throw access.denied(actor, "READ", "APPOINTMENT", a.id(), a.patientId());
		}
		audit.record(AuditRecord.success(actor, "READ", "APPOINTMENT", a.id(), a.patientId()));
		return views(List.of(row)).get(0);
	}

	/** An appointment as its detail shows it: the view, and what the parties wrote on it and when the visit ran. */
	public record Detail(AppointmentView view, VisitDetails visit) {
	}

	/** One appointment with its visit details, for whoever may see it, as {@link #get} decides. */
	public Detail detail(Ref appointment, Actor actor) {
		AppointmentView view = get(appointment, actor);
		VisitDetails visit = bookings.findById(view.appointment().id()).map(Booking::toVisitDetails)
			.orElseThrow(() -> Refusal.notFound("Appointment"));
		return new Detail(view, visit);
	}

	/**
	 * A page of the appointments that match the query within the caller's reach: staff of the clinic all, staff of a
	 * centre those it runs, a patient their own, a clinician their own. A filter outside the reach finds nothing.
	 */
	public Page<AppointmentView> find(AppointmentQuery query, Pageable page, Actor actor) {
		Reach reach = access.reachOf(actor);
		if (reach.kind() == Reach.Kind.NONE) {
			throw access.denied(actor, "LIST", "APPOINTMENT", null, query.patientId());
		}
		var scope = AppointmentAccess.scope(reach);
		var found = rows.page(scope, query, page.getOffset(), page.getPageSize());
		long total = total(found, page, () -> rows.count(scope, query));
		Long patient = reach.kind() == Reach.Kind.PATIENT ? reach.patientId() : query.patientId();
		audit.record(AuditRecord.of(actor, "LIST", "APPOINTMENT", null, patient, AuditRecord.Outcome.SUCCESS,
				found.rows().size() + " results"));
		return new PageImpl<>(views(found.rows()), page, total);
	}

	/**
	 * A patient's appointments, newest first, for a caller who may see the patient (the access policy's answer) and
	 * within the caller's reach: the patient's clinician sees their own appointments with the patient, a centre's
	 * staff those their centre runs. 403 for anyone else, 404 when there is no such patient.
	 */
	public Page<AppointmentSummary> ofPatient(Ref patient, Pageable page, Actor actor) {
		long patientId = patient.numeric() ? patient.id()
				: rows.patientId(patient.publicId()).orElseThrow(() -> Refusal.notFound("Patient"));
		Reach reach = access.requirePatient(actor, patientId, "LIST");
		var scope = AppointmentAccess.scope(reach);
		var query = AppointmentQuery.all().ofPatient(patientId);
		var found = rows.page(scope, query, page.getOffset(), page.getPageSize());
		if (found.rows().isEmpty() && !rows.patientExists(patientId)) {
			throw Refusal.notFound("Patient");
		}
		long total = total(found, page, () -> rows.count(scope, query));
		audit.record(AuditRecord.of(actor, "LIST", "APPOINTMENT", null, patientId, AuditRecord.Outcome.SUCCESS,
				found.rows().size() + " results"));
		var content = found.rows().stream()
			.map(r -> new AppointmentSummary(r.appointment(), r.patient(), r.clinician(), r.centre()))
			.toList();
		return new PageImpl<>(content, page, total);
	}

	/**
	 * The appointments of the clinician whose account this is, for that clinician alone: a product's doctor reading
	 * their own diary by their own id (DiabCare's {@code /doctors/:doctorId/appointments}). Anyone else — another
	 * clinician, a patient, staff — is refused (403, audited), whether or not the account is a clinician's. Filters,
	 * order and paging as {@link #find}, in SQL.
	 */
	public Page<AppointmentView> clinicianDiary(UUID clinicianAccount, AppointmentQuery query, Pageable page,
			Actor actor) {
		Reach reach = requireOwnDiary(clinicianAccount, Reach.Kind.CLINICIAN, actor);
		return find(AppointmentAccess.scope(reach), query.withClinician(reach.clinicianId()), page, actor, null);
	}

	/**
	 * The appointments of the patient whose account this is, for that patient alone (DiabCare's
	 * {@code /patients/:patientId/appointments}): anyone else, their clinicians and staff included, is refused (403,
	 * audited). Filters, order and paging as {@link #find}, in SQL.
	 */
	public Page<AppointmentView> patientDiary(UUID patientAccount, AppointmentQuery query, Pageable page,
			Actor actor) {
		Reach reach = requireOwnDiary(patientAccount, Reach.Kind.PATIENT, actor);
		return find(AppointmentAccess.scope(reach), query.ofPatient(reach.patientId()), page, actor,
				reach.patientId());
	}

	/**
	 * How many appointments the clinician whose account this is has, by status, counted in SQL: for that clinician
	 * alone, as {@link #clinicianDiary}. Statuses without appointments count zero.
	 */
	public Map<AppointmentStatus, Long> clinicianTally(UUID clinicianAccount, Actor actor) {
		Reach reach = requireOwnDiary(clinicianAccount, Reach.Kind.CLINICIAN, actor);
		Map<AppointmentStatus, Long> counts = new java.util.EnumMap<>(AppointmentStatus.class);
		for (AppointmentStatus status : AppointmentStatus.values()) {
			counts.put(status, 0L);
		}
		counts.putAll(rows.countByStatus(AppointmentAccess.scope(reach),
				AppointmentQuery.all().withClinician(reach.clinicianId())));
		audit.record(AuditRecord.of(actor, "LIST", "APPOINTMENT", null, null, AuditRecord.Outcome.SUCCESS,
				"counts by status"));
		return counts;
	}

	/**
	 * How many of the calling clinician's appointments start today on their own clock (their time zone), counted in
	 * SQL on the clinician's index; cancelled ones are not counted, every other status is (one missed or completed
	 * this morning was still on today's list). 403 (audited) for anyone but a clinician.
	 */
	public long countToday(Actor actor) {
		Reach reach = access.reachOf(actor);
		if (reach.kind() != Reach.Kind.CLINICIAN || reach.clinicianId() == null) {
			throw access.denied(actor, "LIST", "APPOINTMENT", null, null);
		}
		ZoneId zone = rows.clinicianZone(reach.clinicianId());
		var today = clock.instant().atZone(zone).toLocalDate();
		Instant from = today.atStartOfDay(zone).toInstant();
		Instant to = today.plusDays(1).atStartOfDay(zone).toInstant();
		var notCancelled = java.util.EnumSet.complementOf(java.util.EnumSet.of(AppointmentStatus.CANCELLED));
		long count = rows.count(AppointmentAccess.scope(reach), AppointmentQuery.all()
			.withClinician(reach.clinicianId()).between(from, to).inStatus(notCancelled));
		audit.record(AuditRecord.of(actor, "LIST", "APPOINTMENT", null, null, AuditRecord.Outcome.SUCCESS,
				"count of today"));
		return count;
	}

	/**
	 * Whether the caller is a clinician with an appointment with the patient, in any status but cancelled, past or
	 * ahead: the narrow "their doctor" some faces mean (clinico's consultation room), not the house-wide care link.
	 * It says nothing of anyone else: false for a caller who is no clinician.
	 */
	@Transactional(readOnly = true)
	public boolean consults(long patientId, Actor actor) {
		Reach reach = access.reachOf(actor);
		return reach.kind() == Reach.Kind.CLINICIAN && reach.clinicianId() != null
				&& rows.booked(reach.clinicianId(), patientId);
	}

	/** The caller's reach, if the account is the caller's own and the caller is of this kind; 403 (audited) else. */
	private Reach requireOwnDiary(UUID account, Reach.Kind kind, Actor actor) {
		Reach reach = access.reachOf(actor);
		boolean own = reach.kind() == kind && account.equals(actor.publicId())
				&& (kind == Reach.Kind.CLINICIAN ? reach.clinicianId() != null : reach.patientId() != null);
		if (!own) {
			throw access.denied(actor, "LIST", "APPOINTMENT", null, null);
		}
		return reach;
	}

	private Page<AppointmentView> find(AppointmentRows.Scope scope, AppointmentQuery query, Pageable page, Actor actor,
			@Nullable Long patient) {
		var found = rows.page(scope, query, page.getOffset(), page.getPageSize());
		long total = total(found, page, () -> rows.count(scope, query));
		audit.record(AuditRecord.of(actor, "LIST", "APPOINTMENT", null, patient, AuditRecord.Outcome.SUCCESS,
				found.rows().size() + " results"));
		return new PageImpl<>(views(found.rows()), page, total);
	}

	/**
	 * The calling patient's next open appointments (soonest first, at most {@code limit}) and how many appointments
	 * they have in all: a patient's overview. 403 for anyone but a patient.
	 */
	public Ahead ahead(int limit, Actor actor) {
		Reach reach = access.reachOf(actor);
		if (reach.kind() != Reach.Kind.PATIENT || reach.patientId() == null) {
			throw access.denied(actor, "LIST", "APPOINTMENT", null, null);
		}
		var overview = rows.overview(reach.patientId(), clock.instant(), limit);
		var found = overview.page();
		audit.record(AuditRecord.of(actor, "LIST", "APPOINTMENT", null, reach.patientId(),
				AuditRecord.Outcome.SUCCESS, found.rows().size() + " upcoming"));
		return new Ahead(found.rows().stream()
			.map(r -> new AppointmentSummary(r.appointment(), r.patient(), r.clinician(), r.centre()))
			.toList(), found.total(), overview.completed(), overview.upcoming(), overview.patient());
	}

	/**
	 * A patient's next appointments, how many they have in all, completed, and open from now on, and who they are
	 * (name, phone, email): read in one statement.
	 */
	public record Ahead(List<AppointmentSummary> next, long allAppointments, long completedAppointments,
			long upcomingAppointments, AppointmentView.Person patient) {
	}

	/**
	 * For each patient account asked for, the accounts of the clinicians the patient has appointments with: a
	 * patient's own, for themself; any, for the clinic's staff. Accounts the caller may not ask about are left out.
	 */
	public Map<Long, List<UUID>> cliniciansOf(Collection<Long> patientUserIds, Actor actor) {
		Reach reach = access.reachOf(actor);
		List<Long> asked = patientUserIds.stream().filter(id -> reach.staff() || id == actor.userId()).distinct()
			.toList();
		return rows.clinicianAccountsOf(asked);
	}

	/** The calling clinician's own appointments, divided by their own clock; 403 for anyone but a clinician. */
	public Agenda agenda(Actor actor) {
		Reach reach = access.reachOf(actor);
		if (reach.kind() != Reach.Kind.CLINICIAN || reach.clinicianId() == null) {
			throw access.denied(actor, "LIST", "APPOINTMENT", null, null);
		}
		Instant now = clock.instant();
		List<Row> found = rows.agenda(reach.clinicianId(), now);
		audit.record(AuditRecord.of(actor, "LIST", "APPOINTMENT", null, null, AuditRecord.Outcome.SUCCESS,
				found.size() + " results"));
		if (found.isEmpty()) {
			return new Agenda(List.of(), List.of(), List.of());
		}
		ZoneId zone = found.get(0).clinicianZone();
		Instant tomorrow = now.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
		var views = views(found);
		List<AppointmentView> current = views.stream()
			.filter(v -> v.appointment().endsAt().isAfter(now) && v.appointment().startsAt().isBefore(tomorrow))
			.toList();
		List<AppointmentView> upcoming = views.stream()
			.filter(v -> v.appointment().endsAt().isAfter(now) && !v.appointment().startsAt().isBefore(tomorrow))
			.limit(UPCOMING)
			.toList();
		List<AppointmentView> past = views.stream()
			.filter(v -> !v.appointment().endsAt().isAfter(now))
			.sorted(Comparator.comparing((AppointmentView v) -> v.appointment().startsAt())
				.thenComparing(v -> v.appointment().id()).reversed())
			.toList();
		return new Agenda(current, upcoming, past);
	}

	/** Views of rows whose access is decided: one call to billing and one to video for all of them. */
	private List<AppointmentView> views(List<Row> found) {
		if (found.isEmpty()) {
			return List.of();
		}
		List<Long> ids = found.stream().map(r -> r.appointment().id()).toList();
		PaymentStandings standings = payments.getIfAvailable();
		MeetingPlaces places = meetings.getIfAvailable();
		Map<Long, PaymentStanding> paid = standings == null ? Map.of() : standings.of(ids);
		Map<Long, String> links = places == null ? Map.of() : places.linksOf(ids);
		return found.stream()
			.map(r -> new AppointmentView(r.appointment(), r.patient(), r.clinician(), r.centre(),
					links.get(r.appointment().id()),
					paid.getOrDefault(r.appointment().id(), PaymentStanding.PENDING)))
			.toList();
	}

	/** The page's own count, unless the page is past the last one and has nothing to count with. */
	private static long total(AppointmentRows.Page found, Pageable page, LongSupplier count) {
		if (!found.rows().isEmpty()) {
			return found.total();
		}
		return page.getOffset() == 0 ? 0 : count.getAsLong();
	}
}
