package io.polyclinic.notify;

/** How a message reaches a person. */
public enum Channel {
	EMAIL, SMS, WHATSAPP, PUSH
}
