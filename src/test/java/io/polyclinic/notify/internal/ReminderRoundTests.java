package io.polyclinic.notify.internal;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.polyclinic.notify.AppointmentMessages;
import io.polyclinic.notify.DeliveryReceipt;
import io.polyclinic.notify.DeliveryStatus;
import io.polyclinic.notify.NotificationPreferences.Preferences;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Ref;
import io.polyclinic.platform.Refusal;

/** What a round of reminders marks: what went out, and what no later round could change; never a failed send. */
class ReminderRoundTests {

	final Instant now = Instant.parse("2031-03-17T04:30:00Z");
	final AppointmentReminders reminders = mock(AppointmentReminders.class);
	final AppointmentMessages messages = mock(AppointmentMessages.class);
	final PreferenceRows preferences = mock(PreferenceRows.class);
	final ReminderJob job = new ReminderJob(reminders, messages, preferences, Clock.fixed(now, ZoneOffset.UTC),
			Duration.ofHours(24));
	final AppointmentReminders.Due due = new AppointmentReminders.Due(7, now.plusSeconds(3600));

	@org.junit.jupiter.api.BeforeEach
	void everyoneTakesTheDefaults() {
		when(preferences.ofAppointment(anyLong())).thenReturn(Preferences.DEFAULTS);
	}

	@Test
	void aPatientWhoWantsTheReminderNearerTheTimeGetsItOnALaterRound() {
		when(preferences.ofAppointment(7)).thenReturn(new Preferences(true, true, true, true, true, true, 30, now));

		job.remind(due);

		verify(messages, never()).sendReminder(any(), any());
		verify(reminders, never()).mark(any(), any(), any());

		var soon = new AppointmentReminders.Due(7, now.plusSeconds(20 * 60));
		when(messages.sendReminder(Ref.id(7), Actor.system()))
			.thenReturn(new DeliveryReceipt(43, DeliveryStatus.SENT, "outbox"));
		job.remind(soon);
		verify(reminders).mark(eq(soon), eq(43L), any());
	}

	@Test
	void asksForConfirmedAppointmentsWithinTheLeadAndMarksWhatWasSent() {
		when(reminders.due(now, now.plus(Duration.ofHours(24)), 200)).thenReturn(List.of(due));
		when(messages.sendReminder(Ref.id(7), Actor.system()))
			.thenReturn(new DeliveryReceipt(41, DeliveryStatus.SENT, "outbox"));

		job.remind();

		verify(reminders).mark(eq(due), eq(41L), any());
	}

	@Test
	void aSendTheChannelRefusedIsNotMarkedSoTheNextRoundTriesAgain() {
		when(messages.sendReminder(Ref.id(7), Actor.system()))
			.thenReturn(new DeliveryReceipt(42, DeliveryStatus.FAILED, "gallabox"));

		job.remind(due);

		verify(reminders, never()).mark(any(), any(), any());
	}

	@Test
	void aProviderThatIsDownIsTriedAgainButAPatientWithoutContactIsNot() {
		when(messages.sendReminder(Ref.id(7), Actor.system()))
			.thenThrow(Refusal.unavailable("MEETING_PROVIDER_FAILED", "Google did not answer"));
		job.remind(due);
		verify(reminders, never()).mark(any(), any(), any());

		doThrow(Refusal.conflict("NO_CONTACT", "The patient has no phone number or email address to message"))
			.when(messages).sendReminder(Ref.id(7), Actor.system());
		job.remind(due);
		verify(reminders).mark(eq(due), isNull(), any());
		verify(reminders, never()).due(any(), any(), anyInt());
	}
}
