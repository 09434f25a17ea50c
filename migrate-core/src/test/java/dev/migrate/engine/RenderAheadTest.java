package dev.migrate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.graph.Direction;
import dev.migrate.graph.PlanStep;
import dev.migrate.graph.RevisionDescriptor;
import dev.migrate.graph.VersionChange;
import dev.migrate.index.IndexedRevision;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Rendering ahead hands out the steps in plan order and each failure in its turn, never a hang. */
class RenderAheadTest {

    private static final Duration BOUND = Duration.ofSeconds(10);

    private static RenderedRevision rendered(String id) {
        RevisionDescriptor descriptor = new RevisionDescriptor(id, List.of(), List.of(), List.of(), "", "com.example." + id);
        Migration empty = new Migration() {
            @Override
            public void upgrade(Operations op) {
            }

            @Override
            public void downgrade(Operations op) {
            }
        };
        PlanStep step = new PlanStep(descriptor, Direction.UP, new VersionChange(List.of(), List.of(id)));
        return new RenderedRevision(new IndexedRevision(descriptor, () -> empty), step, List.of());
    }

    private static List<String> ids(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add("r" + i);
        }
        return ids;
    }

    @Test
    void handsOutEveryStepInPlanOrder() {
        List<String> taken = new ArrayList<>();
        assertTimeoutPreemptively(BOUND, () -> {
            try (RenderAhead ahead = RenderAhead.start(ids(100), RenderAheadTest::rendered, true, 4)) {
                for (int i = 0; i < 100; i++) {
                    taken.add(ahead.next().id());
                }
            }
        });
        assertEquals(ids(100), taken);
    }

    @Test
    void aFailureComesInItsTurnAndNothingAfterItIsRendered() {
        AtomicInteger renderedAfter = new AtomicInteger();
        IllegalStateException boom = new IllegalStateException("boom");
        List<String> taken = new ArrayList<>();
        RuntimeException thrown = assertTimeoutPreemptively(BOUND, () -> {
            try (RenderAhead ahead = RenderAhead.start(ids(10), id -> {
                if (id.equals("r3")) {
                    throw boom;
                }
                if (id.compareTo("r3") > 0) {
                    renderedAfter.incrementAndGet();
                }
                return rendered(id);
            }, false, 32)) {
                for (int i = 0; i < 3; i++) {
                    taken.add(ahead.next().id());
                }
                return assertThrows(IllegalStateException.class, ahead::next);
            }
        });
        assertEquals(List.of("r0", "r1", "r2"), taken);
        assertSame(boom, thrown);
        assertEquals(0, renderedAfter.get());
    }

    @Test
    void anErrorReachesTheRunInsteadOfKillingTheWorkerSilently() {
        StackOverflowError overflow = new StackOverflowError();
        Error thrown = assertTimeoutPreemptively(BOUND, () -> {
            try (RenderAhead ahead = RenderAhead.start(ids(2), id -> {
                throw overflow;
            }, true, 32)) {
                return assertThrows(StackOverflowError.class, ahead::next);
            }
        });
        assertSame(overflow, thrown);
    }

    @Test
    void rendersOnTheCallersContextClassLoader() {
        ClassLoader loader = new ClassLoader(getClass().getClassLoader()) {
        };
        List<ClassLoader> seen = new ArrayList<>();
        assertTimeoutPreemptively(BOUND, () -> {
            Thread caller = Thread.currentThread();
            ClassLoader previous = caller.getContextClassLoader();
            caller.setContextClassLoader(loader);
            try (RenderAhead ahead = RenderAhead.start(ids(1), id -> {
                synchronized (seen) {
                    seen.add(Thread.currentThread().getContextClassLoader());
                }
                return rendered(id);
            }, true, 1)) {
                ahead.next();
            } finally {
                caller.setContextClassLoader(previous);
            }
        });
        assertEquals(List.of(loader), seen);
    }
}
