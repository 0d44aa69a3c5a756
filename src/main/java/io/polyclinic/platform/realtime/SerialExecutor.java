package io.polyclinic.platform.realtime;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;

/**
 * Runs its tasks one after another, in the order given, on a shared pool: a socket connection's frames keep their
 * order while a slow connection holds up no other.
 */
public final class SerialExecutor implements Executor {

	private final Queue<Runnable> tasks = new ArrayDeque<>();
	private final Executor pool;
	private boolean running;

	public SerialExecutor(Executor pool) {
		this.pool = pool;
	}

	@Override
	public synchronized void execute(Runnable task) {
		tasks.add(task);
		if (!running) {
			running = true;
			pool.execute(this::drain);
		}
	}

	private void drain() {
		while (true) {
			Runnable next;
			synchronized (this) {
				next = tasks.poll();
				if (next == null) {
					running = false;
					return;
				}
			}
			next.run();
		}
	}
}
