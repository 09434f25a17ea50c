package dev.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.testing.H2DatabaseExtension;
import dev.migrate.testing.TestDatabase;
import dev.migrate.ops.ColumnType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(H2DatabaseExtension.class)
class H2MigratorTest extends MigratorContract {

    @Test
    void dataSourceGivesConnectionsAndTheDialect(TestDatabase database) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(database.url());
        dataSource.setUser(database.user());
        dataSource.setPassword(database.password());
        Migrator migrator = Migrator.builder().dataSource(dataSource).versionTable("ds_version")
                .revisions(linear("ds").all()).build();
        assertEquals(3, migrator.upgrade("head").applied().size());
        assertEquals(List.of("c3"), migrator.current());
    }

    /** A typed table (created quoted, lower case) that plain SQL then names without quotes. */
    private static RevisionList unquotedSql() {
        return new RevisionList()
                .add("u1", "", op -> op.createTable("case_tickets", t -> t.column("id", ColumnType.INTEGER, c -> c.primaryKey())),
                        op -> op.dropTable("case_tickets"))
                .sql("u2", "u1", "INSERT INTO case_tickets (id) VALUES (7)", "DELETE FROM case_tickets");
    }

    private static Migrator migrator(TestDatabase database) {
        return Migrator.builder().url(database.url()).user(database.user()).password(database.password())
                .versionTable("case_version").revisions(unquotedSql().all()).build();
    }

    @Test
    void unquotedNamesOnADefaultH2UrlFailWithTheUrlSettingAsHint(TestDatabase database) {
        RevisionFailedException e = assertThrows(RevisionFailedException.class, () -> migrator(database).upgrade("head"));
        assertEquals("u2", e.revision());
        assertTrue(e.getMessage().contains("Table \"CASE_TICKETS\" not found"), e.getMessage());
        assertTrue(e.getMessage().contains("\n  hint: H2 turns unquoted names in SQL into upper case, while migrate creates"
                + " them quoted as written (usually lower case). Quote the names in the SQL of op.execute(...), or add"
                + " ;DATABASE_TO_LOWER=TRUE to the H2 URL, e.g. jdbc:h2:mem:app;DATABASE_TO_LOWER=TRUE.\n"),
                e.getMessage());
    }

    @Test
    void unquotedNamesWorkWithTheHintedUrlSettings() throws SQLException {
        for (String settings : List.of(";DATABASE_TO_LOWER=TRUE", ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE")) {
            TestDatabase lower = new TestDatabase("h2", "jdbc:h2:mem:lower_" + UUID.randomUUID().toString().substring(0, 8)
                    + ";DB_CLOSE_DELAY=-1" + settings, "sa", "");
            assertEquals(2, migrator(lower).upgrade("head").applied().size(), settings);
            try (Connection connection = lower.connect(); Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT id FROM case_tickets")) {
                assertTrue(rows.next(), settings);
                assertEquals(7, rows.getInt(1), settings);
            }
            assertEquals(2, migrator(lower).downgrade("base").applied().size(), settings);
            assertEquals(List.of(), migrator(lower).current(), settings);
        }
    }
}
