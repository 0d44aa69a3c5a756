package io.polyclinic.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

import io.polyclinic.audit.AuditRecord;
import io.polyclinic.audit.AuditTrail;
import io.polyclinic.directory.StaffRegistry;
import io.polyclinic.notify.Cast;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Ref;
import io.polyclinic.platform.Refusal;
import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.support.ApiTest;
import io.polyclinic.support.Clinic;

/**
 * Who may make, change, see and list meeting links, asked of the video module itself (no face): each caller of the
 * matrix, each answer. Staff who reach the appointment make, replace and remove its link; whoever may see the
 * appointment sees its link; staff list links, a centre's staff those of its centre. Every refusal is audited.
 */
class VideoAuthorizationMatrixTests extends ApiTest {

	static final String OK = "ok";
	static final String FORBIDDEN = "FORBIDDEN";

	@Autowired
	Clinic clinic;
	@Autowired
	StaffRegistry staff;
	@Autowired
	AppointmentBook book;
	@Autowired
	MeetingLinks links;
	@Autowired
	AuditTrail trail;
	@Autowired
	VideoConsultations consultations;

	Cast cast;
	Ref appointment;

	@BeforeEach
	void anOnlineAppointment() {
		cast = new Cast(clinic, staff, book);
		appointment = Ref.id(cast.appointment.id());
	}

	@Test
	void staffWhoReachTheAppointmentMakeReplaceAndRemoveItsLink() {
		assertThat(answers(actor -> {
			links.generate(appointment, "Consultation", null, null, actor);
			links.replace(appointment, "https://meet.google.com/abc-defg-hij", actor);
			links.remove(appointment, actor);
			links.ensure(Ref.of(cast.appointment.publicId()), null, actor);
			return OK;
		})).isEqualTo(expect(FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK, OK, OK, FORBIDDEN, OK, OK, FORBIDDEN,
				FORBIDDEN));
		assertThat(trail.of("MEETING_LINK", appointment.toString(), 100, Actor.system()))
			.filteredOn(e -> e.outcome() == AuditRecord.Outcome.DENIED)
			.extracting(AuditTrail.Entry::actorUserId)
			.contains(cast.caller("patient A").userId(), cast.caller("clinician of A").userId());
		assertThat(trail.of("APPOINTMENT", appointment.toString(), 100, Actor.system()))
			.filteredOn(e -> e.outcome() == AuditRecord.Outcome.DENIED)
			.extracting(AuditTrail.Entry::actorUserId)
			.contains(cast.caller("CENTRE_MANAGER of B").userId());
	}

	@Test
	void theLinkIsForWhoeverMaySeeTheAppointment() {
		String url = links.generate(appointment, null, null, null, clinic.admin()).url();

		assertThat(answers(actor -> links.linkOf(appointment, actor).url().equals(url) ? OK : "another link"))
			.isEqualTo(expect(OK, FORBIDDEN, OK, FORBIDDEN, OK, OK, OK, FORBIDDEN, OK, OK, FORBIDDEN, FORBIDDEN));
	}

	@Test
	void theVideoConsultationIsForWhoeverMaySeeTheAppointmentAndHasOneRoom() {
		String room = consultations.of(appointment, clinic.admin()).roomSid();

		assertThat(answers(actor -> consultations.of(appointment, actor).roomSid().equals(room) ? OK : "another room"))
			.isEqualTo(expect(OK, FORBIDDEN, OK, FORBIDDEN, OK, OK, OK, FORBIDDEN, OK, OK, FORBIDDEN, FORBIDDEN));
	}

	@Test
	void staffListLinksAndACentresStaffOnlyThoseOfItsCentre() {
		links.generate(appointment, null, null, null, clinic.admin());
		LocalDate today = LocalDate.now(ZoneOffset.UTC);

		assertThat(answers(actor -> links.createdBetween(today.minusDays(1), today.plusDays(1), null,
				PageRequest.of(0, 100), actor).stream().anyMatch(l -> l.appointmentId() == cast.appointment.id())
						? "listed" : "not listed")).isEqualTo(expect(FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN,
								"listed", "listed", "listed", "not listed", "listed", "listed", FORBIDDEN, FORBIDDEN));
	}

	/** Each caller's answer: what the call returned, or the kind of refusal. */
	private Map<String, String> answers(Function<Actor, String> call) {
		Map<String, String> answers = new LinkedHashMap<>();
		cast.callers.forEach((name, actor) -> {
			String answer;
			try {
				answer = call.apply(actor);
			}
			catch (Refusal e) {
				answer = e.kind().name();
			}
			answers.put(name, answer);
		});
		return answers;
	}

	/** The expected answers in the cast's order. */
	private Map<String, String> expect(String... answers) {
		Map<String, String> expected = new LinkedHashMap<>();
		int i = 0;
		for (String name : cast.callers.keySet()) {
			expected.put(name, answers[i++]);
		}
		assertThat(i).isEqualTo(answers.length);
		return expected;
	}
}
