package dev.migrate.maven;

import dev.migrate.MigrateException;
import java.io.File;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;

/** The message for a result or script file that cannot be written ({@code migrate.outputFile}). */
final class OutputFiles {

    private OutputFiles() {
    }

    static MigrateException cannotWrite(File file, IOException e) {
        return new MigrateException("Cannot write " + file.getAbsolutePath() + " (migrate.outputFile): " + reason(e)
                + ". Set migrate.outputFile to a file in a directory you can write, for example under target/.", e);
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException denied) {
            return "permission denied for " + denied.getFile();
        }
        if (e instanceof FileAlreadyExistsException exists) {
            return exists.getFile() + " exists and is not a directory";
        }
        if (e instanceof NoSuchFileException missing) {
            return "no such file or directory " + missing.getFile();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
