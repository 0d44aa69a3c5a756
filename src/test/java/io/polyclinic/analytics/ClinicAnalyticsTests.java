package io.polyclinic.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.polyclinic.directory.Centre;
import io.polyclinic.directory.Clinician;
import io.polyclinic.directory.ClinicianRegistry;
import io.polyclinic.directory.LeadSource;
import io.polyclinic.directory.Patient;
import io.polyclinic.directory.PatientDetails;
import io.polyclinic.directory.PatientRegistry;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Ref;
import io.polyclinic.platform.Refusal;
import io.polyclinic.platform.Role;
import io.polyclinic.scheduling.Appointment;
import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.scheduling.AppointmentRequest;
import io.polyclinic.scheduling.SessionType;
import io.polyclinic.support.ApiTest;
import io.polyclinic.support.Clinic;
import io.polyclinic.support.MiboClient;

/**
 * The dashboard figures over data built for each test in a centre of its own, so that what other tests leave in the
 * shared database does not count. Appointments are booked through the appointment book; payments and reviews are
 * written as rows, as the billing and review features will write them.
 */
class ClinicAnalyticsTests extends ApiTest {

	static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

	@Autowired
	ClinicAnalytics analytics;
	@Autowired
	AnalyticsFigures figures;
	@Autowired
	Clinic clinic;
	@Autowired
	AppointmentBook book;
	@Autowired
	ClinicianRegistry clinicians;
	@Autowired
	PatientRegistry patients;
	@Autowired
	JdbcClient jdbc;

	/**
	 * One centre's busy fortnight. Doctors: d1, d2 (primary centre C), d3 (C, then deactivated), d4 (C, then deleted),
	 * d5 (no primary centre). Patients p1 (Website), p2 (WhatsApp), p3 (Walk-in), p4 (Website) come to C; p5 (Phone)
	 * only to the other centre X, where p4 also saw d5 first.
	 */
	final class BusyCentre {
		final Centre centre = clinic.centre("Pune");
		final Centre other = clinic.centre("Nashik");
		final Clinician d1 = clinic.clinician(centre.id(), "Asia/Kolkata");
		final Clinician d2 = clinic.clinician(centre.id(), "Asia/Kolkata");
		final Clinician d3 = clinic.clinician(centre.id(), "Asia/Kolkata");
		final Clinician d4 = clinic.clinician(centre.id(), "Asia/Kolkata");
		final Clinician d5 = clinic.clinician(null, "Asia/Kolkata");
		final Patient p1 = patient(LeadSource.WEBSITE);
		final Patient p2 = patient(LeadSource.WHATSAPP);
		final Patient p3 = patient(LeadSource.WALK_IN);
		final Patient p4 = patient(LeadSource.WEBSITE);
		final Patient p5 = patient(LeadSource.PHONE);
		final List<Appointment> atCentre = new ArrayList<>();

		BusyCentre() {
			var a1 = book(p1, d1, centre, 0, 9);
			var a2 = book(p1, d1, centre, 1, 9);
			var a3 = book(p1, d1, centre, 2, 9);
			var a4 = book(p2, d1, centre, 0, 10);
			var a5 = book(p2, d2, centre, 0, 9);
			var a6 = book(p3, d2, centre, 1, 10);
			var a7 = book(p3, d2, centre, 2, 10);
			var x1 = book(p4, d5, other, 0, 11);
			var a8 = book(p4, d5, centre, 1, 11);
			book(p5, d5, other, 0, 12);
			var a9 = book(p1, d3, centre, 3, 9);
			var a10 = book(p2, d4, centre, 3, 10);
			book.cancel(a3.id(), "Patient unwell", clinic.admin());
			clinicians.toggleActive(d3.id(), clinic.admin());
			clinicians.remove(d4.id(), clinic.admin());
			atCentre.addAll(List.of(a1, a2, a4, a5, a6, a7, a8, a9, a10));

			Instant paid = Instant.now().minusSeconds(3600);
			pay(a1, 150_000, "PAID", "INR", paid);
			pay(a2, 150_050, "PAID", "INR", paid);
			pay(a5, 50_000, "PAID", "INR", paid);
			pay(a4, 150_000, "FAILED", "INR", null);
			pay(a6, 150_000, "CREATED", "INR", null);
			pay(a7, 10_000, "PAID", "USD", paid);
			pay(x1, 99_900, "PAID", "INR", paid);

			review(d1, p1, 5);
			review(d1, p2, 5);
			review(d1, p1, 4);
			review(d2, p2, 4);
			review(d2, p3, 4);
			review(d2, p3, 4);
			review(d2, p2, 5);
			KeptFigures.rebuild(figures, jdbc);
		}
	}

	Patient patient(LeadSource source) {
		String phone = MiboClient.newPhone();
		return patients.register(PatientDetails.named("Patient " + phone, phone), source, clinic.admin());
	}

	/** A slot in the fortnight after next: weekday 0 (Monday) to 4, hour 9 to 16 on the clinician's clock. */
	Appointment book(Patient patient, Clinician clinician, Centre centre, int weekday, int hour) {
		LocalDate day = Clinic.nextWeekday(KOLKATA, DayOfWeek.MONDAY).plusDays(weekday);
		return book.book(AppointmentRequest.onGrid(Ref.id(patient.id()), Ref.id(clinician.id()), centre.id(), day,
				LocalTime.of(hour, 0), SessionType.ONLINE), clinic.admin()).appointment();
	}

	void pay(Appointment appointment, long amountMinor, String status, String currency, Instant paidAt) {
		var now = Instant.now().atOffset(ZoneOffset.UTC);
		jdbc.sql("""
				INSERT INTO payments (public_id, appointment_id, patient_id, amount_minor, currency, status, provider,
				  provider_order_id, paid_at, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, 'offline', ?, ?, ?, ?)""")
			.params(UUID.randomUUID(), appointment.id(), appointment.patientId(), amountMinor, currency, status,
					"order_" + UUID.randomUUID(), paidAt == null ? null : paidAt.atOffset(ZoneOffset.UTC), now, now)
			.update();
	}

	void review(Clinician clinician, Patient patient, int rating) {
		jdbc.sql("""
				INSERT INTO clinician_reviews (public_id, clinician_id, patient_id, rating, comment, created_at)
				VALUES (?, ?, ?, ?, 'Helpful', ?)""")
			.params(UUID.randomUUID(), clinician.id(), patient.id(), rating, Instant.now().atOffset(ZoneOffset.UTC))
			.update();
	}

	/**
	 * Moves an appointment to another instant: the book refuses the past, and today's hours may be over. It lasts a
	 * minute there, since the database refuses overlapping appointments of one clinician and the starts are minutes
	 * apart.
	 */
	void moveTo(Appointment appointment, Instant start) {
		var local = start.atZone(KOLKATA);
		jdbc.sql("""
				UPDATE appointments SET starts_at = ?, ends_at = ?, slot_hold = CASE WHEN slot_hold IS NULL THEN NULL ELSE ? END,
				  local_date = ?, local_time = ? WHERE id = ?""")
			.params(start.atOffset(ZoneOffset.UTC), start.plusSeconds(60).atOffset(ZoneOffset.UTC),
					start.atOffset(ZoneOffset.UTC), local.toLocalDate(), local.toLocalTime(), appointment.id())
			.update();
	}

	/** Runs a test on one calendar day of the clinic: should midnight pass during it, it runs again afresh. */
	static <T> T onOneDay(Function<LocalDate, T> test) {
		while (true) {
			LocalDate today = LocalDate.now(KOLKATA);
			T result = test.apply(today);
			if (LocalDate.now(KOLKATA).equals(today)) {
				return result;
			}
		}
	}

	static Instant at(LocalDate day, int hour, int minute) {
		return day.atTime(hour, minute).atZone(KOLKATA).toInstant();
	}

	/** A minute into last month, on the clinic's clock: inside last month's stretch whenever this month is. */
	static Instant earlyLastMonth() {
		return LocalDate.now(KOLKATA).withDayOfMonth(1).minusMonths(1).atStartOfDay(KOLKATA).toInstant()
			.plusSeconds(60);
	}

	void created(String table, long id, Instant at) {
		jdbc.sql("UPDATE " + table + " SET created_at = ? WHERE id = ?").params(at.atOffset(ZoneOffset.UTC), id)
			.update();
	}

	/**
	 * A centre with trends: this month two patients registered, one clinician joined, one follow-up booked and
	 * ₹1,500 taken; in last month's stretch one patient, one clinician, one follow-up and ₹1,000.
	 */
	final class TrendingCentre {
		final Centre centre = clinic.centre("Thrissur");
		final Clinician joinedNow = clinic.clinician(centre.id(), "Asia/Kolkata");
		final Clinician joinedBefore = clinic.clinician(centre.id(), "Asia/Kolkata");
		final Patient p1 = patient(LeadSource.WEBSITE);
		final Patient p2 = patient(LeadSource.WEBSITE);
		final Patient p3 = patient(LeadSource.WEBSITE);

		TrendingCentre() {
			Instant before = earlyLastMonth();
			created("clinicians", joinedBefore.id(), before);
			created("patients", p3.id(), before);
			var a1 = book(p1, joinedNow, centre, 0, 9);
			book(p1, joinedNow, centre, 1, 9);
			book(p2, joinedNow, centre, 0, 10);
			var b1 = book(p3, joinedBefore, centre, 0, 9);
			var b2 = book(p3, joinedBefore, centre, 1, 9);
			created("appointments", b1.id(), before);
			created("appointments", b2.id(), before);
			pay(a1, 150_000, "PAID", "INR", Instant.now().minusSeconds(1));
			pay(b1, 100_000, "PAID", "INR", before);
			KeptFigures.rebuild(figures, jdbc);
		}
	}

	@Test
	void theTrendsSetThisMonthSoFarAgainstTheSameStretchOfLastMonth() {
		var trending = new TrendingCentre();

		var trends = analytics.monthOverMonth(trending.centre.id(), clinic.admin());

		assertThat(trends.patients()).isEqualTo(new MonthOverMonth.Change(2, 1));
		assertThat(trends.doctors()).isEqualTo(new MonthOverMonth.Change(1, 1));
		assertThat(trends.followUps()).isEqualTo(new MonthOverMonth.Change(1, 1));
		assertThat(trends.revenueMinor()).isEqualTo(new MonthOverMonth.Change(150_000, 100_000));
		assertThat(trends.patients().percent()).isEqualTo(100.0);
		assertThat(trends.doctors().percent()).isZero();
		assertThat(trends.revenueMinor().percent()).isEqualTo(50.0);
		// another centre's trends are its own
		assertThat(analytics.monthOverMonth(clinic.centre("Kollam").id(), clinic.admin()).patients())
			.isEqualTo(new MonthOverMonth.Change(0, 0));
	}

	@Test
	void aChangeIsInPercentOfLastMonthToOneDecimal() {
		assertThat(new MonthOverMonth.Change(2, 3).percent()).isEqualTo(-33.3);
		assertThat(new MonthOverMonth.Change(5, 3).percent()).isEqualTo(66.7);
		assertThat(new MonthOverMonth.Change(0, 4).percent()).isEqualTo(-100.0);
		assertThat(new MonthOverMonth.Change(7, 0).percent()).isEqualTo(100.0);
		assertThat(new MonthOverMonth.Change(0, 0).percent()).isZero();
	}

	@Test
	void theTrendsAreForTheDashboardsReadersOnly() {
		var trending = new TrendingCentre();
		Actor frontDesk = clinic.actorOf(1, Role.FRONT_DESK);
		assertThatThrownBy(() -> analytics.monthOverMonth(trending.centre.id(), frontDesk))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.FORBIDDEN));
	}

	@Test
	void theDashboardOfOneCentreCountsItsPatientsDoctorsFollowUpsAndRevenue() {
		var busy = new BusyCentre();
		LocalDate today = LocalDate.now(KOLKATA);

		var overview = analytics.overview(busy.centre.id(), clinic.admin());

		assertThat(overview.totalPatients()).isEqualTo(4);
		assertThat(overview.totalDoctors()).isEqualTo(2);
		// a2 after a1 (p1, d1), a7 after a6 (p3, d2), a8 after x1 at the other centre (p4, d5); a3 was cancelled
		assertThat(overview.totalFollowUps()).isEqualTo(3);
		assertThat(overview.totalRevenueMinor()).isEqualTo(150_000 + 150_050 + 50_000);
		assertThat(overview.appointmentsToday()).isZero();
		assertThat(overview.appointmentsThisWeek()).isZero();
		assertThat(overview.appointmentsThisMonth()).isEqualTo(busy.atCentre.stream()
			.filter(a -> a.date().getMonth() == today.getMonth() && a.date().getYear() == today.getYear()).count());

		var atTheOther = analytics.overview(busy.other.id(), clinic.admin());
		assertThat(atTheOther.totalPatients()).isEqualTo(2);
		assertThat(atTheOther.totalDoctors()).isZero();
		assertThat(atTheOther.totalFollowUps()).isZero();
		assertThat(atTheOther.totalRevenueMinor()).isEqualTo(99_900);
	}

	@Test
	void appointmentsAreCountedOnTheClinicsCalendarForTodayThisIsoWeekAndThisMonth() {
		onOneDay(today -> {
			var centre = clinic.centre("Mysuru");
			var doctor = clinic.clinician(centre.id(), "Asia/Kolkata");
			LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
			LocalDate first = today.withDayOfMonth(1);
			// minutes differ so that no two land on one slot, whatever day today is
			List<Instant> starts = List.of(at(today, 12, 0), at(today, 0, 10), at(today.minusDays(1), 23, 50),
					at(monday, 0, 5), at(monday.minusDays(1), 23, 55), at(monday.plusWeeks(1), 0, 3), at(first, 0, 7),
					at(first.minusDays(1), 23, 53), at(first.plusMonths(1).minusDays(1), 23, 57));
			for (int i = 0; i < starts.size(); i++) {
				var appointment = book(clinic.patient(), doctor, centre, i % 5, 9 + i / 5);
				moveTo(appointment, starts.get(i));
			}
			var cancelled = book(clinic.patient(), doctor, centre, 4, 15);
			book.cancel(cancelled.id(), null, clinic.admin());
			moveTo(cancelled, at(today, 13, 0));
			KeptFigures.rebuild(figures, jdbc);

			var overview = analytics.overview(centre.id(), clinic.admin());

			List<LocalDate> days = starts.stream().map(s -> s.atZone(KOLKATA).toLocalDate()).toList();
			assertThat(overview.appointmentsToday()).isEqualTo(days.stream().filter(today::equals).count())
				.isGreaterThanOrEqualTo(2);
			assertThat(overview.appointmentsThisWeek())
				.isEqualTo(days.stream().filter(d -> !d.isBefore(monday) && d.isBefore(monday.plusWeeks(1))).count());
			assertThat(overview.appointmentsThisMonth())
				.isEqualTo(days.stream().filter(d -> d.withDayOfMonth(1).equals(first)).count());
			return overview;
		});
	}

	@Test
	void theWholeClinicCountsEveryPatientAndEveryActiveDoctor() {
		var before = analytics.overview(null, clinic.admin());

		clinic.patient();
		clinic.clinician(null, "Asia/Kolkata");
		var removed = clinic.clinician(null, "Asia/Kolkata");
		clinicians.remove(removed.id(), clinic.admin());

		var after = analytics.overview(null, clinic.admin());
		assertThat(after.totalPatients()).isEqualTo(before.totalPatients() + 1);
		assertThat(after.totalDoctors()).isEqualTo(before.totalDoctors() + 1);
		assertThat(after.totalRevenueMinor()).isEqualTo(before.totalRevenueMinor());
	}

	@Test
	void topDoctorsAreRankedByAppointmentsThenRevenueWithTheirRatingToOneDecimal() {
		var busy = new BusyCentre();

		var top = analytics.topDoctors(busy.centre.id(), 10, clinic.admin());

		// d1 and d2 have three appointments each, d1 the larger revenue; d3 (inactive) and d5 one each, by id;
		// d4 is deleted. d1: 5, 5, 4 → 4.67 → 4.7; d2: 4, 4, 4, 5 → 4.25 → 4.3 (half up); no reviews → null
		assertThat(top).extracting(DoctorRanking::clinicianId, DoctorRanking::clinicianName,
				DoctorRanking::totalAppointments, DoctorRanking::totalRevenueMinor, DoctorRanking::averageRating)
			.containsExactly(tuple(busy.d1.id(), busy.d1.fullName(), 3L, 300_050L, new BigDecimal("4.7")),
					tuple(busy.d2.id(), busy.d2.fullName(), 3L, 50_000L, new BigDecimal("4.3")),
					tuple(busy.d3.id(), busy.d3.fullName(), 1L, 0L, null),
					tuple(busy.d5.id(), busy.d5.fullName(), 1L, 0L, null));
		assertThat(analytics.topDoctors(busy.centre.id(), 2, clinic.admin())).extracting(DoctorRanking::clinicianId)
			.containsExactly(busy.d1.id(), busy.d2.id());
		assertThat(analytics.topDoctors(busy.other.id(), 10, clinic.admin()))
			.extracting(DoctorRanking::clinicianId, DoctorRanking::totalAppointments, DoctorRanking::totalRevenueMinor)
			.containsExactly(tuple(busy.d5.id(), 2L, 99_900L));
		for (int limit : new int[] { 0, 101 }) {
			assertThatThrownBy(() -> analytics.topDoctors(null, limit, clinic.admin()))
				.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.fields()).containsKey("limit"));
		}
	}

	@Test
	void revenueIsBucketedByTheClinicsDaysWeeksMonthsAndYears() {
		onOneDay(today -> {
			var centre = clinic.centre("Kochi");
			var doctor = clinic.clinician(centre.id(), "Asia/Kolkata");
			var appointment = book(clinic.patient(), doctor, centre, 0, 9);
			LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
			// 02:00 in Kolkata is still the day before in UTC: each lands in the bucket of the clinic's day
			Map<Instant, Long> paid = new LinkedHashMap<>();
			paid.put(at(today, 2, 0), 10_000L);
			paid.put(at(today.minusDays(1), 23, 59), 20_000L);
			paid.put(at(today.minusDays(29), 0, 1), 30_000L);
			paid.put(at(today.minusDays(30), 23, 59), 40_000L);
			paid.put(at(monday, 0, 30), 1_000L);
			paid.put(at(monday.minusWeeks(11), 0, 30), 2_000L);
			paid.put(at(monday.minusWeeks(12), 0, 30), 3_000L);
			paid.put(at(today.withDayOfMonth(1), 0, 30), 4_000L);
			paid.put(at(today.withDayOfMonth(1).minusMonths(11), 0, 30), 5_000L);
			paid.put(at(today.withDayOfMonth(1).minusMonths(12), 0, 30), 6_000L);
			paid.put(at(today.withDayOfYear(1), 0, 30), 7_000L);
			paid.put(at(today.withDayOfYear(1).minusYears(4), 0, 30), 8_000L);
			paid.put(at(today.withDayOfYear(1).minusYears(5), 0, 30), 9_000L);
			paid.forEach((when, amount) -> pay(appointment, amount, "PAID", "INR", when));
			pay(appointment, 100_000, "FAILED", "INR", at(today, 3, 0));
			pay(appointment, 100_000, "PAID", "USD", at(today, 3, 0));
			KeptFigures.rebuild(figures, jdbc);

			for (RevenuePeriod period : RevenuePeriod.values()) {
				var series = analytics.revenue(period, centre.id(), clinic.admin());
				Map<LocalDate, Long> expected = expectedBuckets(period, today, paid);
				assertThat(series.period()).isEqualTo(period);
				assertThat(series.buckets()).hasSize(period.buckets());
				assertThat(series.buckets()).extracting(RevenueSeries.Bucket::start)
					.containsExactlyElementsOf(expected.keySet());
				assertThat(series.buckets()).extracting(RevenueSeries.Bucket::revenueMinor)
					.as(period.label()).containsExactlyElementsOf(expected.values());
				assertThat(series.totalRevenueMinor())
					.isEqualTo(expected.values().stream().mapToLong(Long::longValue).sum());
			}
			var days = analytics.revenue(RevenuePeriod.DAY, centre.id(), clinic.admin()).buckets();
			assertThat(days.get(0).start()).isEqualTo(today.minusDays(29));
			assertThat(days.get(29).start()).isEqualTo(today);
			assertThat(days.get(29).revenueMinor()).isGreaterThanOrEqualTo(10_000);
			var years = analytics.revenue(RevenuePeriod.YEAR, centre.id(), clinic.admin()).buckets();
			assertThat(years).extracting(RevenueSeries.Bucket::start).containsExactly(
					today.withDayOfYear(1).minusYears(4), today.withDayOfYear(1).minusYears(3),
					today.withDayOfYear(1).minusYears(2), today.withDayOfYear(1).minusYears(1), today.withDayOfYear(1));
			assertThat(years.get(0).revenueMinor()).isEqualTo(8_000);
			return days;
		});
	}

	/** Each payment's day on the clinic's clock, put in its bucket by plain date arithmetic. */
	static Map<LocalDate, Long> expectedBuckets(RevenuePeriod period, LocalDate today, Map<Instant, Long> paid) {
		Function<LocalDate, LocalDate> start = switch (period) {
			case DAY -> d -> d;
			case WEEK -> d -> d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
			case MONTH -> d -> d.withDayOfMonth(1);
			case YEAR -> d -> d.withDayOfYear(1);
		};
		Map<LocalDate, Long> buckets = new LinkedHashMap<>();
		LocalDate current = start.apply(today);
		for (int back = period.buckets() - 1; back >= 0; back--) {
			buckets.put(switch (period) {
				case DAY -> current.minusDays(back);
				case WEEK -> current.minusWeeks(back);
				case MONTH -> current.minusMonths(back);
				case YEAR -> current.minusYears(back);
			}, 0L);
		}
		paid.forEach((when, amount) -> buckets.computeIfPresent(start.apply(when.atZone(KOLKATA).toLocalDate()),
				(day, sum) -> sum + amount));
		return buckets;
	}

	@Test
	void leadsAreCountedBySourceWithPercentagesThatAddUpToAHundred() {
		var busy = new BusyCentre();

		assertThat(analytics.leadsBySource(busy.centre.id(), clinic.admin()))
			.extracting(LeadShare::source, LeadShare::count, LeadShare::percentage)
			.containsExactly(tuple(LeadSource.WEBSITE, 2L, 50), tuple(LeadSource.WHATSAPP, 1L, 25),
					tuple(LeadSource.WALK_IN, 1L, 25));

		var centre = clinic.centre("Goa");
		var doctor = clinic.clinician(centre.id(), "Asia/Kolkata");
		List<LeadSource> sources = List.of(LeadSource.REFERRAL, LeadSource.PHONE, LeadSource.WEBSITE,
				LeadSource.WHATSAPP, LeadSource.PHONE, LeadSource.WHATSAPP, LeadSource.WEBSITE);
		for (int i = 0; i < sources.size(); i++) {
			book(patient(sources.get(i)), doctor, centre, i % 5, 9 + i / 5);
		}
		// 2/7, 2/7, 2/7, 1/7 = 28.57 %, 28.57 %, 28.57 %, 14.29 %: rounded down 98, the two missing points go to
		// the largest remainders, ties in the order sources are listed
		assertThat(analytics.leadsBySource(centre.id(), clinic.admin()))
			.extracting(LeadShare::source, LeadShare::count, LeadShare::percentage)
			.containsExactly(tuple(LeadSource.WEBSITE, 2L, 29), tuple(LeadSource.WHATSAPP, 2L, 29),
					tuple(LeadSource.PHONE, 2L, 28), tuple(LeadSource.REFERRAL, 1L, 14));
		assertThat(analytics.leadsBySource(clinic.centre("Empty").id(), clinic.admin())).isEmpty();
		assertThat(analytics.leadsBySource(null, clinic.admin()).stream().mapToInt(LeadShare::percentage).sum())
			.isEqualTo(100);
	}

	@Test
	void onlyAdministratorsManagersAndCentreManagersReadTheFiguresOfCentresThatExist() {
		for (Role role : new Role[] { Role.FRONT_DESK, Role.CARE_COORDINATOR, Role.CLINICIAN, Role.PATIENT }) {
			Actor actor = clinic.actorOf(clinic.admin().userId(), role);
			assertThatThrownBy(() -> analytics.overview(null, actor)).isInstanceOfSatisfying(Refusal.class,
					e -> assertThat(e.kind()).isEqualTo(Refusal.Kind.FORBIDDEN));
			assertThatThrownBy(() -> analytics.revenue(RevenuePeriod.DAY, null, actor))
				.isInstanceOf(Refusal.class);
		}
		var manager = clinic.actorOf(clinic.admin().userId(), Role.CENTRE_MANAGER);
		assertThat(analytics.topDoctors(null, 1, manager)).hasSizeLessThanOrEqualTo(1);
		assertThatThrownBy(() -> analytics.leadsBySource(Long.MAX_VALUE, manager))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.kind()).isEqualTo(Refusal.Kind.NOT_FOUND));
	}
}
