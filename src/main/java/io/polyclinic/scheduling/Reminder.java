package io.polyclinic.scheduling;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A reminder of an appointment, as its parties are shown it.
 *
 * @param type what it reminds of, in the products' words: {@code booking_confirmation}, {@code 24_hour},
 *        {@code 1_hour}, {@code 15_minute}, {@code post_visit}
 * @param channel how it goes out: {@code email}, {@code sms}, {@code push}
 * @param deliveryStatus {@code pending} until a channel takes it, then {@code sent} or {@code failed}
 * @param scheduledFor when it is due
 */
public record Reminder(long id, long appointmentId, String type, String channel, String deliveryStatus,
		@Nullable String deliveryId, String messageContent, Instant scheduledFor, @Nullable Instant sentAt,
		Instant createdAt) {

	public static final String BOOKING_CONFIRMATION = "booking_confirmation";
}
