package io.polyclinic.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import io.polyclinic.directory.Clinician;
import io.polyclinic.platform.Ref;
import io.polyclinic.platform.Refusal;
import io.polyclinic.platform.Role;
import io.polyclinic.scheduling.AppointmentRequest;
import io.polyclinic.scheduling.SessionType;
import io.polyclinic.support.Clinic;

class AppointmentChargesTests extends BillingTest {

	private static final AtomicInteger DAYS = new AtomicInteger();

	private AppointmentRequest request(AppointmentRequest.Attendee who, Clinician clinician, LocalDate day,
			@Nullable Long fee) {
		return new AppointmentRequest(who, Ref.id(clinician.id()), null,
				new AppointmentRequest.GridSlot(day, LocalTime.of(10, 0)), SessionType.ONLINE, fee, null);
	}

	private static LocalDate day() {
		return Clinic.nextWeekday(ZoneId.of("Asia/Kolkata"), DayOfWeek.TUESDAY).plusWeeks(60 + DAYS.getAndIncrement());
	}

	@Test
	void aPatientsBookingComesWithTheOrderForItsFee() {
		var patient = fixture.patient();
		var clinician = fixture.clinician(null);

		Charged charged = charges().bookAndCharge(request(new AppointmentRequest.Caller(), clinician, day(), null),
				Charge.order(OFFLINE), patient.actor());

		assertThat(charged.appointment().patientId()).isEqualTo(patient.id());
		assertThat(charged.link()).isNull();
		assertThat(charged.order()).isNotNull();
		assertThat(charged.order().amountMinor()).isEqualTo(150_000);
		assertThat(queries.latestOf(Ref.id(charged.appointment().id()), patient.actor()).orElseThrow().orderId())
			.isEqualTo(charged.order().orderId());
	}

	@Test
	void anOrderTheProviderCannotMakeUndoesTheBooking() {
		var patient = fixture.patient();
		var clinician = fixture.clinician(null);
		LocalDate day = day();

		assertThatThrownBy(() -> charges().bookAndCharge(request(new AppointmentRequest.Caller(), clinician, day, null),
				Charge.order("stripe"), patient.actor()))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.code()).isEqualTo("PAYMENT_PROVIDER_FAILED"));

		assertThat(jdbc.sql("SELECT COUNT(*) FROM appointments WHERE patient_id = ?").param(patient.id())
			.query(Long.class).single()).isZero();
		var again = charges().bookAndCharge(request(new AppointmentRequest.Caller(), clinician, day, null),
				Charge.order(OFFLINE), patient.actor());
		assertThat(again.order()).isNotNull();
	}

	@Test
	void staffBookingsSendTheLink_andAFreeOneChargesNothing() {
		var patient = fixture.patient();
		var clinician = fixture.clinician(null);
		var frontDesk = fixture.actor(Role.FRONT_DESK);

		Charged linked = charges().bookAndCharge(request(new AppointmentRequest.KnownPatient(Ref.id(patient.id())),
				clinician, day(), null), Charge.link(OFFLINE), frontDesk);
		Charged free = charges().bookAndCharge(request(new AppointmentRequest.KnownPatient(Ref.id(patient.id())),
				clinician, day(), 0L), Charge.link(OFFLINE), frontDesk);
		Charged none = charges().bookAndCharge(request(new AppointmentRequest.KnownPatient(Ref.id(patient.id())),
				clinician, day(), null), Charge.NONE, frontDesk);

		assertThat(linked.link()).isNotNull();
		assertThat(linked.link().sent()).isTrue();
		assertThat(linked.link().link().appointmentId()).isEqualTo(linked.appointment().id());
		assertThat(linked.order()).isNull();
		assertThat(free.link()).isNull();
		assertThat(queries.latestOf(Ref.id(free.appointment().id()), frontDesk)).isEmpty();
		assertThat(none.link()).isNull();
		assertThat(none.order()).isNull();
		assertThat(queries.latestOf(Ref.id(none.appointment().id()), frontDesk)).isEmpty();
	}

	@Test
	void onlyStaffBookWithALink() {
		var patient = fixture.patient();
		var clinician = fixture.clinician(null);

		assertThatThrownBy(() -> charges().bookAndCharge(request(new AppointmentRequest.Caller(), clinician, day(), null),
				Charge.link(OFFLINE), patient.actor()))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.kind()).isEqualTo(Refusal.Kind.FORBIDDEN));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM appointments WHERE patient_id = ?").param(patient.id())
			.query(Long.class).single()).isZero();
	}

	private AppointmentCharges charges() {
		return context.getBean(AppointmentCharges.class);
	}
}
