package io.polyclinic.faces.sos;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static io.polyclinic.support.Http.keys;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.polyclinic.directory.Clinician;
import io.polyclinic.directory.ClinicianDetails;
import io.polyclinic.directory.ClinicianRegistry;
import io.polyclinic.directory.LeadSource;
import io.polyclinic.directory.NewStaffMember;
import io.polyclinic.directory.Patient;
import io.polyclinic.directory.PatientDetails;
import io.polyclinic.directory.PatientRegistry;
import io.polyclinic.directory.StaffRegistry;
import io.polyclinic.identity.accounts.AccountChanges;
import io.polyclinic.identity.accounts.Accounts;
import io.polyclinic.platform.Ref;
import io.polyclinic.platform.Role;
import io.polyclinic.scheduling.Appointment;
import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.scheduling.AppointmentRequest;
import io.polyclinic.scheduling.AppointmentStatus;
import io.polyclinic.scheduling.Availability;
import io.polyclinic.scheduling.AvailabilityRule;
import io.polyclinic.scheduling.SessionType;
import io.polyclinic.support.Clinic;
import io.polyclinic.support.Http;
import io.polyclinic.support.Phones;
import io.polyclinic.support.StripeApiTest;
import io.polyclinic.support.StripeStub;
import tools.jackson.databind.JsonNode;

/**
 * sos's {@code /api/v1/payments} over HTTP with Stripe configured and aimed at a stub of Stripe's API: every
 * endpoint's exact shape, bad input and access denials, the whole flow (create, confirm, signed webhook, replay,
 * refunds in parts, over-refund), a declined card, forged and stale webhooks.
 */
class SosPaymentTests extends StripeApiTest {

	private static final String PASSWORD = "SecurePassword123";
	private static final ZoneId ZONE = ZoneId.of("Indian/Mauritius");
	private static final AtomicInteger SLOTS = new AtomicInteger();
	private static final List<String> PAYMENT_KEYS = List.of("amount", "appointment_id", "created_at", "currency",
			"error_message", "id", "metadata", "paid_at", "payment_method", "refund_amount", "refund_reason",
			"refunded_at", "status", "stripe_charge_id", "stripe_payment_intent_id", "stripe_refund_id", "updated_at",
			"user_id");

	@Autowired
	Clinic clinic;
	@Autowired
	ClinicianRegistry clinicians;
	@Autowired
	PatientRegistry patients;
	@Autowired
	StaffRegistry staff;
	@Autowired
	Accounts accounts;
	@Autowired
	Availability availability;
	@Autowired
	AppointmentBook book;
	@Autowired
	Clock clock;

	record Person(String email, String token, long patientId) {
	}

	record Booked(Person patient, Clinician doctor, Appointment appointment) {
	}

	private Person patient() {
		String phone = Phones.newPhone();
		String email = "pt" + phone.substring(1) + "@pay.sos.test";
		Patient p = patients.register(new PatientDetails("Tourist " + phone, phone, email, null, null, null, null, null,
				null), LeadSource.WEBSITE, clinic.admin());
		accounts.change(p.userId(), new AccountChanges(null, null, null, null, PASSWORD, null));
		return new Person(email, token(email, PASSWORD), p.id());
	}

	private Clinician doctor() {
		String phone = Phones.newPhone();
		var doctor = clinicians.register(new ClinicianDetails("Dr. Pay " + phone, phone,
				"dr" + phone.substring(1) + "@pay.sos.test", null, List.of("General Practice"), List.of(),
				List.of("English"), 5, 150_000L, 30, null, null, ZONE.getId()), null, PASSWORD, clinic.admin());
		availability.replaceRules(doctor.id(), java.util.Arrays.stream(DayOfWeek.values())
			.filter(d -> d.getValue() <= 5)
			.map(d -> new AvailabilityRule(d, LocalTime.of(9, 0), LocalTime.of(17, 0), true, null))
			.toList(), clinic.admin());
		return doctor;
	}

	private Person secretary() {
		String phone = Phones.newPhone();
		String email = "sec" + phone.substring(1) + "@pay.sos.test";
		staff.hire(new NewStaffMember("Secretary " + phone, phone, email, null, PASSWORD, Role.SECRETARY, null),
				clinic.admin());
		return new Person(email, token(email, PASSWORD), 0);
	}

	private String token(String email, String password) {
		var res = http.post("/sos/api/v1/auth/email/login", Map.of("email", email, "password", password)).send();
		assertThat(res.status()).as(res.toString()).isEqualTo(200);
		return res.json().path("access_token").asString();
	}

	private String admin() {
		return token("admin@test.com", "Admin123!");
	}

	/** A patient's appointment with a new doctor (fee 1500.00 INR), booked through the core in the doctor's hours. */
	private Booked booked() {
		Person patient = patient();
		Clinician doctor = doctor();
		int n = SLOTS.getAndIncrement();
		var day = Clinic.nextWeekday(ZONE, DayOfWeek.MONDAY).plusDays(n % 5);
		var starts = day.atTime(LocalTime.of(9 + n % 7, 0)).atZone(ZONE).toInstant();
		Appointment a = book.book(new AppointmentRequest(new AppointmentRequest.KnownPatient(Ref.id(patient.patientId())),
				Ref.id(doctor.id()), null, new AppointmentRequest.Interval(starts, starts.plus(Duration.ofMinutes(30)),
						true), SessionType.ONLINE, null, null), clinic.admin()).appointment();
		return new Booked(patient, doctor, a);
	}

	private Http.Res create(Booked b, String intent) {
		StripeStub.creates(intent, 150_000, "inr");
		return http.post("/sos/api/v1/payments", Map.of("appointment_id", b.appointment().publicId().toString(),
				"amount", 1500, "currency", "inr", "payment_method", "card")).token(b.patient().token()).send();
	}

	private Http.Res webhook(String body, String signature) {
		var call = http.post("/sos/api/v1/payments/webhook", body);
		if (signature != null) {
			call.header("Stripe-Signature", signature);
		}
		return call.send();
	}

	@Test
	void theWholeStripeFlow() throws Exception {
		Booked b = booked();
		String intent = StripeStub.newIntentId();

		var created = create(b, intent);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(keys(created.json())).containsExactly("amount", "clientSecret", "currency", "paymentId",
				"paymentIntentId", "status");
		assertThat(created.json().path("paymentIntentId").asString()).isEqualTo(intent);
		assertThat(created.json().path("clientSecret").asString()).isEqualTo(intent + "_secret_stub");
		assertThat(created.json().path("amount").asDouble()).isEqualTo(1500.0);
		assertThat(created.json().path("currency").asString()).isEqualTo("inr");
		assertThat(created.json().path("status").asString()).isEqualTo("pending");
		StripeStub.server().verify(postRequestedFor(urlEqualTo("/v1/payment_intents"))
			.withFormParam("amount", com.github.tomakehurst.wiremock.client.WireMock.equalTo("150000"))
			.withFormParam("currency", com.github.tomakehurst.wiremock.client.WireMock.equalTo("inr")));
		String id = created.json().path("paymentId").asString();

		StripeStub.confirms(intent, "processing", null);
		var confirmed = http.post("/sos/api/v1/payments/" + id + "/confirm", Map.of("providerPayload",
				Map.of("payment_method", "pm_card_visa"), "returnUrl", "sostouristdoctor://paid"))
			.token(b.patient().token()).send();
		assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
		assertThat(keys(confirmed.json())).containsExactly("payment", "paymentIntentStatus");
		assertThat(confirmed.json().path("paymentIntentStatus").asString()).isEqualTo("processing");
		assertThat(keys(confirmed.json().path("payment"))).containsExactlyElementsOf(PAYMENT_KEYS);
		assertThat(confirmed.json().path("payment").path("status").asString()).isEqualTo("processing");
		StripeStub.server().verify(postRequestedFor(urlEqualTo("/v1/payment_intents/" + intent + "/confirm"))
			.withFormParam("payment_method", com.github.tomakehurst.wiremock.client.WireMock.equalTo("pm_card_visa"))
			.withFormParam("return_url", com.github.tomakehurst.wiremock.client.WireMock.equalTo("sostouristdoctor://paid")));

		String charge = "ch_" + intent.substring(3);
		String event = StripeStub.intentEvent("evt_" + intent, "payment_intent.succeeded", intent, charge, null);
		var received = webhook(event, StripeStub.signature(event, clock.instant()));
		assertThat(received.status()).as(received.toString()).isEqualTo(200);
		assertThat(received.json().toString()).isEqualTo("{\"received\":true}");
		var replay = webhook(event, StripeStub.signature(event, clock.instant()));
		assertThat(replay.status()).isEqualTo(200);
		assertThat(replay.json().path("received").asBoolean()).isTrue();

		var detail = http.get("/sos/api/v1/payments/" + id).token(b.patient().token()).send();
		assertThat(detail.status()).as(detail.toString()).isEqualTo(200);
		assertThat(keys(detail.json())).containsExactly("payment");
		JsonNode payment = detail.json().path("payment");
		List<String> withPeople = new java.util.ArrayList<>(PAYMENT_KEYS);
		withPeople.addAll(List.of("appointment", "user"));
		assertThat(keys(payment)).containsExactlyInAnyOrderElementsOf(withPeople);
		assertThat(payment.path("status").asString()).isEqualTo("succeeded");
		assertThat(payment.path("stripe_payment_intent_id").asString()).isEqualTo(intent);
		assertThat(payment.path("stripe_charge_id").asString()).isEqualTo(charge);
		assertThat(payment.path("payment_method").asString()).isEqualTo("card");
		assertThat(payment.path("paid_at").isNull()).isFalse();
		assertThat(payment.path("appointment_id").asString()).isEqualTo(b.appointment().publicId().toString());
		assertThat(keys(payment.path("user"))).containsExactly("email", "id", "name", "phone", "profile_picture");
		assertThat(payment.path("user").path("email").asString()).isEqualTo(b.patient().email());
		assertThat(payment.path("user_id").asString()).isEqualTo(payment.path("user").path("id").asString());
		assertThat(keys(payment.path("appointment"))).containsExactly("consultation_type", "date", "doctor", "id",
				"start_time");
		assertThat(keys(payment.path("appointment").path("doctor"))).containsExactly("name", "specialisation");
		assertThat(payment.path("appointment").path("doctor").path("specialisation").asString())
			.isEqualTo("General Practice");
		assertThat(payment.path("appointment").path("start_time").asString()).matches("\\d\\d:00:00");
		awaitConfirmed(b.appointment());

		String secretary = secretary().token();
		StripeStub.refunds("re_half_" + intent, 75_000, "succeeded");
		var half = http.post("/sos/api/v1/payments/" + id + "/refund", Map.of("amount", 750, "reason", "Short visit"))
			.token(secretary).send();
		assertThat(half.status()).as(half.toString()).isEqualTo(200);
		assertThat(keys(half.json())).containsExactly("payment", "refund");
		assertThat(keys(half.json().path("refund"))).containsExactly("amount", "id", "status");
		assertThat(half.json().path("refund").path("id").asString()).isEqualTo("re_half_" + intent);
		assertThat(half.json().path("refund").path("status").asString()).isEqualTo("succeeded");
		assertThat(half.json().path("refund").path("amount").asDouble()).isEqualTo(750.0);
		assertThat(keys(half.json().path("payment"))).containsExactlyElementsOf(PAYMENT_KEYS);
		assertThat(half.json().path("payment").path("status").asString()).isEqualTo("partially_refunded");
		assertThat(half.json().path("payment").path("refund_amount").asDouble()).isEqualTo(750.0);
		assertThat(half.json().path("payment").path("refund_reason").asString()).isEqualTo("Short visit");
		assertThat(half.json().path("payment").path("stripe_refund_id").asString()).isEqualTo("re_half_" + intent);
		assertThat(half.json().path("payment").path("refunded_at").isNull()).isFalse();
		StripeStub.server().verify(postRequestedFor(urlEqualTo("/v1/refunds"))
			.withFormParam("payment_intent", com.github.tomakehurst.wiremock.client.WireMock.equalTo(intent))
			.withFormParam("amount", com.github.tomakehurst.wiremock.client.WireMock.equalTo("75000")));

		StripeStub.refunds("re_rest_" + intent, 75_000, "succeeded");
		var rest = http.post("/sos/api/v1/payments/" + id + "/refund", Map.of()).token(admin()).send();
		assertThat(rest.status()).as(rest.toString()).isEqualTo(200);
		assertThat(rest.json().path("payment").path("status").asString()).isEqualTo("refunded");
		assertThat(rest.json().path("payment").path("refund_amount").asDouble()).isEqualTo(1500.0);
		assertThat(rest.json().path("refund").path("amount").asDouble()).isEqualTo(750.0);

		int refundCalls = StripeStub.server().findAll(postRequestedFor(urlEqualTo("/v1/refunds"))).size();
		var over = http.post("/sos/api/v1/payments/" + id + "/refund", Map.of("amount", 1)).token(secretary).send();
		assertThat(over.status()).as(over.toString()).isEqualTo(400);
		assertThat(keys(over.json())).containsExactly("details", "error", "status");
		assertThat(StripeStub.server().findAll(postRequestedFor(urlEqualTo("/v1/refunds")))).hasSize(refundCalls);

		var mine = http.get("/sos/api/v1/payments").token(b.patient().token()).send();
		assertThat(mine.status()).isEqualTo(200);
		assertThat(mine.json().path("payments")).hasSize(1);
		assertThat(mine.json().path("payments").get(0).path("status").asString()).isEqualTo("refunded");
	}

	@Test
	void overRefundInOneGoIsRefusedBeforeStripe() {
		Booked b = booked();
		String intent = StripeStub.newIntentId();
		String id = create(b, intent).json().path("paymentId").asString();
		StripeStub.confirms(intent, "succeeded", "ch_" + intent.substring(3));
		var paid = http.post("/sos/api/v1/payments/" + id + "/confirm", Map.of("providerPayload",
				Map.of("payment_method", "pm_card_visa"))).token(b.patient().token()).send();
		assertThat(paid.json().path("payment").path("status").asString()).isEqualTo("succeeded");
		assertThat(paid.json().path("paymentIntentStatus").asString()).isEqualTo("succeeded");

		var over = http.post("/sos/api/v1/payments/" + id + "/refund", Map.of("amount", 1500.01)).token(admin()).send();
		assertThat(over.status()).as(over.toString()).isEqualTo(400);
		var bad = http.post("/sos/api/v1/payments/" + id + "/refund", Map.of("amount", "lots")).token(admin()).send();
		assertThat(bad.status()).isEqualTo(400);
		StripeStub.server().verify(0, postRequestedFor(urlEqualTo("/v1/refunds")));
	}

	@Test
	void aDeclinedCardFailsThePaymentWithItsMessage() {
		Booked b = booked();
		String intent = StripeStub.newIntentId();
		String id = create(b, intent).json().path("paymentId").asString();
		StripeStub.declines(intent, "ch_declined", "Your card was declined.");

		var declined = http.post("/sos/api/v1/payments/" + id + "/confirm", Map.of("providerPayload",
				Map.of("payment_method", "pm_card_chargeDeclined"))).token(b.patient().token()).send();

		assertThat(declined.status()).as(declined.toString()).isEqualTo(200);
		assertThat(declined.json().path("paymentIntentStatus").asString()).isEqualTo("requires_payment_method");
		assertThat(declined.json().path("payment").path("status").asString()).isEqualTo("failed");
		assertThat(declined.json().path("payment").path("error_message").asString()).isEqualTo("Your card was declined.");
		var listed = http.get("/sos/api/v1/payments?status=failed").token(b.patient().token()).send();
		assertThat(listed.json().path("payments")).hasSize(1);
	}

	@Test
	void forgedStaleAndUnknownWebhooks() {
		Booked b = booked();
		String intent = StripeStub.newIntentId();
		String id = create(b, intent).json().path("paymentId").asString();
		String event = StripeStub.intentEvent("evt_forged_" + intent, "payment_intent.succeeded", intent, "ch_f", null);

		var forged = webhook(event, StripeStub.signature(event, clock.instant(), "whsec_forger"));
		assertThat(forged.status()).isEqualTo(400);
		assertThat(keys(forged.json())).containsExactly("details", "error", "status");
		var stale = webhook(event, StripeStub.signature(event, clock.instant().minus(Duration.ofMinutes(6))));
		assertThat(stale.status()).isEqualTo(400);
		assertThat(webhook(event, null).status()).isEqualTo(400);
		assertThat(http.get("/sos/api/v1/payments/" + id).token(b.patient().token()).send().json().path("payment")
			.path("status").asString()).isEqualTo("pending");

		String unknown = "{\"id\":\"evt_u_" + intent + "\",\"object\":\"event\",\"type\":\"customer.created\","
				+ "\"data\":{\"object\":{\"id\":\"cus_1\",\"object\":\"customer\"}}}";
		var acknowledged = webhook(unknown, StripeStub.signature(unknown, clock.instant()));
		assertThat(acknowledged.status()).isEqualTo(200);
		assertThat(acknowledged.json().path("received").asBoolean()).isTrue();
	}

	@Test
	void cancelFailsAnUnpaidPaymentAndCancelsItsIntent() {
		Booked b = booked();
		String intent = StripeStub.newIntentId();
		String id = create(b, intent).json().path("paymentId").asString();
		StripeStub.cancels(intent);

		var cancelled = http.post("/sos/api/v1/payments/" + id + "/cancel", Map.of()).token(b.patient().token()).send();

		assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
		assertThat(keys(cancelled.json())).containsExactly("payment");
		assertThat(keys(cancelled.json().path("payment"))).containsExactlyElementsOf(PAYMENT_KEYS);
		assertThat(cancelled.json().path("payment").path("status").asString()).isEqualTo("failed");
		StripeStub.server().verify(postRequestedFor(urlEqualTo("/v1/payment_intents/" + intent + "/cancel")));
		var again = http.post("/sos/api/v1/payments/" + id + "/confirm", Map.of()).token(b.patient().token()).send();
		assertThat(again.status()).isEqualTo(409);
	}

	@Test
	void createRefusesBadInputAndOtherPeoplesAppointments() {
		Booked b = booked();
		String appointment = b.appointment().publicId().toString();
		StripeStub.creates(StripeStub.newIntentId(), 150_000, "inr");
		String token = b.patient().token();

		var below = http.post("/sos/api/v1/payments", Map.of("appointment_id", appointment, "amount", 1)).token(token)
			.send();
		assertThat(below.status()).isEqualTo(400);
		assertThat(below.json().path("details").asString()).contains("amount");
		assertThat(http.post("/sos/api/v1/payments", Map.of("amount", 1500)).token(token).send().status())
			.isEqualTo(400);
		assertThat(http.post("/sos/api/v1/payments", Map.of("appointment_id", appointment, "amount", 1500,
				"payment_method", "cheque")).token(token).send().status()).isEqualTo(400);
		assertThat(http.post("/sos/api/v1/payments", Map.of("appointment_id", appointment, "amount", 1500,
				"currency", "usd")).token(token).send().status()).isEqualTo(400);
		assertThat(http.post("/sos/api/v1/payments", Map.of("appointment_id", appointment, "amount", 1500,
				"tip", 5)).token(token).send().status()).as("an undeclared property").isEqualTo(400);
		assertThat(http.post("/sos/api/v1/payments", Map.of("appointment_id", "not-a-uuid", "amount", 1500))
			.token(token).send().status()).isEqualTo(400);
		assertThat(http.post("/sos/api/v1/payments", Map.of("appointment_id", java.util.UUID.randomUUID().toString(),
				"amount", 1500)).token(token).send().status()).isEqualTo(404);
		StripeStub.server().verify(0, postRequestedFor(urlEqualTo("/v1/payment_intents")));

		var stranger = patient();
		assertThat(http.post("/sos/api/v1/payments", Map.of("appointment_id", appointment, "amount", 1500))
			.token(stranger.token()).send().status()).isEqualTo(403);
		assertThat(http.post("/sos/api/v1/payments", Map.of("appointment_id", appointment, "amount", 1500)).send()
			.status()).isEqualTo(401);
	}

	@Test
	void readingConfirmingCancellingAndRefundingAreTheirs() {
		Booked b = booked();
		String intent = StripeStub.newIntentId();
		String id = create(b, intent).json().path("paymentId").asString();
		String stranger = patient().token();
		String doctor = token(b.doctor().email(), PASSWORD);

		assertThat(http.get("/sos/api/v1/payments/" + id).token(stranger).send().status()).isEqualTo(403);
		assertThat(http.get("/sos/api/v1/payments/" + id).token(doctor).send().status()).isEqualTo(403);
		assertThat(http.get("/sos/api/v1/payments/" + id).token(secretary().token()).send().status()).isEqualTo(200);
		assertThat(http.get("/sos/api/v1/payments/" + java.util.UUID.randomUUID()).token(admin()).send().status())
			.isEqualTo(404);
		assertThat(http.get("/sos/api/v1/payments/12").token(admin()).send().status()).isEqualTo(400);
		assertThat(http.post("/sos/api/v1/payments/" + id + "/confirm", Map.of()).token(stranger).send().status())
			.isEqualTo(403);
		assertThat(http.post("/sos/api/v1/payments/" + id + "/confirm", Map.of("providerPayload",
				Map.of("payment_method", 5))).token(b.patient().token()).send().status()).isEqualTo(400);
		assertThat(http.post("/sos/api/v1/payments/" + id + "/cancel", Map.of()).token(stranger).send().status())
			.isEqualTo(403);
		var refund = http.post("/sos/api/v1/payments/" + id + "/refund", Map.of()).token(b.patient().token()).send();
		assertThat(refund.status()).isEqualTo(403);
		assertThat(keys(refund.json())).containsExactly("details", "error", "status");
		assertThat(http.post("/sos/api/v1/payments/" + id + "/refund", Map.of()).token(doctor).send().status())
			.isEqualTo(403);
		StripeStub.server().verify(0, postRequestedFor(urlMatching("/v1/payment_intents/.*/(confirm|cancel)")));
		assertThat(http.get("/sos/api/v1/payments").token(doctor).send().status()).isEqualTo(403);
	}

	@Test
	void theListIsThePatientsOwn_staffSeeAllOrOneUsers_filteredAndSorted() {
		Booked first = booked();
		Booked second = booked();
		String one = create(first, StripeStub.newIntentId()).json().path("paymentId").asString();
		String two = create(second, StripeStub.newIntentId()).json().path("paymentId").asString();

		var mine = http.get("/sos/api/v1/payments").token(first.patient().token()).send();
		assertThat(mine.status()).isEqualTo(200);
		assertThat(keys(mine.json())).containsExactly("pagination", "payments");
		assertThat(keys(mine.json().path("pagination"))).containsExactly("limit", "page", "total", "totalPages");
		assertThat(mine.json().path("pagination").path("total").asLong()).isEqualTo(1);
		JsonNode item = mine.json().path("payments").get(0);
		List<String> listed = new java.util.ArrayList<>(PAYMENT_KEYS);
		listed.addAll(List.of("appointment", "user"));
		assertThat(keys(item)).containsExactlyInAnyOrderElementsOf(listed);
		assertThat(keys(item.path("appointment"))).containsExactly("consultation_type", "date", "id", "start_time");
		assertThat(item.path("id").asString()).isEqualTo(one);

		String secretary = secretary().token();
		String userOfSecond = http.get("/sos/api/v1/payments/" + two).token(secretary).send().json().path("payment")
			.path("user_id").asString();
		var ofSecond = http.get("/sos/api/v1/payments?userId=" + userOfSecond + "&status=pending&sortBy=amount&sortOrder=asc")
			.token(secretary).send();
		assertThat(ofSecond.status()).as(ofSecond.toString()).isEqualTo(200);
		assertThat(ofSecond.json().path("payments")).hasSize(1);
		assertThat(ofSecond.json().path("payments").get(0).path("id").asString()).isEqualTo(two);
		var all = http.get("/sos/api/v1/payments?limit=1&page=2").token(admin()).send();
		assertThat(all.json().path("pagination").path("total").asLong()).isGreaterThanOrEqualTo(2);
		assertThat(all.json().path("pagination").path("page").asInt()).isEqualTo(2);
		assertThat(all.json().path("payments")).hasSize(1);

		assertThat(http.get("/sos/api/v1/payments?userId=" + userOfSecond).token(first.patient().token()).send()
			.status()).as("another patient's payments").isEqualTo(403);
		assertThat(http.get("/sos/api/v1/payments?status=paid").token(secretary).send().status()).isEqualTo(400);
		assertThat(http.get("/sos/api/v1/payments?sortBy=doctor").token(secretary).send().status()).isEqualTo(400);
		assertThat(http.get("/sos/api/v1/payments?sortOrder=up").token(secretary).send().status()).isEqualTo(400);
		assertThat(http.get("/sos/api/v1/payments?userId=nope").token(secretary).send().status()).isEqualTo(400);
		assertThat(http.get("/sos/api/v1/payments?userId=" + java.util.UUID.randomUUID()).token(secretary).send()
			.status()).isEqualTo(404);
		assertThat(http.get("/sos/api/v1/payments").send().status()).isEqualTo(401);
	}

	private void awaitConfirmed(Appointment appointment) throws InterruptedException {
		Instant until = Instant.now().plusSeconds(20);
		while (book.require(appointment.id()).status() != AppointmentStatus.CONFIRMED && Instant.now().isBefore(until)) {
			Thread.sleep(100);
		}
		assertThat(book.require(appointment.id()).status()).isEqualTo(AppointmentStatus.CONFIRMED);
	}
}
