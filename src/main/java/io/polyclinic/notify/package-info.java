/**
 * Telling people things: messages over email, SMS, WhatsApp and push, their delivery history, and the dev outbox.
 *
 * <p>Notify sits downstream of the clinic: it listens to scheduling's and billing's events (an appointment confirmed,
 * cancelled or moved; a payment received or refunded) and tells the patient, reads appointments through
 * scheduling's appointment views, asks video for an online visit's link, reminds patients of confirmed appointments
 * (its own reminder marks) and of their medicine doses as clinical's medicine reminders fall due, and sends identity's one-time codes by implementing {@code identity.OtpDelivery}. It also
 * keeps each person's in-app notifications ({@link io.polyclinic.notify.InAppNotifications}), fed by directory's new
 * patient requests, messaging's messages, scheduling's appointments acted on, clinical's critical glucose readings
 * (told to the clinicians who follow the patient), clinical's requests for test reports (told to the patient) and the
 * care companion's detected crises (told to the patient's clinicians), and notices people write (an administrator's
 * to anyone, over email or SMS too; a person's to themself), each pushed live once stored; and the devices apps registered for
 * push ({@link io.polyclinic.notify.PushDevices}). Nothing upstream depends on it otherwise. Who may send and read what is decided here, through directory's access policy.
 */
@NullMarked
package io.polyclinic.notify;

import org.jspecify.annotations.NullMarked;
