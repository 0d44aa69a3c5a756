package io.polyclinic.faces.mibo;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonAlias;

import io.polyclinic.directory.Patient;
import io.polyclinic.directory.PatientDetails;
import io.polyclinic.directory.PatientRegistry;
import io.polyclinic.platform.Actor;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The patient dashboard's profile: {@code /api/patient/profile}, the caller's own record only.
 */
@RestController
@RequestMapping("/api/patient/profile")
@PreAuthorize("hasRole('PATIENT')")
class PatientProfileController {

	private final PatientRegistry patients;

	PatientProfileController(PatientRegistry patients) {
		this.patients = patients;
	}

	record Profile(long id, String fullName, @Nullable String phone, @Nullable String email,
			@Nullable LocalDate dateOfBirth, @Nullable String gender, @Nullable String bloodGroup,
			@Nullable String emergencyContactName, @Nullable String emergencyContactPhone) {

		static Profile of(Patient p) {
			return new Profile(p.id(), p.fullName(), p.phone(), p.email(), p.dateOfBirth(), p.gender(), p.bloodGroup(),
					p.emergencyContactName(), p.emergencyContactPhone());
		}
	}

	/**
	 * The patient website's spellings are accepted too: the snake_case names ({@code full_name}, {@code date_of_birth}
	 * …), and {@code firstName}/{@code lastName} (joined into the full name when no full name is given) and
	 * {@code age} (checked, not kept: the clinic keeps a date of birth) from its profile-completion form.
	 */
	record ProfileChanges(@JsonAlias("full_name") @Nullable @Size(min = 1, max = 200, message = "Full name must be 1-200 characters") String fullName,
			@Nullable @Email(message = "Invalid email format") String email,
			@JsonAlias("date_of_birth") @Nullable LocalDate dateOfBirth,
			@Nullable @Pattern(regexp = "MALE|FEMALE|OTHER|PREFER_NOT_TO_SAY|NON_BINARY", message = "Gender must be MALE, FEMALE, OTHER or PREFER_NOT_TO_SAY") String gender,
			@JsonAlias("blood_group") @Nullable @Pattern(regexp = "(A|B|AB|O)[+-]", message = "Unknown blood group") String bloodGroup,
			@JsonAlias("emergency_contact_name") @Nullable @Size(max = 200) String emergencyContactName,
			@JsonAlias("emergency_contact_phone") @Nullable @Pattern(regexp = "\\+?[0-9 ()-]{6,20}", message = "Invalid phone number") String emergencyContactPhone,
			@JsonAlias("first_name") @Nullable @Size(max = 100, message = "First name must be at most 100 characters") String firstName,
			@JsonAlias("last_name") @Nullable @Size(max = 100, message = "Last name must be at most 100 characters") String lastName,
			@Nullable @Min(value = 1, message = "Age must be between 1 and 150") @Max(value = 150, message = "Age must be between 1 and 150") Integer age) {

		/** The website's NON_BINARY is the clinic's OTHER. */
		@Nullable String clinicGender() {
			return PatientSite.gender("gender", gender);
		}

		@Nullable String name() {
			return fullName != null ? fullName : PatientSite.fullName(firstName, lastName);
		}
	}

	@GetMapping
	Reply<Profile> profile(@AuthenticationPrincipal Actor actor) {
		Patient self = patients.self(actor);
		return Reply.of(Profile.of(patients.get(self.id(), actor)));
	}

	/** The phone number is the patient's sign-in: it is not changed here. */
	@PutMapping
	Reply<Void> update(@AuthenticationPrincipal Actor actor, @Valid @RequestBody ProfileChanges changes) {
		Patient self = patients.self(actor);
		patients.change(self.id(), new PatientDetails(changes.name(), null, changes.email(), changes.dateOfBirth(),
				changes.clinicGender(), changes.bloodGroup(), changes.emergencyContactName(), changes.emergencyContactPhone(),
				null), actor);
		return Reply.message("Profile updated successfully");
	}
}
