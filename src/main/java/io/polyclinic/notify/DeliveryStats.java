package io.polyclinic.notify;

import java.util.Map;

/**
 * The delivery history of a period in numbers.
 *
 * @param successRate the sent share of sent and failed messages, a percentage with one decimal; 0 when there were none
 * @param byKind messages sent, per kind (kinds with none are left out), so that the counts add up to
 *        {@code totalSent}
 */
public record DeliveryStats(long totalSent, long totalFailed, double successRate, Map<MessageKind, Long> byKind) {
}
