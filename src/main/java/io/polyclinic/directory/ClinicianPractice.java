package io.polyclinic.directory;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * How a clinician practises, beside the profile: the title on their card, their professional registration number,
 * how they consult, the areas they treat, and whether they volunteer their time. As in {@link ClinicianDetails}, null
 * leaves a field as it is; a clinician's own practice always says whether they volunteer.
 *
 * @param consultationModes {@value #IN_PERSON} and/or {@value #ONLINE}
 * @param volunteer whether they give their time as a volunteer (clinico's {@code is_volunteer}); false until said
 */
public record ClinicianPractice(@Nullable String designation, @Nullable String registrationNumber,
		@Nullable List<String> consultationModes, @Nullable List<String> expertise, @Nullable Boolean volunteer) {

	public static final String IN_PERSON = "IN_PERSON";
	public static final String ONLINE = "ONLINE";
	public static final Set<String> MODES = Set.of(IN_PERSON, ONLINE);

	private static final ClinicianPractice NONE = new ClinicianPractice(null, null, null, null, null);

	/** A practice that leaves the volunteer flag as it is. */
	public ClinicianPractice(@Nullable String designation, @Nullable String registrationNumber,
			@Nullable List<String> consultationModes, @Nullable List<String> expertise) {
		this(designation, registrationNumber, consultationModes, expertise, null);
	}

	/** Nothing to set. */
	public static ClinicianPractice none() {
		return NONE;
	}

	/** Only whether the clinician volunteers. */
	public static ClinicianPractice volunteering(boolean volunteer) {
		return new ClinicianPractice(null, null, null, null, volunteer);
	}

	/** Whether the clinician volunteers: false when not said. */
	public boolean volunteers() {
		return Boolean.TRUE.equals(volunteer);
	}
}
