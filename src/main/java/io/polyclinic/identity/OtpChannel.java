package io.polyclinic.identity;

/**
 * How a one-time code reaches its owner.
 */
public enum OtpChannel {
	SMS, WHATSAPP, EMAIL
}
