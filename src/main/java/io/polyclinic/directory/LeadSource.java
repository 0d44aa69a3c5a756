package io.polyclinic.directory;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where a patient came from, as the clinic's marketing counts it.
 */
public enum LeadSource {
	WEBSITE("Website"), WHATSAPP("WhatsApp"), WALK_IN("Walk-in"), PHONE("Phone"), REFERRAL("Referral"),
	SOCIAL_MEDIA("Social Media"), OTHER("Other");

	private final String label;

	LeadSource(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** Accepts the label ("Walk-in") or the constant's name ("WALK_IN"), case-insensitively. */
	public static Optional<LeadSource> parse(String value) {
		String v = value.trim();
		return Arrays.stream(values())
			.filter(s -> s.label.equalsIgnoreCase(v) || s.name().equalsIgnoreCase(v.replace('-', '_').replace(' ', '_')))
			.findFirst();
	}
}
