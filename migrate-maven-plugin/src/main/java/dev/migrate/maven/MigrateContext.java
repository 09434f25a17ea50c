package dev.migrate.maven;

import dev.migrate.MigrateException;
import dev.migrate.MigrationListener;
import dev.migrate.Migrator;
import dev.migrate.dialect.MaskedUrl;
import dev.migrate.graph.RevisionGraph;
import java.io.File;
import java.util.List;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;

/**
 * What a goal works with: the resolved settings, the project's revisions, and a {@link Migrator}
 * built when asked for (so goals that only read the graph never need a database).
 */
public final class MigrateContext {

    private final ConnectionSettings settings;
    private final ProjectRevisions revisions;
    private final MavenProject project;
    private final Log log;
    private boolean databaseNamed;
    private JsonReports.PerDatabase perDatabase;
    private String databaseName;

    MigrateContext(ConnectionSettings settings, ProjectRevisions revisions, MavenProject project, Log log) {
        this.settings = settings;
        this.revisions = revisions;
        this.project = project;
        this.log = log;
    }

    /** This run is one of several databases': its JSON report goes into {@code reports} under {@code name}. */
    MigrateContext nestJson(JsonReports.PerDatabase reports, String name) {
        this.perDatabase = reports;
        this.databaseName = name;
        return this;
    }

    /** Where JSON reports of several databases are collected, or null for one database. */
    JsonReports.PerDatabase perDatabase() {
        return perDatabase;
    }

    /** The {@code <database>} name when several run, else null. */
    String databaseName() {
        return databaseName;
    }

    /** The resolved connection settings. */
    public ConnectionSettings settings() {
        return settings;
    }

    /** Maven's log. */
    public Log log() {
        return log;
    }

    /** The project's base directory. */
    public File baseDirectory() {
        return project.getBasedir();
    }

    /** The project's build directory ({@code target}). */
    public File buildDirectory() {
        return new File(project.getBuild().getDirectory());
    }

    /** The project's own compile source roots (not those generated under {@code target}). */
    List<File> sourceRoots() {
        return StaleClasses.ownSourceRoots(project);
    }

    /** The first compile source root ({@code src/main/java}). */
    public File sourceDirectory() {
        List<String> roots = project.getCompileSourceRoots();
        String main = project.getBuild().getSourceDirectory();
        return new File(main != null ? main : roots.get(0));
    }

    /** The project's revision graph; fails with "run mvn compile first" when there is no index. */
    public RevisionGraph graph() {
        return revisions.graph();
    }

    /** What a new revision writes in {@code @Revision(database = ...)}: empty for the default database. */
    String revisionDatabase() {
        return revisions.isDefaultDatabase() ? "" : revisions.database();
    }

    /** The project's revisions, possibly none. */
    ProjectRevisions revisions() {
        return revisions;
    }

    /**
     * A migrator over the configured database; fails with a message naming migrate.url when none is set.
     * The first time, it logs which database the goal works on (URL masked), so a run on the wrong
     * database is visible in the log's first line.
     */
    public Migrator migrator() {
        return migratorAlsoTelling(MigrationListener.NONE);
    }

    /** Like {@link #migrator()}, its events also going to {@code also} (a JSON report's recorder). */
    Migrator migratorAlsoTelling(MigrationListener also) {
        MavenLogListener logListener = new MavenLogListener(log);
        Migrator migrator = migrator(event -> {
            logListener.on(event);
            also.on(event);
        });
        if (!databaseNamed) {
            databaseNamed = true;
            log.info(databaseLine(settings));
        }
        return migrator;
    }

    /** "Database jdbc:h2:./target/app (user sa, version table migrate_version)", password masked. */
    static String databaseLine(ConnectionSettings settings) {
        StringBuilder line = new StringBuilder("Database ").append(MaskedUrl.mask(settings.url())).append(" (");
        if (settings.user() != null && !settings.user().isBlank()) {
            line.append("user ").append(settings.user()).append(", ");
        }
        line.append("version table ");
        if (settings.schema() != null) {
            line.append(settings.schema()).append('.');
        }
        return line.append(settings.versionTable()).append(')').toString();
    }

    /**
     * A migrator for offline scripts ({@code migrate.sql}): its progress goes to the debug level only,
     * since "Upgraded ..." lines would claim a change that the script has not made yet.
     */
    public Migrator offlineMigrator() {
        if (!settings.hasDatabase()) {
            throw new MigrateException("Offline SQL (migrate.sql) needs migrate.url to choose the SQL dialect; no"
                    + " connection is opened. Set it, e.g. -Dmigrate.url=jdbc:postgresql://localhost:5432/app.");
        }
        return migrator(MavenLogListener.forTenants(log));
    }

    /**
     * A migrator over the project's revisions that opens no connection, for work on the code alone
     * (lint of every revision); it needs no migrate.url and carries migrate.ddlLockTimeout.
     */
    Migrator codeMigrator() {
        return Migrator.builder()
                .classLoader(revisions.loader())
                .revisions(revisions.required())
                .database(revisions.database(), revisions.isDefaultDatabase())
                .ddlLockTimeout(settings.ddlLockTimeout())
                .build();
    }

    /** The migrator tenant runs start from: per-revision lines go to debug, the tenant table says what happened. */
    Migrator tenantsMigrator() {
        return migrator(MavenLogListener.forTenants(log));
    }

    private Migrator migrator(MigrationListener listener) {
        return builder(listener).build();
    }

    /** A migrator for autogenerate: the project may have no revision yet (the entities give the first one). */
    Migrator autogenerateMigrator() {
        if (!databaseNamed) {
            databaseNamed = true;
            log.info(databaseLine(settings));
        }
        return builder(new MavenLogListener(log), revisions.all()).build();
    }

    /** The project's compiled classes ({@code target/classes}), where the processor lists the entities. */
    File outputDirectory() {
        return new File(project.getBuild().getOutputDirectory());
    }

    private Migrator.Builder builder(MigrationListener listener) {
        return builder(listener, null);
    }

    private Migrator.Builder builder(MigrationListener listener, List<dev.migrate.index.IndexedRevision> given) {
        if (!settings.hasDatabase()) {
            throw new MigrateException("No database configured: set migrate.url, e.g. -Dmigrate.url=jdbc:h2:./target/app"
                    + " on the command line or <url> in the plugin's <configuration>.");
        }
        return Migrator.builder()
                .url(settings.url(), settings.names().url())
                .user(settings.user(), settings.names().user())
                .password(settings.password(), settings.names().password())
                .classLoader(revisions.loader())
                .revisions(given != null ? given : revisions.required())
                .database(revisions.database(), revisions.isDefaultDatabase())
                .schema(settings.schema())
                .versionTable(settings.versionTable())
                .lockTimeout(settings.lockTimeout())
                .ddlLockTimeout(settings.ddlLockTimeout())
                .singleTransaction(settings.singleTransaction())
                .listener(listener);
    }
}
