package io.polyclinic.scheduling;

import java.util.List;

/**
 * A clinician's appointments as their own clock divides them: today's still running or ahead (current), later days
 * (upcoming), and those already over (past, newest first).
 */
public record Agenda(List<Appointment> current, List<Appointment> upcoming, List<Appointment> past) {
}
