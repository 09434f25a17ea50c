package dev.migrate;

import dev.migrate.graph.RevisionGraph;
import dev.migrate.index.IndexedRevision;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;

/**
 * The one facade the Maven plugin, tests and applications call.
 *
 * <pre>{@code
 * Migrator migrator = Migrator.builder().url("jdbc:h2:./target/app").build();
 * migrator.upgrade("head");
 * }</pre>
 *
 * <p>CONTRACT STUB: signatures fixed for the plugin; the engine work (issue 5) implements them.
 */
public final class Migrator {

    private Migrator() {
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The revision graph of the configured revisions (no database needed). */
    public RevisionGraph graph() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Alembic's {@code upgrade <target>}; {@code head} by default in the plugin. */
    public RunResult upgrade(String target) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Alembic's {@code downgrade <target>}. */
    public RunResult downgrade(String target) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Alembic's {@code stamp}: writes the version table without running revisions. */
    public RunResult stamp(List<String> targets, boolean purge) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** The version table's rows (the applied heads); empty for a fresh database. */
    public List<String> current() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Offline {@code upgrade}: the SQL script; {@code target} may be a range {@code from:to}. Opens no connection. */
    public String upgradeSql(String target) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Offline {@code downgrade}: needs a range {@code from:to}. Opens no connection. */
    public String downgradeSql(String range) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Offline {@code stamp}. Opens no connection. */
    public String stampSql(List<String> targets, boolean purge) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Builds a {@link Migrator}. */
    public static final class Builder {

        private Builder() {
        }

        /** JDBC URL; also selects the dialect (offline runs need only this). */
        public Builder url(String url) {
            return this;
        }

        public Builder user(String user) {
            return this;
        }

        public Builder password(String password) {
            return this;
        }

        /** Use this data source instead of a URL; the dialect comes from its metadata. */
        public Builder dataSource(DataSource dataSource) {
            return this;
        }

        /** Loader for revision indexes and JDBC drivers; default: the thread's context loader. */
        public Builder classLoader(ClassLoader loader) {
            return this;
        }

        /** Use exactly these revisions instead of the indexes found on the class loader. */
        public Builder revisions(List<IndexedRevision> revisions) {
            return this;
        }

        public Builder schema(String schema) {
            return this;
        }

        /** Default {@code migrate_version}. */
        public Builder versionTable(String table) {
            return this;
        }

        /** How long to wait for another run's lock; default 60 s. */
        public Builder lockTimeout(Duration timeout) {
            return this;
        }

        /** PostgreSQL {@code lock_timeout} for each revision's statements; default: wait. */
        public Builder ddlLockTimeout(Duration timeout) {
            return this;
        }

        public Builder listener(MigrationListener listener) {
            return this;
        }

        public Migrator build() {
            throw new UnsupportedOperationException("not yet implemented");
        }
    }
}
