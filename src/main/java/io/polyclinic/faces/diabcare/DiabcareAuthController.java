package io.polyclinic.faces.diabcare;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.polyclinic.directory.AddressSignIn;
import io.polyclinic.directory.ClinicianDetails;
import io.polyclinic.directory.ClinicianPractice;
import io.polyclinic.directory.ClinicianRegistry;
import io.polyclinic.directory.LeadSource;
import io.polyclinic.directory.PatientDetails;
import io.polyclinic.directory.PatientRegistry;
import io.polyclinic.directory.PatientSignedIn;
import io.polyclinic.directory.PharmacistRegistry;
import io.polyclinic.faces.Money;
import io.polyclinic.identity.Callers;
import io.polyclinic.identity.SignIn;
import io.polyclinic.identity.SignedIn;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.PublicEndpoint;
import io.polyclinic.platform.Refusal;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Sign-up, sign-in and the signed-in user's profile: {@code /api/auth}, as the original backend. Each sign-up opens
 * the account of its role and answers {@code {user, accessToken}}; the token is the clinic's one access token, valid
 * on every face, so a clinician created through Mibo signs in here as a MEDECIN.
 */
@RestController
@RequestMapping("/api/auth")
class DiabcareAuthController {

	private static final String DATE = "\\d{4}-\\d{2}-\\d{2}([T ].*)?";

	private final SignIn signIn;
	private final Callers callers;
	private final PatientRegistry patients;
	private final ClinicianRegistry clinicians;
	private final PharmacistRegistry pharmacists;
	private final DiabcareUsers users;
	private final String currency;

	DiabcareAuthController(SignIn signIn, Callers callers, PatientRegistry patients, ClinicianRegistry clinicians,
			PharmacistRegistry pharmacists, DiabcareUsers users,
			@org.springframework.beans.factory.annotation.Value("${polyclinic.default-currency:INR}") String currency) {
		this.currency = currency;
		this.signIn = signIn;
		this.callers = callers;
		this.patients = patients;
		this.clinicians = clinicians;
		this.pharmacists = pharmacists;
		this.users = users;
	}

	/** A GeoJSON point, as the app sends it; the clinic keeps no patient or pharmacy positions. */
	record GeoPoint(@Nullable String type, @Nullable List<Double> coordinates) {
	}

	record PatientSignUp(@NotBlank(message = "nom should not be empty") String nom,
			@NotBlank(message = "prenom should not be empty") String prenom,
			@NotBlank(message = "email should not be empty") @Email(message = "email must be an email") String email,
			@NotBlank(message = "motDePasse should not be empty") @Size(min = 6, message = "motDePasse must be longer than or equal to 6 characters") String motDePasse,
			@Nullable String telephone, @Nullable String photoProfil,
			@Nullable @Pattern(regexp = DATE, message = "dateNaissance must be a Date instance") String dateNaissance,
			@Nullable @Pattern(regexp = "HOMME|FEMME", message = "sexe must be one of the following values: HOMME, FEMME") String sexe,
			@Nullable @Pattern(regexp = "TYPE_1|TYPE_2|GESTATIONNEL|PRE_DIABETE|AUTRE", message = "typeDiabete must be one of the following values: TYPE_1, TYPE_2, GESTATIONNEL, PRE_DIABETE, AUTRE") String typeDiabete,
			@Nullable String groupeSanguin,
			@Nullable @Min(value = -90, message = "latitude must not be less than -90") @Max(value = 90, message = "latitude must not be greater than 90") Double latitude,
			@Nullable @Min(value = -180, message = "longitude must not be less than -180") @Max(value = 180, message = "longitude must not be greater than 180") Double longitude,
			@Nullable GeoPoint location) {
	}

	record MedecinSignUp(@NotBlank(message = "nom should not be empty") String nom,
			@NotBlank(message = "prenom should not be empty") String prenom,
			@NotBlank(message = "email should not be empty") @Email(message = "email must be an email") String email,
			@NotBlank(message = "motDePasse should not be empty") @Size(min = 6, message = "motDePasse must be longer than or equal to 6 characters") String motDePasse,
			@Nullable String telephone, @Nullable String photoProfil,
			@NotBlank(message = "specialite should not be empty") String specialite,
			@NotBlank(message = "numeroOrdre should not be empty") String numeroOrdre,
			@Nullable @Min(value = 0, message = "anneesExperience must not be less than 0") Integer anneesExperience,
			@Nullable String clinique, @Nullable String adresseCabinet, @Nullable String description,
			@Nullable @Min(value = 0, message = "tarifConsultation must not be less than 0") BigDecimal tarifConsultation,
			@Nullable Map<String, Object> disponibilite, @Nullable String abonnementPlateforme) {
	}

	record PharmacienSignUp(@NotBlank(message = "nom should not be empty") String nom,
			@NotBlank(message = "prenom should not be empty") String prenom,
			@NotBlank(message = "email should not be empty") @Email(message = "email must be an email") String email,
			@NotBlank(message = "motDePasse should not be empty") @Size(min = 6, message = "motDePasse must be longer than or equal to 6 characters") String motDePasse,
			@Nullable String telephone, @Nullable String photoProfil,
			@NotBlank(message = "numeroOrdre should not be empty") String numeroOrdre,
			@NotBlank(message = "nomPharmacie should not be empty") String nomPharmacie,
			@Nullable String adressePharmacie, @Nullable Map<String, Object> horaires,
			@Nullable String telephonePharmacie, @Nullable List<String> servicesProposes,
			@Nullable List<String> listeMedicamentsDisponibles,
			@Nullable @Min(value = -90, message = "latitude must not be less than -90") @Max(value = 90, message = "latitude must not be greater than 90") Double latitude,
			@Nullable @Min(value = -180, message = "longitude must not be less than -180") @Max(value = 180, message = "longitude must not be greater than 180") Double longitude,
			@Nullable GeoPoint location) {
	}

	record Login(@NotBlank(message = "email should not be empty") @Email(message = "email must be an email") String email,
			@NotNull(message = "motDePasse should not be empty") @Size(min = 6, message = "motDePasse must be longer than or equal to 6 characters") String motDePasse) {
	}

	record SignedInUser(Map<String, Object> user, String accessToken) {
	}

	record GoogleMobileLogin(@NotBlank(message = "idToken should not be empty") String idToken,
			@Nullable @Pattern(regexp = "PATIENT|MEDECIN|PHARMACIEN", message = "role must be one of the following values: PATIENT, MEDECIN, PHARMACIEN") String role) {
	}

	@PublicEndpoint
	@PostMapping("/register/patient")
	@ResponseStatus(HttpStatus.CREATED)
	SignedInUser registerPatient(@Valid @RequestBody PatientSignUp body) {
		PatientSignedIn signedUp = patients.signUp(new PatientDetails(DiabcareUsers.fullName(body.prenom(), body.nom()),
				blankToNull(body.telephone()), body.email(), date(body.dateNaissance()), body.sexe(),
				body.groupeSanguin(), null, null, null,
				body.typeDiabete() == null ? null : DiabcareUsers.diabetesType(body.typeDiabete())),
				body.motDePasse(), LeadSource.OTHER);
		return new SignedInUser(users.patient(signedUp.patient(), null), signedUp.tokens().accessToken());
	}

	@PublicEndpoint
	@PostMapping("/register/medecin")
	@ResponseStatus(HttpStatus.CREATED)
	SignedInUser registerMedecin(@Valid @RequestBody MedecinSignUp body) {
		var details = new ClinicianDetails(DiabcareUsers.fullName(body.prenom(), body.nom()),
				blankToNull(body.telephone()), body.email(), null, List.of(body.specialite().trim()), null, null,
				body.anneesExperience(), body.tarifConsultation() == null ? null
						: Money.minor(body.tarifConsultation(), currency, "tarifConsultation"),
				null, null, blankToNull(body.description()), null);
		var signedUp = clinicians.signUp(details,
				new ClinicianPractice(blankToNull(body.clinique()), body.numeroOrdre().trim(), null, null),
				body.motDePasse());
		return new SignedInUser(users.medecin(signedUp.clinician()), signedUp.tokens().accessToken());
	}

	@PublicEndpoint
	@PostMapping("/register/pharmacien")
	@ResponseStatus(HttpStatus.CREATED)
	SignedInUser registerPharmacien(@Valid @RequestBody PharmacienSignUp body) {
		var signedUp = pharmacists.signUp(new PharmacistRegistry.NewPharmacist(
				DiabcareUsers.fullName(body.prenom(), body.nom()), body.email(), blankToNull(body.telephone()),
				body.motDePasse(), body.numeroOrdre(), body.nomPharmacie(), body.adressePharmacie(),
				body.telephonePharmacie()));
		return new SignedInUser(users.pharmacien(signedUp.pharmacist()), signedUp.tokens().accessToken());
	}

	/** Every role signs in here with its email address, in any case. */
	@PublicEndpoint
	@PostMapping("/login")
	SignedInUser login(@Valid @RequestBody Login body) {
		SignedIn signedIn = signIn.withPassword(SignIn.LoginName.EMAIL, body.email(), body.motDePasse());
		return new SignedInUser(users.user(signedIn.account()), signedIn.tokens().accessToken());
	}

	/**
	 * Google sign-in on the phone: the app sends the id token Google gave it for the clinic's client; the holder of
	 * the verified address signs in, an unknown address signs up a patient (as the original, which creates patients
	 * only; the app asks as PATIENT).
	 */
	@PublicEndpoint
	@PostMapping("/google/mobile")
	SignedInUser googleMobile(@Valid @RequestBody GoogleMobileLogin body) {
		AddressSignIn signedIn = patients.signInWithProviderToken("google", body.idToken(), LeadSource.OTHER);
		return new SignedInUser(users.user(signedIn.account()), signedIn.tokens().accessToken());
	}

	@GetMapping("/profile")
	Map<String, Object> profile(@AuthenticationPrincipal Actor actor) {
		return users.user(callers.self(actor));
	}

	private static @Nullable LocalDate date(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.substring(0, 10));
		}
		catch (java.time.format.DateTimeParseException e) {
			throw Refusal.invalidField("dateOfBirth", "dateNaissance must be a Date instance");
		}
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.trim();
	}
}
