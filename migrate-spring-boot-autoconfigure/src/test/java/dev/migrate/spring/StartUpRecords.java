package dev.migrate.spring;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** What the start-up tests read back: the history a run wrote, and the cause a failed start-up carries. */
final class StartUpRecords {

    private StartUpRecords() {
    }

    /**
     * Each revision {@code historyTable} ({@code migrate_history}, or a tenant's {@code acme.migrate_history})
     * records as applied, with how many times: {@code b1x1}. Several instances starting at once must
     * apply each revision once.
     */
    static List<String> appliedRevisions(String url, String historyTable) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT revision, count(*) FROM " + historyTable
                        + " WHERE direction = 'up' AND success GROUP BY revision ORDER BY revision")) {
            List<String> applied = new ArrayList<>();
            while (rows.next()) {
                applied.add(rows.getString(1) + "x" + rows.getInt(2));
            }
            return applied;
        }
    }

    /** The first {@code type} in {@code failure}'s causes (Spring wraps start-up failures in its own exceptions). */
    static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in " + failure, failure);
    }
}
