package io.polyclinic.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.polyclinic.directory.Clinician;
import io.polyclinic.directory.Patient;
import io.polyclinic.identity.accounts.Accounts;
import io.polyclinic.messaging.internal.ConversationRows;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Ref;
import io.polyclinic.platform.Refusal;
import io.polyclinic.platform.Role;
import io.polyclinic.platform.realtime.LiveListeners;
import io.polyclinic.platform.realtime.LiveUpdate;
import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.scheduling.AppointmentRequest;
import io.polyclinic.scheduling.SessionType;
import io.polyclinic.support.ApiTest;
import io.polyclinic.support.Clinic;

/**
 * A conversation's life in the messaging module: opened once per pair whoever asks and however many at once, the pair's
 * appointment conversation once they book; a message
 * stored trimmed, the list's last message and the reader's unread count following it; the history paged newest first
 * by page or by instant, each page oldest first; reading marks read; both parties' clients hear of a message once it
 * is stored.
 */
class MessagesTests extends ApiTest {

	@Autowired
	Clinic clinic;
	@Autowired
	Conversations conversations;
	@Autowired
	Messages messages;
	@Autowired
	Accounts accounts;
	@Autowired
	LiveListeners live;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	ApplicationEventMulticaster multicaster;
	@Autowired
	ConversationRows rows;
	@Autowired
	AppointmentBook book;

	Patient patient;
	Clinician clinician;
	UUID patientAccount;
	Actor patientActor;
	Actor clinicianActor;

	@BeforeEach
	void aPatientAndAClinician() {
		Long centre = clinic.centre("Chat").id();
		clinician = clinic.clinician(centre, "Asia/Kolkata");
		patient = clinic.patient();
		patientAccount = accounts.get(patient.userId()).publicId();
		patientActor = new Actor(patient.userId(), patientAccount, Role.PATIENT, UUID.randomUUID());
		clinicianActor = new Actor(clinician.userId(), clinician.accountId(), Role.CLINICIAN, UUID.randomUUID());
	}

	@Test
	void aPairHasOneConversationHoweverManyOpenItAtOnce() throws Exception {
		int openers = 8;
		var start = new CountDownLatch(1);
		var pool = Executors.newFixedThreadPool(openers);
		try {
			List<Future<UUID>> opened = new ArrayList<>();
			for (int i = 0; i < openers; i++) {
				opened.add(pool.submit(() -> {
					start.await();
					return conversations.open(patientAccount, clinician.accountId(), patientActor).id();
				}));
			}
			start.countDown();
			Set<UUID> ids = new java.util.HashSet<>();
			for (var f : opened) {
				ids.add(f.get());
			}
			assertThat(ids).hasSize(1);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(jdbc.sql("SELECT COUNT(*) FROM conversations WHERE patient_id = ? AND clinician_id = ?")
			.params(patient.id(), clinician.id()).query(Long.class).single()).isEqualTo(1L);
		Conversation again = conversations.open(patientAccount, clinician.accountId(), patientActor);
		assertThat(again.patientName()).isEqualTo(patient.fullName());
		assertThat(again.clinicianName()).isEqualTo(clinician.fullName());
		assertThat(again.specialty()).isEqualTo("Clinical Psychologist");
		assertThat(again.lastMessage()).isNull();
		assertThat(again.lastMessageAt()).isEqualTo(again.createdAt());
	}

	@Test
	void aBookingMakesThePairsConversationTheirAppointmentConversationAndAnotherBookingKeepsIt() throws Exception {
		Conversation opened = conversations.open(patientAccount, clinician.accountId(), patientActor);
		assertThat(opened.kind()).isEqualTo(ConversationKind.GENERAL);

		LocalDate thursday = Clinic.nextWeekday(ZoneId.of("Asia/Kolkata"), DayOfWeek.THURSDAY);
		bookAt(thursday, 11);
		awaitKind(ConversationKind.APPOINTMENT);
		bookAt(thursday, 12);
		// a party opening it again leaves it the pair's appointment conversation
		assertThat(conversations.open(patientAccount, clinician.accountId(), clinicianActor).kind())
			.isEqualTo(ConversationKind.APPOINTMENT);
		Thread.sleep(500);
		assertThat(jdbc.sql("SELECT public_id FROM conversations WHERE patient_id = ? AND clinician_id = ?")
			.params(patient.id(), clinician.id()).query(UUID.class).list()).containsExactly(opened.id());
	}

	@Test
	void aBookingAndAPartyOpeningAtOnceLeaveOneAppointmentConversation() throws Exception {
		int openers = 8;
		var start = new CountDownLatch(1);
		var pool = Executors.newFixedThreadPool(openers);
		try {
			List<Future<Long>> opened = new ArrayList<>();
			for (int i = 0; i < openers; i++) {
				ConversationKind kind = i % 2 == 0 ? ConversationKind.APPOINTMENT : ConversationKind.GENERAL;
				opened.add(pool.submit(() -> {
					start.await();
					return rows.open(patient.id(), clinician.id(), kind, java.time.Instant.now());
				}));
			}
			start.countDown();
			Set<Long> ids = new java.util.HashSet<>();
			for (var f : opened) {
				ids.add(f.get());
			}
			assertThat(ids).hasSize(1);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(jdbc.sql("SELECT kind FROM conversations WHERE patient_id = ? AND clinician_id = ?")
			.params(patient.id(), clinician.id()).query(String.class).list()).containsExactly("APPOINTMENT");
	}

	private void bookAt(LocalDate day, int hour) {
		book.book(new AppointmentRequest(new AppointmentRequest.KnownPatient(Ref.id(patient.id())),
				Ref.id(clinician.id()), null, new AppointmentRequest.GridSlot(day, LocalTime.of(hour, 0)),
				SessionType.ONLINE, null, null), clinic.admin());
	}

	/** The booking's listener runs once the booking has committed. */
	private void awaitKind(ConversationKind kind) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (conversations.open(patientAccount, clinician.accountId(), patientActor).kind() != kind
				&& System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
		assertThat(conversations.open(patientAccount, clinician.accountId(), patientActor).kind()).isEqualTo(kind);
	}

	@Test
	void aMessageIsStoredTrimmedAndTheListsFollowIt() {
		Conversation conversation = conversations.open(patientAccount, clinician.accountId(), patientActor);
		Message sent = messages.send(conversation.id(), "  Your glucose looks good \n", clinicianActor);

		assertThat(sent.content()).isEqualTo("Your glucose looks good");
		assertThat(sent.senderAccountId()).isEqualTo(clinician.accountId());
		assertThat(sent.senderName()).isEqualTo(clinician.fullName());
		assertThat(sent.receiverAccountId()).isEqualTo(patientAccount);
		assertThat(sent.conversationId()).isEqualTo(conversation.id());
		assertThat(sent.read()).isFalse();

		Conversation patientSide = conversations.ofPatient(patientAccount, 10, patientActor).get(0);
		assertThat(patientSide.lastMessage()).isEqualTo("Your glucose looks good");
		assertThat(patientSide.lastMessageAt()).isEqualTo(sent.sentAt());
		assertThat(patientSide.unreadCount()).isEqualTo(1);
		Conversation clinicianSide = conversations.ofClinician(clinician.accountId(), 10, clinicianActor).get(0);
		assertThat(clinicianSide.unreadCount()).isZero();
		assertThat(conversations.mine(10, patientActor).get(0).unreadCount()).isEqualTo(1);

		assertThat(messages.markRead(conversation.id(), patientAccount, patientActor)).isEqualTo(1);
		assertThat(conversations.ofPatient(patientAccount, 10, patientActor).get(0).unreadCount()).isZero();
		assertThat(messages.get(sent.id(), clinicianActor).read()).isTrue();
	}

	@Test
	void contentMustHoldSomethingAndAtMostFourThousandCharacters() {
		Conversation conversation = conversations.open(patientAccount, clinician.accountId(), patientActor);
		for (String bad : new String[] { "", "   \n\t ", "x".repeat(4001) }) {
			assertThatThrownBy(() -> messages.send(conversation.id(), bad, patientActor)).isInstanceOfSatisfying(
					Refusal.class,
					r -> assertThat(r.kind() + " " + r.fields().keySet()).isEqualTo("INVALID [content]"));
		}
		assertThat(messages.send(conversation.id(), "x".repeat(4000), patientActor).content()).hasSize(4000);
	}

	@Test
	void theHistoryPagesNewestFirstEachPageOldestFirst() throws InterruptedException {
		Conversation conversation = conversations.open(patientAccount, clinician.accountId(), patientActor);
		List<Message> sent = new ArrayList<>();
		for (int i = 1; i <= 5; i++) {
			sent.add(messages.send(conversation.id(), "m" + i, i % 2 == 0 ? patientActor : clinicianActor));
			Thread.sleep(3); // distinct instants: the cursor names one
		}

		MessagePage newest = messages.read(conversation.id(), new MessageQuery(2, null, 1), clinicianActor);
		assertThat(newest.messages()).extracting(Message::content).containsExactly("m4", "m5");
		assertThat(newest.hasMore()).isTrue();
		MessagePage second = messages.read(conversation.id(), new MessageQuery(2, null, 2), clinicianActor);
		assertThat(second.messages()).extracting(Message::content).containsExactly("m2", "m3");
		MessagePage last = messages.read(conversation.id(), new MessageQuery(2, null, 3), clinicianActor);
		assertThat(last.messages()).extracting(Message::content).containsExactly("m1");
		assertThat(last.hasMore()).isFalse();

		MessagePage before = messages.read(conversation.id(),
				new MessageQuery(2, newest.messages().get(0).sentAt(), 1), clinicianActor);
		assertThat(before.messages()).extracting(Message::content).containsExactly("m2", "m3");
		assertThat(before.hasMore()).isTrue();
		assertThat(messages.read(conversation.id(), new MessageQuery(3, sent.get(1).sentAt(), 1), clinicianActor)
			.messages()).extracting(Message::content).containsExactly("m1");

		assertThatThrownBy(() -> messages.read(conversation.id(), new MessageQuery(101, null, 1), clinicianActor))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.fields()).containsKey("limit"));
		assertThatThrownBy(() -> messages.read(conversation.id(), new MessageQuery(10, null, 0), clinicianActor))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.fields()).containsKey("page"));
	}

	@Test
	void readingMarksWhatTheReaderReceivedAsRead() {
		Conversation conversation = conversations.open(patientAccount, clinician.accountId(), patientActor);
		messages.send(conversation.id(), "one", clinicianActor);
		messages.send(conversation.id(), "two", patientActor);

		MessagePage patientRead = messages.read(conversation.id(), MessageQuery.latest(50), patientActor);
		// the clinician's message is read now; the patient's own is not read until the clinician reads it
		assertThat(patientRead.messages()).extracting(m -> m.content() + " " + m.read())
			.containsExactly("one true", "two false");
		assertThat(messages.read(conversation.id(), MessageQuery.latest(50), patientActor).messages())
			.extracting(m -> m.content() + " " + m.read()).containsExactly("one true", "two false");
		assertThat(conversations.ofClinician(clinician.accountId(), 10, clinicianActor).get(0).unreadCount())
			.isEqualTo(1);
		messages.read(conversation.id(), MessageQuery.latest(50), clinicianActor);
		assertThat(conversations.ofClinician(clinician.accountId(), 10, clinicianActor).get(0).unreadCount())
			.isZero();
	}

	@Test
	void bothPartiesClientsHearOfAMessageOnceStoredAndTheModulesToo() throws InterruptedException {
		Conversation conversation = conversations.open(patientAccount, clinician.accountId(), patientActor);
		List<LiveUpdate> heard = new CopyOnWriteArrayList<>();
		List<MessageSent> published = new CopyOnWriteArrayList<>();
		ApplicationListener<PayloadApplicationEvent<?>> listener = e -> {
			if (e.getPayload() instanceof MessageSent sent) {
				published.add(sent);
			}
		};
		multicaster.addApplicationListener(listener);
		// the message's updates only: its receiver is also told of it in the app (notify's own update)
		java.util.function.Consumer<LiveUpdate> hear = u -> {
			if ("message".equals(u.topic())) {
				heard.add(u);
			}
		};
		try (var toPatient = live.listen(patient.userId(), hear);
				var toClinician = live.listen(clinician.userId(), hear)) {
			Message sent = messages.send(conversation.id(), "Hello doctor", patientActor);
			long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
			while (heard.size() < 2 && System.nanoTime() < deadline) {
				Thread.sleep(20);
			}
			assertThat(heard).containsExactlyInAnyOrder(new LiveUpdate(clinician.userId(), "message", sent.id()),
					new LiveUpdate(patient.userId(), "message", sent.id()));
			assertThat(published).singleElement().satisfies(e -> {
				assertThat(e.messageId()).isEqualTo(sent.id());
				assertThat(e.conversationId()).isEqualTo(conversation.id());
				assertThat(e.senderUserId()).isEqualTo(patient.userId());
				assertThat(e.receiverUserId()).isEqualTo(clinician.userId());
				assertThat(e.content()).isEqualTo("Hello doctor");
			});
		}
		finally {
			multicaster.removeApplicationListener(listener);
		}
	}
}
