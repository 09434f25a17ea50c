package dev.migrate.junit;

import dev.migrate.RunResult;
import dev.migrate.dialect.SchemaSnapshot;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Moves the test class's database through the history step by step, so a data migration can be
 * tested with data in place (pytest-alembic's {@code migrate_up_before} / {@code insert_into}
 * idea). The database starts empty and lives as long as the test class.
 *
 * <pre>{@code
 * t.upgrade("3f1c2a9b7d10");                       // just before the data migration
 * t.execute("INSERT INTO tickets(status) VALUES ('open'), ('closed')");
 * t.upgrade("+1");
 * assertEquals(List.of("OPEN", "CLOSED"), t.query("SELECT status FROM tickets ORDER BY id"));
 * }</pre>
 */
public final class MigrationTester {

    private final DatabaseSession session;

    MigrationTester(DatabaseSession session) {
        this.session = session;
    }

    /** Alembic's {@code upgrade <target>}: {@code head}, {@code heads}, an id or prefix, {@code +1}, {@code label@head}, ... */
    public RunResult upgrade(String target) {
        return session.upgrade(target);
    }

    /** Alembic's {@code downgrade <target>}: {@code base}, an id or prefix, {@code -1}, ... */
    public RunResult downgrade(String target) {
        return session.downgrade(target);
    }

    /** The version table's rows: the applied heads; empty before the first upgrade. */
    public List<String> current() {
        return session.current();
    }

    /** Runs one SQL statement in its own auto-committed connection. */
    public void execute(String sql) {
        session.execute(sql);
    }

    /**
     * Runs a query: one element per row, the value itself when the query has one column, else the
     * row's values as a {@code List<Object>}.
     */
    public List<Object> query(String sql) {
        return session.rows(sql).stream().map(row -> row.size() == 1 ? row.get(0) : row).collect(Collectors.toList());
    }

    /** Runs a query: each row as the list of its values. */
    public List<List<Object>> rows(String sql) {
        return session.rows(sql);
    }

    /** The current schema (migrate's own tables left out), e.g. to assert on a column's type. */
    public SchemaSnapshot schema() {
        return session.snapshot();
    }

    /** The test class's database, for the application code under test. */
    public DataSource dataSource() {
        return session.dataSource();
    }

    /** Which database this is (dialect and URL, password masked). */
    @Override
    public String toString() {
        return session.toString();
    }
}
