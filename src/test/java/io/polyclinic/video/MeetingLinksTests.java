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
import io.polyclinic.platform.Refusal;
import io.polyclinic.scheduling.Appointment;
import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.scheduling.BookingRequest;
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
		return book.book(new BookingRequest(patient.id(), clinician.id(), null,
				Clinic.nextWeekday(ZoneId.of("Asia/Kolkata"), day), LocalTime.of(11, 0), SessionType.ONLINE, null, null),
				clinic.admin());
	}

	@Test
	void withoutGoogleSettingsTheInternalRoomsMakeTheLinks() {
		var appointment = appointment(DayOfWeek.MONDAY);

		var link = links.generate(new MeetingRequest(appointment.id(), "Consultation", appointment.startsAt(),
				appointment.endsAt()), clinic.admin());

		assertThat(links.providerName()).isEqualTo("internal");
		assertThat(link.provider()).isEqualTo("internal");
		assertThat(link.url()).matches("http://localhost:8080/video/rooms/[A-Za-z0-9_-]{16}");
		assertThat(link.eventId()).isEqualTo(link.url().substring(link.url().lastIndexOf('/') + 1));
		assertThat(links.forAppointment(appointment.id())).map(MeetingLink::url).contains(link.url());
	}

	@Test
	void generatingAgainReplacesTheLinkAndEveryChangeIsAudited() {
		var appointment = appointment(DayOfWeek.TUESDAY);
		var request = new MeetingRequest(appointment.id(), null, appointment.startsAt(), appointment.endsAt());
		var first = links.generate(request, clinic.admin());

		var second = links.generate(request, clinic.admin());
		var manual = links.replace(appointment.id(), " https://meet.google.com/abc-defg-hij ", clinic.admin());
		links.remove(appointment.id(), clinic.admin());

		assertThat(second.url()).isNotEqualTo(first.url());
		assertThat(manual.url()).isEqualTo("https://meet.google.com/abc-defg-hij");
		assertThat(manual.provider()).isEqualTo("google_meet");
		assertThat(manual.eventId()).isNull();
		assertThat(links.forAppointment(appointment.id())).isEmpty();
		assertThat(trail.of("MEETING_LINK", String.valueOf(appointment.id()), 10))
			.extracting(AuditTrail.Entry::action).containsExactly("DELETE", "UPDATE", "CREATE", "CREATE");
	}

	@Test
	void aLinkSetByHandBecomesTheFirstLinkOfAnAppointmentWithout() {
		var appointment = appointment(DayOfWeek.WEDNESDAY);

		var link = links.replace(appointment.id(), "https://zoom.example.com/j/123", clinic.admin());

		assertThat(link.provider()).isEqualTo("custom");
		assertThat(links.forAppointment(appointment.id())).map(MeetingLink::url).contains("https://zoom.example.com/j/123");
	}

	@Test
	void refusesWhatIsNotAnHttpsLinkAndTimesThatEndBeforeTheyStart() {
		var appointment = appointment(DayOfWeek.THURSDAY);

		for (String bad : new String[] { "http://meet.google.com/abc", "meet.google.com/abc", "https://", "not a url" }) {
			assertThatThrownBy(() -> links.replace(appointment.id(), bad, clinic.admin()))
				.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.fields()).containsKey("url"));
		}
		assertThatThrownBy(() -> links.generate(new MeetingRequest(appointment.id(), null, appointment.endsAt(),
				appointment.startsAt()), clinic.admin()))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.fields()).containsKey("endsAt"));
		assertThatThrownBy(() -> links.remove(appointment.id(), clinic.admin()))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.getMessage()).isEqualTo("Meeting link not found"));
	}

	@Test
	void linksAreFoundByUtcCreationDayBothEndsIncludedAndByProvider() {
		var appointment = appointment(DayOfWeek.FRIDAY);
		var link = links.replace(appointment.id(), "https://video.example.org/room/" + appointment.id(), clinic.admin());
		LocalDate created = link.createdAt().atOffset(ZoneOffset.UTC).toLocalDate();
		var page = PageRequest.of(0, 100);

		assertThat(links.createdBetween(created, created, "custom", page)).extracting(MeetingLink::appointmentId)
			.contains(appointment.id());
		assertThat(links.createdBetween(created.minusDays(1), created.minusDays(1), "custom", page))
			.extracting(MeetingLink::appointmentId).doesNotContain(appointment.id());
		assertThat(links.createdBetween(created.plusDays(1), null, null, page)).extracting(MeetingLink::appointmentId)
			.doesNotContain(appointment.id());
		assertThat(links.createdBetween(null, created, "internal", page)).extracting(MeetingLink::appointmentId)
			.doesNotContain(appointment.id());
		assertThatThrownBy(() -> links.createdBetween(created, created.minusDays(1), null, page))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.fields()).containsKey("to"));
		assertThatThrownBy(() -> links.createdBetween(null, null, "zoom", page))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.fields()).containsKey("provider"));
	}
}
