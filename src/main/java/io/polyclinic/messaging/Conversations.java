package io.polyclinic.messaging;

import java.util.List;

import org.springframework.stereotype.Service;

import io.polyclinic.directory.AccessPolicy;
import io.polyclinic.directory.Reach;
import io.polyclinic.messaging.internal.ConversationRows;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Refusal;

/** The caller's own conversations: a patient's with their clinicians, a clinician's with their patients. */
@Service
public class Conversations {

	public static final int MAX_LIMIT = 100;

	private final ConversationRows rows;
	private final AccessPolicy access;

	Conversations(ConversationRows rows, AccessPolicy access) {
		this.rows = rows;
		this.access = access;
	}

	/**
	 * The caller's conversations, the latest first, at most {@code limit}. Staff take part in none: their list is
	 * empty.
	 */
	public List<ConversationSummary> mine(int limit, Actor actor) {
		if (limit < 1 || limit > MAX_LIMIT) {
			throw Refusal.invalidField("limit", "limit must be between 1 and " + MAX_LIMIT);
		}
		Reach reach = access.reachOf(actor);
		if (reach.kind() == Reach.Kind.PATIENT && reach.patientId() != null) {
			return rows.ofPatient(reach.patientId(), limit);
		}
		if (reach.kind() == Reach.Kind.CLINICIAN && reach.clinicianId() != null) {
			return rows.ofClinician(reach.clinicianId(), limit);
		}
		return List.of();
	}
}
