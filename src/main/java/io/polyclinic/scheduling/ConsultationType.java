package io.polyclinic.scheduling;

/**
 * How a consultation takes place, as patients choose it: at a centre, at home, or remotely by video, chat or an
 * online session. The {@link SessionType} (in person or online) follows from it; an appointment booked by session
 * type only (the slot grid) takes the session type's own kind.
 */
public enum ConsultationType {
	IN_PERSON, HOME, ONLINE, VIDEO, CHAT;

	public static ConsultationType of(SessionType sessionType) {
		return sessionType == SessionType.ONLINE ? ONLINE : IN_PERSON;
	}

	/** Where it happens, for the rules that only know a centre visit from a remote one. */
	public SessionType sessionType() {
		return this == IN_PERSON || this == HOME ? SessionType.IN_PERSON : SessionType.ONLINE;
	}
}
