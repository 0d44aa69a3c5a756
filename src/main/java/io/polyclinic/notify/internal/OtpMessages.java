package io.polyclinic.notify.internal;

import org.springframework.stereotype.Component;

import io.polyclinic.identity.OtpChannel;
import io.polyclinic.identity.OtpDelivery;
import io.polyclinic.notify.Channel;
import io.polyclinic.notify.Message;
import io.polyclinic.notify.Messenger;

/**
 * Identity's one-time codes, sent over the channels: the body is a secret, so the delivery history withholds it.
 */
@Component
class OtpMessages implements OtpDelivery {

	private final Messenger messenger;

	OtpMessages(Messenger messenger) {
		this.messenger = messenger;
	}

	@Override
	public boolean send(OtpChannel channel, String destination, String subject, String text) {
		Channel over = switch (channel) {
			case SMS -> Channel.SMS;
			case WHATSAPP -> Channel.WHATSAPP;
			case EMAIL -> Channel.EMAIL;
		};
		return messenger.send(Message.secret(over, destination, subject, text)).sent();
	}
}
