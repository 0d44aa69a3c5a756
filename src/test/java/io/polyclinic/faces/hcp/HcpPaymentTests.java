package io.polyclinic.faces.hcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.polyclinic.scheduling.AppointmentStatus;
import io.polyclinic.support.Http;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/payments/transactions/} and {@code /api/payments/intent/} over HTTP, with the offline provider (no Stripe
 * or Razorpay configured): shapes, the same payment when asked twice, paid appointments refused, and who sees what.
 */
class HcpPaymentTests extends HcpPaymentsApiTest {

	private static final String[] TRANSACTION_FIELDS = { "id", "provider", "amount", "currency", "status",
			"external_id", "client_secret", "appointment", "patient", "patient_name", "doctor", "doctor_name",
			"description", "metadata", "refunded_amount", "failure_reason", "created_at", "updated_at",
			"completed_at" };

	@Test
	void anIntentIsAPaymentForTheFee_askingTwiceGivesTheSamePayment_aPaidOneIsRefused() throws Exception {
		var patient = people.patient();
		var doctor = people.doctor();
		long appointment = appointment(patient, doctor);

		JsonNode intent = data(intent(patient, appointment), 200);
		assertThat(Http.keys(intent)).containsExactlyInAnyOrder("payment_id", "provider", "client_secret", "order_id",
				"key_id", "amount", "currency", "status");
		assertThat(intent.path("provider").asString()).isEqualTo("offline");
		assertThat(intent.path("client_secret").isNull()).isTrue();
		assertThat(intent.path("order_id").asString()).startsWith("order_");
		assertThat(intent.path("key_id").asString()).isEqualTo("rzp_test_offline");
		assertThat(intent.path("amount").asString()).isEqualTo("1500.00");
		assertThat(intent.path("currency").asString()).isEqualTo("INR");
		assertThat(intent.path("status").asString()).isEqualTo("pending");

		JsonNode again = data(intent(patient, appointment), 200);
		assertThat(again.path("payment_id").asLong()).isEqualTo(intent.path("payment_id").asLong());
		assertThat(again.path("order_id").asString()).isEqualTo(intent.path("order_id").asString());

		razorpayWebhook(captured("pay_HcpIntentPaid1", intent.path("order_id").asString()), null);
		awaitStatus(appointment, AppointmentStatus.CONFIRMED);
		Http.Res paid = intent(patient, appointment);
		drfError(paid, 409);
		assertThat(paid.json().path("error").asString()).isEqualTo("This appointment is already paid");
	}

	@Test
	void anIntentIsTheAppointmentsPatients_andNeedsAnAppointmentAndAKnownProvider() {
		var patient = people.patient();
		var doctor = people.doctor();
		long appointment = appointment(patient, doctor);

		drfError(intent(people.patient(), appointment), 403);
		drfError(http.post(PAYMENTS + "/intent/", Map.of("appointment_id", appointment)).token(doctor.token()).send(),
				403);
		drfError(http.post(PAYMENTS + "/intent/", Map.of("appointment_id", appointment)).send(), 401);
		assertThat(fieldError(http.post(PAYMENTS + "/intent/", Map.of()).token(patient.token()).send(),
				"appointment_id")).isEqualTo("This field is required.");
		assertThat(fieldError(http.post(PAYMENTS + "/intent/", Map.of("appointment_id", appointment, "provider",
				"paypal")).token(patient.token()).send(), "provider")).isEqualTo("\"paypal\" is not a valid choice.");
		drfError(intent(patient, 99_999_999L), 404);
	}

	@Test
	void creatingATransactionIsTheIntent_withTheTransactionsShape() {
		var patient = people.patient();
		var doctor = people.doctor();
		long appointment = appointment(patient, doctor);

		JsonNode created = data(http.post(PAYMENTS + "/transactions/", Map.of("appointment_id", appointment, "amount",
				"1500.00", "currency", "INR", "description", "Video consultation")).token(patient.token()).send(), 201);
		assertThat(Http.keys(created)).containsExactlyInAnyOrder(TRANSACTION_FIELDS);
		assertThat(created.path("provider").asString()).isEqualTo("offline");
		assertThat(created.path("amount").asString()).isEqualTo("1500.00");
		assertThat(created.path("status").asString()).isEqualTo("pending");
		assertThat(created.path("external_id").asString()).startsWith("order_");
		assertThat(created.path("appointment").asLong()).isEqualTo(appointment);
		assertThat(created.path("patient").asLong()).isEqualTo(patient.id());
		assertThat(created.path("doctor").asLong()).isEqualTo(doctor.doctorId());
		assertThat(created.path("description").asString()).isEqualTo("Video consultation");
		assertThat(created.path("metadata").path("description").asString()).isEqualTo("Video consultation");
		assertThat(created.path("completed_at").isNull()).isTrue();

		JsonNode intent = data(intent(patient, appointment), 200);
		assertThat(intent.path("payment_id").asLong()).isEqualTo(created.path("id").asLong());

		assertThat(fieldError(http.post(PAYMENTS + "/transactions/", Map.of("appointment_id", appointment, "amount",
				500)).token(patient.token()).send(), "amount")).contains("fee");
		assertThat(fieldError(http.post(PAYMENTS + "/transactions/", Map.of("amount", 1500)).token(patient.token())
			.send(), "appointment_id")).isEqualTo("This field is required.");
	}

	@Test
	void creatingATransactionIsTheAppointmentsPatientsOnly() {
		var patient = people.patient();
		var doctor = people.doctor();
		long appointment = appointment(patient, doctor);
		Map<String, Object> body = Map.of("appointment_id", appointment, "amount", "1500.00");

		drfError(http.post(PAYMENTS + "/transactions/", body).token(doctor.token()).send(), 403);
		drfError(http.post(PAYMENTS + "/transactions/", body).token(people.patient().token()).send(), 403);
		drfError(http.post(PAYMENTS + "/transactions/", body).token(people.doctor().token()).send(), 403);
		drfError(http.post(PAYMENTS + "/transactions/", body).token(people.admin().token()).send(), 403);
		drfError(http.post(PAYMENTS + "/transactions/", body).send(), 401);
		drfError(http.post(PAYMENTS + "/transactions/", Map.of("appointment_id", 99_999_999L)).token(patient.token())
			.send(), 404);

		// nobody opened a payment for it: the patient's list is empty until they ask themself
		assertThat(page(http.get(PAYMENTS + "/transactions/?appointment=" + appointment).token(patient.token())
			.send()).path("count").asLong()).isZero();
		assertThat(data(http.post(PAYMENTS + "/transactions/", body).token(patient.token()).send(), 201)
			.path("appointment").asLong()).isEqualTo(appointment);
	}

	@Test
	void thePatientListsTheirOwn_theDoctorTheirAppointments_theAdminAll_filteredAndOrdered() throws Exception {
		var patient = people.patient();
		var other = people.patient();
		var doctor = people.doctor();
		long paidOne = appointment(patient, doctor);
		long openOne = appointment(patient, doctor);
		JsonNode paid = paid(patient, paidOne);
		data(intent(patient, openOne), 200);
		awaitStatus(paidOne, AppointmentStatus.CONFIRMED);

		JsonNode own = page(http.get(PAYMENTS + "/transactions/").token(patient.token()).send());
		assertThat(own.path("count").asLong()).isEqualTo(2);
		JsonNode first = own.path("results").get(0);
		assertThat(Http.keys(first)).containsExactlyInAnyOrder(TRANSACTION_FIELDS);
		assertThat(first.path("client_secret").isNull()).isTrue();
		assertThat(first.path("patient_name").asString()).startsWith("Pat Ient");

		JsonNode completed = page(http.get(PAYMENTS + "/transactions/?status=completed").token(patient.token()).send());
		assertThat(completed.path("count").asLong()).isEqualTo(1);
		JsonNode one = completed.path("results").get(0);
		assertThat(one.path("id").asLong()).isEqualTo(paid.path("payment_id").asLong());
		assertThat(one.path("status").asString()).isEqualTo("completed");
		assertThat(one.path("external_id").asString()).isEqualTo(paid.path("order_id").asString());
		assertThat(one.path("completed_at").isString()).isTrue();
		assertThat(page(http.get(PAYMENTS + "/transactions/?status=pending&provider=offline&appointment=" + openOne)
			.token(patient.token()).send()).path("count").asLong()).isEqualTo(1);

		JsonNode paged = page(http.get(PAYMENTS + "/transactions/?ordering=amount&page_size=1").token(patient.token())
			.send());
		assertThat(paged.path("count").asLong()).isEqualTo(2);
		assertThat(paged.path("results").size()).isEqualTo(1);
		assertThat(paged.path("next").asString()).contains("page=2");

		assertThat(page(http.get(PAYMENTS + "/transactions/").token(other.token()).send()).path("count").asLong())
			.isZero();
		JsonNode doctors = page(http.get(PAYMENTS + "/transactions/").token(doctor.token()).send());
		assertThat(doctors.path("count").asLong()).isEqualTo(2);
		assertThat(doctors.path("results").get(0).path("doctor").asLong()).isEqualTo(doctor.doctorId());
		assertThat(page(http.get(PAYMENTS + "/transactions/?appointment=" + paidOne).token(people.admin().token())
			.send()).path("count").asLong()).isEqualTo(1);

		assertThat(fieldError(http.get(PAYMENTS + "/transactions/?status=paid").token(patient.token()).send(),
				"status")).contains("paid is not one of the available choices");
		fieldError(http.get(PAYMENTS + "/transactions/?ordering=patient").token(patient.token()).send(), "ordering");
		drfError(http.get(PAYMENTS + "/transactions/").send(), 401);
	}

	@Test
	void oneTransaction_itsPatientItsDoctorAndAdmins_notAnotherPatient() {
		var patient = people.patient();
		var doctor = people.doctor();
		long appointment = appointment(patient, doctor);
		long id = data(intent(patient, appointment), 200).path("payment_id").asLong();

		JsonNode mine = data(http.get(PAYMENTS + "/transactions/" + id + "/").token(patient.token()).send(), 200);
		assertThat(Http.keys(mine)).containsExactlyInAnyOrder(TRANSACTION_FIELDS);
		assertThat(mine.path("id").asLong()).isEqualTo(id);
		assertThat(mine.path("description").asString()).isEqualTo("Consultation fee for appointment with Dr. "
				+ doctor.clinician().fullName());
		assertThat(data(http.get(PAYMENTS + "/transactions/" + id).token(doctor.token()).send(), 200).path("id")
			.asLong()).isEqualTo(id);
		assertThat(data(http.get(PAYMENTS + "/transactions/" + id + "/").token(people.admin().token()).send(), 200)
			.path("patient").asLong()).isEqualTo(patient.id());
		drfError(http.get(PAYMENTS + "/transactions/" + id + "/").token(people.patient().token()).send(), 403);
		drfError(http.get(PAYMENTS + "/transactions/" + id + "/").token(people.doctor().token()).send(), 403);
		drfError(http.get(PAYMENTS + "/transactions/99999999/").token(patient.token()).send(), 404);
	}
}
