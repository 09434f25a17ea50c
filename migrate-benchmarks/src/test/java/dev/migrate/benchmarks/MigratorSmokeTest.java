package dev.migrate.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.Migrator;
import dev.migrate.RunResult;
import dev.migrate.benchmarks.floor.JdbcFloor;
import dev.migrate.benchmarks.history.GeneratedRevision;
import dev.migrate.benchmarks.history.SupportDeskHistory;
import dev.migrate.testing.PostgresDatabaseExtension;
import dev.migrate.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The smoke size (N = 20) of the in-process scenarios: the generated classes compile with the
 * processor, {@code Migrator} runs them from their index, and the schema it builds is exactly the
 * one the JDBC floor builds from the Flyway files' SQL (so the comparison measures equal work).
 */
@ExtendWith(PostgresDatabaseExtension.class)
class MigratorSmokeTest {

    private static final int SMOKE = 20;
    private static final Set<String> BOOKKEEPING = Set.of("migrate_version", "migrate_history", "migrate_progress", "bench_version");

    @Test
    void migratorBuildsTheFloorsSchemaAndReversesIt(TestDatabase database, @TempDir Path dir) throws Exception {
        List<GeneratedRevision> history = SupportDeskHistory.generate(SMOKE);
        ClassLoader revisions = RevisionCompiler.compile(history, dir);
        Migrator migrator = Migrator.builder().url(database.url()).user(database.user()).password(database.password())
                .classLoader(revisions).build();

        RunResult upgrade = migrator.upgrade("head");
        assertEquals(SMOKE, upgrade.applied().size());
        assertEquals(List.of(history.get(SMOKE - 1).id()), upgrade.headsAfter());
        List<String> migrateSchema = schema(database);
        assertEquals(0, migrator.upgrade("head").applied().size());
        assertEquals(SMOKE, migrator.downgrade("base").applied().size());
        assertEquals(List.of(), schema(database));

        String url = database.url() + (database.user() == null ? "" : (database.url().contains("?") ? "&" : "?") + "user=" + database.user());
        assertEquals(SMOKE, JdbcFloor.apply(url, JdbcFloor.readRevisions(flyway(history, dir))));
        assertEquals(migrateSchema, schema(database));
    }

    @Test
    void offlineScriptHoldsEveryStatementOfTheHistory(@TempDir Path dir) throws Exception {
        List<GeneratedRevision> history = SupportDeskHistory.generate(SMOKE);
        String script = Migrator.builder().url("jdbc:postgresql://127.0.0.1:5432/unused")
                .classLoader(RevisionCompiler.compile(history, dir)).build().upgradeSql("head");
        for (GeneratedRevision revision : history) {
            for (String statement : revision.upgrade()) {
                assertTrue(script.contains(statement), statement);
            }
        }
    }

    private static Path flyway(List<GeneratedRevision> history, Path dir) throws Exception {
        Path project = dir.resolve("flyway");
        new dev.migrate.benchmarks.history.FlywayProjectWriter("13.12.0", "42.7.13").write(project, history);
        return project.resolve(dev.migrate.benchmarks.history.FlywayProjectWriter.MIGRATIONS);
    }

    /** Every column (type, nullability, default) and index of the user tables; bookkeeping tables left out. */
    private static List<String> schema(TestDatabase database) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT table_name, column_name, data_type, is_nullable, column_default"
                     + " FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, ordinal_position")) {
            while (rows.next()) {
                if (!BOOKKEEPING.contains(rows.getString(1))) {
                    columns.add(rows.getString(1) + "." + rows.getString(2) + " " + rows.getString(3) + " "
                            + rows.getString(4) + " " + rows.getString(5));
                }
            }
            try (ResultSet indexes = statement.executeQuery("SELECT tablename, indexdef FROM pg_indexes"
                    + " WHERE schemaname = 'public' ORDER BY tablename, indexname")) {
                while (indexes.next()) {
                    if (!BOOKKEEPING.contains(indexes.getString(1))) {
                        columns.add(indexes.getString(2));
                    }
                }
            }
        }
        return columns;
    }
}
