package io.polyclinic.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.polyclinic.directory.Patient;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Refusal;
import io.polyclinic.platform.Role;
import io.polyclinic.support.ApiTest;
import io.polyclinic.support.Clinic;

/** A patient's inbox: their own messages but one-time codes, newest first, read and unread, nobody else's. */
class PatientInboxTests extends ApiTest {

	@Autowired
	Messenger messenger;
	@Autowired
	PatientInbox inbox;
	@Autowired
	Clinic clinic;

	DeliveryReceipt send(Patient patient, MessageKind kind, String body) {
		return messenger.send(new Message(Channel.WHATSAPP, patient.phone(), "Mibo", body, kind, patient.id(), null,
				false));
	}

	Actor actorOf(Patient patient) {
		return clinic.actorOf(patient.userId(), Role.PATIENT);
	}

	@Test
	void aPatientReadsTheirOwnNoticesNewestFirstAndMarksThemRead() {
		Patient patient = clinic.patient();
		Actor me = actorOf(patient);
		var first = send(patient, MessageKind.APPOINTMENT_CONFIRMATION, "Your appointment is confirmed");
		var second = send(patient, MessageKind.APPOINTMENT_CANCELLATION, "Your appointment is cancelled");
		messenger.send(Message.secret(Channel.WHATSAPP, patient.phone(), "Code", "Your code is 123456"));
		send(clinic.patient(), MessageKind.GENERAL, "Someone else's");

		var page = inbox.notices(false, 20, 0, me);

		assertThat(page.notices()).extracting(n -> n.delivery().id())
			.containsExactly(second.deliveryId(), first.deliveryId());
		assertThat(page.total()).isEqualTo(2);
		assertThat(page.unread()).isEqualTo(2);
		assertThat(inbox.unread(me)).isEqualTo(2);

		var read = inbox.markRead(first.deliveryId(), me);
		assertThat(read.read()).isTrue();
		var again = inbox.markRead(first.deliveryId(), me);
		assertThat(again.readAt()).isEqualTo(read.readAt());

		assertThat(inbox.unread(me)).isEqualTo(1);
		var unreadOnly = inbox.notices(true, 20, 0, me);
		assertThat(unreadOnly.notices()).extracting(n -> n.delivery().id()).containsExactly(second.deliveryId());
		assertThat(unreadOnly.total()).isEqualTo(1);
		var secondPage = inbox.notices(false, 1, 1, me);
		assertThat(secondPage.notices()).extracting(n -> n.delivery().id()).containsExactly(first.deliveryId());
		assertThat(secondPage.total()).isEqualTo(2);
	}

	@Test
	void anotherPatientsNoticeIsNotFoundAndStaffHaveNoInbox() {
		Patient owner = clinic.patient();
		var notice = send(owner, MessageKind.GENERAL, "Yours only");

		assertThatThrownBy(() -> inbox.markRead(notice.deliveryId(), actorOf(clinic.patient())))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.code()).isEqualTo("NOT_FOUND"));
		assertThat(inbox.unread(actorOf(owner))).isEqualTo(1);
		assertThatThrownBy(() -> inbox.unread(clinic.admin()))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.FORBIDDEN));
		assertThatThrownBy(() -> inbox.notices(false, 0, 0, actorOf(owner)))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.fields()).containsKey("limit"));
	}
}
