package io.polyclinic.scheduling.internal;

import java.time.Instant;

/** A concrete slot a clinician opened (a batch of clinico's), [startsAt, endsAt) of their time. */
public record OpenedSlot(Instant startsAt, Instant endsAt) {
}
