package io.polyclinic.faces.diabcare;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.polyclinic.directory.Clinician;
import io.polyclinic.directory.ClinicianRegistry;
import io.polyclinic.directory.DiabetesType;
import io.polyclinic.directory.Patient;
import io.polyclinic.directory.PatientRegistry;
import io.polyclinic.directory.Pharmacist;
import io.polyclinic.directory.PharmacistRegistry;
import io.polyclinic.faces.Money;
import io.polyclinic.identity.Account;
import io.polyclinic.platform.Role;

/**
 * People as the original backend shows a user: its Mongo document without the password — {@code _id}, {@code nom},
 * {@code prenom}, {@code email}, {@code telephone}, {@code photoProfil}, {@code role} (PATIENT, MEDECIN, PHARMACIEN;
 * the clinic's staff by their own role names), {@code statutCompte}, timestamps — and the fields of the role:
 * a patient's {@code dateNaissance}, {@code sexe}, {@code typeDiabete}, {@code groupeSanguin}; a médecin's
 * {@code specialite}, {@code numeroOrdre}, {@code anneesExperience}, {@code clinique}, {@code adresseCabinet},
 * {@code description}, {@code tarifConsultation}, {@code noteMoyenne}; a pharmacien's {@code numeroOrdre},
 * {@code nomPharmacie}, {@code adressePharmacie}, {@code telephonePharmacie}. A map keeps the original's open shape:
 * a field a role does not have is absent, not null.
 */
@Component
class DiabcareUsers {

	private final PatientRegistry patients;
	private final ClinicianRegistry clinicians;
	private final PharmacistRegistry pharmacists;

	DiabcareUsers(PatientRegistry patients, ClinicianRegistry clinicians, PharmacistRegistry pharmacists) {
		this.patients = patients;
		this.clinicians = clinicians;
		this.pharmacists = pharmacists;
	}

	/** The account with what its role adds, looked up. */
	Map<String, Object> user(Account account) {
		return switch (account.role()) {
			case PATIENT -> patients.forUser(account.id()).map(p -> patient(p, account.profilePictureUrl()))
				.orElseGet(() -> base(account));
			case CLINICIAN -> clinicians.forUser(account.id()).map(this::medecin).orElseGet(() -> base(account));
			case PHARMACIST -> pharmacists.forUser(account.id()).map(this::pharmacien).orElseGet(() -> base(account));
			default -> base(account);
		};
	}

	Map<String, Object> base(Account account) {
		return person(account.publicId(), account.fullName(), account.email(), account.phone(),
				account.profilePictureUrl(), role(account.role()), account.active() && !account.deleted(),
				account.createdAt(), account.updatedAt());
	}

	Map<String, Object> patient(Patient patient, @Nullable String picture) {
		Map<String, Object> user = person(patient.accountId(), patient.fullName(), patient.email(), patient.phone(),
				picture, "PATIENT", true, patient.createdAt(), patient.createdAt());
		user.put("dateNaissance", patient.dateOfBirth() == null ? null : patient.dateOfBirth().toString());
		user.put("sexe", patient.gender());
		user.put("typeDiabete", diabetesType(patient.diabetesType()));
		user.put("groupeSanguin", patient.bloodGroup());
		return user;
	}

	Map<String, Object> medecin(Clinician clinician) {
		Map<String, Object> user = person(clinician.accountId(), clinician.fullName(), clinician.email(),
				clinician.phone(), clinician.profilePictureUrl(), "MEDECIN", clinician.active(), clinician.createdAt(),
				clinician.updatedAt());
		List<String> specialities = clinician.specializations();
		user.put("specialite", specialities.isEmpty() ? null : specialities.get(0));
		user.put("numeroOrdre", clinician.practice().registrationNumber());
		user.put("anneesExperience", clinician.yearsOfExperience());
		user.put("clinique", clinician.practice().designation());
		user.put("adresseCabinet", clinician.listing().address());
		user.put("description", clinician.bio());
		user.put("tarifConsultation", Money.major(clinician.feeMinor(), clinician.currency()));
		user.put("noteMoyenne", clinician.listing().rating());
		return user;
	}

	Map<String, Object> pharmacien(Pharmacist pharmacist) {
		Map<String, Object> user = person(pharmacist.accountId(), pharmacist.fullName(), pharmacist.email(),
				pharmacist.phone(), null, "PHARMACIEN", true, pharmacist.createdAt(), pharmacist.createdAt());
		user.put("numeroOrdre", pharmacist.licenceNumber());
		user.put("nomPharmacie", pharmacist.pharmacyName());
		user.put("adressePharmacie", pharmacist.pharmacyAddress());
		user.put("telephonePharmacie", pharmacist.pharmacyPhone());
		return user;
	}

	private static Map<String, Object> person(UUID id, String fullName, @Nullable String email, @Nullable String phone,
			@Nullable String picture, String role, boolean active, Instant createdAt, Instant updatedAt) {
		Map<String, Object> user = new LinkedHashMap<>();
		user.put("_id", id.toString());
		user.put("nom", nom(fullName));
		user.put("prenom", prenom(fullName));
		user.put("email", email);
		user.put("telephone", phone);
		user.put("photoProfil", picture);
		user.put("role", role);
		user.put("statutCompte", active ? "ACTIF" : "INACTIF");
		user.put("createdAt", createdAt.toString());
		user.put("updatedAt", updatedAt.toString());
		return user;
	}

	/** A full name is "prénom nom": the first word is the given name, the rest the family name. */
	static String prenom(String fullName) {
		String trimmed = fullName.trim();
		int space = trimmed.indexOf(' ');
		return space < 0 ? trimmed : trimmed.substring(0, space);
	}

	static String nom(String fullName) {
		String trimmed = fullName.trim();
		int space = trimmed.indexOf(' ');
		return space < 0 ? trimmed : trimmed.substring(space + 1).trim();
	}

	static String fullName(String prenom, String nom) {
		return (prenom.trim() + " " + nom.trim()).trim();
	}

	static String role(Role role) {
		return switch (role) {
			case CLINICIAN -> "MEDECIN";
			case PHARMACIST -> "PHARMACIEN";
			default -> role.name();
		};
	}

	static @Nullable String diabetesType(@Nullable DiabetesType type) {
		if (type == null) {
			return null;
		}
		return switch (type) {
			case TYPE_1 -> "TYPE_1";
			case TYPE_2 -> "TYPE_2";
			case GESTATIONAL -> "GESTATIONNEL";
			case PREDIABETES -> "PRE_DIABETE";
			case OTHER -> "AUTRE";
		};
	}

	static DiabetesType diabetesType(String typeDiabete) {
		return switch (typeDiabete) {
			case "TYPE_1" -> DiabetesType.TYPE_1;
			case "TYPE_2" -> DiabetesType.TYPE_2;
			case "GESTATIONNEL" -> DiabetesType.GESTATIONAL;
			case "PRE_DIABETE" -> DiabetesType.PREDIABETES;
			default -> DiabetesType.OTHER;
		};
	}

	/** Age in whole years on {@code today}. */
	static @Nullable Integer age(@Nullable LocalDate born, LocalDate today) {
		return born == null ? null : java.time.Period.between(born, today).getYears();
	}
}
