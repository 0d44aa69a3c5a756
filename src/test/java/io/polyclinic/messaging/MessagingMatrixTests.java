package io.polyclinic.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.polyclinic.directory.StaffRegistry;
import io.polyclinic.identity.accounts.Accounts;
import io.polyclinic.notify.Cast;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Refusal;
import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.support.ApiTest;
import io.polyclinic.support.Clinic;

/**
 * Who may open, list, read and write a conversation, asked of the messaging module itself (no face): patient A and
 * the clinician who cares for A are its parties and may do everything with it; patient B, another clinician, every
 * staff role, roles that reach nothing and the clinic's own processes may do nothing with it. A party lists only their
 * own side, and marks read only their own messages.
 */
class MessagingMatrixTests extends ApiTest {

	static final String OK = "ok";

	@Autowired
	Clinic clinic;
	@Autowired
	StaffRegistry staff;
	@Autowired
	AppointmentBook book;
	@Autowired
	Conversations conversations;
	@Autowired
	Messages messages;
	@Autowired
	Accounts accounts;

	Cast cast;
	UUID patientAccount;
	UUID clinicianAccount;
	Conversation conversation;
	Message fromClinician;

	@BeforeEach
	void aConversationOfPatientAWithTheirClinician() {
		cast = new Cast(clinic, staff, book);
		cast.callers.put("system", Actor.system());
		patientAccount = accounts.get(cast.patientA.userId()).publicId();
		clinicianAccount = cast.clinicianA.accountId();
		conversation = conversations.open(patientAccount, clinicianAccount, cast.caller("patient A"));
		fromClinician = messages.send(conversation.id(), "How are you today?", cast.caller("clinician of A"));
	}

	@Test
	void onlyItsPartiesOpenAConversationEachForThemself() {
		assertThat(answers(actor -> conversations.open(patientAccount, clinicianAccount, actor).id()))
			.isEqualTo(expected(Map.of("patient A", conversation.id().toString(), "clinician of A",
					conversation.id().toString())));
	}

	@Test
	void aClinicianOpensConversationsOnlyWithThePatientsTheyCareFor() {
		UUID otherAccount = cast.otherClinician.accountId();
		Map<String, String> answers = answers(actor -> conversations.open(patientAccount, otherAccount, actor).id());
		assertThat(answers.get("other clinician")).isEqualTo("FORBIDDEN");
		// patient A may write to any listed clinician, and opens that conversation for themself
		assertThat(answers.get("patient A")).isNotEqualTo("FORBIDDEN").isNotEqualTo(conversation.id().toString());
		answers.remove("patient A");
		answers.remove("other clinician");
		assertThat(answers.values()).containsOnly("FORBIDDEN");
	}

	@Test
	void aPatientsListIsTheirsAloneAndAClinciansListTheirsAlone() {
		assertThat(answers(actor -> conversations.ofPatient(patientAccount, 100, actor).stream()
			.map(c -> c.id() + " " + c.unreadCount()).toList()))
			.isEqualTo(expected(Map.of("patient A", "[" + conversation.id() + " 1]")));
		assertThat(answers(actor -> conversations.ofClinician(clinicianAccount, 100, actor).stream()
			.filter(c -> c.id().equals(conversation.id())).map(c -> c.patientAccountId() + " " + c.unreadCount())
			.toList())).isEqualTo(expected(Map.of("clinician of A", "[" + patientAccount + " 0]")));
	}

	@Test
	void onlyThePartiesReadAConversation() {
		assertThat(answers(actor -> messages.read(conversation.id(), MessageQuery.latest(50), actor).messages()
			.stream().map(Message::content).toList()))
			.isEqualTo(expected(Map.of("patient A", "[How are you today?]", "clinician of A", "[How are you today?]")));
	}

	@Test
	void onlyThePartiesWriteToAConversation() {
		assertThat(answers(actor -> messages.send(conversation.id(), "Hello", actor).receiverAccountId()))
			.isEqualTo(expected(Map.of("patient A", clinicianAccount.toString(), "clinician of A",
					patientAccount.toString())));
	}

	@Test
	void onlyThePartiesMarkTheirOwnMessagesRead() {
		assertThat(answers(actor -> messages.markRead(conversation.id(), accountOf(actor), actor)))
			.isEqualTo(expected(Map.of("patient A", "1", "clinician of A", "0")));
		// a party who names the other party is refused too
		assertThat(answer(() -> messages.markRead(conversation.id(), patientAccount, cast.caller("clinician of A"))))
			.isEqualTo("FORBIDDEN");
	}

	@Test
	void onlyThePartiesSeeAMessage() {
		assertThat(answers(actor -> messages.get(fromClinician.id(), actor).content()))
			.isEqualTo(expected(Map.of("patient A", "How are you today?", "clinician of A", "How are you today?")));
	}

	@Test
	void eachPartysListShowsTheOtherPartyAndThatTheirBookingOpenedIt() throws InterruptedException {
		awaitAppointmentConversation();
		assertThat(answers(actor -> conversations.mine(100, 0, actor).stream()
			.filter(c -> c.id().equals(conversation.id()))
			.map(c -> c.partnerName() + " " + c.kind() + " " + c.partnerActive() + " " + c.unreadCount()).toList()))
			.isEqualTo(expectedElseEmpty(Map.of("patient A", "[" + cast.clinicianA.fullName() + " APPOINTMENT true 1]",
					"clinician of A", "[" + cast.patientA.fullName() + " APPOINTMENT true 0]")));
		assertThat(answer(() -> conversations.mine(100, 1, cast.caller("patient A")))).isEqualTo("[]");
		assertThat(answer(() -> conversations.mine(100, -1, cast.caller("patient A")))).isEqualTo("INVALID");
		assertThat(answer(() -> conversations.mine(0, 0, cast.caller("patient A")))).isEqualTo("INVALID");
	}

	@Test
	void onlyThePartiesShareAReportEachAsTheirSide() {
		assertThat(answers(actor -> {
			Message sent = messages.send(conversation.id(), "Lipid profile, 12 March", MessageKind.REPORT, actor);
			return sent.kind() + " from " + sent.senderParty();
		})).isEqualTo(expected(Map.of("patient A", "REPORT from PATIENT", "clinician of A", "REPORT from CLINICIAN")));
		assertThat(messages.read(conversation.id(), MessageQuery.latest(50), cast.caller("patient A")).messages()
			.stream().map(m -> m.kind() + " " + m.senderParty()).toList())
			.containsExactly("TEXT CLINICIAN", "REPORT PATIENT", "REPORT CLINICIAN");
	}

	/** The booking's listener runs after the booking commits: its conversation is of the appointment once it has run. */
	private void awaitAppointmentConversation() throws InterruptedException {
		long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
		while (conversations.mine(100, cast.caller("patient A")).stream()
			.noneMatch(c -> c.kind() == ConversationKind.APPOINTMENT) && System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
	}

	@Test
	void anUnknownConversationIsNotFoundForAnyone() {
		UUID unknown = UUID.randomUUID();
		assertThat(answer(() -> messages.read(unknown, MessageQuery.latest(10), cast.caller("patient A"))))
			.isEqualTo("NOT_FOUND");
		assertThat(answer(() -> messages.send(unknown, "Hi", cast.caller("ADMIN")))).isEqualTo("NOT_FOUND");
	}

	private UUID accountOf(Actor actor) {
		return actor.isSystem() ? actor.publicId()
				: accounts.find(actor.userId()).map(a -> a.publicId()).orElse(actor.publicId());
	}

	private Map<String, String> answers(Function<Actor, Object> call) {
		Map<String, String> answers = new LinkedHashMap<>();
		cast.callers.forEach((name, actor) -> answers.put(name, answer(() -> call.apply(actor))));
		return answers;
	}

	private static String answer(java.util.function.Supplier<Object> call) {
		try {
			return String.valueOf(call.get());
		}
		catch (Refusal e) {
			return e.kind().name();
		}
	}

	/** Everyone sees an empty list but the callers named. */
	private Map<String, String> expectedElseEmpty(Map<String, String> allowed) {
		Map<String, String> expected = new LinkedHashMap<>();
		cast.callers.keySet().forEach(name -> expected.put(name, allowed.getOrDefault(name, "[]")));
		return expected;
	}

	/** Everyone refused but the callers named. */
	private Map<String, String> expected(Map<String, String> allowed) {
		Map<String, String> expected = new LinkedHashMap<>();
		cast.callers.keySet().forEach(name -> expected.put(name, allowed.getOrDefault(name, "FORBIDDEN")));
		return expected;
	}
}
