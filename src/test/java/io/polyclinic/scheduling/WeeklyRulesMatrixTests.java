package io.polyclinic.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.polyclinic.directory.Clinician;
import io.polyclinic.directory.Patient;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Refusal;
import io.polyclinic.platform.Role;
import io.polyclinic.support.ApiTest;
import io.polyclinic.support.Clinic;

/**
 * A clinician's own weekly rules, one day at a time, asked of the scheduling module without a face: only the
 * clinician themself keeps them (another clinician does not find them; patients, staff and administrators are
 * refused), one rule per day, breaks inside the hours — and slots are cut around the breaks, for every face.
 */
class WeeklyRulesMatrixTests extends ApiTest {

	@Autowired
	WeeklyRules rules;
	@Autowired
	Availability availability;
	@Autowired
	Clinic clinic;

	@Test
	void aClinicianKeepsTheirOwnRulesOnePerDayWithBreaksThatBlockSlots() {
		Clinician doctor = clinic.clinician(null, "Asia/Kolkata");
		Clinician other = clinic.clinician(null, "Asia/Kolkata");
		Actor self = clinic.actorOf(doctor.userId(), Role.CLINICIAN);
		Actor otherDoctor = clinic.actorOf(other.userId(), Role.CLINICIAN);

		// the hours the clinic set (Monday to Friday, 09:00-17:00) are their rules
		assertThat(rules.own(self)).extracting(WeeklyRule::dayOfWeek)
			.containsExactly(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
					DayOfWeek.FRIDAY);
		assertThatThrownBy(() -> rules.add(on(DayOfWeek.MONDAY, saturday(9, 13, List.of())), self))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.fields()).containsKey("dayOfWeek"));

		WeeklyRule added = rules.add(saturday(9, 13, List.of(new WeeklyRule.Break(LocalTime.of(11, 0),
				LocalTime.of(12, 0)))), self);
		assertThat(added.dayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
		assertThat(added.breaks()).containsExactly(new WeeklyRule.Break(LocalTime.of(11, 0), LocalTime.of(12, 0)));
		assertThat(rules.own(added.id(), self)).isEqualTo(added);
		assertThat(rules.own(self)).hasSize(6);

		var saturday = Clinic.nextWeekday(doctor.timeZone(), DayOfWeek.SATURDAY);
		assertThat(availability.slots(doctor.id(), null, saturday)).filteredOn(Slot::available)
			.extracting(Slot::time).containsExactly(LocalTime.of(9, 0), LocalTime.of(10, 0), LocalTime.of(12, 0));

		// a change replaces the rule as a whole, its id kept
		WeeklyRule changed = rules.change(added.id(), saturday(10, 14, List.of()), self);
		assertThat(changed.id()).isEqualTo(added.id());
		assertThat(changed.breaks()).isEmpty();
		assertThat(availability.slots(doctor.id(), null, saturday)).filteredOn(Slot::available)
			.extracting(Slot::time).containsExactly(LocalTime.of(10, 0), LocalTime.of(11, 0), LocalTime.of(12, 0),
					LocalTime.of(13, 0));
		assertThatThrownBy(() -> rules.change(added.id(), on(DayOfWeek.FRIDAY, saturday(10, 14, List.of())), self))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.fields()).containsKey("dayOfWeek"));

		// bad times
		assertThatThrownBy(() -> rules.change(added.id(), saturday(14, 10, List.of()), self))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.fields()).containsKey("endTime"));
		assertThatThrownBy(() -> rules.change(added.id(), saturday(10, 14, List.of(new WeeklyRule.Break(
				LocalTime.of(13, 0), LocalTime.of(15, 0)))), self))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.fields()).containsKey("breakTimes"));
		assertThatThrownBy(() -> rules.change(added.id(), saturday(10, 14, List.of(new WeeklyRule.Break(
				LocalTime.of(12, 0), LocalTime.of(11, 0)))), self))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.fields()).containsKey("breakTimes"));

		// another clinician does not find the rule; everyone else is refused
		assertThatThrownBy(() -> rules.own(added.id(), otherDoctor))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.NOT_FOUND));
		assertThatThrownBy(() -> rules.change(added.id(), saturday(9, 10, List.of()), otherDoctor))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.NOT_FOUND));
		assertThatThrownBy(() -> rules.remove(added.id(), otherDoctor))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.NOT_FOUND));
		Patient patient = clinic.patient();
		for (Actor refused : List.of(clinic.actorOf(patient.userId(), Role.PATIENT), clinic.admin(),
				clinic.actorOf(999_999L, Role.FRONT_DESK), clinic.actorOf(999_999L, Role.CLINICIAN), Actor.system())) {
			assertThatThrownBy(() -> rules.own(refused))
				.as(refused.toString())
				.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.FORBIDDEN));
			assertThatThrownBy(() -> rules.add(saturday(9, 10, List.of()), refused))
				.as(refused.toString())
				.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.FORBIDDEN));
		}

		rules.remove(added.id(), self);
		assertThat(rules.own(self)).hasSize(5);
		assertThat(availability.slots(doctor.id(), null, saturday)).isEmpty();
		assertThatThrownBy(() -> rules.own(added.id(), self))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.NOT_FOUND));
	}

	private static WeeklyRule.Changes saturday(int from, int to, List<WeeklyRule.Break> breaks) {
		return new WeeklyRule.Changes(DayOfWeek.SATURDAY, LocalTime.of(from, 0), LocalTime.of(to, 0), true, breaks);
	}

	private static WeeklyRule.Changes on(DayOfWeek day, WeeklyRule.Changes rule) {
		return new WeeklyRule.Changes(day, rule.startTime(), rule.endTime(), rule.available(), rule.breaks());
	}
}
