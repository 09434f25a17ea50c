package dev.migrate.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.benchmarks.history.FlywayProjectWriter;
import dev.migrate.benchmarks.history.GeneratedRevision;
import dev.migrate.benchmarks.history.MigrateProjectWriter;
import dev.migrate.benchmarks.history.SupportDeskHistory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated history's shape and the two projects written from it (no database). */
class SupportDeskHistoryTest {

    @Test
    void historyIsOneLinearBranchWithUniqueAlembicStyleIds() {
        List<GeneratedRevision> history = SupportDeskHistory.generate(1_000);
        assertEquals(1_000, history.size());
        assertNull(history.get(0).revises());
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < history.size(); i++) {
            GeneratedRevision revision = history.get(i);
            assertEquals(i + 1, revision.number());
            assertTrue(revision.id().matches("[0-9a-f]{12}"), revision.id());
            assertTrue(ids.add(revision.id()), "duplicate id " + revision.id());
            if (i > 0) {
                assertEquals(history.get(i - 1).id(), revision.revises());
            }
            assertTrue(!revision.upgrade().isEmpty() && !revision.downgrade().isEmpty(), revision.message());
        }
    }

    @Test
    void sameSeedGivesTheSameHistory() {
        assertEquals(SupportDeskHistory.generate(300), SupportDeskHistory.generate(300));
        assertTrue(!SupportDeskHistory.generate(300, 1).equals(SupportDeskHistory.generate(300, 2)));
    }

    @Test
    void historyHasEveryKindOfChangeTheIssueAsksFor() {
        List<String> sql = SupportDeskHistory.generate(100).stream().flatMap(r -> r.upgrade().stream()).toList();
        for (String kind : List.of("CREATE TABLE", "REFERENCES", "PRIMARY KEY", "ADD COLUMN", "CREATE INDEX", "CHECK (",
                "RENAME COLUMN", "UPDATE ", "INSERT INTO", "DROP INDEX")) {
            assertTrue(sql.stream().anyMatch(s -> s.contains(kind)), "no statement with " + kind);
        }
    }

    @Test
    void firstRevisionCreatesTheOrganizationTable() {
        GeneratedRevision first = SupportDeskHistory.generate(1).get(0);
        assertEquals("create organization", first.message());
        assertEquals(List.of("CREATE TABLE organization (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                + " name VARCHAR(200) NOT NULL, domain VARCHAR(255))"), first.upgrade());
        assertEquals(List.of("DROP TABLE organization"), first.downgrade());
        assertEquals("R00001CreateOrganization", first.className());
        assertEquals("V1__create_organization.sql", first.flywayFileName());
    }

    @Test
    void noHistoryOfZeroRevisions() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SupportDeskHistory.generate(0));
        assertEquals("A history needs at least one revision, not 0", e.getMessage());
    }

    @Test
    void migrateClassRunsExactlyTheFlywayFilesStatements(@TempDir Path dir) throws IOException {
        List<GeneratedRevision> history = SupportDeskHistory.generate(20);
        new MigrateProjectWriter("0.1.0-SNAPSHOT", "42.7.13").write(dir.resolve("migrate"), history);
        new FlywayProjectWriter("13.12.0", "42.7.13").write(dir.resolve("flyway"), history);

        GeneratedRevision second = history.get(1);
        String java = Files.readString(dir.resolve("migrate/src/main/java/com/example/supportdesk/migrations/"
                + second.className() + ".java"));
        assertTrue(java.contains("@Revision(id = \"" + second.id() + "\", revises = \"" + history.get(0).id()
                + "\", message = \"" + second.message() + "\")"), java);
        assertTrue(java.contains("public final class " + second.className() + " implements Migration {"), java);
        String flyway = Files.readString(dir.resolve("flyway").resolve(FlywayProjectWriter.MIGRATIONS).resolve(second.flywayFileName()));
        for (String statement : second.upgrade()) {
            assertTrue(java.contains("op.execute(\"" + statement + "\");"), statement);
            assertTrue(flyway.contains(statement + ";\n"), statement);
        }
        assertTrue(Files.readString(dir.resolve("migrate/pom.xml")).contains("<artifactId>migrate-processor</artifactId>"));
        assertTrue(Files.readString(dir.resolve("flyway/pom.xml")).contains("<artifactId>flyway-database-postgresql</artifactId>"));
        try (Stream<Path> files = Files.list(dir.resolve("flyway").resolve(FlywayProjectWriter.MIGRATIONS))) {
            assertEquals(20, files.count());
        }
    }
}
