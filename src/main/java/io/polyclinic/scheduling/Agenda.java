package io.polyclinic.scheduling;

import java.util.List;

/**
 * A clinician's appointments as their own clock divides them: not yet over and starting before tomorrow (current,
 * soonest first), later days (upcoming, soonest first, at most 100), and those already over (past, newest first, at
 * most 100, cancelled ones too).
 */
public record Agenda(List<AppointmentView> current, List<AppointmentView> upcoming, List<AppointmentView> past) {
}
