package io.polyclinic.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

import io.polyclinic.audit.AuditTrail;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Ref;
import io.polyclinic.platform.Refusal;
import io.polyclinic.scheduling.Appointment;
import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.scheduling.AppointmentRequest;
import io.polyclinic.scheduling.SessionType;
import io.polyclinic.support.ApiTest;
import io.polyclinic.support.Clinic;

/** Meeting links in the running application, which has no Google settings: the internal rooms serve. */
class MeetingLinksTests extends ApiTest {

	@Autowired
	Clinic clinic;
	@Autowired
	AppointmentBook book;
	@Autowired
	MeetingLinks links;
	@Autowired
	AuditTrail trail;

	Appointment appointment(DayOfWeek day) {
		var clinician = clinic.clinician(null, "Asia/Kolkata");
		var patient = clinic.patient();
		return book.book(new AppointmentRequest(new AppointmentRequest.KnownPatient(Ref.id(patient.id())),
				Ref.id(clinician.id()), null,
				new AppointmentRequest.GridSlot(Clinic.nextWeekday(ZoneId.of("Asia/Kolkata"), day), LocalTime.of(11, 0)),
				SessionType.ONLINE, null, null), clinic.admin()).appointment();
	}

	@Test
	void withoutGoogleSettingsTheInternalRoomsMakeTheLinks() {
		var appointment = appointment(DayOfWeek.MONDAY);

		var link = links.generate(Ref.id(appointment.id()), "Consultation", null, null, clinic.admin());

		assertThat(links.providerName()).isEqualTo("internal");
		assertThat(link.provider()).isEqualTo("internal");
		assertThat(link.url()).matches("http://localhost:8080/video/rooms/[A-Za-z0-9_-]{16}");
		assertThat(link.eventId()).isEqualTo(link.url().substring(link.url().lastIndexOf('/') + 1));
		assertThat(link.startsAt()).isEqualTo(appointment.startsAt());
		assertThat(link.endsAt()).isEqualTo(appointment.endsAt());
		assertThat(links.linkOf(Ref.of(appointment.publicId()), clinic.admin()).url()).isEqualTo(link.url());
	}

	@Test
	void generatingAgainReplacesTheLinkAndEveryChangeIsAudited() {
		var appointment = appointment(DayOfWeek.TUESDAY);
		Ref ref = Ref.id(appointment.id());
		var first = links.generate(ref, null, null, null, clinic.admin());

		var second = links.generate(ref, null, null, null, clinic.admin());
		var manual = links.replace(ref, " https://meet.google.com/abc-defg-hij ", clinic.admin());
		links.remove(ref, clinic.admin());

		assertThat(second.url()).isNotEqualTo(first.url());
		assertThat(manual.url()).isEqualTo("https://meet.google.com/abc-defg-hij");
		assertThat(manual.provider()).isEqualTo("google_meet");
		assertThat(manual.eventId()).isNull();
		assertThatThrownBy(() -> links.linkOf(ref, clinic.admin()))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.getMessage()).isEqualTo("Meeting link not found"));
		assertThat(trail.of("MEETING_LINK", String.valueOf(appointment.id()), 10, Actor.system()))
			.extracting(AuditTrail.Entry::action).containsExactly("DELETE", "UPDATE", "CREATE", "CREATE");
	}

	@Test
	void aLinkSetByHandBecomesTheFirstLinkOfAnAppointmentWithout() {
		var appointment = appointment(DayOfWeek.WEDNESDAY);

		var link = links.replace(Ref.id(appointment.id()), "https://zoom.example.com/j/123", clinic.admin());

		assertThat(link.provider()).isEqualTo("custom");
		assertThat(links.linkOf(Ref.id(appointment.id()), clinic.admin()).url()).isEqualTo("https://zoom.example.com/j/123");
	}

	@Test
	void refusesWhatIsNotAnHttpsLinkAndTimesThatEndBeforeTheyStart() {
		var appointment = appointment(DayOfWeek.THURSDAY);

		for (String bad : new String[] { "http://meet.google.com/abc", "meet.google.com/abc", "https://", "not a url" }) {
			assertThatThrownBy(() -> links.replace(Ref.id(appointment.id()), bad, clinic.admin()))
				.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.fields()).containsKey("url"));
		}
		assertThatThrownBy(() -> links.generate(Ref.id(appointment.id()), null, appointment.endsAt(),
				appointment.startsAt(), clinic.admin()))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.fields()).containsKey("endsAt"));
		assertThatThrownBy(() -> links.remove(Ref.id(appointment.id()), clinic.admin()))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.getMessage()).isEqualTo("Meeting link not found"));
	}

	@Test
	void linksAreFoundByUtcCreationDayBothEndsIncludedAndByProvider() {
		var appointment = appointment(DayOfWeek.FRIDAY);
		var link = links.replace(Ref.id(appointment.id()), "https://video.example.org/room/" + appointment.id(),
				clinic.admin());
		LocalDate created = link.createdAt().atOffset(ZoneOffset.UTC).toLocalDate();
		var page = PageRequest.of(0, 100);

		var admin = clinic.admin();
		assertThat(links.createdBetween(created, created, "custom", page, admin))
			.extracting(MeetingLink::appointmentId).contains(appointment.id());
		assertThat(links.createdBetween(created.minusDays(1), created.minusDays(1), "custom", page, admin))
			.extracting(MeetingLink::appointmentId).doesNotContain(appointment.id());
		assertThat(links.createdBetween(created.plusDays(1), null, null, page, admin))
			.extracting(MeetingLink::appointmentId).doesNotContain(appointment.id());
		assertThat(links.createdBetween(null, created, "internal", page, admin))
			.extracting(MeetingLink::appointmentId).doesNotContain(appointment.id());
		assertThat(links.createdBetween(null, null, null, PageRequest.of(0, 100_000), admin).getSize())
			.isEqualTo(MeetingLinks.MAX_PAGE);
		assertThatThrownBy(() -> links.createdBetween(created, created.minusDays(1), null, page, clinic.admin()))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.fields()).containsKey("to"));
		assertThatThrownBy(() -> links.createdBetween(null, null, "zoom", page, clinic.admin()))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.fields()).containsKey("provider"));
	}
}
