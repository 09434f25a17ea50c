package dev.migrate.maven;

import dev.migrate.MigrateException;
import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * The shared part of every goal: skip, connection settings, the project's revisions, and the one
 * place where exceptions become Maven's. The password is deliberately not a parameter: Maven's
 * {@code -X} prints every parameter's value. It comes from the settings.xml {@code <server>} named
 * by {@link #serverId} (decrypted), the {@code MIGRATE_PASSWORD} environment variable, or the
 * {@code migrate.password} property, read at run time.
 */
public abstract class AbstractMigrateMojo extends AbstractMojo {

    /** The project being migrated. */
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    /** The running session, for the {@code migrate.password} property. */
    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected MavenSession session;

    /** This execution, for the goal's name in messages. */
    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    protected MojoExecution mojoExecution;

    /** The user's settings, for the {@code <server>} of {@link #serverId}. */
    @Parameter(defaultValue = "${settings}", readonly = true, required = true)
    protected Settings settings;

    /** Decrypts settings.xml passwords. */
    @Component
    protected SettingsDecrypter settingsDecrypter;

    /**
     * JDBC URL of the database; it also selects the dialect. No default: goals that only read the
     * revision graph ({@code heads}, {@code branches}, {@code show}, {@code check}) work without it.
     * Example: {@code jdbc:postgresql://localhost:5432/app} or {@code jdbc:h2:./target/app}. A password
     * written into the URL is masked wherever the URL is printed, {@code -X} included.
     *
     * @since 0.1.0
     */
    @Parameter(property = "migrate.url")
    protected JdbcUrl url;

    /**
     * Database user. Default: none (the driver's default, or the {@code <username>} of the server
     * named by {@code migrate.serverId}; setting both is an error). Example: {@code app}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "migrate.user")
    protected String user;

    /**
     * Id of a {@code <server>} in settings.xml holding the user and the (possibly encrypted) password.
     * Default: none. Example: {@code -Dmigrate.serverId=prod-db}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "migrate.serverId")
    protected String serverId;

    /**
     * Schema that holds the version table. Default: the connection's default schema. Example: {@code app}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "migrate.schema")
    protected String schema;

    /**
     * Name of the version table (one row per applied head). Default {@code migrate_version}.
     * Example: {@code -Dmigrate.versionTable=billing_version}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "migrate.versionTable", defaultValue = "migrate_version")
    protected String versionTable;

    /**
     * How long a run waits for another run's lock before failing. Default {@code 60s}.
     * Examples: {@code 30s}, {@code 2m}, {@code PT90S}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "migrate.lockTimeout", defaultValue = "60s")
    protected String lockTimeout;

    /**
     * How long each revision's statements wait for a table lock (PostgreSQL {@code lock_timeout}, H2
     * {@code LOCK_TIMEOUT}), so a DDL statement never queues live traffic behind it for long; a
     * statement that waits longer fails its revision. Default: none (wait). Example: {@code 3s}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "migrate.ddlLockTimeout")
    protected String ddlLockTimeout;

    /**
     * One transaction for the whole {@code upgrade} or {@code downgrade} instead of one per revision:
     * a failing revision then rolls back every revision of the run (PostgreSQL; H2 commits DDL as it
     * runs), and the revisions of an offline script share one BEGIN/COMMIT. A {@code CONCURRENTLY} index or a batched
     * update still commits what ran before it. Default {@code false}. Example:
     * {@code -Dmigrate.singleTransaction}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "migrate.singleTransaction", defaultValue = "false")
    protected boolean singleTransaction;

    /**
     * Several databases, each with its own history, version table and lock: every goal runs for each
     * in the order listed (one block of output each), or for the one {@code migrate.database} names.
     * Each entry takes {@code name}, {@code url}, and optionally {@code user}, {@code serverId},
     * {@code passwordEnv} (the name of an environment variable holding its password), {@code schema}
     * and {@code versionTable}. A revision joins a database with {@code @Revision(database = "analytics")};
     * revisions naming none belong to the first. Default: none (the single {@code migrate.url}).
     *
     * @since 0.2.0
     */
    @Parameter
    protected java.util.List<Database> databases;

    /**
     * With {@code <databases>}: run the goal for this database only. Required by {@code revision}
     * and {@code merge} when several are configured. Example: {@code -Dmigrate.database=analytics}.
     *
     * @since 0.2.0
     */
    @Parameter(property = "migrate.database")
    protected String database;

    /**
     * Tenants to run the goal for, one after another or {@code migrate.parallel} at once: schemas on
     * the configured database (schema per tenant), JDBC URLs (database per tenant), or both, comma-
     * separated. Each tenant has its own version table, history and lock. Used by {@code upgrade},
     * {@code downgrade} and {@code current}. Default: none (the configured database only). Example:
     * {@code -Dmigrate.tenants=acme,globex}.
     *
     * @since 0.2.0
     */
    @Parameter(property = "migrate.tenants")
    protected TenantList tenants;

    /**
     * A query on the configured database whose first column lists the tenants (schemas or JDBC URLs),
     * instead of {@code migrate.tenants}. Example:
     * {@code -Dmigrate.tenantQuery="SELECT schema_name FROM public.tenants WHERE active"}.
     *
     * @since 0.2.0
     */
    @Parameter(property = "migrate.tenantQuery")
    protected String tenantQuery;

    /**
     * How many tenants run at once; each running tenant holds one connection plus its lock's. Default {@code 1}.
     * Example: {@code -Dmigrate.parallel=4}.
     *
     * @since 0.2.0
     */
    @Parameter(property = "migrate.parallel", defaultValue = "1")
    protected String parallel;

    /**
     * With tenants: stop starting tenants after the first failure (the default tries every tenant and
     * fails the build once at the end). Default {@code false}. Example: {@code -Dmigrate.failFast}.
     *
     * @since 0.2.0
     */
    @Parameter(property = "migrate.failFast", defaultValue = "false")
    protected boolean failFast;

    /**
     * Skips the goal. Default {@code false}. Example: {@code -Dmigrate.skip}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "migrate.skip", defaultValue = "false")
    protected boolean skip;

    /**
     * Settings whose empty value is a mistake rather than "use the default" (an empty migrate.user or
     * migrate.schema can mean "not the POM's one", so those stay allowed).
     */
    static final List<String> NOT_EMPTY = List.of("migrate.url", "migrate.versionTable", "migrate.serverId",
            "migrate.outputFile", "migrate.database", "migrate.template", "migrate.lockTimeout", "migrate.ddlLockTimeout",
            "migrate.parallel", "migrate.namingStrategy", "migrate.renames", "migrate.lint", "migrate.lint.failOn",
            "migrate.tenants", "migrate.tenantQuery", "migrate.range", "migrate.package", "migrate.head",
            "migrate.springProfiles");

    /**
     * Switches Maven would read as false for any text but "true": {@code -Dmigrate.sql=yes} must not
     * quietly run against the database instead of writing a script.
     */
    static final List<String> SWITCHES = List.of("migrate.sql", "migrate.skip", "migrate.purge",
            "migrate.verbose", "migrate.splice", "migrate.singleTransaction", "migrate.failFast",
            "migrate.validateOnUpgrade", "migrate.autogenerate", "migrate.allowEmpty", "migrate.autogenerate.dropUnmapped");

    /** Settings the command line took over from the POM's {@code <configuration>}; set by {@link MigrateConfigurator}. */
    List<CommandLineOverrides.Override> commandLineOverrides = List.of();

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        String pomSkip = project == null ? null : pomProjectSkip(project.getPackaging(), project.getArtifactId(), goal());
        if (!skip && pomSkip == null) {
            discardPreviousOutput(outputFile());
        }
        String notASwitch = notASwitch(session == null ? null : session.getUserProperties());
        if (notASwitch != null) {
            throw new MojoFailureException(notASwitch);
        }
        try {
            rejectEmptyProperties(session == null ? null : session.getUserProperties());
            if (session != null && mojoExecution != null && mojoExecution.getMojoDescriptor() != null) {
                UnknownSettings.reject(session.getUserProperties(),
                        UnknownSettings.of(mojoExecution.getMojoDescriptor().getPluginDescriptor()));
            }
        } catch (MigrateException e) {
            throw failure(e);
        }
        if (skip) {
            getLog().info("Skipping migrate:" + goal() + " because migrate.skip is true.");
            return;
        }
        if (pomSkip != null) {
            getLog().info(pomSkip);
            return;
        }
        quietDriverErrorLog();
        for (CommandLineOverrides.Override override : commandLineOverrides) {
            getLog().info(override.describe());
        }
        try (ProjectRevisions revisions = projectRevisions()) {
            StaleClasses.check(StaleClasses.ownSourceRoots(project), new File(project.getBuild().getOutputDirectory()), goal());
            if (needsRevisions() && revisions.everyRevision().isEmpty()) {
                // A project just set up: Alembic's empty history is base, so there is nothing to do yet.
                getLog().info(noRevisionsYetInProject(goal(), RevisionNaming.suggestedPackage(groupId())));
                return;
            }
            List<Database> selected = selectedDatabases(revisions);
            if (selected.isEmpty()) {
                JdbcUrl given = url != null ? url : leftUnresolved(project.getProperties());
                JdbcUrl resolved = given == null ? null : given.resolved("migrate.url");
                run(new MigrateContext(connectionSettings(resolved, "migrate.url", CredentialPlaces.PLUGIN, user, serverId,
                        schema, versionTable), revisions, project, getLog()));
            } else {
                boolean several = selected.size() > 1;
                JsonReports.PerDatabase reports = several ? new JsonReports.PerDatabase(goal()) : null;
                try {
                    for (Database entry : selected) {
                        if (several) {
                            getLog().info("");
                            getLog().info("== database " + entry.name + " (" + entry.url + ") ==");
                        }
                        boolean isDefault = entry == databases.get(0);
                        ProjectRevisions history = revisions.forDatabase(entry.name, isDefault);
                        if (needsRevisions() && history.all().isEmpty()) {
                            // A database just added to <databases>: as for a project without revisions, nothing to do yet.
                            getLog().info(noRevisionsYet(goal(), entry.name));
                            continue;
                        }
                        JdbcUrl entryUrl = entry.url.resolved("The <url> of database '" + entry.name + "'");
                        run(new MigrateContext(connectionSettings(entryUrl, entry.urlSetting(), entry.credentialPlaces(),
                                entry.user, entry.serverId,
                                entry.schema != null ? entry.schema : schema,
                                entry.versionTable != null ? entry.versionTable : versionTable),
                                history, project, getLog())
                                .nestJson(reports, several ? entry.name : null));
                    }
                } finally {
                    if (reports != null) {
                        reports.write(getLog()); // also when a database failed: the report says how far each got
                    }
                }
            }
        } catch (MigrateException e) {
            // The message names the revision or setting and says what to do; the trace only with -e.
            throw failure(e);
        } catch (RuntimeException | IOException e) {
            String line = "migrate:" + goal() + " failed unexpectedly: " + e.getClass().getSimpleName() + ": "
                    + String.valueOf(e.getMessage()).strip().replaceAll("\\s*\\R\\s*", " ");
            throw new MojoExecutionException(line, TraceOnly.of(line, e));
        }
    }

    /** The file the goal writes its result to ({@code migrate.outputFile}); null when it writes none. */
    protected File outputFile() {
        return null;
    }

    /**
     * Removes what an earlier run wrote to {@code file}: a run that fails before it has a result (no
     * connection, a wrong setting) writes none, and a pipeline reading the file must not take the last
     * run's {@code "passed" : true} for this one's.
     */
    static void discardPreviousOutput(File file) throws MojoFailureException {
        if (file == null || !file.isFile()) {
            return;
        }
        try {
            java.nio.file.Files.delete(file.toPath());
        } catch (IOException e) {
            throw new MojoFailureException("Cannot replace " + file + " (migrate.outputFile): " + e.getMessage()
                    + ". Set migrate.outputFile to a file in a directory you can write, for example under target/.");
        }
    }

    /**
     * The BUILD FAILURE for {@code e}: its message, and nothing after it. Maven's summary appends the message
     * of every cause in the chain that the message does not already contain, so a lost connection's driver
     * exception would add its socket's last words ("unexpected end of stream, read 0 bytes from 4 ...") after
     * migrate's "running upgrade again is safe". The cause chain is kept for {@code -e} and {@code -X} as
     * {@link TraceOnly}, whose messages repeat the line, so the summary stays that line alone.
     */
    static MojoFailureException failure(MigrateException e) {
        return new MojoFailureException(e.getMessage(), TraceOnly.of(e.getMessage(), e));
    }

    /** What the goal does; {@link MigrateException}s thrown here become a BUILD FAILURE with their message. */
    protected abstract void run(MigrateContext context) throws IOException, MojoFailureException;

    /**
     * Fails when tenants are set: {@code what} (stamp, an offline script, history) works on one
     * database and would leave the tenants out without a word.
     */
    protected final void rejectTenants(String what) {
        if (tenantGoal().configured()) {
            throw new MigrateException(TenantGoal.notOverTenants(what));
        }
    }

    /** The tenant settings of this run; {@link TenantGoal#configured()} says whether there are tenants. */
    protected final TenantGoal tenantGoal() {
        return new TenantGoal(tenants == null ? null : tenants.value(), tenantQuery, TenantGoal.parallelism(parallel),
                failFast);
    }

    /**
     * False for goals that work on a project without any revision yet ({@code revision} writes the
     * first); the others log {@link #noRevisionsYetInProject} and do nothing there, as Alembic does on an empty history.
     */
    protected boolean needsRevisions() {
        return true;
    }

    /** The project's groupId, which suggests the package of its first revision; null outside a project. */
    protected String groupId() {
        return project == null ? null : project.getGroupId();
    }

    /** The info line of a goal run before the project has any revision, suggesting {@code suggestedPackage} for the first. */
    static String noRevisionsYetInProject(String goal, String suggestedPackage) {
        return "No revisions yet: the project has no @Revision class, so migrate:" + goal + " has nothing to do and"
                + " leaves the database as it is. Write the first with"
                + " `mvn migrate:revision -Dmigrate.message=\"create users\" -Dmigrate.package=" + suggestedPackage
                + "`, then run `mvn compile migrate:upgrade`.";
    }

    /** {@link #noRevisionsYetInProject} for one of several {@code <databases>}, named {@code database}. */
    static String noRevisionsYet(String goal, String database) {
        return "No revisions yet for database '" + database + "': no @Revision class belongs to it (database = \""
                + database + "\"), so migrate:" + goal + " has nothing to do there and leaves it as it is. Write its first"
                + " with `mvn migrate:revision -Dmigrate.database=" + database + " -Dmigrate.message=\"...\"`.";
    }

    /** True for goals that write a revision of one history ({@code revision}, {@code merge}). */
    protected boolean oneDatabaseOnly() {
        return false;
    }

    /** The goal's name, for messages. */
    protected final String goal() {
        return mojoExecution == null ? "migrate" : mojoExecution.getGoal();
    }

    /**
     * The configured databases this run works on: none without {@code <databases>}; all of them, or
     * the one {@code migrate.database} names. Every database a revision names must be configured.
     */
    private List<Database> selectedDatabases(ProjectRevisions revisions) {
        if (databases == null || databases.isEmpty()) {
            if (database != null && !database.isBlank()) {
                throw new MigrateException("migrate.database is '" + database.trim() + "', but the plugin's configuration"
                        + " lists no <databases>. List them (each with <name> and <url>), or leave migrate.database out.");
            }
            java.util.Set<String> others = new java.util.TreeSet<>();
            revisions.everyRevision().forEach(r -> {
                if (!r.descriptor().database().isEmpty()) {
                    others.add(r.descriptor().database());
                }
            });
            if (!others.isEmpty()) {
                getLog().info("Revisions of other databases (" + String.join(", ", others) + ") are left out: migrate.url"
                        + " runs the default database's history. List the databases in <databases> to run them too.");
            }
            return List.of();
        }
        return Database.select(databases, url, database, oneDatabaseOnly(), goal(),
                revisions.everyRevision().stream().map(dev.migrate.index.IndexedRevision::descriptor).toList());
    }

    /**
     * @param urlSetting where {@code url} was set, for messages: {@code migrate.url}, {@code <url> of database 'main'}
     * @param places     where the user and password are set: the plugin's settings or the entry's elements
     */
    private ConnectionSettings connectionSettings(JdbcUrl url, String urlSetting, CredentialPlaces places, String user,
            String serverId, String schema, String versionTable) {
        Credentials credentials = new ServerCredentials(settings, settingsDecrypter)
                .credentials(serverId, user, System.getenv(places.passwordEnv()), passwordProperty(), places);
        String password = credentials.password();
        if (url != null && url.hasPassword()) {
            if (password != null) {
                throw new MigrateException(credentials.passwordAlsoInUrl(urlSetting));
            }
            getLog().warn(urlSetting + " carries a password. migrate masks it in its output, but a command line is"
                    + " visible to other users and kept in shell history; prefer a settings.xml <server>"
                    + " (" + places.serverId() + ") or " + places.environmentVariable() + ".");
        }
        String connectingUser = credentials.user();
        if (url != null) {
            String note = url.ignoredUserNote(connectingUser, urlSetting);
            if (note != null) {
                getLog().info(note);
            }
            connectingUser = url.connectingUser(connectingUser);
        }
        Duration ddlWait = Durations.parse("migrate.ddlLockTimeout", ddlLockTimeout);
        return new ConnectionSettings(
                url == null ? null : url.value(),
                connectingUser,
                password,
                schema == null || schema.isBlank() ? null : schema,
                versionTable,
                Durations.parse("migrate.lockTimeout", lockTimeout),
                ddlWait,
                singleTransaction,
                places.names(urlSetting));
    }

    /**
     * Why a goal does nothing in a project of packaging {@code pom} (a multi-module build's parent, where
     * {@code mvn compile migrate:upgrade} from the root also runs it), or null for any other packaging.
     * Such a project compiles nothing, so it has no revisions, and "write the first revision" would
     * send the user to a source folder that is never compiled.
     */
    static String pomProjectSkip(String packaging, String artifactId, String goal) {
        if (!"pom".equals(packaging)) {
            return null;
        }
        return "Skipping migrate:" + goal + " in " + artifactId + ": a project of packaging pom compiles no classes,"
                + " so it holds no revisions; the goal runs in the modules that hold them (mvn -pl <module> "
                + "compile migrate:" + goal + " runs it in one).";
    }

    /**
     * The system property that sets the level of MariaDB Connector/J's error logger in Maven's logging
     * (slf4j's simple logger, which reads {@code org.slf4j.simpleLogger.log.<logger>} when a logger is made).
     */
    static final String MARIADB_ERROR_LOG_LEVEL = "org.slf4j.simpleLogger.log.org.mariadb.jdbc.message.server.ErrorPacket";

    /**
     * MariaDB Connector/J logs every error the server returns as a warning ({@code [WARNING] Error:
     * 1146-42S02: Table 'app.migrate_version' doesn't exist}), also those migrate expects (its tables on a
     * first run) and those it reports itself, with the statement, in its own message. Raise that one
     * logger to errors only, unless the user set its level (-D{@value #MARIADB_ERROR_LOG_LEVEL}=warn).
     */
    static void quietDriverErrorLog() {
        if (System.getProperty(MARIADB_ERROR_LOG_LEVEL) == null) {
            System.setProperty(MARIADB_ERROR_LOG_LEVEL, "error");
        }
    }

    /**
     * The POM's {@code migrate.url} property when Maven left an expression in it unresolved
     * ({@code <migrate.url>${env.DATABASE_URL}</migrate.url>} with DATABASE_URL unset): the parameter then
     * arrives empty, and "no database configured" would hide the variable to set. Null otherwise.
     */
    static JdbcUrl leftUnresolved(Properties projectProperties) {
        String text = projectProperties == null ? null : projectProperties.getProperty("migrate.url");
        return text != null && text.contains("${") ? JdbcUrl.of(text) : null;
    }

    /** The message for the first switch whose value is neither true nor false, or null. */
    static String notASwitch(Properties userProperties) {
        if (userProperties == null) {
            return null;
        }
        for (String property : SWITCHES) {
            String value = userProperties.getProperty(property);
            if (value != null && !value.trim().equalsIgnoreCase("true") && !value.trim().equalsIgnoreCase("false")) {
                return property + " is '" + value + "', which is neither true nor false. Write -D" + property
                        + " (or -D" + property + "=true) to switch it on, or leave it out.";
            }
        }
        return null;
    }

    /**
     * A setting given empty on the command line ({@code -Dmigrate.versionTable=}, often an unset shell
     * variable) would silently fall back to its default, the wrong table or schema; say so instead.
     */
    static void rejectEmptyProperties(Properties userProperties) {
        for (String property : NOT_EMPTY) {
            String value = userProperties == null ? null : userProperties.getProperty(property);
            if (value != null && value.isBlank()) {
                throw new MigrateException(property + " is given but empty (-D" + property + "=), often an unset"
                        + " shell variable. Give it a value, or leave the property out.");
            }
        }
    }

    // Read at run time (never a parameter), so -X never prints it.
    private String passwordProperty() {
        String value = session.getUserProperties().getProperty(Credentials.PASSWORD_PROPERTY);
        return value != null ? value : session.getSystemProperties().getProperty(Credentials.PASSWORD_PROPERTY);
    }

    private ProjectRevisions projectRevisions() {
        try {
            List<String> classpath = project.getRuntimeClasspathElements();
            return ProjectRevisions.open(classpath, new File(project.getBuild().getOutputDirectory()),
                    getClass().getClassLoader());
        } catch (DependencyResolutionRequiredException e) {
            // Cannot happen with requiresDependencyResolution = RUNTIME on every goal; a bug if it does.
            throw new IllegalStateException("The project's runtime class path is not resolved", e);
        }
    }
}
