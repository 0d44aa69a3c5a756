package io.polyclinic.faces.diabcare;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.polyclinic.clinical.GlucoseStandings;
import io.polyclinic.clinical.GlucoseStandings.Standing;
import io.polyclinic.directory.Patient;
import io.polyclinic.directory.PatientRegistry;
import io.polyclinic.directory.People;
import io.polyclinic.identity.Account;
import io.polyclinic.faces.Ids;
import io.polyclinic.faces.PageQuery;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Refusal;

/**
 * A médecin's patients as the original's {@code GET /api/medecins/:id/my-patients} shows them: those who follow the
 * médecin, with how each is doing by their glucose over the last 7 days ({@code status} stable, attention or
 * critical, and their {@code lastReading}), filtered by {@code status} and by a part of the name or email
 * ({@code search}), with {@code statusCounts} over the whole panel. Only that médecin asks.
 */
@RestController
class DiabcareMyPatientsController {

	private final GlucoseStandings standings;
	private final PatientRegistry patients;
	private final People people;
	private final Clock clock;

	DiabcareMyPatientsController(GlucoseStandings standings, PatientRegistry patients, People people, Clock clock) {
		this.standings = standings;
		this.patients = patients;
		this.people = people;
		this.clock = clock;
	}

	/** The latest reading, in mg/dL, with its risk. */
	record LastReading(BigDecimal value, Instant measuredAt, String riskLevel) {
	}

	record MyPatient(@JsonProperty("_id") String id, String prenom, String nom, @Nullable String email,
			@Nullable String telephone, @Nullable String photoProfil, @Nullable String dateNaissance,
			@Nullable Integer age, @Nullable String sexe,
			@Nullable String typeDiabete, String status, @Nullable LastReading lastReading, String initials) {
	}

	record StatusCounts(long stable, long attention, long critical) {
	}

	record MyPatients(List<MyPatient> data, long total, int page, int limit, long totalPages,
			StatusCounts statusCounts) {
	}

	@GetMapping("/api/medecins/{id}/my-patients")
	MyPatients myPatients(@PathVariable String id, PageQuery page,
			@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String search, @AuthenticationPrincipal Actor actor) {
		GlucoseStandings.Panel panel = standings.panel(Ids.uuid("id", id).publicId(), search, standing(status),
				page.pageable(), actor);
		Map<Long, Patient> found = patients.findAll(panel.page().getContent().stream()
			.map(GlucoseStandings.PatientStanding::patientId).toList());
		Map<java.util.UUID, Account> accounts = people.named(found.values().stream().map(Patient::accountId).toList());
		LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
		List<MyPatient> data = panel.page().getContent().stream()
			.filter(s -> found.containsKey(s.patientId()))
			.map(s -> {
				Patient patient = found.get(s.patientId());
				Account account = accounts.get(patient.accountId());
				return patient(patient, account == null ? null : account.profilePictureUrl(), s, today);
			})
			.toList();
		long total = panel.page().getTotalElements();
		return new MyPatients(data, total, page.number(), page.size(), (total + page.size() - 1) / page.size(),
				new StatusCounts(panel.counts().get(Standing.STABLE), panel.counts().get(Standing.ATTENTION),
						panel.counts().get(Standing.CRITICAL)));
	}

	private static MyPatient patient(Patient p, @Nullable String picture, GlucoseStandings.PatientStanding standing,
			LocalDate today) {
		var last = standing.last();
		return new MyPatient(p.accountId().toString(), DiabcareUsers.prenom(p.fullName()),
				DiabcareUsers.nom(p.fullName()), p.email(), p.phone(), picture,
				p.dateOfBirth() == null ? null : p.dateOfBirth().toString(), DiabcareUsers.age(p.dateOfBirth(), today),
				p.gender(), DiabcareUsers.diabetesType(p.diabetesType()), word(standing.standing()),
				last == null ? null : new LastReading(last.mgPerDl().stripTrailingZeros(), last.measuredAt(),
						last.risk().name().toLowerCase(Locale.ROOT)),
				initials(p.fullName()));
	}

	private static @Nullable Standing standing(@Nullable String status) {
		if (status == null || status.isBlank() || "all".equals(status)) {
			return null;
		}
		return switch (status) {
			case "stable" -> Standing.STABLE;
			case "attention" -> Standing.ATTENTION;
			case "critical" -> Standing.CRITICAL;
			default -> throw Refusal.invalidField("status",
					"status must be one of the following values: all, stable, attention, critical");
		};
	}

	private static String word(Standing standing) {
		return standing.name().toLowerCase(Locale.ROOT);
	}

	private static String initials(String fullName) {
		String prenom = DiabcareUsers.prenom(fullName);
		String nom = DiabcareUsers.nom(fullName);
		return ((prenom.isEmpty() ? "" : prenom.substring(0, 1))
				+ (nom.isEmpty() || nom.equals(prenom) ? "" : nom.substring(0, 1))).toUpperCase(Locale.ROOT);
	}
}
