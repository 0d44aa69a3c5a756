package io.polyclinic.platform.realtime;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The listeners of this node, by user, and the after-commit hand-off every push goes through. Without a broker this
 * is the whole of live delivery (one node); a broker-backed push sends its updates to every node's copy of this.
 */
public class LocalLiveUpdates implements LiveListeners {

	private static final Logger log = LoggerFactory.getLogger(LocalLiveUpdates.class);

	private final ConcurrentHashMap<Long, Set<Consumer<LiveUpdate>>> listeners = new ConcurrentHashMap<>();

	@Override
	public Registration listen(long userId, Consumer<LiveUpdate> listener) {
		listeners.computeIfAbsent(userId, id -> new CopyOnWriteArraySet<>()).add(listener);
		return () -> listeners.computeIfPresent(userId, (id, set) -> {
			set.remove(listener);
			return set.isEmpty() ? null : set;
		});
	}

	/** Hands the update to this node's listeners of its user; a failing listener does not keep it from the others. */
	public void deliver(LiveUpdate update) {
		for (Consumer<LiveUpdate> listener : listeners.getOrDefault(update.userId(), Set.of())) {
			try {
				listener.accept(update);
			}
			catch (RuntimeException e) {
				log.warn("A live listener of user {} failed on {}: {}", update.userId(), update.topic(), e.toString());
			}
		}
	}

	/** Runs {@code send} once the current transaction commits, or now when there is none. */
	public static void afterCommit(Runnable send) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					send.run();
				}
			});
		}
		else {
			send.run();
		}
	}

	/** The one-node push: after commit, straight to this node's listeners. */
	public static LivePush inMemory(LocalLiveUpdates local) {
		return (long userId, String topic, UUID subjectId) -> afterCommit(
				() -> local.deliver(new LiveUpdate(userId, topic, subjectId)));
	}
}
