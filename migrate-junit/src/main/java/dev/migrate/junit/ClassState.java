package dev.migrate.junit;

import dev.migrate.MigrateException;
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
            throw new MigrateException("Cannot create a test database on " + located.describe() + ": " + e.getMessage()
                    + " Check that the server is running and that the user may CREATE DATABASE.", e);
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
