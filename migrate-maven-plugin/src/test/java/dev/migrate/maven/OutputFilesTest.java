package dev.migrate.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.migrate.MigrateException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** migrate.outputFile where nothing can be written: one message naming the file and the setting. */
class OutputFilesTest {

    @Test
    void parentIsAFile(@TempDir Path dir) throws Exception {
        Path blocker = Files.writeString(dir.resolve("plain-file"), "x");
        File wanted = blocker.resolve("current.json").toFile();
        MigrateException e = assertThrows(MigrateException.class,
                () -> JsonReports.write(wanted, Map.of("goal", "current"), new SystemStreamLog()));
        assertEquals("Cannot write " + wanted.getAbsolutePath() + " (migrate.outputFile): " + blocker
                + " exists and is not a directory. Set migrate.outputFile to a file in a directory you can write,"
                + " for example under target/.", e.getMessage());
    }

    @Test
    void targetIsADirectory(@TempDir Path dir) {
        File wanted = dir.toFile();
        MigrateException e = assertThrows(MigrateException.class,
                () -> JsonReports.write(wanted, Map.of("goal", "current"), new SystemStreamLog()));
        assertEquals(true, e.getMessage().startsWith("Cannot write " + wanted.getAbsolutePath()
                + " (migrate.outputFile): "), e.getMessage());
    }
}
