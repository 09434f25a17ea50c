package dev.migrate.junit;

import dev.migrate.MigrateException;
import dev.migrate.Migrator;
import dev.migrate.RunResult;
import dev.migrate.dialect.SchemaIntrospector;
import dev.migrate.dialect.SchemaSnapshot;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;

/** One fresh database with a {@link Migrator} over it: what the tester and every check work on. */
final class DatabaseSession implements AutoCloseable {

    private final FreshDatabase database;
    private final RevisionSet revisions;
    private final TestSettings settings;
    private Migrator migrator;
    private Connection connection;
    private boolean closed;

    DatabaseSession(FreshDatabase database, RevisionSet revisions, TestSettings settings) {
        this.database = database;
        this.revisions = revisions;
        this.settings = settings;
    }

    FreshDatabase database() {
        return database;
    }

    RevisionSet revisions() {
        return revisions;
    }

    DataSource dataSource() {
        return new DriverDataSource(database);
    }

    /** The migrator over this database, built on first use. */
    synchronized Migrator migrator() {
        if (migrator == null) {
            migrator = Migrator.builder().url(database.url()).user(database.user()).password(database.password())
                    .classLoader(settings.classLoader()).revisions(revisions.revisions())
                    .database(revisions.database(), revisions.database().isEmpty())
                    .versionTable(settings.versionTable()).build();
        }
        return migrator;
    }

    RunResult upgrade(String target) {
        return migrator().upgrade(target);
    }

    RunResult downgrade(String target) {
        return migrator().downgrade(target);
    }

    List<String> current() {
        return migrator().current();
    }

    /** The schema without migrate's bookkeeping tables and the ignored ones. */
    SchemaSnapshot snapshot() {
        try {
            return SchemaIntrospector.forUrl(database.url()).snapshot(connection(), null).withoutTables(settings.ignoredTables());
        } catch (SQLException e) {
            throw new MigrateException("Cannot read the schema of the test database " + database + ": " + e.getMessage(), e);
        }
    }

    void execute(String sql) {
        try (Statement statement = connection().createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    /** Each row as a list of its values. */
    List<List<Object>> rows(String sql) {
        try (Statement statement = connection().createStatement(); ResultSet result = statement.executeQuery(sql)) {
            ResultSetMetaData meta = result.getMetaData();
            List<List<Object>> rows = new ArrayList<>();
            while (result.next()) {
                List<Object> row = new ArrayList<>(meta.getColumnCount());
                for (int column = 1; column <= meta.getColumnCount(); column++) {
                    row.add(result.getObject(column));
                }
                rows.add(Collections.unmodifiableList(row));
            }
            return Collections.unmodifiableList(rows);
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    /**
     * The session's own auto-commit connection for snapshots and test statements, opened once:
     * a check takes many snapshots, and a new connection per snapshot would dominate its time.
     * In auto-commit it holds no lock between statements, so the migrator's DDL never waits for it.
     */
    private synchronized Connection connection() throws SQLException {
        if (connection == null || connection.isClosed()) {
            connection = database.connect();
            connection.setAutoCommit(true);
        }
        return connection;
    }

    private MigrateException failed(String sql, SQLException e) {
        return new MigrateException("Test statement failed on " + database + ": " + sql + System.lineSeparator()
                + e.getMessage() + " (SQLState " + e.getSQLState() + ", vendor code " + e.getErrorCode() + ")", e);
    }

    /** Drops the database; a second call does nothing. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            try {
                if (connection != null) {
                    connection.close();
                }
            } catch (SQLException e) {
                // The database is dropped next; a connection that fails to close is gone with it.
            }
            database.close();
        }
    }

    @Override
    public String toString() {
        return database.toString();
    }
}
