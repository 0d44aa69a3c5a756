package io.polyclinic.video;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.polyclinic.audit.AuditLog;
import io.polyclinic.audit.AuditRecord;
import io.polyclinic.directory.AccessPolicy;
import io.polyclinic.directory.Reach;
import io.polyclinic.directory.StaffRegistry;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Ref;
import io.polyclinic.platform.Refusal;
import io.polyclinic.scheduling.Appointment;
import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.video.internal.MeetingLinkSearch;
import io.polyclinic.video.internal.MeetingProvider;
import io.polyclinic.video.internal.MeetingRecord;
import io.polyclinic.video.internal.MeetingRecords;

/**
 * One meeting link per appointment: created through the configured provider, replaced or removed by staff. Every
 * method takes the caller and decides itself, through the appointment book's access rule and the access policy:
 * making, replacing and removing a link is for staff who reach the appointment (a centre's staff, the appointments
 * their centre runs); an appointment's link is for whoever may see the appointment; the list of links is for staff,
 * a centre's staff seeing their centre's. Every change and every refusal is audited.
 */
@Service
@Transactional(readOnly = true)
public class MeetingLinks {

	private static final Logger log = LoggerFactory.getLogger(MeetingLinks.class);

	/** What {@link #createdBetween} accepts as a provider: the providers' own names and links staff set by hand. */
	public static final Set<String> PROVIDERS = Set.of("internal", "google_meet", "custom");

	private static final String RESOURCE = "MEETING_LINK";

	/** The longest page of links a caller gets, whatever they ask. */
	public static final int MAX_PAGE = 100;

	private final MeetingRecords records;
	private final MeetingLinkSearch search;
	private final MeetingProvider provider;
	private final Map<String, MeetingProvider> providers;
	private final AppointmentBook appointments;
	private final AccessPolicy access;
	private final AuditLog audit;
	private final Clock clock;

	/** A configured outside provider (Google Meet) wins over the internal rooms. */
	MeetingLinks(MeetingRecords records, MeetingLinkSearch search, List<MeetingProvider> providers,
			AppointmentBook appointments, AccessPolicy access, AuditLog audit, Clock clock) {
		this.records = records;
		this.search = search;
		this.providers = providers.stream().collect(Collectors.toMap(MeetingProvider::name, Function.identity()));
		this.provider = providers.stream().filter(p -> !p.name().equals("internal")).findFirst()
			.orElseGet(() -> this.providers.get("internal"));
		if (this.provider == null) {
			throw new IllegalStateException("No meeting provider: the internal rooms are missing");
		}
		this.appointments = appointments;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	/** The provider new links are made with: {@code internal} or {@code google_meet}. */
	public String providerName() {
		return provider.name();
	}

	/**
	 * The appointment's link, made now for the appointment's own times if it has none.
	 *
	 * Runs in a transaction of its own, so that a caller that lost the race for the appointment's link (CONFLICT
	 * ALREADY_EXISTS) can still read the winner's.
	 *
	 * @throws Refusal FORBIDDEN (audited) unless the caller is staff who reach the appointment; NOT_FOUND
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public MeetingLink ensure(Ref appointment, @Nullable String summary, Actor actor) {
		Appointment a = changeable(appointment, actor, "CREATE");
		Optional<MeetingRecord> existing = records.findByAppointmentId(a.id());
		if (existing.isPresent()) {
			return existing.get().toLink();
		}
		MeetingLink link = create(new MeetingRequest(a.id(), summary, a.startsAt(), a.endsAt()), null);
		audit.record(AuditRecord.success(actor, "CREATE", RESOURCE, a.id(), a.patientId()));
		return link;
	}

	/**
	 * A new link for the appointment, replacing any it had; times left out are the appointment's own. The old
	 * meeting is cancelled at its provider once the new one exists, so that a failure at the provider never leaves the
	 * appointment without a working link.
	 *
	 * @throws Refusal FORBIDDEN (audited) unless the caller is staff who reach the appointment; NOT_FOUND;
	 *         INVALID_INPUT {@code endsAt} when the meeting would end before it starts
	 */
	@Transactional
	public MeetingLink generate(Ref appointment, @Nullable String summary, @Nullable Instant startsAt,
			@Nullable Instant endsAt, Actor actor) {
		Appointment a = changeable(appointment, actor, "CREATE");
		MeetingRequest request = new MeetingRequest(a.id(), summary, startsAt == null ? a.startsAt() : startsAt,
				endsAt == null ? a.endsAt() : endsAt);
		Optional<MeetingRecord> existing = records.findByAppointmentId(a.id());
		MeetingLink link = create(request, existing.orElse(null));
		existing.ifPresent(this::cancelSuperseded);
		audit.record(AuditRecord.success(actor, "CREATE", RESOURCE, a.id(), a.patientId()));
		return link;
	}

	/**
	 * The appointment's link, for whoever may see the appointment: staff who reach it, its patient, its clinician.
	 *
	 * @throws Refusal FORBIDDEN (audited); NOT_FOUND for an unknown appointment or one without a link
	 */
	public MeetingLink linkOf(Ref appointment, Actor actor) {
		long id = appointments.idOf(appointment);
		appointments.requireAccess(id, actor, "READ");
		return records.findByAppointmentId(id).map(MeetingRecord::toLink)
			.orElseThrow(() -> Refusal.notFound("Meeting link"));
	}

	/**
	 * Sets a link staff arranged elsewhere (an https URL): it replaces the appointment's link (whose meeting at its
	 * provider is cancelled where the provider can), or becomes its first one.
	 *
	 * @throws Refusal FORBIDDEN (audited) unless the caller is staff who reach the appointment; NOT_FOUND;
	 *         INVALID_INPUT {@code url}
	 */
	@Transactional
	public MeetingLink replace(Ref appointment, String url, Actor actor) {
		Appointment a = changeable(appointment, actor, "UPDATE");
		URI uri;
		try {
			uri = URI.create(url.trim());
		}
		catch (IllegalArgumentException e) {
			throw Refusal.invalidField("url", "Must be an https URL");
		}
		if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
			throw Refusal.invalidField("url", "Must be an https URL");
		}
		if (uri.toString().length() > 1000) {
			throw Refusal.invalidField("url", "Must be at most 1000 characters");
		}
		String providerName = uri.getHost().equalsIgnoreCase("meet.google.com") ? "google_meet" : "custom";
		Instant now = clock.instant();
		Optional<MeetingRecord> existing = records.findByAppointmentId(a.id());
		MeetingRecord record;
		if (existing.isPresent()) {
			record = existing.get();
			cancelSuperseded(record);
			record.replaceUrl(uri.toString(), providerName, now);
		}
		else {
			record = saveUnique(new MeetingRecord(a.id(), providerName, uri.toString(), null, null, null, null, now));
		}
		audit.record(AuditRecord.success(actor, "UPDATE", RESOURCE, a.id(), a.patientId()));
		return record.toLink();
	}

	/**
	 * Removes the link and its meeting; if the provider cannot cancel the meeting now, nothing is removed.
	 *
	 * @throws Refusal FORBIDDEN (audited) unless the caller is staff who reach the appointment; NOT_FOUND for an
	 *         unknown appointment or one without a link; UNAVAILABLE when the provider fails
	 */
	@Transactional
	public void remove(Ref appointment, Actor actor) {
		Appointment a = changeable(appointment, actor, "DELETE");
		MeetingRecord record = records.findByAppointmentId(a.id())
			.orElseThrow(() -> Refusal.notFound("Meeting link"));
		cancelAtProvider(record);
		records.delete(record);
		audit.record(AuditRecord.success(actor, "DELETE", RESOURCE, a.id(), a.patientId()));
	}

	/**
	 * Links created on the given days, newest first, a page of at most {@value #MAX_PAGE} at a time (its sort is the
	 * module's own). Days are UTC calendar days — a link's creation is an instant of no one clinician's clock — and
	 * both ends are inclusive: {@code to} counts up to its midnight at the end. Staff only; a centre's staff see the
	 * links of the appointments their centre runs.
	 *
	 * @throws Refusal FORBIDDEN (audited) for callers who are not staff; INVALID_INPUT {@code to}, {@code provider}
	 */
	public Page<MeetingLink> createdBetween(@Nullable LocalDate from, @Nullable LocalDate to,
			@Nullable String providerName, Pageable page, Actor actor) {
		Reach reach = access.reachOf(actor);
		if (!reach.staff()) {
			throw access.denied(actor, "LIST", RESOURCE, null, null);
		}
		if (from != null && to != null && to.isBefore(from)) {
			throw Refusal.invalidField("to", "End date must not be before start date");
		}
		if (providerName != null && !PROVIDERS.contains(providerName)) {
			throw Refusal.invalidField("provider", "Must be one of internal, google_meet, custom");
		}
		Pageable capped = page.getPageSize() > MAX_PAGE ? PageRequest.of(page.getPageNumber(), MAX_PAGE) : page;
		return search.find(from == null ? null : from.atStartOfDay(ZoneOffset.UTC).toInstant(),
				to == null ? null : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), providerName,
				reach.kind() == Reach.Kind.CENTRE ? reach.centreId() : null, capped);
	}

	/**
	 * The appointment's link becomes its room's, {@code url}: the meeting it had (at a provider, or set by hand) is
	 * replaced, since its parties now meet in the room. Runs in a transaction of its own, so that a caller that lost a
	 * race for the appointment's first link can try again and find it. The caller, a party of the appointment, was
	 * checked by {@link MeetingRooms}.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	MeetingLink meetInRoom(Appointment a, RtcRoom room, String url, Actor actor) {
		Optional<MeetingRecord> existing = records.findByAppointmentId(a.id());
		Instant now = clock.instant();
		if (existing.isPresent()) {
			MeetingRecord record = existing.get();
			if (record.getUrl().equals(url)) {
				return record.toLink();
			}
			cancelSuperseded(record);
			record.moveToRoom(url, room.roomId(), now);
			records.flush();
			audit.record(AuditRecord.success(actor, "UPDATE", RESOURCE, a.id(), a.patientId()));
			return record.toLink();
		}
		MeetingRecord record = records.saveAndFlush(new MeetingRecord(a.id(), "internal", url, room.roomId(), null,
				a.startsAt(), a.endsAt(), now));
		audit.record(AuditRecord.success(actor, "CREATE", RESOURCE, a.id(), a.patientId()));
		return record.toLink();
	}

	/** The appointment, if the caller is staff who reach it (or the clinic itself). */
	private Appointment changeable(Ref appointment, Actor actor, String action) {
		access.requireRole(actor, StaffRegistry.STAFF_ROLES, action, RESOURCE, appointment);
		return appointments.requireAccess(appointments.idOf(appointment), actor, action);
	}

	private MeetingLink create(MeetingRequest request, @Nullable MeetingRecord replacing) {
		if (!request.endsAt().isAfter(request.startsAt())) {
			throw Refusal.invalidField("endsAt", "End time must be after start time");
		}
		MeetingProvider.Created created = provider.create(request);
		try {
			if (replacing != null) {
				records.delete(replacing);
				records.flush();
			}
			return saveUnique(new MeetingRecord(request.appointmentId(), provider.name(), created.url(),
					created.eventId(), request.summary(), request.startsAt(), request.endsAt(), clock.instant()))
				.toLink();
		}
		catch (RuntimeException e) {
			// another request won the race for this appointment: the meeting made here would be left unused
			cancelQuietly(provider, created.eventId());
			throw e;
		}
	}

	private MeetingRecord saveUnique(MeetingRecord record) {
		try {
			return records.saveAndFlush(record);
		}
		catch (DataIntegrityViolationException e) {
			throw Refusal.conflict("ALREADY_EXISTS", "This appointment already has a meeting link");
		}
	}

	/**
	 * A meeting the appointment no longer uses: cancelled if the provider can, kept otherwise (a stray calendar
	 * entry), since staff replacing a link must not depend on the provider that failed them.
	 */
	private void cancelSuperseded(MeetingRecord record) {
		MeetingProvider maker = providers.get(record.getProvider());
		if (maker != null) {
			cancelQuietly(maker, record.getExternalEventId());
		}
	}

	private static void cancelQuietly(MeetingProvider maker, @Nullable String eventId) {
		try {
			maker.cancel(eventId);
		}
		catch (Refusal e) {
			log.warn("The unused meeting {} at {} could not be cancelled; it stays there", eventId, maker.name());
		}
	}

	/** Through the provider that made the meeting, if it is still configured; a link set by hand has none. */
	private void cancelAtProvider(MeetingRecord record) {
		MeetingProvider maker = providers.get(record.getProvider());
		if (maker != null && record.getExternalEventId() != null) {
			maker.cancel(record.getExternalEventId());
		}
	}
}
