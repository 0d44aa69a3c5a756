package io.polyclinic.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.polyclinic.platform.Ref;
import io.polyclinic.platform.Refusal;
import io.polyclinic.support.Clinic;

/** The days of a range on which a clinician has free slots: one read of the busy time, the grid day by day. */
class FreeDaysTests extends SchedulingModuleTest {

	static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

	@Autowired
	Clinic clinic;
	@Autowired
	AppointmentBook book;
	@Autowired
	Availability availability;

	@Test
	void weekdaysWithFreeSlotsAreListedWithTheirCountAndFirstFreeTime() {
		var clinician = clinic.clinician(null, KOLKATA.getId());
		var patient = clinic.patient();
		LocalDate monday = Clinic.nextWeekday(KOLKATA, DayOfWeek.MONDAY);
		book.book(AppointmentRequest.onGrid(Ref.id(patient.id()), Ref.id(clinician.id()), null, monday,
				LocalTime.of(9, 0), SessionType.ONLINE), clinic.admin());

		var days = availability.daysWithFreeSlots(clinician.id(), null, monday, monday.plusDays(6));

		// Monday to Friday 9:00-17:00 in hours of 60 minutes; Monday's 9:00 is booked; the weekend has no hours
		assertThat(days).extracting(Availability.FreeDay::date)
			.containsExactly(monday, monday.plusDays(1), monday.plusDays(2), monday.plusDays(3), monday.plusDays(4));
		assertThat(days.get(0).freeSlots()).isEqualTo(7);
		assertThat(days.get(0).firstFree()).isEqualTo(LocalTime.of(10, 0));
		assertThat(days.get(1).freeSlots()).isEqualTo(8);
		assertThat(days.get(1).firstFree()).isEqualTo(LocalTime.of(9, 0));
		// the same answer as the day's own grid
		assertThat(days.get(0).freeSlots())
			.isEqualTo((int) availability.slots(clinician.id(), null, monday).stream().filter(Slot::available).count());
	}

	@Test
	void aBackwardsOrTooLongRangeIsRefusedAndAnUnlistedClinicianIsNotFound() {
		var clinician = clinic.clinician(null, KOLKATA.getId());
		LocalDate day = Clinic.nextWeekday(KOLKATA, DayOfWeek.MONDAY);

		assertThatThrownBy(() -> availability.daysWithFreeSlots(clinician.id(), null, day, day.minusDays(1)))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.fields()).containsKey("endDate"));
		assertThatThrownBy(() -> availability.daysWithFreeSlots(clinician.id(), null, day,
				day.plusDays(Availability.MAX_DAYS)))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.fields()).containsKey("endDate"));
		assertThat(availability.daysWithFreeSlots(clinician.id(), null, day, day.plusDays(Availability.MAX_DAYS - 1)))
			.isNotEmpty();
		assertThatThrownBy(() -> availability.daysWithFreeSlots(Long.MAX_VALUE, null, day, day))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.code()).isEqualTo("NOT_FOUND"));
	}
}
