package dev.migrate.engine;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Function;

/**
 * Renders the steps of a plan on a background thread, a few steps ahead of the one the database
 * is running, and hands them out in order.
 *
 * <p>Why: per revision the client loads its class, records its operations, renders them and
 * hashes the SQL, while the database waits; then the database executes while the client waits.
 * On a machine with a second core the two overlap this way, so a run of many small revisions
 * costs about the database's time alone. Rendering touches no database and no shared state
 * (it only records what {@code upgrade}/{@code downgrade} ask for), so doing it early changes
 * nothing but when. A step that fails to render is handed out as that failure, in its turn:
 * the steps before it still run, exactly as when rendering one step at a time.
 */
final class RenderAhead implements AutoCloseable {

    /** How many rendered steps may wait: enough to cover a slow class load, small enough to stay cheap. */
    static final int WINDOW = 32;

    private final BlockingQueue<Object> ready;
    private final Thread worker;
    private final int size;
    private int handedOut;

    private RenderAhead(BlockingQueue<Object> ready, Thread worker, int size) {
        this.ready = ready;
        this.worker = worker;
        this.size = size;
    }

    /**
     * Starts rendering {@code items} with {@code render} (and hashing each when {@code hash}), at
     * most {@code window} ahead of what was taken. The worker runs with the caller's context class
     * loader, where revision code may look for resources.
     */
    static <T> RenderAhead start(List<T> items, Function<T, RenderedRevision> render, boolean hash, int window) {
        BlockingQueue<Object> ready = new ArrayBlockingQueue<>(Math.max(1, window));
        Thread worker = new Thread(() -> {
            try {
                for (T item : items) {
                    Object result;
                    try {
                        RenderedRevision rendered = render.apply(item);
                        if (hash) {
                            rendered.checksum();
                        }
                        result = rendered;
                    } catch (Throwable e) { // NOPMD: any failure, an Error too, must reach the run, never hang it
                        result = new Failure(e);
                    }
                    ready.put(result);
                    if (result instanceof Failure) {
                        return; // the run stops at this step
                    }
                }
            } catch (InterruptedException e) {
                // closed before every step was taken: the run stopped early
            }
        }, "migrate-render-ahead");
        worker.setDaemon(true);
        worker.setContextClassLoader(Thread.currentThread().getContextClassLoader());
        worker.start();
        return new RenderAhead(ready, worker, items.size());
    }

    /** The next step's rendering, in plan order; throws what rendering it threw. */
    RenderedRevision next() {
        if (handedOut >= size) {
            throw new IllegalStateException("every step was handed out");
        }
        Object result;
        try {
            result = ready.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a step to render", e);
        }
        handedOut++;
        if (result instanceof Failure failure) {
            if (failure.cause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure.cause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(failure.cause()); // only a checked exception thrown past the compiler can land here
        }
        return (RenderedRevision) result;
    }

    /** Stops the worker (a run that failed early leaves steps unrendered). */
    @Override
    public void close() {
        worker.interrupt();
    }

    private record Failure(Throwable cause) {
    }
}
