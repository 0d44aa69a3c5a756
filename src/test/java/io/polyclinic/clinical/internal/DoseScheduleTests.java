package io.polyclinic.clinical.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

/** The times of day and the course read from a prescriber's words, and the doses a course holds. */
class DoseScheduleTests {

	static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

	@Test
	void frequenciesAsPrescribersWriteThem() {
		assertThat(times("Once daily", null)).containsExactly("08:00");
		assertThat(times("Once daily before food", null)).containsExactly("07:30");
		assertThat(times("OD", "after food")).containsExactly("08:30");
		assertThat(times("Twice daily", null)).containsExactly("08:00", "20:00");
		assertThat(times("BD", null)).containsExactly("08:00", "20:00");
		assertThat(times("every 12 hours", null)).containsExactly("08:00", "20:00");
		assertThat(times("Thrice daily", null)).containsExactly("08:00", "13:00", "20:00");
		assertThat(times("three times a day", "after meals")).containsExactly("08:30", "13:30", "20:30");
		assertThat(times("3 times per day", null)).containsExactly("08:00", "13:00", "20:00");
		assertThat(times("TDS", null)).containsExactly("08:00", "13:00", "20:00");
		assertThat(times("every 8 hours", null)).containsExactly("06:00", "14:00", "22:00");
		assertThat(times("q6h", null)).containsExactly("00:00", "06:00", "12:00", "18:00");
		assertThat(times("Four times daily", null)).containsExactly("08:00", "13:00", "17:00", "20:00");
		assertThat(times("Once at night", null)).containsExactly("21:00");
		assertThat(times("at bedtime", null)).containsExactly("21:00");
		assertThat(times("1-0-1", null)).containsExactly("08:00", "20:00");
		assertThat(times("0-0-1", null)).containsExactly("20:00");
		assertThat(times("1-1-1 after food", null)).containsExactly("08:30", "13:30", "20:30");
		assertThat(times("SOS", null)).isEmpty();
		assertThat(times("As needed for pain", null)).isEmpty();
		assertThat(times("whenever", null)).containsExactly("09:00");
		assertThat(DoseSchedule.of("Once a week", null).everyDays()).isEqualTo(7);
		assertThat(DoseSchedule.of("On alternate days", null).everyDays()).isEqualTo(2);
		assertThat(DoseSchedule.of("Twice daily", null).everyDays()).isEqualTo(1);
	}

	@Test
	void durationsAsPrescribersWriteThem() {
		assertThat(DoseSchedule.courseDays("5 days")).isEqualTo(OptionalInt.of(5));
		assertThat(DoseSchedule.courseDays("for 7 days")).isEqualTo(OptionalInt.of(7));
		assertThat(DoseSchedule.courseDays("2 weeks")).isEqualTo(OptionalInt.of(14));
		assertThat(DoseSchedule.courseDays("one week")).isEqualTo(OptionalInt.of(7));
		assertThat(DoseSchedule.courseDays("1 month")).isEqualTo(OptionalInt.of(30));
		assertThat(DoseSchedule.courseDays("10d")).isEqualTo(OptionalInt.of(10));
		assertThat(DoseSchedule.courseDays("Ongoing")).isEmpty();
		assertThat(DoseSchedule.courseDays("until further notice")).isEmpty();
	}

	@Test
	void aCourseCountsItsDaysFromTheFirstDoseAfterItIsWritten() {
		// written at 21:30 in Kolkata: tonight's 20:00 has passed, so five days of twice daily start tomorrow morning
		Instant evening = ZonedDateTime.of(2030, 3, 4, 21, 30, 0, 0, KOLKATA).toInstant();
		DoseCourse course = DoseCourse.plan(DoseSchedule.of("Twice daily", null), OptionalInt.of(5),
				LocalDate.of(2030, 4, 3), KOLKATA, evening);
		assertThat(course.doses()).hasSize(10);
		assertThat(course.doses().get(0)).isEqualTo(at(2030, 3, 5, 8, 0));
		assertThat(course.doses().get(9)).isEqualTo(at(2030, 3, 9, 20, 0));
		assertThat(course.startsAt()).isEqualTo(course.doses().get(0));
		assertThat(course.endsAt()).isEqualTo(at(2030, 3, 10, 0, 0));

		// written at noon: today's evening dose is the first
		Instant noon = ZonedDateTime.of(2030, 3, 4, 12, 0, 0, 0, KOLKATA).toInstant();
		DoseCourse fromNoon = DoseCourse.plan(DoseSchedule.of("Twice daily", null), OptionalInt.of(5),
				LocalDate.of(2030, 4, 3), KOLKATA, noon);
		assertThat(fromNoon.doses()).hasSize(10).first().isEqualTo(at(2030, 3, 4, 20, 0));
		assertThat(fromNoon.doses().get(9)).isEqualTo(at(2030, 3, 9, 8, 0));
	}

	@Test
	void aCourseWithoutALengthRunsToTheEndOfTheValidityAndAsNeededHasNoDoses() {
		Instant morning = ZonedDateTime.of(2030, 3, 4, 7, 0, 0, 0, KOLKATA).toInstant();
		DoseCourse ongoing = DoseCourse.plan(DoseSchedule.of("Once daily", null), OptionalInt.empty(),
				LocalDate.of(2030, 3, 10), KOLKATA, morning);
		assertThat(ongoing.doses()).hasSize(7);
		assertThat(ongoing.endsAt()).isEqualTo(at(2030, 3, 11, 0, 0));

		DoseCourse weekly = DoseCourse.plan(DoseSchedule.of("Once a week", null), OptionalInt.of(28),
				LocalDate.of(2030, 6, 1), KOLKATA, morning);
		assertThat(weekly.doses()).containsExactly(at(2030, 3, 4, 8, 0), at(2030, 3, 11, 8, 0),
				at(2030, 3, 18, 8, 0), at(2030, 3, 25, 8, 0));

		DoseCourse whenNeeded = DoseCourse.plan(DoseSchedule.of("SOS", null), OptionalInt.of(3),
				LocalDate.of(2030, 4, 3), KOLKATA, morning);
		assertThat(whenNeeded.doses()).isEmpty();
		assertThat(whenNeeded.endsAt()).isEqualTo(at(2030, 3, 7, 0, 0));
	}

	private static List<String> times(String frequency, String instructions) {
		return DoseSchedule.of(frequency, instructions).times().stream().map(LocalTime::toString).toList();
	}

	private static Instant at(int year, int month, int day, int hour, int minute) {
		return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, KOLKATA).toInstant();
	}
}
