package dev.migrate.maven;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/** Writes an offline SQL script ({@code -Dmigrate.sql}) to a file and to the log. */
final class OfflineScript {

    private OfflineScript() {
    }

    /** Writes {@code sql} to {@code outputFile}, or to {@code target/migrate/<goal>.sql} when it is null. */
    static File write(MigrateContext context, String goal, File outputFile, String sql) {
        File file = outputFile != null ? outputFile : new File(context.buildDirectory(), "migrate/" + goal + ".sql");
        try {
            Files.createDirectories(file.getAbsoluteFile().getParentFile().toPath());
            Files.writeString(file.toPath(), sql, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw OutputFiles.cannotWrite(file, e);
        }
        // One log call for the whole script: a line each costs Maven's logger seconds for a
        // thousand revisions, and the unprefixed lines copy straight into a SQL console.
        context.log().info("Offline SQL of migrate:" + goal + ":" + System.lineSeparator() + sql);
        context.log().info("Wrote the offline SQL of migrate:" + goal + " to " + file + " (no database was touched).");
        return file;
    }
}
