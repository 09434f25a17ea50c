package dev.migrate.junit;

import dev.migrate.MigrateException;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Everything {@code @MigrateTest} keeps for one test class: the server, the class's database, the
 * revisions, the checks; closed (databases dropped) when the class is done.
 */
final class ClassState implements ExtensionContext.Store.CloseableResource {

    private final LocatedServer located;
    private final String testClassName;
    private final RevisionSet revisions;
    private final TestSettings settings;
    private final List<DatabaseSession> sessions = new ArrayList<>();
    private final MigrationChecks checks;
    private DatabaseSession classSession;

    ClassState(LocatedServer located, Class<?> testClass, RevisionSet revisions, TestSettings settings) {
        this.located = located;
        this.testClassName = testClass.getSimpleName();
        this.revisions = revisions;
        this.settings = settings;
        this.checks = new MigrationChecks(revisions, () -> newSession(testClassName + "_check"), settings,
                located.server().lintUrl());
    }

    LocatedServer located() {
        return located;
    }

    /** The class's own database, created on first use (the extension asks for it before the class runs). */
    synchronized DatabaseSession classSession() {
        if (classSession == null) {
            classSession = newSession(testClassName);
        }
        return classSession;
    }

    MigrationChecks checks() {
        return checks;
    }

    /** A new, empty database on the class's server, dropped at the latest when the class is done. */
    private synchronized DatabaseSession newSession(String hint) {
        try {
            DatabaseSession session = new DatabaseSession(located.server().create(hint), revisions, settings);
            sessions.add(session);
            return session;
        } catch (SQLException e) {
            String missingDriver = missingDriver(located.server());
            if (missingDriver != null) {
                throw new MigrateException("Cannot create a test database on " + located.describe() + ": " + missingDriver, e);
            }
            throw new MigrateException("Cannot create a test database on " + located.describe() + ": " + e.getMessage()
                    + " Check that the server is running and that the user may CREATE DATABASE.", e);
        }
    }

    /**
     * What to add when no JDBC driver on the test class path takes the server's URL, else null:
     * DriverManager's "No suitable driver" would otherwise read as a server that is down.
     */
    static String missingDriver(DatabaseServer server) {
        String url;
        String artifact;
        if (server instanceof DatabaseServer.Postgres postgres) {
            url = postgres.adminUrl();
            artifact = "org.postgresql:postgresql";
        } else if (server instanceof DatabaseServer.MariaDb mariaDb) {
            url = mariaDb.adminUrl();
            artifact = "org.mariadb.jdbc:mariadb-java-client";
        } else {
            url = "jdbc:h2:mem:";
            artifact = "com.h2database:h2";
        }
        try {
            DriverManager.getDriver(url);
            return null;
        } catch (SQLException none) {
            String scheme = url.substring(0, url.indexOf(':', "jdbc:".length()) + 1);
            return "no JDBC driver for '" + scheme + "' URLs is on the test class path. Add the database's driver as a"
                    + " test dependency (" + artifact + ").";
        }
    }

    @Override
    public synchronized void close() {
        MigrateException failure = null;
        for (DatabaseSession session : sessions) {
            try {
                session.close();
            } catch (MigrateException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
