package io.polyclinic.faces.diabcare;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.polyclinic.messaging.Messages;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Refusal;

/** A chat message on DiabCare's socket: {@code {"event":"message","data":<the message as the REST endpoints show it>}}. */
@Component
class DiabcareMessageFrames implements DiabcareLiveFrames {

	private final Messages messages;

	DiabcareMessageFrames(Messages messages) {
		this.messages = messages;
	}

	@Override
	public String topic() {
		return Messages.LIVE_TOPIC;
	}

	@Override
	public Optional<Object> render(UUID subjectId, Actor actor) {
		try {
			return Optional.of(DiabcareChat.message(messages.get(subjectId, actor)));
		}
		catch (Refusal notTheirs) {
			return Optional.empty();
		}
	}
}
