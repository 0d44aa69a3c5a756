package io.polyclinic.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.polyclinic.directory.StaffRegistry;
import io.polyclinic.notify.Cast;
import io.polyclinic.platform.Refusal;
import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.support.ApiTest;
import io.polyclinic.support.Clinic;

/**
 * Who sees a conversation, asked of the messaging module itself: its patient and its clinician, each with the other
 * as the partner; no other patient or clinician; staff, who take part in no conversation, see none.
 */
class ConversationsMatrixTests extends ApiTest {

	@Autowired
	Clinic clinic;
	@Autowired
	StaffRegistry staff;
	@Autowired
	AppointmentBook book;
	@Autowired
	Conversations conversations;
	@Autowired
	io.polyclinic.identity.accounts.Accounts accounts;

	@Test
	void aConversationIsItsPatientsAndItsCliniciansOnly() throws InterruptedException {
		Cast cast = new Cast(clinic, staff, book);
		var patientAccount = accounts.get(cast.patientA.userId()).publicId();
		var clinicianAccount = cast.clinicianA.accountId();
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (conversations.mine(100, cast.caller("patient A")).isEmpty() && System.nanoTime() < deadline) {
			Thread.sleep(100);
		}

		Map<String, String> answers = new LinkedHashMap<>();
		cast.callers.forEach((name, actor) -> {
			try {
				var mine = conversations.mine(100, actor);
				answers.put(name, mine.stream().anyMatch(c -> c.partnerAccountId().equals(clinicianAccount))
						? "with clinician of A"
						: mine.stream().anyMatch(c -> c.partnerAccountId().equals(patientAccount)) ? "with patient A"
								: "none");
			}
			catch (Refusal e) {
				answers.put(name, e.kind().name());
			}
		});

		Map<String, String> expected = new LinkedHashMap<>();
		cast.callers.keySet().forEach(name -> expected.put(name, "none"));
		expected.put("patient A", "with clinician of A");
		expected.put("clinician of A", "with patient A");
		assertThat(answers).isEqualTo(expected);
	}
}
