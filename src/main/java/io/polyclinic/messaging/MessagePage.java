package io.polyclinic.messaging;

import java.util.List;

/**
 * A page of a conversation's history, oldest first within the page.
 *
 * @param hasMore whether older messages exist before the page
 */
public record MessagePage(List<Message> messages, boolean hasMore) {
}
