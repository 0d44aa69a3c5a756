package io.polyclinic.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

import io.polyclinic.audit.AuditLog;
import io.polyclinic.directory.AccessPolicy;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Ref;
import io.polyclinic.platform.Refusal;
import io.polyclinic.platform.Role;
import io.polyclinic.scheduling.Appointment;
import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.scheduling.AppointmentStatus;
import io.polyclinic.scheduling.SessionType;
import io.polyclinic.video.internal.MeetingLinkSearch;
import io.polyclinic.video.internal.MeetingProvider;
import io.polyclinic.video.internal.MeetingRecord;
import io.polyclinic.video.internal.MeetingRecords;

/** With Google Meet configured beside the internal rooms, new links come from Google; old ones leave through their maker. */
class MeetingProviderChoiceTests {

	final MeetingRecords records = mock(MeetingRecords.class);
	final Actor admin = new Actor(1, UUID.randomUUID(), Role.ADMIN, UUID.randomUUID());
	final Instant now = Instant.parse("2030-01-01T00:00:00Z");

	@Test
	void theOutsideProviderWinsWhicheverOrderTheyComeIn() {
		var internal = mock(MeetingProvider.class);
		when(internal.name()).thenReturn("internal");
		var google = mock(MeetingProvider.class);
		when(google.name()).thenReturn("google_meet");

		assertThat(links(internal, google).providerName()).isEqualTo("google_meet");
		assertThat(links(google, internal).providerName()).isEqualTo("google_meet");
		assertThat(links(internal).providerName()).isEqualTo("internal");
	}

	@Test
	void aLinkIsCancelledAtTheProviderThatMadeIt() {
		var internal = mock(MeetingProvider.class);
		when(internal.name()).thenReturn("internal");
		var google = mock(MeetingProvider.class);
		when(google.name()).thenReturn("google_meet");
		when(google.create(any())).thenReturn(new MeetingProvider.Created("https://meet.google.com/new-link-xyz", "evt_9"));
		when(records.findByAppointmentId(7)).thenReturn(Optional.of(record(7, "internal", "room-1")));
		when(records.findByAppointmentId(8)).thenReturn(Optional.of(record(8, "google_meet", "evt_8")));
		when(records.saveAndFlush(any())).thenAnswer(call -> {
			MeetingRecord saved = call.getArgument(0);
			ReflectionTestUtils.setField(saved, "id", 99L);
			return saved;
		});
		var links = links(internal, google);

		var made = links.generate(Ref.id(7), null, now, now.plusSeconds(3600), admin);
		links.remove(Ref.id(8), admin);

		assertThat(made.url()).isEqualTo("https://meet.google.com/new-link-xyz");
		assertThat(made.provider()).isEqualTo("google_meet");
		verify(internal).cancel("room-1");
		verify(google).cancel("evt_8");
		verify(google, never()).cancel("room-1");
	}

	@Test
	void theOldMeetingGoesOnlyOnceTheNewOneExistsAndOneTheProviderWillNotCancelStaysBehind() {
		var internal = mock(MeetingProvider.class);
		when(internal.name()).thenReturn("internal");
		var google = mock(MeetingProvider.class);
		when(google.name()).thenReturn("google_meet");
		var old = record(7, "google_meet", "evt_old");
		when(records.findByAppointmentId(7)).thenReturn(Optional.of(old));
		when(records.saveAndFlush(any())).thenAnswer(call -> {
			MeetingRecord saved = call.getArgument(0);
			ReflectionTestUtils.setField(saved, "id", 99L);
			return saved;
		});
		var links = links(internal, google);
		var unavailable = Refusal.unavailable("MEETING_PROVIDER_FAILED", "down");

		when(google.create(any())).thenThrow(unavailable);
		assertThatThrownBy(() -> links.generate(Ref.id(7), null, now, now.plusSeconds(3600), admin)).isSameAs(unavailable);
		verify(records, never()).delete(any(MeetingRecord.class));
		verify(google, never()).cancel(any());

		doReturn(new MeetingProvider.Created("https://meet.google.com/new-one-xyz", "evt_new")).when(google).create(any());
		doThrow(unavailable).when(google).cancel("evt_old");
		assertThat(links.generate(Ref.id(7), null, now, now.plusSeconds(3600), admin).url()).isEqualTo("https://meet.google.com/new-one-xyz");
		verify(records).delete(old);

		when(records.findByAppointmentId(8)).thenReturn(Optional.of(record(8, "google_meet", "evt_old")));
		assertThatThrownBy(() -> links.remove(Ref.id(8), admin)).isSameAs(unavailable);
	}

	/** The links, for appointments 7 and 8 that the caller may change (the appointment book says so). */
	MeetingLinks links(MeetingProvider... providers) {
		var book = mock(AppointmentBook.class);
		for (long id : new long[] { 7, 8 }) {
			when(book.idOf(Ref.id(id))).thenReturn(id);
			when(book.requireAccess(eq(id), eq(admin), any())).thenReturn(appointment(id));
		}
		return new MeetingLinks(records, mock(MeetingLinkSearch.class), List.of(providers), book,
				mock(AccessPolicy.class), mock(AuditLog.class), Clock.systemUTC());
	}

	Appointment appointment(long id) {
		return new Appointment(id, UUID.randomUUID(), 1, 2, null, LocalDate.of(2030, 1, 1), LocalTime.of(10, 0),
				ZoneOffset.UTC, now, now.plusSeconds(3600), SessionType.ONLINE, AppointmentStatus.CONFIRMED, 0, "INR",
				null, null, null, now, null);
	}

	MeetingRecord record(long appointmentId, String provider, @Nullable String eventId) {
		return new MeetingRecord(appointmentId, provider, "https://example.org/" + appointmentId, eventId, null, now,
				now.plusSeconds(3600), now);
	}
}
