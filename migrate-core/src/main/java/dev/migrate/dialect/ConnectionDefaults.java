package dev.migrate.dialect;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;

/**
 * How migrate opens connections to one database: the driver properties it sets by default (timeouts,
 * keep-alive, the application name), the default port, URL mistakes caught before the driver sees them,
 * and advice on connection failures that only this database reports.
 */
public interface ConnectionDefaults {

    /** Defaults only: parameters written in the URL take precedence in the driver. */
    default Properties driverProperties() {
        return new Properties();
    }

    /** The port the driver uses when the URL names none; empty for embedded databases. */
    default OptionalInt defaultPort() {
        return OptionalInt.empty();
    }

    /** The driver's coordinates, for the "no driver on the class path" message. */
    String driverArtifact();

    /**
     * A one-line problem with {@code url} that the driver would report badly or not at all; empty when none.
     * Messages here name where the URL, user and password were set as {@code settings} ({@code migrate.url},
     * {@code migrate.tenants}, {@code <url> of database 'main'}).
     */
    default Optional<String> urlProblem(String url, SettingNames settings) {
        return Optional.empty();
    }

    /**
     * The message when this database's own driver ({@code driverClass}) is present but does not accept
     * {@code url} (set in {@code settings.url()}); empty when {@code driverClass} is not this database's driver.
     */
    default Optional<String> malformedUrl(String driverClass, String url, SettingNames settings) {
        return Optional.empty();
    }

    /** The connect and login timeouts in effect for {@code url}, as a parenthesized note; empty when unknown. */
    default String timeoutNote(String url) {
        return "";
    }

    /**
     * What to do about a connection failure this database reports in its own terms (a missing database, a
     * file it cannot write); empty when the generic advice fits. {@code settings} name where the URL, user and
     * password were set.
     */
    default Optional<String> connectAdvice(String sqlState, int vendorCode, String message, SettingNames settings) {
        return Optional.empty();
    }

    /** True when the failure means another process has an embedded database open that admits one process. */
    default boolean isEmbeddedBusy(int vendorCode, String message) {
        return false;
    }

    /** Why {@link #isEmbeddedBusy} stops the run: who has the database open and why that excludes this run. */
    default String embeddedBusyReason() {
        return "";
    }

    /** What to do when {@link #isEmbeddedBusy}: wait, or how to share the database ({@code settings.url()}: where the URL was set). */
    default String embeddedBusyRemedy(SettingNames settings) {
        return "";
    }
}
