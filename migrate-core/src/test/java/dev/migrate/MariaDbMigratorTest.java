package dev.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrate.testing.MariaDbDatabaseExtension;
import dev.migrate.testing.TestDatabase;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MariaDbDatabaseExtension.class)
class MariaDbMigratorTest extends MigratorContract {

    /**
     * MariaDB Connector/J logs every statement the server refuses as a warning, so a first run that
     * read the version table to find it missing printed "Table ... doesn't exist": the reads ask
     * information_schema first, and a first look, a first upgrade and a second one refuse nothing.
     */
    @Test
    void aFirstRunHasNoStatementRefused(TestDatabase database) {
        List<String> refused = Collections.synchronizedList(new ArrayList<>());
        Migrator migrator = Migrator.builder().dataSource(recordingRefusals(database, refused)).versionTable("quiet_version")
                .revisions(linear("quiet").all()).build();

        assertEquals(List.of(), migrator.current());
        assertEquals(List.of(), migrator.history());
        assertEquals(List.of(), migrator.changedRevisions());
        migrator.upgrade("b2");
        migrator.upgrade("head");
        assertEquals(List.of("c3"), migrator.current());
        assertEquals(List.of(), refused, "statements the server refused");
    }

    /** A DataSource whose statements add what the server refuses to {@code refused}. */
    private static DataSource recordingRefusals(TestDatabase database, List<String> refused) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("getConnection")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
                    return recording(Connection.class, connection, refused);
                });
    }

    /** {@code target} behind a proxy that records refused calls, and wraps the statements it makes too. */
    private static <T> T recording(Class<T> type, T target, List<String> refused) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof SQLException refusal) {
                    refused.add(method.getName() + ": " + refusal.getMessage());
                }
                throw e.getCause();
            }
            if (result instanceof PreparedStatement prepared && method.getReturnType() == PreparedStatement.class) {
                return recording(PreparedStatement.class, prepared, refused);
            }
            if (result instanceof Statement statement && method.getReturnType() == Statement.class) {
                return recording(Statement.class, statement, refused);
            }
            return result;
        }));
    }
}
