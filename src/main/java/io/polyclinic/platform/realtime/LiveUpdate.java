package io.polyclinic.platform.realtime;

import java.util.UUID;

/**
 * Something a user should hear of now: what happened ({@code message}, {@code notification}, …) and the public id of
 * the thing it happened to. It carries a reference, not the thing: the face that delivers it reads the thing through
 * the module's API as that user, so a push never shows more than a read would, and it crosses nodes as three fields.
 *
 * @param userId the account that should hear of it
 * @param topic what happened, in the module's words
 * @param subjectId the public id of what it happened to
 */
public record LiveUpdate(long userId, String topic, UUID subjectId) {
}
