package dev.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.testing.PostgresDatabaseExtension;
import dev.migrate.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresDatabaseExtension.class)
class PostgresMigratorTest extends MigratorContract {

    @Test
    void aUserWhoMayNotReadTheVersionTableIsToldSoInsteadOfSeeingBase(TestDatabase database) throws SQLException {
        Migrator owner = migrator(database, "priv_version", linear("priv"));
        owner.upgrade("head");
        String role = "migrate_nopriv_" + UUID.randomUUID().toString().substring(0, 8);
        execute(database, "CREATE ROLE " + role);
        try {
            // The session switches to the role at login (libpq options), as a user without grants would connect.
            String url = database.url() + (database.url().contains("?") ? "&" : "?") + "options=-c%20role%3D" + role;
            Migrator stranger = Migrator.builder().url(url).user(database.user()).password(database.password())
                    .versionTable("priv_version").revisions(linear("priv").all()).build();
            MigrateException e = assertThrows(MigrateException.class, stranger::current);
            assertTrue(e.getMessage().startsWith("Database error on jdbc:postgresql:"), e.getMessage());
            assertTrue(e.getMessage().contains("while reading or writing migrate's tables (priv_version): "), e.getMessage());
            assertTrue(e.getMessage().endsWith("(SQLState 42501, vendor code 0). Check that the database is reachable and"
                    + " that migrate.user may create, read and write these tables."), e.getMessage());
            assertEquals(List.of("c3"), owner.current());
        } finally {
            execute(database, "DROP ROLE " + role);
        }
    }

    private static void execute(TestDatabase database, String sql) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
