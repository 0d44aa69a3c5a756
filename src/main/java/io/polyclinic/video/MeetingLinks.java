package io.polyclinic.video;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.polyclinic.platform.ClinicException;
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

	private final MeetingRecords records;
	private final MeetingProvider provider;
	private final Clock clock;

	/** A configured outside provider (Google Meet) wins over the internal rooms. */
	MeetingLinks(MeetingRecords records, java.util.List<MeetingProvider> providers, Clock clock) {
		this.records = records;
		this.provider = providers.stream().filter(p -> !p.name().equals("internal")).findFirst()
			.orElseGet(() -> providers.stream().filter(p -> p.name().equals("internal")).findFirst().orElseThrow());
		this.clock = clock;
	}

	/** The appointment's link, created now if it has none. */
	@Transactional
	public MeetingLink ensure(MeetingRequest request) {
		return records.findByAppointmentId(request.appointmentId()).map(MeetingRecord::toLink)
			.orElseGet(() -> create(request));
	}

	/** A new link for the appointment, replacing any it had. */
	@Transactional
	public MeetingLink generate(MeetingRequest request) {
		records.findByAppointmentId(request.appointmentId()).ifPresent(existing -> {
			provider.cancel(existing.getExternalEventId());
			records.delete(existing);
			records.flush();
		});
		return create(request);
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

	@Transactional
	public MeetingLink replace(long appointmentId, String url) {
		URI uri;
		try {
			uri = URI.create(url.trim());
		}
		catch (IllegalArgumentException e) {
			throw ClinicException.invalid("meetLink", "Must be an https URL");
		}
		if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
			throw ClinicException.invalid("meetLink", "Must be an https URL");
		}
		String providerName = uri.getHost().equalsIgnoreCase("meet.google.com") ? "google_meet" : "custom";
		MeetingRecord record = records.findByAppointmentId(appointmentId)
			.orElseThrow(() -> ClinicException.notFound("Meeting link"));
		record.replaceUrl(uri.toString(), providerName, clock.instant());
		return record.toLink();
	}

	@Transactional
	public void remove(long appointmentId) {
		MeetingRecord record = records.findByAppointmentId(appointmentId)
			.orElseThrow(() -> ClinicException.notFound("Meeting link"));
		provider.cancel(record.getExternalEventId());
		records.delete(record);
	}

	public Page<MeetingLink> find(@Nullable Instant from, @Nullable Instant to, @Nullable String providerName,
			Pageable page) {
		return records.search(from, to, providerName, page).map(MeetingRecord::toLink);
	}

	private MeetingLink create(MeetingRequest request) {
		if (!request.endsAt().isAfter(request.startsAt())) {
			throw ClinicException.invalid("endTime", "End time must be after start time");
		}
		MeetingProvider.Created created = provider.create(request);
		try {
			return records.saveAndFlush(new MeetingRecord(request.appointmentId(), provider.name(), created.url(),
					created.eventId(), request.summary(), request.startsAt(), request.endsAt(), clock.instant()))
				.toLink();
		}
		catch (DataIntegrityViolationException e) {
			throw ClinicException.conflict("DUPLICATE_ENTRY", "This appointment already has a meeting link");
		}
	}
}
