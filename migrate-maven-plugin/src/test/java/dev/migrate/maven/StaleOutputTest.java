package dev.migrate.maven;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run that fails before its report leaves no file behind, never the previous run's "passed". */
class StaleOutputTest {

    @TempDir
    Path dir;

    @Test
    void aFailedCheckRemovesTheLastRunsReport() throws Exception {
        File report = write("check.json", "{ \"goal\" : \"check\", \"passed\" : true }");
        CheckMojo check = new CheckMojo();
        check.outputFile = report;
        assertThrows(Exception.class, check::execute, "no project, no database: the goal fails before any result");
        assertFalse(report.exists(), "the last run's passing report must not stand for this failed run");
    }

    @Test
    void aFailedQueryOrRunRemovesTheLastRunsReportButASkippedOneKeepsIt() throws Exception {
        File current = write("current.json", "{ \"goal\" : \"current\" }");
        CurrentMojo query = new CurrentMojo();
        query.outputFile = current;
        assertThrows(Exception.class, query::execute);
        assertFalse(current.exists());

        File upgrade = write("upgrade.json", "{ \"goal\" : \"upgrade\" }");
        UpgradeMojo run = new UpgradeMojo();
        run.outputFile = upgrade;
        run.skip = true;
        run.execute();
        assertTrue(upgrade.exists(), "migrate.skip does nothing, and so keeps the file");
        run.skip = false;
        assertThrows(Exception.class, run::execute);
        assertFalse(upgrade.exists());
    }

    private File write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text).toFile();
    }
}
