package io.polyclinic.faces.hcp;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.polyclinic.directory.Patient;
import io.polyclinic.directory.PatientRegistry;
import io.polyclinic.directory.People;
import io.polyclinic.faces.DrfPage;
import io.polyclinic.faces.Ids;
import io.polyclinic.faces.LocalFormats;
import io.polyclinic.faces.Ordering;
import io.polyclinic.faces.PageQuery;
import io.polyclinic.identity.Account;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Ref;
import io.polyclinic.platform.Refusal;
import io.polyclinic.video.RtcJoinToken;
import io.polyclinic.video.RtcRoom;
import io.polyclinic.video.RtcRoomQuery;
import io.polyclinic.video.RtcRoomSettings;
import io.polyclinic.video.RtcRoomStatus;
import io.polyclinic.video.RtcRooms;
import io.polyclinic.video.RtcSignal;
import io.polyclinic.video.RtcSignalQuery;
import io.polyclinic.video.RtcSignaling;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * WebRTC rooms, signals and join tokens (the video module's), as the original's {@code rtc} app renders them. A
 * room's {@code appointment} is a summary (id, patient, doctor, type, status, scheduled_at); room ids in paths are the
 * rooms' {@code room_id} strings except {@code /rooms/{id}/}. A room's state refused (start twice, join before start)
 * is a 400, as the original answered.
 */
@RestController
@RequestMapping("/api/rtc")
class HcpRtcController {

	private static final String REQUIRED = "This field is required.";
	private static final Map<String, RtcRoomQuery.Order> ROOM_ORDERS = Map.of("created_at",
			RtcRoomQuery.Order.CREATED_ASC, "started_at", RtcRoomQuery.Order.STARTED_ASC);

	private final RtcRooms rooms;
	private final RtcSignaling signaling;
	private final People people;
	private final PatientRegistry patients;
	private final HcpUsers users;
	private final JsonMapper json;

	HcpRtcController(RtcRooms rooms, RtcSignaling signaling, People people, PatientRegistry patients, HcpUsers users,
			JsonMapper json) {
		this.rooms = rooms;
		this.signaling = signaling;
		this.people = people;
		this.patients = patients;
		this.users = users;
		this.json = json;
	}

	record NewRoom(@NotNull(message = REQUIRED) Long appointmentId, @Nullable Integer maxParticipants,
			@Nullable Boolean recordingEnabled, @Nullable String expiresAt) {
	}

	record RoomChange(@Nullable String status, @Nullable Integer maxParticipants, @Nullable Boolean recordingEnabled,
			@Nullable String expiresAt) {
	}

	record NewSignal(@NotNull(message = REQUIRED) Long room, @NotBlank(message = REQUIRED) String signalType,
			@Nullable JsonNode payload) {
	}

	record NewJoinToken(@NotNull(message = REQUIRED) Long room, @Nullable String expiresAt) {
	}

	@GetMapping("/rooms")
	HcpReply<DrfPage<Map<String, Object>>> rooms(@AuthenticationPrincipal Actor actor, PageQuery page,
			@RequestParam(required = false) @Nullable String status,
			@RequestParam(name = "appointment__doctor", required = false) @Nullable String doctor,
			@RequestParam(name = "appointment__patient", required = false) @Nullable String patient,
			@RequestParam(required = false) @Nullable String ordering) {
		Ordering<RtcRoomQuery.Order> order = Ordering.parse("ordering", ordering, ROOM_ORDERS,
				new Ordering<>(RtcRoomQuery.Order.CREATED_ASC, true));
		RtcRoomQuery.Order sort = switch (order.key()) {
			case CREATED_ASC, CREATED_DESC -> order.descending() ? RtcRoomQuery.Order.CREATED_DESC
					: RtcRoomQuery.Order.CREATED_ASC;
			case STARTED_ASC, STARTED_DESC -> order.descending() ? RtcRoomQuery.Order.STARTED_DESC
					: RtcRoomQuery.Order.STARTED_ASC;
		};
		var found = rooms.list(new RtcRoomQuery(roomStatus("status", status),
				doctor == null || doctor.isBlank() ? null : Ids.number("appointment__doctor", doctor),
				patient == null || patient.isBlank() ? null : Ids.number("appointment__patient", patient), sort),
				page.pageable(), actor);
		Renderer render = renderer(found.getContent());
		return HcpReply.ok(DrfPage.of(found, page, "page", render::room), "Rooms retrieved successfully");
	}

	@PostMapping("/rooms")
	@ResponseStatus(HttpStatus.CREATED)
	HcpReply<Map<String, Object>> open(@AuthenticationPrincipal Actor actor, @Valid @RequestBody NewRoom body) {
		RtcRoom room = state(() -> rooms.open(body.appointmentId(), new RtcRoomSettings(body.maxParticipants(),
				body.recordingEnabled(), LocalFormats.optionalInstant("expiresAt", body.expiresAt()), null), actor));
		return HcpReply.ok(renderer(List.of(room)).room(room), "Room created successfully");
	}

	@GetMapping("/rooms/{id:\\d+}")
	HcpReply<Map<String, Object>> room(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
		RtcRoom room = rooms.get(Ids.number("id", id), actor);
		return HcpReply.ok(renderer(List.of(room)).room(room), "Room retrieved successfully");
	}

	@PutMapping("/rooms/{id:\\d+}")
	HcpReply<Map<String, Object>> change(@AuthenticationPrincipal Actor actor, @PathVariable String id,
			@Valid @RequestBody RoomChange body) {
		RtcRoom room = state(() -> rooms.change(Ids.number("id", id), new RtcRoomSettings(body.maxParticipants(),
				body.recordingEnabled(), LocalFormats.optionalInstant("expiresAt", body.expiresAt()),
				roomStatus("status", body.status())), actor));
		return HcpReply.ok(renderer(List.of(room)).room(room), "Room updated successfully");
	}

	/** The same room for both parties, however often they ask. */
	@PostMapping("/rooms/appointment/{appointmentId}")
	HcpReply<Map<String, Object>> forAppointment(@AuthenticationPrincipal Actor actor,
			@PathVariable String appointmentId) {
		var opened = rooms.forAppointment(Ref.id(Ids.number("appointment_id", appointmentId)), actor);
		return HcpReply.ok(renderer(List.of(opened.room())).room(opened.room()),
				opened.created() ? "Room created successfully" : "Room already exists for this appointment");
	}

	@PostMapping("/rooms/{roomId}/join")
	HcpReply<Map<String, Object>> join(@AuthenticationPrincipal Actor actor, @PathVariable String roomId) {
		RtcJoinToken token = state(() -> rooms.join(roomId, actor));
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("join_token", token.token());
		data.put("expires_at", token.expiresAt());
		data.put("room_id", token.roomId());
		return HcpReply.ok(data, "Join token generated successfully");
	}

	@PostMapping("/rooms/{roomId}/start")
	HcpReply<Map<String, Object>> start(@AuthenticationPrincipal Actor actor, @PathVariable String roomId) {
		RtcRoom room = state(() -> rooms.start(roomId, actor));
		return HcpReply.ok(renderer(List.of(room)).room(room), "Room started successfully");
	}

	@PostMapping("/rooms/{roomId}/end")
	HcpReply<Map<String, Object>> end(@AuthenticationPrincipal Actor actor, @PathVariable String roomId) {
		RtcRoom room = state(() -> rooms.end(roomId, actor));
		return HcpReply.ok(renderer(List.of(room)).room(room), "Room ended successfully");
	}

	/** The original's status fields, and the two participants with whether each is connected now. */
	@GetMapping("/rooms/{roomId}/status")
	HcpReply<Map<String, Object>> status(@AuthenticationPrincipal Actor actor, @PathVariable String roomId) {
		RtcRoomStatus status = rooms.status(roomId, actor);
		RtcRoom room = status.room();
		Renderer render = renderer(List.of(room));
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("room_id", room.roomId());
		data.put("status", lower(room.status()));
		data.put("created_at", room.createdAt());
		data.put("started_at", room.startedAt());
		data.put("ended_at", room.endedAt());
		data.put("expires_at", room.expiresAt());
		data.put("max_participants", room.maxParticipants());
		data.put("recording_enabled", room.recordingEnabled());
		List<Map<String, Object>> participants = new ArrayList<>();
		participants.add(participant(render.patient(room), "patient", status.presentUserIds().contains(
				room.patientUserId())));
		participants.add(participant(render.user(room.clinicianUserId()), "doctor", status.presentUserIds().contains(
				room.clinicianUserId())));
		data.put("participants", participants);
		data.put("participants_present", status.presentUserIds().size());
		return HcpReply.ok(data, "Room status retrieved successfully");
	}

	/** The room's signals in the order sent, at most 500 at a time; {@code after} a signal's id for the next. */
	@GetMapping("/rooms/{roomId}/signals")
	HcpReply<Map<String, Object>> roomSignals(@AuthenticationPrincipal Actor actor, @PathVariable String roomId,
			@RequestParam(required = false) @Nullable String after) {
		List<RtcSignal> found = signaling.ofRoom(roomId, after == null || after.isBlank() ? null
				: Ids.number("after", after), actor);
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("room_id", roomId);
		data.put("signals", found.stream().map(this::signal).toList());
		return HcpReply.ok(data, "Signals retrieved successfully");
	}

	@GetMapping("/signals")
	HcpReply<DrfPage<Map<String, Object>>> signals(@AuthenticationPrincipal Actor actor, PageQuery page,
			@RequestParam(required = false) @Nullable String room,
			@RequestParam(name = "signal_type", required = false) @Nullable String signalType,
			@RequestParam(required = false) @Nullable String sender,
			@RequestParam(required = false) @Nullable String ordering) {
		boolean newestFirst = Ordering.parse("ordering", ordering, Map.of("created_at", "created_at"),
				new Ordering<>("created_at", false)).descending();
		var found = signaling.list(new RtcSignalQuery(room == null || room.isBlank() ? null : Ids.number("room", room),
				signalType == null || signalType.isBlank() ? null : signalType.trim(),
				sender == null || sender.isBlank() ? null : Ids.number("sender", sender), newestFirst), page.pageable(),
				actor);
		return HcpReply.ok(DrfPage.of(found, page, "page", this::signal), "Signals retrieved successfully");
	}

	/** Stored, then relayed to the room's other participant over the signaling socket. */
	@PostMapping("/signals")
	@ResponseStatus(HttpStatus.CREATED)
	HcpReply<Map<String, Object>> send(@AuthenticationPrincipal Actor actor, @Valid @RequestBody NewSignal body) {
		if (body.payload() == null || body.payload().isNull() || body.payload().isMissingNode()) {
			throw Refusal.invalidField("payload", REQUIRED);
		}
		RtcSignal sent = state(() -> signaling.send(body.room(), body.signalType().trim(),
				json.writeValueAsString(body.payload()), actor));
		return HcpReply.ok(signal(sent), "Signal sent successfully");
	}

	/** The caller's own join tokens. */
	@GetMapping("/join-tokens")
	HcpReply<DrfPage<Map<String, Object>>> joinTokens(@AuthenticationPrincipal Actor actor, PageQuery page,
			@RequestParam(required = false) @Nullable String room,
			@RequestParam(required = false) @Nullable String ordering) {
		Ordering<String> order = Ordering.parse("ordering", ordering, Map.of("created_at", "created_at",
				"expires_at", "expires_at"), new Ordering<>("created_at", true));
		var found = rooms.tokens(room == null || room.isBlank() ? null : Ids.number("room", room),
				order.key().equals("expires_at"), order.descending(), page.pageable(), actor);
		return HcpReply.ok(DrfPage.of(found, page, "page", HcpRtcController::token),
				"Join tokens retrieved successfully");
	}

	@PostMapping("/join-tokens")
	@ResponseStatus(HttpStatus.CREATED)
	HcpReply<Map<String, Object>> issue(@AuthenticationPrincipal Actor actor, @Valid @RequestBody NewJoinToken body) {
		RtcJoinToken token = state(() -> rooms.issueToken(body.room(),
				LocalFormats.optionalInstant("expiresAt", body.expiresAt()), actor));
		return HcpReply.ok(token(token), "Join token created successfully");
	}

	private Map<String, Object> signal(RtcSignal signal) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("id", signal.id());
		data.put("room", signal.roomPk());
		data.put("sender", signal.senderUserId());
		data.put("sender_name", signal.senderName());
		data.put("signal_type", signal.signalType());
		data.put("payload", json.readTree(signal.payload()));
		data.put("created_at", signal.createdAt());
		return data;
	}

	private static Map<String, Object> token(RtcJoinToken token) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("id", token.id());
		data.put("room", token.roomPk());
		data.put("user", token.userId());
		data.put("user_name", token.userName());
		data.put("token", token.token());
		data.put("expires_at", token.expiresAt());
		data.put("created_at", token.createdAt());
		return data;
	}

	private static Map<String, Object> participant(Map<String, Object> user, String role, boolean present) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("user", user);
		data.put("role", role);
		data.put("present", present);
		return data;
	}

	/** The people a list of rooms names, read once for the page. */
	private Renderer renderer(List<RtcRoom> shown) {
		Set<Long> userIds = new HashSet<>();
		Set<Long> patientIds = new HashSet<>();
		for (RtcRoom room : shown) {
			userIds.add(room.patientUserId());
			userIds.add(room.clinicianUserId());
			patientIds.add(room.patientId());
		}
		return new Renderer(people.byIds(userIds), patients.findAll(patientIds));
	}

	private final class Renderer {

		private final Map<Long, Account> accounts;
		private final Map<Long, Patient> patientRecords;

		Renderer(Map<Long, Account> accounts, Map<Long, Patient> patientRecords) {
			this.accounts = accounts;
			this.patientRecords = patientRecords;
		}

		Map<String, Object> user(long userId) {
			Account account = accounts.get(userId);
			return account == null ? Map.of("id", userId) : users.user(account, null);
		}

		Map<String, Object> patient(RtcRoom room) {
			Account account = accounts.get(room.patientUserId());
			return account == null ? Map.of("id", room.patientUserId())
					: users.user(account, patientRecords.get(room.patientId()));
		}

		Map<String, Object> room(RtcRoom room) {
			Map<String, Object> appointment = new LinkedHashMap<>();
			appointment.put("id", room.appointmentId());
			appointment.put("patient", patient(room));
			Map<String, Object> doctor = new LinkedHashMap<>();
			doctor.put("id", room.clinicianId());
			doctor.put("user", user(room.clinicianUserId()));
			appointment.put("doctor", doctor);
			appointment.put("appointment_type", "video");
			appointment.put("status", room.appointmentStatus().name().toLowerCase(Locale.ROOT));
			appointment.put("scheduled_at", room.appointmentStartsAt());
			Map<String, Object> data = new LinkedHashMap<>();
			data.put("id", room.id());
			data.put("appointment", appointment);
			data.put("room_id", room.roomId());
			data.put("status", lower(room.status()));
			data.put("max_participants", room.maxParticipants());
			data.put("recording_enabled", room.recordingEnabled());
			data.put("created_at", room.createdAt());
			data.put("started_at", room.startedAt());
			data.put("ended_at", room.endedAt());
			data.put("expires_at", room.expiresAt());
			data.put("duration_minutes", room.durationMinutes());
			return data;
		}
	}

	private static String lower(RtcRoom.Status status) {
		return status.name().toLowerCase(Locale.ROOT);
	}

	private static RtcRoom.@Nullable Status roomStatus(String field, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return RtcRoom.Status.valueOf(value.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw Refusal.invalidField(field, "\"" + value + "\" is not a valid choice.");
		}
	}

	/**
	 * A room's state refused (start twice, join before start) is a 400 here, as the original's views answered it; so is a
	 * second room for one appointment, as DRF's unique check would.
	 */
	private static <T> T state(Supplier<T> call) {
		try {
			return call.get();
		}
		catch (Refusal refusal) {
			if (refusal.kind() == Refusal.Kind.CONFLICT
					&& (refusal.code().startsWith("ROOM_") || refusal.code().equals("ALREADY_EXISTS"))) {
				throw new Refusal(Refusal.Kind.INVALID, refusal.code(), refusal.getMessage(), refusal.fields());
			}
			throw refusal;
		}
	}
}
