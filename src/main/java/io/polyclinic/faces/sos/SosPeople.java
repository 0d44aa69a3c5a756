package io.polyclinic.faces.sos;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.polyclinic.directory.Clinician;
import io.polyclinic.identity.Account;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Role;
import io.polyclinic.scheduling.AppointmentViews;

/**
 * The people of sos's answers: the {@code user} object of sign-in and profile answers and lists, and the short
 * {@code patient}/{@code doctor} objects nested in appointments, payments and records. A person's id is their
 * account's public id, so a doctor's id is the same in {@code /doctors}, {@code doctor_id} and {@code user_id}.
 */
@Component
class SosPeople {

	private final AppointmentViews appointments;

	SosPeople(AppointmentViews appointments) {
		this.appointments = appointments;
	}

	/** The user of sign-in answers. */
	record User(UUID id, @Nullable String email, String name, String role, @Nullable String profilePicture,
			@JsonProperty("is_email_verified") boolean isEmailVerified, @JsonProperty("is_status") String isStatus,
			@Nullable String phone, List<UUID> associatedDoctors) {
	}

	/** The user of profile answers and lists: with when the account was made and last changed. */
	record UserDetail(UUID id, @Nullable String email, String name, String role, @Nullable String profilePicture,
			@JsonProperty("is_email_verified") boolean isEmailVerified, @JsonProperty("is_status") String isStatus,
			@Nullable String phone, List<UUID> associatedDoctors, Instant createdAt, Instant updatedAt) {
	}

	/** A patient nested in an appointment, payment or record. */
	record Person(UUID id, String name, @Nullable String email, @Nullable String phone,
			@Nullable String profilePicture) {
	}

	/** A doctor nested in an appointment or record: who they are and their first specialisation and rating. */
	record Doctor(UUID id, String name, @Nullable String email, @Nullable String phone, @Nullable String profilePicture,
			List<DoctorProfileBrief> doctorProfiles) {
	}

	record DoctorProfileBrief(@Nullable String specialisation, double rating) {
	}

	static Doctor doctor(Clinician clinician) {
		return new Doctor(clinician.accountId(), clinician.fullName(), clinician.email(), clinician.phone(),
				clinician.profilePictureUrl(), List.of(new DoctorProfileBrief(specialisation(clinician),
						clinician.listing().rating())));
	}

	/** sos shows one specialisation: the clinician's first. */
	static @Nullable String specialisation(Clinician clinician) {
		return clinician.specializations().isEmpty() ? null : clinician.specializations().get(0);
	}

	User user(Account account, Actor actor) {
		return user(account, associatedDoctors(List.of(account), actor));
	}

	UserDetail detail(Account account, Actor actor) {
		return detail(account, associatedDoctors(List.of(account), actor));
	}

	List<UserDetail> details(List<Account> accounts, Actor actor) {
		Map<Long, List<UUID>> doctors = associatedDoctors(accounts, actor);
		return accounts.stream().map(a -> detail(a, doctors)).toList();
	}

	static Person person(Account account) {
		return new Person(account.publicId(), account.fullName(), account.email(), account.phone(),
				account.profilePictureUrl());
	}

	/** sos's account standing: active, or blocked once switched off. */
	static String status(Account account) {
		return account.active() ? "active" : "blocked";
	}

	private static User user(Account a, Map<Long, List<UUID>> doctors) {
		return new User(a.publicId(), a.email(), a.fullName(), SosRoles.name(a.role()), a.profilePictureUrl(),
				a.emailVerified(), status(a), a.phone(), doctors.getOrDefault(a.id(), List.of()));
	}

	private static UserDetail detail(Account a, Map<Long, List<UUID>> doctors) {
		return new UserDetail(a.publicId(), a.email(), a.fullName(), SosRoles.name(a.role()), a.profilePictureUrl(),
				a.emailVerified(), status(a), a.phone(), doctors.getOrDefault(a.id(), List.of()), a.createdAt(),
				a.updatedAt());
	}

	/** For patients, the doctors they have appointments with; for everyone else, none. */
	private Map<Long, List<UUID>> associatedDoctors(Collection<Account> accounts, Actor actor) {
		List<Long> patients = accounts.stream().filter(a -> a.role() == Role.PATIENT).map(Account::id).toList();
		return patients.isEmpty() ? Map.of() : appointments.cliniciansOf(patients, actor);
	}
}
