package io.polyclinic.video;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
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
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.polyclinic.audit.AuditLog;
import io.polyclinic.audit.AuditRecord;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Refusal;
import io.polyclinic.video.internal.MeetingProvider;
import io.polyclinic.video.internal.MeetingRecord;
import io.polyclinic.video.internal.MeetingRecords;

/**
 * One meeting link per appointment: created through the configured provider, replaced or removed by staff. Who may
 * see an appointment's link is decided with the appointment, by the caller.
 */
@Service
@Transactional(readOnly = true)
public class MeetingLinks {

	private static final Logger log = LoggerFactory.getLogger(MeetingLinks.class);

	/** What {@link #find} accepts as a provider: the providers' own names and links staff set by hand. */
	public static final Set<String> PROVIDERS = Set.of("internal", "google_meet", "custom");

	private final MeetingRecords records;
	private final MeetingProvider provider;
	private final Map<String, MeetingProvider> providers;
	private final AuditLog audit;
	private final Clock clock;

	/** A configured outside provider (Google Meet) wins over the internal rooms. */
	MeetingLinks(MeetingRecords records, List<MeetingProvider> providers, AuditLog audit, Clock clock) {
		this.records = records;
		this.providers = providers.stream().collect(Collectors.toMap(MeetingProvider::name, Function.identity()));
		this.provider = providers.stream().filter(p -> !p.name().equals("internal")).findFirst()
			.orElseGet(() -> this.providers.get("internal"));
		if (this.provider == null) {
			throw new IllegalStateException("No meeting provider: the internal rooms are missing");
		}
		this.audit = audit;
		this.clock = clock;
	}

	/** The provider new links are made with: {@code internal} or {@code google_meet}. */
	public String providerName() {
		return provider.name();
	}

	/** The appointment's link, created now if it has none. */
	@Transactional
	public MeetingLink ensure(MeetingRequest request) {
		return records.findByAppointmentId(request.appointmentId()).map(MeetingRecord::toLink)
			.orElseGet(() -> create(request, null));
	}

	/**
	 * A new link for the appointment, replacing any it had. The old meeting is cancelled at its provider once the new
	 * one exists, so that a failure at the provider never leaves the appointment without a working link.
	 */
	@Transactional
	public MeetingLink generate(MeetingRequest request, Actor actor) {
		Optional<MeetingRecord> existing = records.findByAppointmentId(request.appointmentId());
		MeetingLink link = create(request, existing.orElse(null));
		existing.ifPresent(this::cancelSuperseded);
		audit.record(AuditRecord.success(actor, "CREATE", "MEETING_LINK",
				request.appointmentId(), null));
		return link;
	}

	public Optional<MeetingLink> forAppointment(long appointmentId) {
		return records.findByAppointmentId(appointmentId).map(MeetingRecord::toLink);
	}

	/** The links of many appointments in one query, by appointment id: for lists that show them. */
	public Map<Long, MeetingLink> forAppointments(Collection<Long> appointmentIds) {
		if (appointmentIds.isEmpty()) {
			return Map.of();
		}
		return records.findByAppointmentIdIn(appointmentIds).stream().map(MeetingRecord::toLink)
			.collect(Collectors.toMap(MeetingLink::appointmentId, Function.identity()));
	}

	/**
	 * Sets a link staff arranged elsewhere: it replaces the appointment's link (whose meeting at its provider is
	 * cancelled where the provider can), or becomes its first one.
	 */
	@Transactional
	public MeetingLink replace(long appointmentId, String url, Actor actor) {
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
		Optional<MeetingRecord> existing = records.findByAppointmentId(appointmentId);
		MeetingRecord record;
		if (existing.isPresent()) {
			record = existing.get();
			cancelSuperseded(record);
			record.replaceUrl(uri.toString(), providerName, now);
		}
		else {
			record = saveUnique(new MeetingRecord(appointmentId, providerName, uri.toString(), null, null, null, null,
					now));
		}
		audit.record(AuditRecord.success(actor, "UPDATE", "MEETING_LINK", appointmentId,
				null));
		return record.toLink();
	}

	/** Removes the link and its meeting; if the provider cannot cancel the meeting now, nothing is removed (502). */
	@Transactional
	public void remove(long appointmentId, Actor actor) {
		MeetingRecord record = records.findByAppointmentId(appointmentId)
			.orElseThrow(() -> Refusal.notFound("Meeting link"));
		cancelAtProvider(record);
		records.delete(record);
		audit.record(AuditRecord.success(actor, "DELETE", "MEETING_LINK", appointmentId,
				null));
	}

	public Page<MeetingLink> find(@Nullable Instant from, @Nullable Instant to, @Nullable String providerName,
			Pageable page) {
		return records.findAll(MeetingRecords.matching(from, to, providerName), page).map(MeetingRecord::toLink);
	}

	/**
	 * Links created on the given days, newest first. Days are UTC calendar days — a link's creation is an instant
	 * of no one clinician's clock — and both ends are inclusive: {@code to} counts up to its midnight at the end.
	 */
	public Page<MeetingLink> createdBetween(@Nullable LocalDate from, @Nullable LocalDate to,
			@Nullable String providerName, Pageable page) {
		if (from != null && to != null && to.isBefore(from)) {
			throw Refusal.invalidField("to", "End date must not be before start date");
		}
		if (providerName != null && !PROVIDERS.contains(providerName)) {
			throw Refusal.invalidField("provider", "Must be one of internal, google_meet, custom");
		}
		return find(from == null ? null : from.atStartOfDay(ZoneOffset.UTC).toInstant(),
				to == null ? null : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), providerName, page);
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
