package io.polyclinic.messaging.internal;

import java.time.Clock;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.polyclinic.messaging.ConversationKind;
import io.polyclinic.scheduling.AppointmentBooked;

/**
 * A patient's first appointment with a clinician opens their conversation, whichever face booked it, as an
 * appointment conversation; a conversation the pair opened before becomes one.
 */
@Component
class ConversationOpener {

	private final ConversationRows rows;
	private final Clock clock;

	ConversationOpener(ConversationRows rows, Clock clock) {
		this.rows = rows;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(AppointmentBooked event) {
		// idempotent per pair: a later booking, or one of the same pair at the same moment, finds it open
		rows.open(event.patientId(), event.clinicianId(), ConversationKind.APPOINTMENT, clock.instant());
	}
}
