package dev.migrate.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Runs sample test classes through the JUnit Platform's {@link EngineTestKit}. Sample classes carry
 * {@code @EnabledIf("dev.migrate.junit.TestKitSamples#running")}, so they run only from here, never
 * when a build selects them directly (some are built to fail).
 */
final class TestKitSamples {

    private static volatile boolean running;

    private TestKitSamples() {
    }

    static synchronized EngineExecutionResults run(Class<?> testClass) {
        running = true;
        try {
            return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute();
        } finally {
            running = false;
        }
    }

    /** True while {@link #run} executes a sample class. */
    static boolean running() {
        return running;
    }
}
