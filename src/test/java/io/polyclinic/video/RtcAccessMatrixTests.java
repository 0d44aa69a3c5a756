package io.polyclinic.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

import io.polyclinic.audit.AuditRecord;
import io.polyclinic.audit.AuditTrail;
import io.polyclinic.directory.People;
import io.polyclinic.directory.StaffRegistry;
import io.polyclinic.notify.Cast;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Ref;
import io.polyclinic.platform.Refusal;
import io.polyclinic.platform.realtime.LiveListeners;
import io.polyclinic.platform.realtime.LiveUpdate;
import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.scheduling.AppointmentRequest;
import io.polyclinic.scheduling.SessionType;
import io.polyclinic.support.ApiTest;
import io.polyclinic.support.Clinic;

/**
 * Who may open, read, start, end, join and signal in a WebRTC room, asked of the video module itself (no face): each
 * caller of the matrix, each answer. The appointment's patient and clinician act in its room (the clinician alone
 * starts it and changes it); staff who reach the appointment read it; nobody else learns anything. A signal reaches
 * the other participant only. Every refusal is audited.
 */
class RtcAccessMatrixTests extends ApiTest {

	static final String OK = "ok";
	static final String FORBIDDEN = "FORBIDDEN";
	static final String CONFLICT = "CONFLICT";

	@Autowired
	Clinic clinic;
	@Autowired
	StaffRegistry staff;
	@Autowired
	AppointmentBook book;
	@Autowired
	RtcRooms rooms;
	@Autowired
	RtcSignaling signaling;
	@Autowired
	VideoConsultations consultations;
	@Autowired
	LiveListeners live;
	@Autowired
	AuditTrail trail;
	@Autowired
	MeetingRooms meetingRooms;
	@Autowired
	People people;
	@Autowired
	MeetingLinks links;

	Cast cast;
	Actor patient;
	Actor clinician;

	@BeforeEach
	void anOnlineAppointment() {
		cast = new Cast(clinic, staff, book);
		patient = cast.caller("patient A");
		clinician = cast.caller("clinician of A");
	}

	@Test
	void theAppointmentsPartiesOpenItsRoomAndBothGetTheSameOne() {
		Ref appointment = Ref.id(cast.appointment.id());
		Map<String, String> rooms = new LinkedHashMap<>();
		assertThat(answers(actor -> {
			rooms.put(actor.toString(), this.rooms.forAppointment(appointment, actor).room().roomId());
			return OK;
		})).isEqualTo(expect(OK, FORBIDDEN, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN,
				FORBIDDEN, FORBIDDEN, FORBIDDEN));
		assertThat(rooms.values()).hasSize(2).containsOnly(rooms.values().iterator().next());
		// the room sos shows for the appointment is this very room
		assertThat(consultations.of(appointment, patient).roomSid()).isEqualTo(rooms.values().iterator().next());
		assertThat(this.rooms.forAppointment(appointment, clinician).created()).isFalse();
		assertThat(trail.of("RTC_ROOM", String.valueOf(cast.appointment.id()), 100, Actor.system()))
			.filteredOn(e -> e.outcome() == AuditRecord.Outcome.DENIED)
			.extracting(AuditTrail.Entry::actorUserId)
			.contains(cast.caller("patient B").userId(), cast.caller("ADMIN").userId());
	}

	@Test
	void aRoomIsReadByItsPartiesAndByStaffWhoReachTheAppointment() {
		RtcRoom room = rooms.forAppointment(Ref.id(cast.appointment.id()), patient).room();
		signaling.send(room.roomId(), "offer", "{\"type\":\"offer\",\"sdp\":\"v=0\"}", patient);

		assertThat(answers(actor -> {
			assertThat(rooms.get(room.id(), actor).roomId()).isEqualTo(room.roomId());
			assertThat(rooms.status(room.roomId(), actor).room().id()).isEqualTo(room.id());
			assertThat(signaling.ofRoom(room.roomId(), null, actor)).extracting(RtcSignal::signalType)
				.containsExactly("offer");
			return OK;
		})).isEqualTo(expect(OK, FORBIDDEN, OK, FORBIDDEN, OK, OK, OK, FORBIDDEN, OK, OK, FORBIDDEN, FORBIDDEN));
	}

	@Test
	void onlyItsClinicianStartsAndChangesTheRoom() {
		RtcRoom room = rooms.forAppointment(Ref.id(cast.appointment.id()), patient).room();

		assertThat(answers(actor -> {
			rooms.change(room.id(), new RtcRoomSettings(3, true, null, null), actor);
			return rooms.start(room.roomId(), actor).status().name();
		})).isEqualTo(expect(FORBIDDEN, FORBIDDEN, "ACTIVE", FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN,
				FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN));
		RtcRoom started = rooms.get(room.id(), patient);
		assertThat(started.maxParticipants()).isEqualTo(3);
		assertThat(started.recordingEnabled()).isTrue();
		assertThat(started.startedAt()).isNotNull();
		assertThatThrownBy(() -> rooms.start(room.roomId(), clinician)).isInstanceOfSatisfying(Refusal.class,
				r -> assertThat(r.code()).isEqualTo("ROOM_NOT_STARTABLE"));
	}

	@Test
	void eitherPartyEndsTheRoomOnce() {
		RtcRoom room = rooms.forAppointment(Ref.id(cast.appointment.id()), patient).room();

		assertThat(answers(actor -> rooms.end(room.roomId(), actor).status().name())).isEqualTo(expect("ENDED",
				FORBIDDEN, CONFLICT, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN,
				FORBIDDEN, FORBIDDEN));
		assertThatThrownBy(() -> signaling.send(room.roomId(), "offer", "{\"sdp\":\"x\"}", clinician))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.code()).isEqualTo("ROOM_CLOSED"));
		assertThatThrownBy(() -> signaling.admit(room.roomId(), patient)).isInstanceOfSatisfying(Refusal.class,
				r -> assertThat(r.code()).isEqualTo("ROOM_CLOSED"));
	}

	@Test
	void theParticipantsOfAnActiveRoomTakeJoinTokensAndSeeOnlyTheirOwn() {
		RtcRoom room = rooms.forAppointment(Ref.id(cast.appointment.id()), patient).room();
		assertThatThrownBy(() -> rooms.join(room.roomId(), patient)).isInstanceOfSatisfying(Refusal.class,
				r -> assertThat(r.code()).isEqualTo("ROOM_NOT_ACTIVE"));
		rooms.start(room.roomId(), clinician);

		assertThat(answers(actor -> {
			RtcJoinToken token = rooms.join(room.roomId(), actor);
			assertThat(token.expiresAt()).isBefore(Instant.now().plus(RtcRooms.TOKEN_LIFE).plusSeconds(5));
			RtcJoinToken other = rooms.issueToken(room.id(), null, actor);
			assertThat(rooms.tokens(null, false, true, PageRequest.of(0, 10), actor).getContent())
				.extracting(RtcJoinToken::token).containsExactly(other.token(), token.token());
			return OK;
		})).isEqualTo(expect(OK, FORBIDDEN, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN,
				FORBIDDEN, FORBIDDEN, FORBIDDEN));
		assertThat(rooms.tokens(null, false, true, PageRequest.of(0, 10), cast.caller("ADMIN")).getContent()).isEmpty();
		// a token is signed: its form alone says nothing, and a changed one redeems as nothing
		String token = rooms.issueToken(room.id(), null, patient).token();
		assertThat(RtcSignaling.isJoinToken(token)).isTrue();
		assertThatThrownBy(() -> signaling.redeem(token.substring(0, token.length() - 2) + "xx", room.roomId()))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.UNAUTHENTICATED));
		// a join link names its room by its token alone (HcpSignalingTests, with a signed-in holder); a changed one none
		assertThatThrownBy(() -> signaling.roomOf(token.substring(0, token.length() - 2) + "xx"))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.code()).isEqualTo("INVALID_TOKEN"));
	}

	@Test
	void onlyParticipantsSignalAndTheOtherParticipantAloneHearsIt() {
		RtcRoom room = rooms.forAppointment(Ref.id(cast.appointment.id()), patient).room();
		List<LiveUpdate> toClinician = new CopyOnWriteArrayList<>();
		List<LiveUpdate> toPatient = new CopyOnWriteArrayList<>();
		try (var c = live.listen(clinician.userId(), toClinician::add);
				var p = live.listen(patient.userId(), toPatient::add)) {
			assertThat(answers(actor -> {
				signaling.send(room.roomId(), "ice_candidate", "{\"candidate\":\"candidate:1\"}", actor);
				return OK;
			})).isEqualTo(expect(OK, FORBIDDEN, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN,
					FORBIDDEN, FORBIDDEN, FORBIDDEN));
		}
		List<RtcSignal> sent = signaling.ofRoom(room.roomId(), null, patient);
		assertThat(sent).extracting(RtcSignal::senderUserId).containsExactly(patient.userId(), clinician.userId());
		assertThat(toClinician).extracting(LiveUpdate::subjectId).containsExactly(sent.get(0).publicId());
		assertThat(toPatient).extracting(LiveUpdate::subjectId).containsExactly(sent.get(1).publicId());
		assertThat(toPatient).extracting(LiveUpdate::topic).containsOnly(RtcSignaling.LIVE_TOPIC);
		assertThat(answers(actor -> signaling.get(sent.get(0).publicId(), actor).signalType())).isEqualTo(expect(
				"ice_candidate", FORBIDDEN, "ice_candidate", FORBIDDEN, "ice_candidate", "ice_candidate",
				"ice_candidate", FORBIDDEN, "ice_candidate", "ice_candidate", FORBIDDEN, FORBIDDEN));
	}

	@Test
	void onlyTheTwoPartiesConnectToTheRoomsSocket() {
		RtcRoom room = rooms.forAppointment(Ref.id(cast.appointment.id()), patient).room();

		assertThat(answers(actor -> signaling.admit(room.roomId(), actor).roomId().equals(room.roomId()) ? OK
				: "another room")).isEqualTo(expect(OK, FORBIDDEN, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN,
						FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN));
		assertThat(trail.of("RTC_ROOM", String.valueOf(room.id()), 100, Actor.system()))
			.filteredOn(e -> e.outcome() == AuditRecord.Outcome.DENIED && e.action().equals("CONNECT"))
			.extracting(AuditTrail.Entry::actorUserId)
			.contains(cast.caller("patient B").userId(), cast.caller("ADMIN").userId());
	}

	@Test
	void listsHoldTheRoomsAndSignalsTheCallerReaches() {
		RtcRoom room = rooms.forAppointment(Ref.id(cast.appointment.id()), patient).room();
		signaling.send(room.roomId(), "answer", "{\"sdp\":\"v=0\"}", clinician);
		var any = new RtcRoomQuery(null, null, null, RtcRoomQuery.Order.CREATED_DESC);

		assertThat(answers(actor -> {
			boolean roomListed = rooms.list(any, PageRequest.of(0, 100), actor).stream()
				.anyMatch(r -> r.id() == room.id());
			boolean signalListed = signaling.list(new RtcSignalQuery(room.id(), null, null, false),
					PageRequest.of(0, 100), actor).getTotalElements() == 1;
			assertThat(signalListed).isEqualTo(roomListed);
			return roomListed ? "listed" : "not listed";
		})).isEqualTo(expect("listed", "not listed", "listed", "not listed", "listed", "listed", "listed",
				"not listed", "listed", "listed", FORBIDDEN, FORBIDDEN));
	}

	@Test
	void aRoomIsForAnOpenOnlineAppointmentAndExpiresAtItsTime() throws InterruptedException {
		var inPerson = book.book(new AppointmentRequest(new AppointmentRequest.KnownPatient(Ref.id(cast.patientA.id())),
				Ref.id(cast.clinicianA.id()), cast.centreA.id(), new AppointmentRequest.GridSlot(
						Clinic.nextWeekday(ZoneId.of("Asia/Kolkata"), DayOfWeek.FRIDAY), LocalTime.of(12, 0)),
				SessionType.IN_PERSON, null, null), clinic.admin()).appointment();
		assertThatThrownBy(() -> rooms.open(inPerson.id(), RtcRoomSettings.DEFAULTS, patient))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.fields()).containsKey("appointmentId"));
		assertThatThrownBy(() -> rooms.open(cast.appointment.id(), new RtcRoomSettings(1, null, null, null), patient))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.fields()).containsKey("maxParticipants"));

		RtcRoom room = rooms.open(cast.appointment.id(),
				new RtcRoomSettings(null, null, Instant.now().plusMillis(1500), null), clinician);
		assertThat(room.status()).isEqualTo(RtcRoom.Status.CREATED);
		assertThatThrownBy(() -> rooms.open(cast.appointment.id(), RtcRoomSettings.DEFAULTS, patient))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.code()).isEqualTo("ALREADY_EXISTS"));
		Thread.sleep(1600);
		assertThat(rooms.find(room.roomId(), patient).status()).isEqualTo(RtcRoom.Status.EXPIRED);
		assertThat(rooms.list(new RtcRoomQuery(RtcRoom.Status.EXPIRED, null, patient.userId(),
				RtcRoomQuery.Order.CREATED_DESC), PageRequest.of(0, 10), patient).getContent())
			.extracting(RtcRoom::id).containsExactly(room.id());
		assertThatThrownBy(() -> rooms.start(room.roomId(), clinician)).isInstanceOfSatisfying(Refusal.class,
				r -> assertThat(r.code()).isEqualTo("ROOM_NOT_STARTABLE"));
	}

	@Test
	void theAppointmentsPartiesMeetInOneRoomWhoseLinkBecomesTheAppointmentsMeetingLink() {
		Ref appointment = Ref.id(cast.appointment.id());
		// staff had made a link elsewhere before: the parties now meet in the room
		String before = links.generate(appointment, "Consultation", null, null, clinic.admin()).url();
		Map<String, MeetingRooms.Invitation> opened = new LinkedHashMap<>();
		assertThat(answers(actor -> {
			opened.put(actor.toString(), meetingRooms.open(appointment, actor));
			return OK;
		})).isEqualTo(expect(OK, FORBIDDEN, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN,
				FORBIDDEN, FORBIDDEN, FORBIDDEN));
		assertThat(opened.values()).extracting(i -> i.room().roomId()).hasSize(2).containsOnly(
				rooms.forAppointment(appointment, patient).room().roomId());
		assertThat(opened.values()).extracting(MeetingRooms.Invitation::created).containsExactly(true, false);
		MeetingRooms.Invitation invitation = opened.values().iterator().next();
		assertThat(invitation.link()).endsWith("/clinico/room/" + invitation.room().roomId())
			.isEqualTo(meetingRooms.linkOf(invitation.room())).isNotEqualTo(before);
		MeetingLink link = links.linkOf(appointment, clinic.admin());
		assertThat(link.url()).isEqualTo(invitation.link());
		assertThat(link.provider()).isEqualTo("internal");
		assertThat(link.eventId()).isEqualTo(invitation.room().roomId());
		assertThat(trail.of("RTC_ROOM", String.valueOf(cast.appointment.id()), 100, Actor.system()))
			.filteredOn(e -> e.outcome() == AuditRecord.Outcome.DENIED)
			.extracting(AuditTrail.Entry::actorUserId)
			.contains(cast.caller("patient B").userId(), cast.caller("other clinician").userId(),
					cast.caller("ADMIN").userId());
	}

	@Test
	void bothPartiesOpeningAtOnceGetOneRoomAndOneLink() throws Exception {
		Ref appointment = Ref.id(cast.appointment.id());
		int callers = 6;
		CyclicBarrier together = new CyclicBarrier(callers);
		ExecutorService pool = Executors.newFixedThreadPool(callers);
		try {
			List<Future<MeetingRooms.Invitation>> calls = new java.util.ArrayList<>();
			for (int i = 0; i < callers; i++) {
				Actor actor = i % 2 == 0 ? patient : clinician;
				calls.add(pool.submit(() -> {
					together.await(10, TimeUnit.SECONDS);
					return meetingRooms.open(appointment, actor);
				}));
			}
			List<MeetingRooms.Invitation> answers = new java.util.ArrayList<>();
			for (var call : calls) {
				answers.add(call.get(30, TimeUnit.SECONDS));
			}
			assertThat(answers).extracting(MeetingRooms.Invitation::link).containsOnly(answers.get(0).link());
			assertThat(answers).filteredOn(MeetingRooms.Invitation::created).hasSize(1);
			assertThat(links.linkOf(appointment, patient).url()).isEqualTo(answers.get(0).link());
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void theAppointmentsPartiesAloneLearnWhoTheyAreInTheRoom() {
		RtcRoom room = meetingRooms.open(Ref.id(cast.appointment.id()), patient).room();
		assertThat(answers(actor -> {
			MeetingRooms.Attendance attendance = meetingRooms.attendance(room.roomId(), actor);
			assertThat(attendance.mayJoin()).isTrue();
			assertThat(attendance.name()).isEqualTo(
					people.byIds(List.of(actor.userId())).get(actor.userId()).fullName()).isNotBlank();
			return attendance.side().name();
		})).isEqualTo(expect("PATIENT", FORBIDDEN, "CLINICIAN", FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN,
				FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN));
		assertThatThrownBy(() -> meetingRooms.attendance("RM-no-such-room", patient))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.NOT_FOUND));
		assertThat(trail.of("RTC_ROOM", String.valueOf(room.id()), 100, Actor.system()))
			.filteredOn(e -> e.outcome() == AuditRecord.Outcome.DENIED && e.action().equals("READ"))
			.extracting(AuditTrail.Entry::actorUserId)
			.contains(cast.caller("patient B").userId(), cast.caller("ADMIN").userId());
	}

	@Test
	void aCancelledAppointmentHasNoRoomToOpenAndItsRoomIsNoLongerJoined() {
		Ref appointment = Ref.id(cast.appointment.id());
		RtcRoom room = meetingRooms.open(appointment, patient).room();
		book.cancel(appointment, "Feeling better", clinic.admin());
		assertThat(answers(actor -> meetingRooms.open(appointment, actor).room().roomId())).isEqualTo(expect(CONFLICT,
				FORBIDDEN, CONFLICT, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN,
				FORBIDDEN, FORBIDDEN));
		assertThatThrownBy(() -> meetingRooms.open(appointment, clinician)).isInstanceOfSatisfying(Refusal.class,
				r -> assertThat(r.code()).isEqualTo("APPOINTMENT_CANCELLED"));
		assertThat(meetingRooms.attendance(room.roomId(), patient).mayJoin()).isFalse();
		assertThatThrownBy(() -> meetingRooms.open(Ref.id(Long.MAX_VALUE), patient))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.NOT_FOUND));
	}

	@Test
	void aSignalMeantForOneConnectionIsForItAloneAndTheRoomKnowsWhoIsConnected() {
		RtcRoom room = meetingRooms.open(Ref.id(cast.appointment.id()), patient).room();
		String patientSocket = "p-" + java.util.UUID.randomUUID();
		String doctorSocket = "d-" + java.util.UUID.randomUUID();
		signaling.connected(patientSocket, room, patient);
		signaling.connected(doctorSocket, room, clinician);
		assertThat(answers(actor -> signaling.connections(room, actor).stream().map(RtcConnection::connectionId)
			.toList().toString())).isEqualTo(expect(List.of(patientSocket, doctorSocket).toString(), FORBIDDEN,
					List.of(patientSocket, doctorSocket).toString(), FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN,
					FORBIDDEN, FORBIDDEN,
					FORBIDDEN, FORBIDDEN, FORBIDDEN));
		RtcSignal offer = signaling.send(room.roomId(), "offer", "{\"type\":\"offer\",\"sdp\":\"v=0\"}",
				doctorSocket, patientSocket, clinician);
		assertThat(offer.senderConnection()).isEqualTo(doctorSocket);
		assertThat(offer.isFor(patientSocket)).isTrue();
		assertThat(offer.isFor("patient-second-tab")).isFalse();
		assertThat(offer.isFor(doctorSocket)).isFalse();
		assertThatThrownBy(() -> signaling.send(room.roomId(), "answer", "{\"sdp\":\"v=0\"}", patientSocket,
				doctorSocket, cast.caller("patient B"))).isInstanceOfSatisfying(Refusal.class,
						r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.FORBIDDEN));
		signaling.disconnected(doctorSocket, room, clinician);
		assertThat(signaling.connections(room, patient)).extracting(RtcConnection::connectionId)
			.containsExactly(patientSocket);
		assertThat(signaling.ofRoom(room.roomId(), null, patient)).extracting(RtcSignal::signalType,
				RtcSignal::senderConnection).containsExactly(org.assertj.core.groups.Tuple.tuple("join",
						patientSocket), org.assertj.core.groups.Tuple.tuple("join", doctorSocket),
						org.assertj.core.groups.Tuple.tuple("offer", doctorSocket),
						org.assertj.core.groups.Tuple.tuple("leave", doctorSocket));
		signaling.disconnected(patientSocket, room, patient);
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
