package io.polyclinic.faces.hcp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

import io.polyclinic.directory.Clinician;
import io.polyclinic.directory.ClinicianDetails;
import io.polyclinic.directory.ClinicianListing;
import io.polyclinic.directory.ClinicianPractice;
import io.polyclinic.directory.ClinicianRegistry;
import io.polyclinic.directory.ClinicianReviews;
import io.polyclinic.directory.ClinicianSearch;
import io.polyclinic.directory.ClinicianVerification;
import io.polyclinic.directory.People;
import io.polyclinic.directory.Verification;
import io.polyclinic.faces.DrfPage;
import io.polyclinic.faces.Money;
import io.polyclinic.faces.Ordering;
import io.polyclinic.faces.PageQuery;
import io.polyclinic.identity.Account;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.PublicEndpoint;
import io.polyclinic.platform.Refusal;
import io.polyclinic.platform.Role;
import io.polyclinic.scheduling.WeeklyRule;
import io.polyclinic.scheduling.WeeklyRules;

/**
 * The original's {@code /api/doctors/}: the public list of verified doctors and a doctor's detail, a doctor's own
 * registration and profile, reviews of completed visits, a doctor's own weekly availability rules, and the KYC check
 * (documents by the doctor, the decision by an administrator). Who may do what is the modules' answer; this maps JSON.
 * A doctor's slots for a date ({@code /api/doctors/{id}/availability/}) are the appointments controller's.
 */
@RestController
@RequestMapping("/api/doctors")
class HcpDoctorController {

	private static final String REQUIRED = "This field is required.";

	/** The list's orders: the original's fields, and the names its app and hcp.md use for them. */
	private static final Map<String, ClinicianSearch.Order> ORDERS = Map.of("average_rating",
			ClinicianSearch.Order.RATING, "rating", ClinicianSearch.Order.RATING, "total_reviews",
			ClinicianSearch.Order.RATING_COUNT, "consultation_fee", ClinicianSearch.Order.FEE, "years_of_experience",
			ClinicianSearch.Order.EXPERIENCE, "experience_years", ClinicianSearch.Order.EXPERIENCE, "name",
			ClinicianSearch.Order.NAME, "full_name", ClinicianSearch.Order.NAME, "created_at",
			ClinicianSearch.Order.CREATED_AT);

	private final ClinicianRegistry clinicians;
	private final ClinicianVerification kyc;
	private final ClinicianReviews reviews;
	private final WeeklyRules rules;
	private final People people;
	private final HcpUsers users;
	private final String currency;

	HcpDoctorController(ClinicianRegistry clinicians, ClinicianVerification kyc, ClinicianReviews reviews,
			WeeklyRules rules, People people, HcpUsers users,
			@Value("${polyclinic.default-currency:INR}") String currency) {
		this.clinicians = clinicians;
		this.kyc = kyc;
		this.reviews = reviews;
		this.rules = rules;
		this.people = people;
		this.users = users;
		this.currency = currency;
	}

	// ---- JSON

	/** The original's DoctorListSerializer, with the nested user and the KYC status its app's Doctor type has. */
	record DoctorListItem(long id, Map<String, Object> user, String fullName, List<String> specialties,
			String specialtiesDisplay, @Nullable Integer yearsOfExperience, String clinicName,
			String consultationFee, String currency, String averageRating, int totalReviews,
			boolean isAvailableForConsultation, String kycStatus) {
	}

	/** The original's DoctorSerializer: the profile with its weekly availability and latest reviews. */
	record DoctorJson(long id, Map<String, Object> user, String fullName, String registrationNumber,
			@Nullable Integer yearsOfExperience, List<String> specialties, String clinicName, String clinicAddress,
			String consultationFee, String currency, String timezone, String bio, List<String> languages,
			List<String> qualifications, String kycStatus, boolean isAvailableForConsultation, String averageRating,
			int totalReviews, List<RuleJson> availability, List<ReviewJson> reviews, Instant createdAt,
			Instant updatedAt) {
	}

	/** The original's DoctorAvailabilitySerializer: {@code day_of_week} 0 (Monday) to 6 (Sunday). */
	record RuleJson(long id, int dayOfWeek, String startTime, String endTime, boolean isAvailable,
			List<BreakJson> breakTimes) {
	}

	record BreakJson(String start, String end) {
	}

	/** The original's DoctorReviewSerializer, with the doctor and the appointment reviewed. */
	record ReviewJson(long id, long doctor, long appointment, String patientName, int rating, String comment,
			@Nullable Integer communicationRating, @Nullable Integer treatmentRating,
			@Nullable Integer punctualityRating, boolean isAnonymous, Instant createdAt) {
	}

	record ReviewCreated(long id, long doctor, long appointment, String patientName, int rating, String comment,
			@Nullable Integer communicationRating, @Nullable Integer treatmentRating,
			@Nullable Integer punctualityRating, boolean isAnonymous, Instant createdAt, String averageRating,
			int totalReviews) {
	}

	record KycJson(long doctorId, String kycStatus, @Nullable String kycNotes, @Nullable Instant kycDecidedAt,
			List<KycDocumentJson> kycDocuments) {
	}

	record KycDocumentJson(long id, String name, String contentType, long size, String url, Instant uploadedAt) {
	}

	/** A doctor's registration or profile change; {@code user_id} of the original is the caller, and ignored. */
	record DoctorBody(@Nullable String registrationNumber, @Nullable Integer yearsOfExperience,
			@Nullable List<String> specialties, @Nullable String clinicName, @Nullable String clinicAddress,
			@Nullable BigDecimal consultationFee, @Nullable String timezone, @Nullable String bio,
			@Nullable List<String> languages, @Nullable List<String> qualifications,
			@Nullable Boolean isAvailableForConsultation, @Nullable Long userId) {
	}

	record ReviewBody(@Nullable Long appointment, @Nullable Long appointmentId, @Nullable Integer rating,
			@Nullable String comment, @Nullable Integer communicationRating, @Nullable Integer treatmentRating,
			@Nullable Integer punctualityRating, @Nullable Boolean isAnonymous) {
	}

	record RuleBody(@Nullable Integer dayOfWeek, @Nullable String startTime, @Nullable String endTime,
			@Nullable Boolean isAvailable, @Nullable List<BreakBody> breakTimes) {
	}

	record BreakBody(@Nullable String start, @Nullable String end) {
	}

	record KycDecision(@Nullable Long doctorId, @Nullable String kycStatus, @Nullable String notes,
			@Nullable String kycNotes) {
	}

	// ---- doctors

	/** Verified, listed doctors only, whoever asks; searched, filtered, ordered and paged in SQL. */
	@PublicEndpoint
	@GetMapping
	HcpReply<DrfPage<DoctorListItem>> list(@RequestParam(required = false) @Nullable String search,
			@RequestParam(required = false) @Nullable String specialties,
			@RequestParam(required = false) @Nullable String ordering, PageQuery query) {
		Ordering<ClinicianSearch.Order> order = Ordering.parse("ordering", ordering, ORDERS,
				new Ordering<>(ClinicianSearch.Order.RATING, true));
		// the public's list whoever asks: staff see pending doctors through the admin's KYC work, not here
		var page = clinicians.search(new ClinicianSearch(search, specialties, null, null, null, order.key(),
				order.descending()), query.pageable(), null);
		Map<Long, Account> accounts = people.byIds(page.getContent().stream().map(Clinician::userId).toList());
		return HcpReply.ok(DrfPage.of(page, query, "page", c -> listItem(c, accounts.get(c.userId()))),
				"Doctors retrieved successfully");
	}

	/** A doctor registers their practice: pending until an administrator decides the KYC check. */
	@PostMapping("/register")
	@ResponseStatus(HttpStatus.CREATED)
	HcpReply<DoctorJson> register(@RequestBody DoctorBody body, @AuthenticationPrincipal Actor actor) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (body.registrationNumber() == null || body.registrationNumber().isBlank()) {
			errors.put("registration_number", REQUIRED);
		}
		if (body.yearsOfExperience() == null) {
			errors.put("years_of_experience", REQUIRED);
		}
		if (body.consultationFee() == null) {
			errors.put("consultation_fee", REQUIRED);
		}
		checkDoctor(body, errors);
		Clinician registered = clinicians.registerPractice(details(body, currency), practice(body), listing(body),
				actor);
		return HcpReply.ok(doctor(registered, actor), "Doctor profile registered; KYC verification pending");
	}

	/** The caller's own doctor profile: a doctor's only (403 for others, 404 for a doctor without one). */
	@GetMapping("/profile")
	HcpReply<DoctorJson> profile(@AuthenticationPrincipal Actor actor) {
		return HcpReply.ok(doctor(own(actor), actor), "Doctor profile retrieved successfully");
	}

	/** The doctor changes their own profile; fields left out stay as they are. */
	@RequestMapping(path = "/profile", method = { RequestMethod.PUT, RequestMethod.PATCH })
	HcpReply<DoctorJson> changeProfile(@RequestBody DoctorBody body, @AuthenticationPrincipal Actor actor) {
		Clinician own = own(actor);
		Map<String, String> errors = new LinkedHashMap<>();
		if (body.registrationNumber() != null && body.registrationNumber().isBlank()) {
			errors.put("registration_number", "This field may not be blank.");
		}
		checkDoctor(body, errors);
		Clinician changed = clinicians.change(own.id(), details(body, own.currency()), practice(body), listing(body),
				actor);
		return HcpReply.ok(doctor(changed, actor), "Doctor profile updated successfully");
	}

	/** A doctor's detail: a pending or rejected one is found by themself and the clinic's staff only. */
	@PublicEndpoint
	@GetMapping("/{id}")
	HcpReply<DoctorJson> detail(@PathVariable long id, @AuthenticationPrincipal @Nullable Actor actor) {
		return HcpReply.ok(doctor(clinicians.shownTo(id, actor), actor), "Doctor retrieved successfully");
	}

	// ---- reviews

	@PublicEndpoint
	@GetMapping("/{id}/reviews")
	HcpReply<DrfPage<ReviewJson>> reviews(@PathVariable long id, @AuthenticationPrincipal @Nullable Actor actor,
			PageQuery query) {
		return HcpReply.ok(DrfPage.of(reviews.of(id, query.pageable(), actor), query, "page", HcpDoctorController::review),
				"Reviews retrieved successfully");
	}

	/** The patient of a completed appointment with this doctor reviews it, once. */
	@PostMapping("/{id}/reviews/create")
	@ResponseStatus(HttpStatus.CREATED)
	HcpReply<ReviewCreated> review(@PathVariable long id, @RequestBody ReviewBody body,
			@AuthenticationPrincipal Actor actor) {
		Long appointment = body.appointment() != null ? body.appointment() : body.appointmentId();
		Map<String, String> errors = new LinkedHashMap<>();
		if (appointment == null) {
			errors.put("appointment", REQUIRED);
		}
		if (body.rating() == null) {
			errors.put("rating", REQUIRED);
		}
		refuse(errors);
		var written = reviews.write(id, new ClinicianReviews.NewReview(appointment, body.rating(), body.comment(),
				body.communicationRating(), body.treatmentRating(), body.punctualityRating(),
				Boolean.TRUE.equals(body.isAnonymous())), actor);
		ReviewJson r = review(written.review());
		return HcpReply.ok(new ReviewCreated(r.id(), r.doctor(), r.appointment(), r.patientName(), r.rating(),
				r.comment(), r.communicationRating(), r.treatmentRating(), r.punctualityRating(), r.isAnonymous(),
				r.createdAt(), rating(written.clinicianRating().average()), written.clinicianRating().count()),
				"Review created successfully");
	}

	// ---- the doctor's own availability rules

	@GetMapping("/availability")
	HcpReply<List<RuleJson>> rules(@AuthenticationPrincipal Actor actor) {
		return HcpReply.ok(rules.own(actor).stream().map(HcpDoctorController::rule).toList(),
				"Availability retrieved successfully");
	}

	@PostMapping("/availability")
	@ResponseStatus(HttpStatus.CREATED)
	HcpReply<RuleJson> addRule(@RequestBody RuleBody body, @AuthenticationPrincipal Actor actor) {
		return HcpReply.ok(rule(rules.add(changes(body, null), actor)), "Availability created successfully");
	}

	@GetMapping("/availability/{id}")
	HcpReply<RuleJson> rule(@PathVariable long id, @AuthenticationPrincipal Actor actor) {
		return HcpReply.ok(rule(rules.own(id, actor)), "Availability retrieved successfully");
	}

	/** The rule as a whole; fields left out keep their values. */
	@RequestMapping(path = "/availability/{id}", method = { RequestMethod.PUT, RequestMethod.PATCH })
	HcpReply<RuleJson> changeRule(@PathVariable long id, @RequestBody RuleBody body,
			@AuthenticationPrincipal Actor actor) {
		WeeklyRule current = rules.own(id, actor);
		return HcpReply.ok(rule(rules.change(id, changes(body, current), actor)), "Availability updated successfully");
	}

	/** hcp.md answers every call with its envelope: a removal too (200, {@code data} null), not DRF's bare 204. */
	@DeleteMapping("/availability/{id}")
	HcpReply<@Nullable Object> removeRule(@PathVariable long id, @AuthenticationPrincipal Actor actor) {
		rules.remove(id, actor);
		return HcpReply.ok(null, "Availability deleted successfully");
	}

	// ---- KYC

	/** The doctor hands in KYC documents (every file part of the form): the check is pending again. */
	@PostMapping(path = "/kyc/update", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	HcpReply<KycJson> submitKyc(MultipartHttpServletRequest request, @AuthenticationPrincipal Actor actor) {
		List<ClinicianVerification.Upload> uploads = new ArrayList<>();
		for (List<MultipartFile> files : request.getMultiFileMap().values()) {
			for (MultipartFile file : files) {
				try {
					uploads.add(new ClinicianVerification.Upload(file.getBytes(), file.getOriginalFilename()));
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			}
		}
		return HcpReply.ok(kyc(kyc.submit(uploads, actor)), "KYC documents updated successfully");
	}

	/** An administrator decides a doctor's KYC check: {@code verified} or {@code rejected}. */
	@PostMapping(path = "/kyc/update", consumes = MediaType.APPLICATION_JSON_VALUE)
	HcpReply<KycJson> decideKyc(@RequestBody KycDecision body, @AuthenticationPrincipal Actor actor) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (body.doctorId() == null) {
			errors.put("doctor_id", REQUIRED);
		}
		Verification decision = null;
		if (body.kycStatus() == null || body.kycStatus().isBlank()) {
			errors.put("kyc_status", REQUIRED);
		}
		else {
			decision = switch (body.kycStatus().trim().toLowerCase(Locale.ROOT)) {
				case "verified" -> Verification.VERIFIED;
				case "rejected" -> Verification.REJECTED;
				default -> {
					errors.put("kyc_status", "\"" + body.kycStatus() + "\" is not a valid choice.");
					yield null;
				}
			};
		}
		refuse(errors);
		String notes = body.notes() != null ? body.notes() : body.kycNotes();
		return HcpReply.ok(kyc(kyc.decide(body.doctorId(), decision, notes, actor)), "KYC status updated successfully");
	}

	// ---- mapping

	private Clinician own(Actor actor) {
		if (!actor.is(Role.CLINICIAN)) {
			throw Refusal.forbidden();
		}
		return clinicians.forUser(actor.userId()).orElseThrow(() -> Refusal.notFound("Doctor profile"));
	}

	private DoctorListItem listItem(Clinician c, @Nullable Account account) {
		return new DoctorListItem(c.id(), account == null ? Map.of() : users.user(account, null), c.fullName(),
				c.specializations(), String.join(", ", c.specializations()), c.yearsOfExperience(),
				blank(c.listing().clinicName()), fee(c), c.currency(), rating(c.listing().rating()),
				c.listing().ratingCount(), c.listing().listed() && c.active(), status(c.verification()));
	}

	private DoctorJson doctor(Clinician c, @Nullable Actor actor) {
		Account account = people.byIds(List.of(c.userId())).get(c.userId());
		List<ReviewJson> latest = reviews.of(c.id(), PageRequest.of(0, 10), actor).getContent().stream()
			.map(HcpDoctorController::review).toList();
		return new DoctorJson(c.id(), account == null ? Map.of() : users.user(account, null), c.fullName(),
				blank(c.practice().registrationNumber()), c.yearsOfExperience(), c.specializations(),
				blank(c.listing().clinicName()), blank(c.listing().address()), fee(c), c.currency(),
				c.timeZone().getId(), blank(c.bio()), c.languages(), c.qualifications(), status(c.verification()),
				c.listing().listed() && c.active(), rating(c.listing().rating()), c.listing().ratingCount(),
				rules.of(c.id()).stream().map(HcpDoctorController::rule).toList(), latest, c.createdAt(),
				c.updatedAt());
	}

	private static RuleJson rule(WeeklyRule r) {
		return new RuleJson(r.id(), r.dayOfWeek().getValue() - 1, seconds(r.startTime()), seconds(r.endTime()),
				r.available(),
				r.breaks().stream().map(b -> new BreakJson(hourMinute(b.start()), hourMinute(b.end()))).toList());
	}

	private static ReviewJson review(ClinicianReviews.Review r) {
		return new ReviewJson(r.id(), r.clinicianId(), r.appointmentId(),
				r.patientName() == null ? "Anonymous" : r.patientName(), r.rating(), blank(r.comment()),
				r.communicationRating(), r.treatmentRating(), r.punctualityRating(), r.anonymous(), r.createdAt());
	}

	private static KycJson kyc(ClinicianVerification.Check check) {
		return new KycJson(check.clinicianId(), status(check.status()), check.notes(), check.decidedAt(),
				check.documents().stream().map(d -> new KycDocumentJson(d.id(), blank(d.name()), d.contentType(),
						d.size(), d.url(), d.uploadedAt())).toList());
	}

	private static String status(Verification verification) {
		return verification.name().toLowerCase(Locale.ROOT);
	}

	/** Django's DecimalField(max_digits=10, decimal_places=2): a string with two decimals. */
	private static String fee(Clinician c) {
		return Money.major(c.feeMinor(), c.currency()).setScale(2, RoundingMode.HALF_UP).toPlainString();
	}

	/** Django's DecimalField(max_digits=3, decimal_places=2). */
	private static String rating(double rating) {
		return BigDecimal.valueOf(rating).setScale(2, RoundingMode.HALF_UP).toPlainString();
	}

	/** Django's TimeField: {@code HH:MM:SS}. */
	private static String seconds(LocalTime time) {
		return String.format(Locale.ROOT, "%02d:%02d:%02d", time.getHour(), time.getMinute(), time.getSecond());
	}

	private static String hourMinute(LocalTime time) {
		return String.format(Locale.ROOT, "%02d:%02d", time.getHour(), time.getMinute());
	}

	private static String blank(@Nullable String value) {
		return value == null ? "" : value;
	}

	private static void checkDoctor(DoctorBody body, Map<String, String> errors) {
		if (body.registrationNumber() != null && body.registrationNumber().trim().length() > 100) {
			errors.put("registration_number", "Ensure this field has no more than 100 characters.");
		}
		if (body.yearsOfExperience() != null && (body.yearsOfExperience() < 0 || body.yearsOfExperience() > 50)) {
			errors.put("years_of_experience", body.yearsOfExperience() < 0
					? "Ensure this value is greater than or equal to 0."
					: "Ensure this value is less than or equal to 50.");
		}
		if (body.consultationFee() != null) {
			if (body.consultationFee().signum() < 0) {
				errors.put("consultation_fee", "Ensure this value is greater than or equal to 0.");
			}
			else if (body.consultationFee().stripTrailingZeros().scale() > 2) {
				errors.put("consultation_fee", "Ensure that there are no more than 2 decimal places.");
			}
			else if (body.consultationFee().precision() - body.consultationFee().scale() > 8) {
				errors.put("consultation_fee", "Ensure that there are no more than 8 digits before the decimal point.");
			}
		}
		if (body.clinicName() != null && body.clinicName().length() > 255) {
			errors.put("clinic_name", "Ensure this field has no more than 255 characters.");
		}
		if (body.clinicAddress() != null && body.clinicAddress().length() > 500) {
			errors.put("clinic_address", "Ensure this field has no more than 500 characters.");
		}
		if (body.specialties() != null && body.specialties().stream().anyMatch(s -> s == null || s.length() > 120)) {
			errors.put("specialties", "Each specialty is a text of at most 120 characters.");
		}
		refuse(errors);
	}

	private static ClinicianDetails details(DoctorBody body, String currency) {
		Long feeMinor = body.consultationFee() == null ? null
				: Money.minor(body.consultationFee(), currency, "consultationFee");
		return new ClinicianDetails(null, null, null, null, body.specialties(), body.qualifications(),
				body.languages(), body.yearsOfExperience(), feeMinor, null, null, body.bio(),
				body.timezone() == null || body.timezone().isBlank() ? null : body.timezone().trim());
	}

	private static ClinicianPractice practice(DoctorBody body) {
		return new ClinicianPractice(null,
				body.registrationNumber() == null ? null : body.registrationNumber().trim(), null, null);
	}

	private static ClinicianListing.Changes listing(DoctorBody body) {
		return new ClinicianListing.Changes(body.isAvailableForConsultation(), body.clinicAddress(), null,
				body.clinicName());
	}

	/** A rule from the request; a change keeps what it leaves out. */
	private static WeeklyRule.Changes changes(RuleBody body, @Nullable WeeklyRule current) {
		Map<String, String> errors = new LinkedHashMap<>();
		DayOfWeek day = current == null ? null : current.dayOfWeek();
		if (body.dayOfWeek() != null) {
			if (body.dayOfWeek() < 0 || body.dayOfWeek() > 6) {
				errors.put("day_of_week", "\"" + body.dayOfWeek() + "\" is not a valid choice.");
			}
			else {
				day = DayOfWeek.of(body.dayOfWeek() + 1);
			}
		}
		else if (current == null) {
			errors.put("day_of_week", REQUIRED);
		}
		LocalTime start = time("start_time", body.startTime(), current == null ? null : current.startTime(), errors);
		LocalTime end = time("end_time", body.endTime(), current == null ? null : current.endTime(), errors);
		List<WeeklyRule.Break> breaks = current == null ? List.of() : current.breaks();
		if (body.breakTimes() != null) {
			breaks = new ArrayList<>();
			for (BreakBody b : body.breakTimes()) {
				LocalTime from = b == null ? null : time("break_times", b.start(), null, errors);
				LocalTime to = b == null ? null : time("break_times", b.end(), null, errors);
				if (from != null && to != null) {
					breaks.add(new WeeklyRule.Break(from, to));
				}
				else if (b == null) {
					errors.put("break_times", "Each break is {\"start\": \"HH:MM\", \"end\": \"HH:MM\"}.");
				}
			}
		}
		refuse(errors);
		boolean available = body.isAvailable() != null ? body.isAvailable() : current == null || current.available();
		return new WeeklyRule.Changes(day, start, end, available, breaks);
	}

	private static @Nullable LocalTime time(String field, @Nullable String value, @Nullable LocalTime otherwise,
			Map<String, String> errors) {
		if (value == null || value.isBlank()) {
			if (otherwise == null) {
				errors.putIfAbsent(field, field.equals("break_times")
						? "Each break is {\"start\": \"HH:MM\", \"end\": \"HH:MM\"}." : REQUIRED);
			}
			return otherwise;
		}
		try {
			return LocalTime.parse(value.trim());
		}
		catch (DateTimeParseException e) {
			errors.putIfAbsent(field, "Time has wrong format. Use one of these formats instead: hh:mm[:ss[.uuuuuu]].");
			return null;
		}
	}

	/** DRF's serializer errors, every field at once. */
	private static void refuse(Map<String, String> errors) {
		if (!errors.isEmpty()) {
			throw new Refusal(Refusal.Kind.INVALID, Refusal.INVALID_INPUT, "Invalid input.", errors);
		}
	}
}
