package io.polyclinic.scheduling.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.polyclinic.platform.Refusal;
import io.polyclinic.scheduling.AppointmentConfirmed;
import io.polyclinic.scheduling.AppointmentMessages;

/**
 * Tells the patient when their appointment is confirmed — after the confirmation commits, and again after a crash,
 * since the event publication registry keeps the event until this listener has run.
 */
@Component
class AppointmentNotices {

	private static final Logger log = LoggerFactory.getLogger(AppointmentNotices.class);

	private final AppointmentMessages messages;

	AppointmentNotices(AppointmentMessages messages) {
		this.messages = messages;
	}

	@ApplicationModuleListener
	void on(AppointmentConfirmed event) {
		try {
			messages.sendConfirmation(event.appointmentId());
		}
		catch (Refusal e) {
			log.info("No confirmation sent for appointment {}: {}", event.appointmentId(), e.getMessage());
		}
	}
}
