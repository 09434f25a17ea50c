package dev.migrate.engine;

import dev.migrate.HistoryEntry;
import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.SqlStatement;
import dev.migrate.graph.Direction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The append-only history table: one row per revision run, written in that revision's transaction. */
final class HistoryTable {

    private final Dialect dialect;
    private final BookkeepingTables tables;
    private String insertSql; // the same text for every row: rendered once

    HistoryTable(Dialect dialect, BookkeepingTables tables) {
        this.dialect = dialect;
        this.tables = tables;
    }

    /** Appends {@code entry} through {@code sink} (inside the current transaction). */
    void append(StatementSink sink, HistoryEntry entry) throws SQLException {
        sink.execute(insert(entry));
    }

    /** The INSERT of {@code entry}, its values as parameters. */
    SqlStatement insert(HistoryEntry entry) {
        if (insertSql == null) {
            insertSql = dialect.insertHistory(tables.schema(), tables.history()).sql();
        }
        return new SqlStatement(insertSql, values(entry), false);
    }

    /** The values of {@code entry} in {@link Dialect#insertHistory}'s parameter order. */
    List<Object> values(HistoryEntry entry) {
        return Arrays.asList(entry.revision(), direction(entry.direction()), entry.checksum(), entry.checksumVersion(),
                entry.started(), entry.finished(), entry.success(), entry.executedBy(), entry.migrateVersion());
    }

    /**
     * The last version-table change of a revision fused with its history row, checked in the
     * database (see {@link Dialect#checkedVersionChange}); empty when the dialect cannot.
     */
    Optional<SqlStatement> checkedChange(SqlStatement change, HistoryEntry entry) {
        return dialect.checkedVersionChange(change, tables.schema(), tables.history(), values(entry));
    }

    /** Every row, oldest first. */
    List<HistoryEntry> read(Connection connection) throws SQLException {
        List<HistoryEntry> entries = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(dialect.selectHistory(tables.schema(), tables.history()).sql());
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                entries.add(new HistoryEntry(rows.getString(1), Direction.valueOf(rows.getString(2).toUpperCase(Locale.ROOT)),
                        rows.getString(3), rows.getInt(4), rows.getObject(5, OffsetDateTime.class),
                        rows.getObject(6, OffsetDateTime.class), rows.getBoolean(7), rows.getString(8), rows.getString(9)));
            }
        }
        return entries;
    }

    /** How {@code direction} is stored: {@code up} or {@code down}. */
    static String direction(Direction direction) {
        return direction.name().toLowerCase(Locale.ROOT);
    }
}
