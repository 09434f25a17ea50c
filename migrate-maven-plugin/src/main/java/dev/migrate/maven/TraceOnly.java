package dev.migrate.maven;

/**
 * The trace of a failure, for {@code mvn -e}, under the one line the build prints. Maven appends to
 * "Failed to execute goal ...: message" the message of every cause not already in it, so a cause a
 * parser or a driver gave (several lines, a caret under a column, a URL) would follow the line that
 * already says what is wrong and what to do. Each cause here answers that line as its message, so
 * Maven adds nothing, and keeps the original's class, message and frames for the trace.
 */
final class TraceOnly extends Exception {

    // Deep enough for any real chain; a cycle (a cause that is its own cause's cause) ends here.
    private static final int DEEPEST = 32;

    private final String original;

    private TraceOnly(String line, Throwable failure, int depth) {
        super(line, failure.getCause() == null || failure.getCause() == failure || depth >= DEEPEST
                ? null : new TraceOnly(line, failure.getCause(), depth + 1));
        this.original = failure.toString();
        setStackTrace(failure.getStackTrace());
    }

    /** {@code failure} and its causes as a trace whose every message is {@code line}. */
    static TraceOnly of(String line, Throwable failure) {
        return new TraceOnly(line, failure, 0);
    }

    @Override
    public String toString() {
        return original;
    }
}
