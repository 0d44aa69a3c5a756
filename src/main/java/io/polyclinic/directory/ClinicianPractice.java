package io.polyclinic.directory;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * How a clinician practises, beside the profile: the title on their card, their professional registration number,
 * how they consult and the areas they treat. As in {@link ClinicianDetails}, null leaves a field as it is.
 *
 * @param consultationModes {@value #IN_PERSON} and/or {@value #ONLINE}
 */
public record ClinicianPractice(@Nullable String designation, @Nullable String registrationNumber,
		@Nullable List<String> consultationModes, @Nullable List<String> expertise) {

	public static final String IN_PERSON = "IN_PERSON";
	public static final String ONLINE = "ONLINE";
	public static final Set<String> MODES = Set.of(IN_PERSON, ONLINE);

	private static final ClinicianPractice NONE = new ClinicianPractice(null, null, null, null);

	/** Nothing to set. */
	public static ClinicianPractice none() {
		return NONE;
	}
}
