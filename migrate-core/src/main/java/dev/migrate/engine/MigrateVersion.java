package dev.migrate.engine;

/** The running migrate version, as recorded in the history table. */
final class MigrateVersion {

    private static final String VERSION = read();

    private MigrateVersion() {
    }

    static String current() {
        return VERSION;
    }

    private static String read() {
        String version = MigrateVersion.class.getPackage().getImplementationVersion();
        // Classes compiled in the reactor (tests, IDE) have no manifest.
        return version == null ? "development" : version;
    }
}
