package dev.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A first run on a new embedded H2 file database (the quickstart's, the archetype's) leaves no
 * {@code .trace.db} beside it: H2 writes every refused statement there, so reading migrate's tables
 * before they exist would look like a failure to whoever opens target/.
 */
class H2TraceFileTest {

    @TempDir
    Path dir;

    @Test
    void aFirstRunOnANewFileDatabaseLeavesNoTraceFile() {
        for (String schema : new String[] {null, "app"}) {
            String name = schema == null ? "plain" : "in_schema";
            Migrator migrator = Migrator.builder().url("jdbc:h2:" + dir.resolve(name) + ";DATABASE_TO_LOWER=TRUE").user("sa")
                    .schema(schema).revisions(new RevisionList()
                            .sql("a1", "", "CREATE TABLE t1 (id INT)", "DROP TABLE t1").all()).build();
            assertEquals(List.of(), migrator.current());
            assertEquals(List.of(), migrator.history());
            assertEquals(1, migrator.upgrade("head").applied().size());
            assertEquals(List.of("a1"), migrator.current());
            assertEquals(0, migrator.downgrade("base").applied().size() - 1);
            assertFalse(Files.exists(dir.resolve(name + ".trace.db")), name + ".trace.db was written");
        }
    }
}
