package dev.migrate.engine;

/** Text helpers for statements in messages. */
final class Statements {

    private static final int MAX = 300;

    private Statements() {
    }

    /** The statement on one line, cut to a length that keeps an error message readable. */
    static String truncate(String sql) {
        String line = sql.strip().replaceAll("\\s+", " ");
        return line.length() <= MAX ? line : line.substring(0, MAX) + " ...";
    }
}
