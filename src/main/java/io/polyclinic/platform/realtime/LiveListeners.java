package io.polyclinic.platform.realtime;

import java.util.function.Consumer;

/** Where a face's socket listens for the updates of the user it serves, on this node. */
public interface LiveListeners {

	/** Starts delivering the user's updates to {@code listener}; closing the registration stops it. */
	Registration listen(long userId, Consumer<LiveUpdate> listener);

	interface Registration extends AutoCloseable {

		@Override
		void close();
	}
}
