package io.polyclinic.support;

import java.util.concurrent.atomic.AtomicLong;

/** Phone numbers for tests: fresh Indian mobile numbers, none used twice in a run. */
public final class Phones {

	private static final AtomicLong NEXT = new AtomicLong(System.nanoTime() % 1_000_000);

	private Phones() {
	}

	public static String newPhone() {
		return "+9198" + String.format("%08d", NEXT.incrementAndGet() % 100_000_000);
	}
}
