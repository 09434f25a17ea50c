package dev.migrate.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Waiting in tests of concurrent runs: for a condition another thread or session brings about, or a
 * latch, failing after a generous bound instead of hanging the build. Not a timing assertion: the
 * bound is far above what a loaded machine needs.
 */
public final class Bounded {

    /** How long a test waits at most for something that normally takes milliseconds. */
    public static final long BOUND_MILLIS = 30_000;

    private Bounded() {
    }

    /** Polls {@code condition} until it holds; fails naming {@code what} after the bound. */
    public static void poll(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(BOUND_MILLIS);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting until: " + what);
            Thread.sleep(20);
        }
    }

    /** Waits for {@code latch}; an interrupt ends the wait (and keeps the thread's interrupt flag). */
    public static void await(CountDownLatch latch) {
        try {
            if (!latch.await(BOUND_MILLIS, TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("latch not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
