package io.polyclinic.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.polyclinic.directory.StaffRegistry;
import io.polyclinic.notify.Cast;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Refusal;
import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.support.ApiTest;
import io.polyclinic.support.Clinic;

/**
 * Who may talk to the companion and whose sessions they reach, asked of the assistant module itself: everyone signed
 * in talks to it in sessions of their own; patient A's session is continued and listed by patient A only — not by
 * patient B, A's clinician, another clinician or any staff role (each is told it does not exist); anonymous callers and
 * the clinic's own processes are refused.
 */
class CareCompanionMatrixTests extends ApiTest {

	@Autowired
	Clinic clinic;
	@Autowired
	StaffRegistry staff;
	@Autowired
	AppointmentBook book;
	@Autowired
	CareCompanion companion;

	@Test
	void aSessionIsItsOpenersOnly() {
		Cast cast = new Cast(clinic, staff, book);
		UUID sessionOfA = companion.ask(new CompanionQuestion("how can I sleep better", null, null),
				cast.caller("patient A")).sessionId();

		Map<String, Actor> callers = new LinkedHashMap<>(cast.callers);
		callers.put("anonymous", null);
		callers.put("system", Actor.system());

		Map<String, String> continuing = new LinkedHashMap<>();
		Map<String, String> reading = new LinkedHashMap<>();
		Map<String, String> closing = new LinkedHashMap<>();
		Map<String, String> listing = new LinkedHashMap<>();
		Map<String, String> opening = new LinkedHashMap<>();
		callers.forEach((name, actor) -> {
			continuing.put(name, attempt(() -> companion.ask(new CompanionQuestion("and naps?", sessionOfA, null), actor)
				.sessionId().equals(sessionOfA) ? "continued" : "other"));
			reading.put(name, attempt(() -> companion.exchanges(sessionOfA, actor).isEmpty() ? "empty" : "read"));
			// closing is tried last by patient A (below): anyone else is refused first
			if (!name.equals("patient A")) {
				closing.put(name, attempt(() -> {
					companion.end(sessionOfA, actor);
					return "closed";
				}));
			}
			listing.put(name, attempt(() -> companion.sessions(20, actor).stream()
				.anyMatch(s -> s.id().equals(sessionOfA)) ? "sees A's" : "not A's"));
			// the cast's pharmacist and guest are callers without an account: nothing of theirs can be stored
			if (!name.equals("PHARMACIST") && !name.equals("GUEST")) {
				opening.put(name, attempt(() -> companion.ask(new CompanionQuestion("how much water a day", null, null),
						actor).sessionId().equals(sessionOfA) ? "A's" : "own"));
			}
		});

		closing.put("patient A", attempt(() -> {
			companion.end(sessionOfA, cast.caller("patient A"));
			return "closed";
		}));

		Map<String, String> expectContinuing = new LinkedHashMap<>();
		Map<String, String> expectReading = new LinkedHashMap<>();
		Map<String, String> expectClosing = new LinkedHashMap<>();
		Map<String, String> expectListing = new LinkedHashMap<>();
		Map<String, String> expectOpening = new LinkedHashMap<>();
		callers.keySet().forEach(name -> {
			expectContinuing.put(name, "NOT_FOUND");
			expectReading.put(name, "NOT_FOUND");
			expectClosing.put(name, "NOT_FOUND");
			expectListing.put(name, "not A's");
			if (!name.equals("PHARMACIST") && !name.equals("GUEST")) {
				expectOpening.put(name, "own");
			}
		});
		expectContinuing.put("patient A", "continued");
		expectReading.put("patient A", "read");
		expectClosing.put("patient A", "closed");
		expectListing.put("patient A", "sees A's");
		for (Map<String, String> expected : java.util.List.of(expectContinuing, expectReading, expectClosing,
				expectListing, expectOpening)) {
			expected.put("anonymous", "UNAUTHENTICATED");
			expected.put("system", "FORBIDDEN");
		}
		assertThat(continuing).isEqualTo(expectContinuing);
		assertThat(reading).isEqualTo(expectReading);
		assertThat(closing).isEqualTo(expectClosing);
		// closed, the session is gone for its opener too
		assertThat(attempt(() -> companion.exchanges(sessionOfA, cast.caller("patient A")).toString()))
			.isEqualTo("NOT_FOUND");
		assertThat(listing).isEqualTo(expectListing);
		assertThat(opening).isEqualTo(expectOpening);
	}

	private static String attempt(java.util.function.Supplier<String> call) {
		try {
			return call.get();
		}
		catch (Refusal e) {
			return e.kind().name();
		}
	}
}
