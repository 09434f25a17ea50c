package dev.migrate.dialect.h2;

import dev.migrate.dialect.ConnectionDefaults;
import dev.migrate.dialect.MaskedUrl;
import dev.migrate.dialect.SettingNames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** H2's connection rules: an embedded file admits one process, and its directory must be writable. */
final class H2ConnectionDefaults implements ConnectionDefaults {

    /** An embedded H2 file URL with an explicit path: ./x, ../x, ~/x or /x, optionally after file:. */
    private static final Pattern FILE = Pattern.compile("^jdbc:h2:(?:file:)?((?:\\.{1,2}/|~/|/)[^;]*)");
    /** H2's DATABASE_NOT_FOUND_1 and DATABASE_NOT_FOUND_WITH_IF_EXISTS_1. */
    private static final Set<Integer> DATABASE_NOT_FOUND = Set.of(90013, 90146);
    private static final int DUPLICATE_PROPERTY = 90066;
    private static final int DATABASE_IN_USE = 90020;
    /** H2's FILE_CREATION_FAILED_1, IO_EXCEPTION_1, IO_EXCEPTION_2, FILE_NOT_FOUND_1. */
    private static final Set<Integer> FILE_ERRORS = Set.of(90062, 90028, 90031, 90124);

    @Override
    public String driverArtifact() {
        return "com.h2database:h2";
    }

    /**
     * An embedded H2 file whose directory cannot be created fails inside H2, which also prints its
     * own stack trace to stderr (it cannot open its trace file either); check the directory first.
     */
    @Override
    public Optional<String> urlProblem(String url, SettingNames settings) {
        String setting = settings.url();
        Matcher file = FILE.matcher(url);
        if (!file.find()) {
            return Optional.empty();
        }
        String path = file.group(1).startsWith("~")
                ? System.getProperty("user.home") + file.group(1).substring(1) : file.group(1);
        Path existing = Path.of(path).toAbsolutePath().getParent();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && (!Files.isDirectory(existing) || !Files.isWritable(existing))) {
            return Optional.of("Cannot create the H2 database " + path + " (" + setting + "=" + MaskedUrl.mask(url) + "): "
                    + existing + (Files.isDirectory(existing) ? " is not writable" : " is not a directory")
                    + ". Point " + setting + " at a directory you can write, for example jdbc:h2:./target/app.");
        }
        return Optional.empty();
    }

    @Override
    public Optional<String> connectAdvice(String sqlState, int vendorCode, String message, SettingNames settings) {
        String setting = settings.url();
        if (DATABASE_NOT_FOUND.contains(vendorCode)) {
            return Optional.of("Create the database, or fix the database name in " + setting + ".");
        }
        if (vendorCode == DUPLICATE_PROPERTY) {
            return Optional.of("The URL and " + settings.user() + " (or the password setting) both give it; keep one of"
                    + " them.");
        }
        if (FILE_ERRORS.contains(vendorCode)) {
            return Optional.of("Check that the directory of the database file in " + setting + " exists or can be created,"
                    + " and that it is writable.");
        }
        return Optional.empty();
    }

    /** DATABASE_IN_USE, or AUTO_SERVER's start-up race: another process is opening the file at this very moment. */
    @Override
    public boolean isEmbeddedBusy(int vendorCode, String message) {
        return vendorCode == DATABASE_IN_USE
                || vendorCode == 8000 && message != null && message.contains("Lock file recently modified");
    }

    @Override
    public String embeddedBusyReason() {
        return "another process has this embedded H2 database open (another migrate run, an IDE, the application), and"
                + " embedded H2 admits one process at a time";
    }

    @Override
    public String embeddedBusyRemedy(SettingNames settings) {
        return "Wait for it to finish and run again, or share the database between processes with ;AUTO_SERVER=TRUE in"
                + " " + settings.url() + ".";
    }
}
