package io.polyclinic.billing.internal;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.polyclinic.directory.AccessPolicy;
import io.polyclinic.directory.Reach;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Refusal;
import io.polyclinic.platform.Role;
import io.polyclinic.scheduling.Appointment;
import io.polyclinic.scheduling.AppointmentBook;

/**
 * Who may do what with money, on top of who may see the appointment it is for (scheduling's rule: a patient their
 * own, a clinician theirs, staff of the clinic all, staff of a centre those their centre runs):
 * <ul>
 * <li>pay, and read a payment: the appointment's patient, and staff who reach the appointment — not its clinician;</li>
 * <li>send payment links and give money back: staff who reach the appointment;</li>
 * <li>read an appointment's payment standing: whoever sees the appointment, its clinician included;</li>
 * <li>read a payment as a transaction (what a clinician is paid from): whoever sees the appointment;</li>
 * <li>pay clinicians (payouts) and read what any clinician earned: administrators and managers of the clinic, and the
 * clinic itself; a clinician reads their own earnings.</li>
 * </ul>
 * Every refusal is audited against the payment (or link) it was about.
 */
@Component
public class PaymentAccess {

	public static final String PAYMENT = "PAYMENT";
	public static final String PAYMENT_LINK = "PAYMENT_LINK";

	private final AccessPolicy policy;
	private final AppointmentBook book;

	PaymentAccess(AccessPolicy policy, AppointmentBook book) {
		this.policy = policy;
		this.book = book;
	}

	/** How far the caller reaches, for lists scoped in SQL. */
	public Reach reach(Actor actor) {
		return policy.reachOf(actor);
	}

	/** The patient of the appointment, or staff who reach it. */
	public void requirePayer(Appointment appointment, Actor actor, String action, String resource,
			@Nullable Object resourceId) {
		if (actor.is(Role.CLINICIAN) || !sees(appointment, actor)) {
			throw denied(actor, action, resource, resourceId, appointment.patientId());
		}
	}

	/** Staff who reach the appointment. */
	public void requireStaff(Appointment appointment, Actor actor, String action, String resource,
			@Nullable Object resourceId) {
		if (!actor.isStaff() || !sees(appointment, actor)) {
			throw denied(actor, action, resource, resourceId, appointment.patientId());
		}
	}

	/** Whoever may see the appointment. */
	public void requireViewer(Appointment appointment, Actor actor, String action) {
		if (!sees(appointment, actor)) {
			throw denied(actor, action, PAYMENT, "appointment " + appointment.id(), appointment.patientId());
		}
	}

	/** Whoever may see the appointment, refused (and audited) against the resource asked for. */
	public void requireViewer(Appointment appointment, Actor actor, String action, String resource,
			@Nullable Object resourceId) {
		if (!sees(appointment, actor)) {
			throw denied(actor, action, resource, resourceId, appointment.patientId());
		}
	}

	/** Those who keep the clinic's accounts: administrators and managers of the whole clinic, and the clinic itself. */
	public void requireTreasurer(Actor actor, String action, String resource, @Nullable Object resourceId) {
		if (!isTreasurer(actor)) {
			throw denied(actor, action, resource, resourceId, null);
		}
	}

	public boolean isTreasurer(Actor actor) {
		return actor.isSystem() || actor.is(Role.ADMIN, Role.SUPERADMIN, Role.MANAGER);
	}

	/** Staff only, before any appointment is named. */
	public void requireStaff(Actor actor, String action, String resource) {
		if (!actor.isStaff()) {
			throw denied(actor, action, resource, null, null);
		}
	}

	public Refusal denied(Actor actor, String action, String resource, @Nullable Object resourceId,
			@Nullable Long patientId) {
		return policy.denied(actor, action, resource, resourceId, patientId);
	}

	private boolean sees(Appointment appointment, Actor actor) {
		return !book.visibleTo(List.of(appointment), actor).isEmpty();
	}
}
