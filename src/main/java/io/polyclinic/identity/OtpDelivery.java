package io.polyclinic.identity;

/**
 * Carries one-time codes to people. Identity decides what a code is and when one is sent; the module that owns the
 * channels (notify) implements this, so that identity needs no channel of its own.
 */
public interface OtpDelivery {

	/**
	 * Sends the text to the destination (a phone number in E.164, or an email address). The text holds a secret:
	 * it must not be kept anywhere a reader of delivery history could see it.
	 *
	 * @return whether the channel accepted the message
	 */
	boolean send(OtpChannel channel, String destination, String subject, String text);
}
