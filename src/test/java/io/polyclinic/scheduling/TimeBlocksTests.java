package io.polyclinic.scheduling;

import static io.polyclinic.scheduling.AppointmentBookTests.assertRefused;
import static io.polyclinic.scheduling.AppointmentBookTests.onGrid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.polyclinic.directory.Clinician;
import io.polyclinic.platform.Ref;
import io.polyclinic.platform.Refusal;
import io.polyclinic.platform.Role;
import io.polyclinic.support.Clinic;

/** Blocking a clinician's time: the grid shows it taken, booking refuses it, unblocking frees it; keepers only. */
class TimeBlocksTests extends SchedulingModuleTest {

	static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

	@Autowired
	Clinic clinic;
	@Autowired
	TimeBlocks blocks;
	@Autowired
	AppointmentBook book;
	@Autowired
	Availability availability;

	@Test
	void aBlockTakesItsSlotsAndUnblockingFreesThem() {
		var clinician = clinic.clinician(null, KOLKATA.getId());
		var patient = clinic.patient();
		LocalDate day = Clinic.nextWeekday(KOLKATA, DayOfWeek.WEDNESDAY);

		var block = blocks.block(Ref.id(clinician.id()), day, LocalTime.of(10, 0), LocalTime.of(12, 0), " Leave ",
				clinic.admin());

		assertThat(block.active()).isTrue();
		assertThat(block.reason()).isEqualTo("Leave");
		assertThat(block.startsAt()).isEqualTo(day.atTime(10, 0).atZone(KOLKATA).toInstant());
		assertThat(free(clinician, day, 9)).isTrue();
		assertThat(free(clinician, day, 10)).isFalse();
		assertThat(free(clinician, day, 11)).isFalse();
		assertThat(free(clinician, day, 12)).isTrue();
		assertRefused(() -> book.book(onGrid(patient, clinician, day, 11), clinic.admin()), "SLOT_UNAVAILABLE", null);
		assertThat(blocks.list(clinician.id(), day, day, false, clinic.admin())).extracting(TimeBlock::id)
			.containsExactly(block.id());

		var removed = blocks.unblock(block.id(), clinic.admin());

		assertThat(removed.active()).isFalse();
		assertThat(free(clinician, day, 11)).isTrue();
		assertThat(blocks.list(clinician.id(), day, day, false, clinic.admin())).isEmpty();
		assertThat(blocks.list(clinician.id(), day, day, true, clinic.admin())).hasSize(1);
		assertThat(book.book(onGrid(patient, clinician, day, 11), clinic.admin()).appointment().clinicianId())
			.isEqualTo(clinician.id());
		assertRefused(() -> blocks.unblock(block.id(), clinic.admin()), "NOT_FOUND", null);
	}

	@Test
	void aWholeDayBlockListsTheAppointmentsAlreadyInIt() {
		var clinician = clinic.clinician(null, KOLKATA.getId());
		var patient = clinic.patient();
		LocalDate day = Clinic.nextWeekday(KOLKATA, DayOfWeek.THURSDAY);
		var booked = book.book(onGrid(patient, clinician, day, 14), clinic.admin()).appointment();

		var affected = blocks.affectedPatients(Ref.id(clinician.id()), day, null, null, clinic.admin());
		blocks.block(Ref.id(clinician.id()), day, null, null, null, clinic.admin());

		assertThat(affected).singleElement().satisfies(a -> {
			assertThat(a.appointmentId()).isEqualTo(booked.id());
			assertThat(a.patientId()).isEqualTo(patient.id());
			assertThat(a.patientName()).isEqualTo(patient.fullName());
		});
		assertThat(availability.slots(clinician.id(), null, day)).noneMatch(Slot::available);
		assertThat(availability.slots(clinician.id(), null, day.plusDays(1))).anyMatch(Slot::available);
	}

	@Test
	void refusesBadIntervalsAndAnyoneButTheKeepers() {
		var clinician = clinic.clinician(null, KOLKATA.getId());
		var patient = clinic.patient();
		LocalDate day = Clinic.nextWeekday(KOLKATA, DayOfWeek.FRIDAY);
		Ref ref = Ref.id(clinician.id());

		assertRefused(() -> blocks.block(ref, day, LocalTime.of(12, 0), LocalTime.of(10, 0), null, clinic.admin()),
				"INVALID_INPUT", "endTime");
		assertRefused(() -> blocks.block(ref, LocalDate.now(KOLKATA).minusDays(2), LocalTime.of(10, 0),
				LocalTime.of(11, 0), null, clinic.admin()), "INVALID_INPUT", "date");
		assertRefused(() -> blocks.block(Ref.id(987_654_321L), day, null, null, null, clinic.admin()), "NOT_FOUND",
				null);

		var itself = clinic.actorOf(clinician.userId(), Role.CLINICIAN);
		var aPatient = clinic.actorOf(patient.userId(), Role.PATIENT);
		for (var actor : new io.polyclinic.platform.Actor[] { itself, aPatient }) {
			assertForbidden(() -> blocks.block(ref, day, LocalTime.of(10, 0), LocalTime.of(11, 0), null, actor));
			assertForbidden(() -> blocks.list(clinician.id(), day, day, false, actor));
			assertForbidden(() -> blocks.list(null, day, day, false, actor));
			assertForbidden(() -> blocks.affectedPatients(ref, day, null, null, actor));
		}
		var block = blocks.block(ref, day, LocalTime.of(10, 0), LocalTime.of(11, 0), null, clinic.admin());
		assertForbidden(() -> blocks.unblock(block.id(), itself));
		assertThat(free(clinician, day, 10)).isFalse();
	}

	private static void assertForbidden(Runnable call) {
		assertThatThrownBy(call::run).isInstanceOfSatisfying(Refusal.class,
				e -> assertThat(e.kind()).as(e.toString()).isEqualTo(Refusal.Kind.FORBIDDEN));
	}

	private boolean free(Clinician clinician, LocalDate day, int hour) {
		return availability.slots(clinician.id(), null, day).stream()
			.filter(s -> s.time().equals(LocalTime.of(hour, 0))).findFirst().orElseThrow().available();
	}
}
