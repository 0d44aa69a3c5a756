package io.polyclinic.faces.hcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.polyclinic.support.Http;
import tools.jackson.databind.JsonNode;

/**
 * Payouts and earnings over HTTP against figures computed by hand: a doctor (fee ₹1,500, Kolkata) with two payments
 * settled two months ago (moved there in the database) and one now, ₹500 refunded of the first then and ₹300 of the
 * second now; the platform keeps 20%.
 */
class HcpPayoutTests extends HcpPaymentsApiTest {

	private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
	private static final String[] PAYOUT_FIELDS = { "id", "doctor", "doctor_name", "amount", "gross_amount",
			"refunded_amount", "commission_rate", "commission_amount", "net_amount", "currency", "status",
			"period_start", "period_end", "appointments_count", "external_payout_id", "processed_at", "created_at",
			"updated_at" };

	private record Books(HcpPeople.Person doctor, YearMonth past, LocalDate today) {
	}

	private Books books() {
		var doctor = people.doctor();
		var patient = people.patient();
		String admin = people.admin().token();
		LocalDate today = LocalDate.now(KOLKATA);
		YearMonth past = YearMonth.from(today).minusMonths(2);
		long first = paid(patient, appointment(patient, doctor)).path("payment_id").asLong();
		long second = paid(patient, appointment(patient, doctor)).path("payment_id").asLong();
		paid(patient, appointment(patient, doctor));
		moveTo("payments", "paid_at", first, past.atDay(5));
		moveTo("payments", "paid_at", second, past.atDay(20));
		long back = data(http.post(PAYMENTS + "/transactions/" + first + "/refund/", Map.of("amount", "500.00",
				"reason", "partly")).token(admin).send(), 200).path("refund_id").asLong();
		moveTo("refunds", "processed_at", back, past.atDay(25));
		data(http.post(PAYMENTS + "/transactions/" + second + "/refund/", Map.of("amount", "300.00", "reason", "late"))
			.token(admin).send(), 200);
		return new Books(doctor, past, today);
	}

	private void moveTo(String table, String column, long id, LocalDate day) {
		jdbc.sql("UPDATE " + table + " SET " + column + " = ? WHERE id = ?")
			.params(day.atTime(LocalTime.NOON).atZone(KOLKATA).toInstant().atOffset(ZoneOffset.UTC), id).update();
	}

	private Http.Res generate(String token, long doctor, LocalDate start, LocalDate end) {
		return http.post(PAYMENTS + "/payouts/generate/", Map.of("doctor_id", doctor, "period_start", start.toString(),
				"period_end", end.toString())).token(token).send();
	}

	@Test
	void generatingAPayoutPaysThePeriodsNetShare_generatingItAgainAnswersTheSamePayout() {
		Books b = books();
		String admin = people.admin().token();
		long doctor = b.doctor().doctorId();

		Http.Res created = generate(admin, doctor, b.past().atDay(1), b.past().atEndOfMonth());
		JsonNode generated = data(created, 201);
		assertThat(Http.keys(generated)).containsExactlyInAnyOrder("payout_id", "amount", "appointments_count",
				"period_start", "period_end", "payout");
		// (₹1,500 + ₹1,500 − ₹500) × 0.8 = ₹2,000
		assertThat(generated.path("amount").asString()).isEqualTo("2000.00");
		assertThat(generated.path("appointments_count").asInt()).isEqualTo(2);
		assertThat(generated.path("period_start").asString()).isEqualTo(b.past().atDay(1).toString());
		JsonNode payout = generated.path("payout");
		assertThat(Http.keys(payout)).containsExactlyInAnyOrder(PAYOUT_FIELDS);
		assertThat(payout.path("id").asLong()).isEqualTo(generated.path("payout_id").asLong());
		assertThat(payout.path("doctor").asLong()).isEqualTo(doctor);
		assertThat(payout.path("doctor_name").asString()).isEqualTo(b.doctor().clinician().fullName());
		assertThat(payout.path("gross_amount").asString()).isEqualTo("3000.00");
		assertThat(payout.path("refunded_amount").asString()).isEqualTo("500.00");
		assertThat(payout.path("commission_rate").asString()).isEqualTo("0.20");
		assertThat(payout.path("commission_amount").asString()).isEqualTo("500.00");
		assertThat(payout.path("net_amount").asString()).isEqualTo("2000.00");
		assertThat(payout.path("status").asString()).isEqualTo("pending");
		assertThat(payout.path("external_payout_id").asString()).isEmpty();

		JsonNode again = data(generate(admin, doctor, b.past().atDay(1), b.past().atEndOfMonth()), 200);
		assertThat(again.path("payout_id").asLong()).isEqualTo(generated.path("payout_id").asLong());
		// this month by the create endpoint: (₹1,500 − ₹300) × 0.8 = ₹960, the amount checked against it
		JsonNode now = data(http.post(PAYMENTS + "/payouts/", Map.of("doctor", doctor, "period_start",
				b.today().withDayOfMonth(1).toString(), "period_end", b.today().toString(), "amount", "960.00"))
			.token(admin).send(), 201);
		assertThat(Http.keys(now)).containsExactlyInAnyOrder(PAYOUT_FIELDS);
		assertThat(now.path("amount").asString()).isEqualTo("960.00");
		assertThat(now.path("commission_amount").asString()).isEqualTo("240.00");

		JsonNode list = page(http.get(PAYMENTS + "/payouts/?doctor=" + doctor + "&ordering=period_start")
			.token(admin).send());
		assertThat(list.path("count").asLong()).isEqualTo(2);
		assertThat(list.path("results").get(0).path("id").asLong()).isEqualTo(generated.path("payout_id").asLong());
		assertThat(page(http.get(PAYMENTS + "/payouts/?doctor=" + doctor + "&status=completed").token(admin).send())
			.path("count").asLong()).isZero();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM doctor_payouts WHERE clinician_id = ?").param(doctor)
			.query(Long.class).single()).isEqualTo(2);
	}

	@Test
	void badPeriodsOverlapsAndEmptyPeriodsAreRefused_inHcpsErrorShape() {
		Books b = books();
		String admin = people.admin().token();
		long doctor = b.doctor().doctorId();
		data(generate(admin, doctor, b.past().atDay(1), b.past().atEndOfMonth()), 201);

		drfError(generate(admin, doctor, b.past().atDay(10), b.past().plusMonths(1).atDay(3)), 409);
		drfError(generate(admin, doctor, b.past().plusMonths(1).atDay(1), b.past().plusMonths(1).atEndOfMonth()), 400);
		assertThat(fieldError(generate(admin, doctor, b.today(), b.today().plusDays(3)), "period_end")).isNotBlank();
		assertThat(fieldError(http.post(PAYMENTS + "/payouts/generate/", Map.of("doctor_id", doctor, "period_start",
				"yesterday", "period_end", b.today().toString())).token(admin).send(), "period_start")).isNotBlank();
		assertThat(fieldError(http.post(PAYMENTS + "/payouts/generate/", Map.of("period_start", "2026-01-01",
				"period_end", "2026-01-31")).token(admin).send(), "doctor_id")).isEqualTo("This field is required.");
		assertThat(fieldError(http.post(PAYMENTS + "/payouts/", Map.of("doctor", doctor, "period_start",
				b.today().withDayOfMonth(1).toString(), "period_end", b.today().toString(), "amount", "1200.00"))
			.token(admin).send(), "amount")).contains("computed");
		drfError(generate(admin, 99_999_999L, b.past().atDay(1), b.past().atEndOfMonth()), 404);
	}

	@Test
	void aPayoutIsSent_thenCompleted_andThenNothingChanges() {
		Books b = books();
		String admin = people.admin().token();
		long id = data(generate(admin, b.doctor().doctorId(), b.past().atDay(1), b.past().atEndOfMonth()), 201)
			.path("payout_id").asLong();

		JsonNode sending = data(http.put(PAYMENTS + "/payouts/" + id + "/", Map.of("status", "processing",
				"external_payout_id", "TRF-42")).token(admin).send(), 200);
		assertThat(sending.path("status").asString()).isEqualTo("processing");
		assertThat(sending.path("external_payout_id").asString()).isEqualTo("TRF-42");
		assertThat(sending.path("processed_at").isNull()).isTrue();
		JsonNode paid = data(http.put(PAYMENTS + "/payouts/" + id + "/", Map.of("status", "completed", "amount",
				"2000.00")).token(admin).send(), 200);
		assertThat(paid.path("status").asString()).isEqualTo("completed");
		assertThat(paid.path("processed_at").isString()).isTrue();
		assertThat(data(http.get(PAYMENTS + "/payouts/" + id + "/").token(admin).send(), 200).path("status")
			.asString()).isEqualTo("completed");

		drfError(http.put(PAYMENTS + "/payouts/" + id + "/", Map.of("status", "failed")).token(admin).send(), 409);
		fieldError(http.put(PAYMENTS + "/payouts/" + id + "/", Map.of("amount", "10.00")).token(admin).send(), "amount");
		fieldError(http.put(PAYMENTS + "/payouts/" + id + "/", Map.of("status", "paid")).token(admin).send(), "status");
	}

	@Test
	void theDoctorsEarnings_computedByHand_andPayoutsAreTheAdminsOnly() {
		Books b = books();
		String admin = people.admin().token();
		long doctor = b.doctor().doctorId();
		long payout = data(generate(admin, doctor, b.past().atDay(1), b.past().atEndOfMonth()), 201)
			.path("payout_id").asLong();

		JsonNode earnings = data(http.get(PAYMENTS + "/earnings/").token(b.doctor().token()).send(), 200);
		assertThat(Http.keys(earnings)).containsExactlyInAnyOrder("doctor", "currency", "total_earnings",
				"this_month_earnings", "total_paid", "total_refunded", "total_revenue", "platform_commission",
				"pending_payouts", "paid_out", "unpaid_earnings", "completed_appointments", "recent_payouts");
		// (₹4,500 − ₹800) × 0.8 = ₹2,960; this month (₹1,500 − ₹300) × 0.8 = ₹960
		assertThat(earnings.path("doctor").asLong()).isEqualTo(doctor);
		assertThat(earnings.path("total_earnings").asString()).isEqualTo("2960.00");
		assertThat(earnings.path("this_month_earnings").asString()).isEqualTo("960.00");
		assertThat(earnings.path("total_paid").asString()).isEqualTo("4500.00");
		assertThat(earnings.path("total_refunded").asString()).isEqualTo("800.00");
		assertThat(earnings.path("total_revenue").asString()).isEqualTo("3700.00");
		assertThat(earnings.path("platform_commission").asString()).isEqualTo("0.20");
		assertThat(earnings.path("pending_payouts").asString()).isEqualTo("2000.00");
		assertThat(earnings.path("paid_out").asString()).isEqualTo("0.00");
		assertThat(earnings.path("unpaid_earnings").asString()).isEqualTo("960.00");
		assertThat(earnings.path("completed_appointments").asLong()).isZero();
		assertThat(earnings.path("recent_payouts").size()).isEqualTo(1);
		assertThat(Http.keys(earnings.path("recent_payouts").get(0))).containsExactlyInAnyOrder(PAYOUT_FIELDS);

		assertThat(data(http.get(PAYMENTS + "/earnings/?doctor_id=" + doctor).token(admin).send(), 200)
			.path("total_earnings").asString()).isEqualTo("2960.00");
		assertThat(fieldError(http.get(PAYMENTS + "/earnings/").token(admin).send(), "doctor_id")).isNotBlank();
		var patient = people.patient();
		drfError(http.get(PAYMENTS + "/earnings/").token(patient.token()).send(), 403);
		drfError(http.get(PAYMENTS + "/earnings/?doctor_id=" + doctor).token(people.doctor().token()).send(), 403);
		for (var caller : java.util.List.of(patient, b.doctor())) {
			drfError(http.get(PAYMENTS + "/payouts/").token(caller.token()).send(), 403);
			drfError(generate(caller.token(), doctor, b.today(), b.today()), 403);
			drfError(http.post(PAYMENTS + "/payouts/", Map.of("doctor", doctor, "period_start",
					b.today().withDayOfMonth(1).toString(), "period_end", b.today().toString())).token(caller.token())
				.send(), 403);
			drfError(http.get(PAYMENTS + "/payouts/" + payout + "/").token(caller.token()).send(), 403);
			drfError(http.put(PAYMENTS + "/payouts/" + payout + "/", Map.of("status", "completed",
					"external_payout_id", "MINE")).token(caller.token()).send(), 403);
		}
		drfError(http.get(PAYMENTS + "/payouts/").send(), 401);
		drfError(http.get(PAYMENTS + "/payouts/" + payout + "/").send(), 401);
		// nothing of it happened: the payout is still pending, and this month has no payout
		JsonNode unchanged = data(http.get(PAYMENTS + "/payouts/" + payout + "/").token(admin).send(), 200);
		assertThat(unchanged.path("status").asString()).isEqualTo("pending");
		assertThat(unchanged.path("external_payout_id").asString()).isEmpty();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM doctor_payouts WHERE clinician_id = ?").param(doctor)
			.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void thePayoutListRefusesUnknownFiltersAndOrderings_andAnUnknownPayoutIsNotFound() {
		String admin = people.admin().token();
		assertThat(fieldError(http.get(PAYMENTS + "/payouts/?status=paid").token(admin).send(), "status"))
			.isNotBlank();
		assertThat(fieldError(http.get(PAYMENTS + "/payouts/?ordering=doctor").token(admin).send(), "ordering"))
			.isNotBlank();
		assertThat(fieldError(http.get(PAYMENTS + "/payouts/?period_start=last-month").token(admin).send(),
				"period_start")).isNotBlank();
		assertThat(fieldError(http.get(PAYMENTS + "/payouts/?doctor=abc").token(admin).send(), "doctor"))
			.isNotBlank();
		assertThat(fieldError(http.get(PAYMENTS + "/payouts/?page_size=101").token(admin).send(), "page_size"))
			.isNotBlank();
		assertThat(page(http.get(PAYMENTS + "/payouts/?status=completed&ordering=-amount").token(admin).send())
			.path("results").isArray()).isTrue();

		drfError(http.get(PAYMENTS + "/payouts/99999999/").token(admin).send(), 404);
		drfError(http.put(PAYMENTS + "/payouts/99999999/", Map.of("status", "completed")).token(admin).send(), 404);
	}
}
