package io.polyclinic.faces.sos;

import static io.polyclinic.support.Http.keys;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.polyclinic.directory.LeadSource;
import io.polyclinic.directory.PatientDetails;
import io.polyclinic.directory.PatientRegistry;
import io.polyclinic.identity.accounts.AccountChanges;
import io.polyclinic.identity.accounts.Accounts;
import io.polyclinic.platform.Ref;
import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.scheduling.AppointmentRequest;
import io.polyclinic.scheduling.SessionType;
import io.polyclinic.support.ApiTest;
import io.polyclinic.support.Clinic;
import io.polyclinic.support.Phones;

/**
 * sos's payments without Stripe (no secret key): the offline provider stands in, and in demo mode a confirm settles
 * the payment, so a client can finish its payment flow on one machine.
 */
class SosOfflinePaymentTests extends ApiTest {

	@Autowired
	Clinic clinic;
	@Autowired
	PatientRegistry patients;
	@Autowired
	Accounts accounts;
	@Autowired
	AppointmentBook book;

	@Test
	void withoutStripeTheOfflineProviderTakesThePaymentAndConfirmSettlesIt() {
		String phone = Phones.newPhone();
		String email = "off" + phone.substring(1) + "@pay.sos.test";
		var patient = patients.register(new PatientDetails("Offline " + phone, phone, email, null, null, null, null,
				null, null), LeadSource.WEBSITE, clinic.admin());
		accounts.change(patient.userId(), new AccountChanges(null, null, null, null, "SecurePassword123", null));
		String token = http.post("/sos/api/v1/auth/email/login", Map.of("email", email, "password", "SecurePassword123"))
			.send().json().path("access_token").asString();
		var doctor = clinic.clinician(null, "Asia/Kolkata");
		var starts = Clinic.nextWeekday(ZoneId.of("Asia/Kolkata"), DayOfWeek.TUESDAY).plusWeeks(3)
			.atTime(LocalTime.of(11, 0)).atZone(ZoneId.of("Asia/Kolkata")).toInstant();
		var appointment = book.book(new AppointmentRequest(new AppointmentRequest.KnownPatient(Ref.id(patient.id())),
				Ref.id(doctor.id()), null, new AppointmentRequest.Interval(starts, starts.plus(Duration.ofMinutes(60)),
						true), SessionType.ONLINE, null, null), clinic.admin()).appointment();

		var created = http.post("/sos/api/v1/payments", Map.of("appointment_id", appointment.publicId().toString(),
				"amount", 1500)).token(token).send();
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(keys(created.json())).containsExactly("amount", "clientSecret", "currency", "paymentId",
				"paymentIntentId", "status");
		assertThat(created.json().path("clientSecret").isNull()).as("no Stripe, no client secret").isTrue();
		assertThat(created.json().path("paymentIntentId").asString()).startsWith("order_");
		String id = created.json().path("paymentId").asString();

		var confirmed = http.post("/sos/api/v1/payments/" + id + "/confirm", Map.of("providerPayload",
				Map.of("payment_method", "pm_card_visa"))).token(token).send();
		assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
		assertThat(confirmed.json().path("paymentIntentStatus").asString()).isEqualTo("succeeded");
		assertThat(confirmed.json().path("payment").path("status").asString()).isEqualTo("succeeded");
		assertThat(confirmed.json().path("payment").path("stripe_charge_id").asString()).startsWith("pay_");

		var list = http.get("/sos/api/v1/payments?status=succeeded").token(token).send();
		assertThat(list.json().path("payments")).hasSize(1);
		assertThat(List.of(list.json().path("payments").get(0).path("id").asString())).containsExactly(id);
	}
}
