package dev.migrate;

import dev.migrate.autogenerate.AutogenerateOptions;
import dev.migrate.autogenerate.AutogenerateResult;
import dev.migrate.autogenerate.Autogenerator;
import dev.migrate.autogenerate.ConnectedDatabase;
import dev.migrate.autogenerate.ModelSchema;
import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.Dialects;
import dev.migrate.dialect.SchemaIntrospector;
import dev.migrate.dialect.SettingNames;
import dev.migrate.engine.BookkeepingTables;
import dev.migrate.engine.ConnectionSource;
import dev.migrate.engine.EngineSettings;
import dev.migrate.engine.Engine;
import dev.migrate.engine.RecordedUpgrade;
import dev.migrate.engine.RenderCache;
import dev.migrate.engine.ThreadConnections;
import dev.migrate.graph.GraphProblem;
import dev.migrate.graph.Plan;
import dev.migrate.graph.PlanStep;
import dev.migrate.graph.RevisionDescriptor;
import dev.migrate.graph.RevisionGraph;
import dev.migrate.graph.RevisionGraphException;
import dev.migrate.graph.VersionChange;
import dev.migrate.index.IndexedRevision;
import dev.migrate.index.RevisionIndexLoader;
import dev.migrate.lint.LintFinding;
import dev.migrate.lint.LintOptions;
import dev.migrate.lint.LintedRevision;
import dev.migrate.lint.Linter;
import dev.migrate.tenant.Tenant;
import dev.migrate.tenant.TenantReport;
import dev.migrate.tenant.TenantRun;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The one facade the Maven plugin, tests and applications call. Holds no connection between
 * calls: each online call opens what it needs and closes it, so there is nothing to close.
 *
 * <pre>{@code
 * Migrator migrator = Migrator.builder().url("jdbc:h2:./target/app").build();
 * migrator.upgrade("head");
 * }</pre>
 */
public final class Migrator {

    private final Settings settings;
    private final List<IndexedRevision> revisions;
    private RevisionGraph graph;
    private Map<String, IndexedRevision> byId; // built with the graph, so duplicates are reported first
    private Dialect urlDialect; // found once per Migrator: the lookup reads the service files each time

    private Migrator(Settings settings, List<IndexedRevision> revisions) {
        this.settings = settings;
        this.revisions = revisions != null ? revisions : RevisionIndexLoader.load(settings.loader());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The revision graph of the configured revisions (no database needed). */
    public synchronized RevisionGraph graph() {
        if (graph == null) {
            List<RevisionDescriptor> all = revisions.stream().map(IndexedRevision::descriptor).toList();
            List<GraphProblem> problems = RevisionGraph.check(all);
            if (!problems.isEmpty()) {
                throw new RevisionGraphException(problems);
            }
            graph = RevisionGraph.of(RevisionGraph.ofDatabase(all, settings.database(), settings.defaultDatabase()));
            Map<String, IndexedRevision> map = new LinkedHashMap<>();
            revisions.forEach(r -> map.putIfAbsent(r.id(), r));
            byId = map;
        }
        return graph;
    }

    /** Ids of the graph's heads (no database needed). */
    public Set<String> heads() {
        return graph().heads();
    }

    /** Alembic's {@code upgrade <target>}; {@code head} by default in the plugin. */
    public RunResult upgrade(String target) {
        RevisionGraph revisionGraph = graph();
        // The planners are pure, so a database already at the target is answered without the lock;
        // the planner may thus run twice, the warning about redundant rows is given once.
        AtomicBoolean warned = new AtomicBoolean();
        return online().run(heads -> {
            Plan plan = revisionGraph.upgradePlan(heads, target);
            Map<String, String> redundant = revisionGraph.redundantRows(heads);
            if (redundant.isEmpty()) {
                return plan;
            }
            if (!warned.getAndSet(true)) {
                settings.listener().on(new MigrationEvent.RedundantVersionRows(redundant, !plan.isEmpty()));
            }
            return plan.isEmpty() ? plan : dropInFirstStep(plan, redundant.keySet());
        }, true);
    }

    /** The plan with {@code rows} deleted together with its first step's version-table change. */
    private static Plan dropInFirstStep(Plan plan, Collection<String> rows) {
        List<PlanStep> steps = new ArrayList<>(plan.steps());
        PlanStep first = steps.get(0);
        // The redundant rows first: the step's own last removed row is the one updated (VersionTable).
        List<String> removed = new ArrayList<>(rows.stream()
                .filter(row -> !first.versionChange().removed().contains(row)).toList());
        removed.addAll(first.versionChange().removed());
        steps.set(0, new PlanStep(first.revision(), first.direction(),
                new VersionChange(removed, first.versionChange().added())));
        List<String> after = plan.headsAfter().stream().filter(row -> !rows.contains(row)).toList();
        return new Plan(plan.direction(), plan.headsBefore(), steps, after, plan.warnings());
    }

    /**
     * Rows of {@code rows} (the version table's) that another row already implies, each with a row
     * above it; {@code current} warns about them.
     */
    public Map<String, String> redundantRows(List<String> rows) {
        return graph().redundantRows(rows);
    }

    /** Alembic's {@code downgrade <target>}. */
    public RunResult downgrade(String target) {
        RevisionGraph revisionGraph = graph();
        // As in upgrade, the planner may run twice (without the lock, then with it): warn once.
        AtomicBoolean warned = new AtomicBoolean();
        return online().run(heads -> {
            Plan plan = revisionGraph.downgradePlan(heads, target);
            if (!plan.warnings().isEmpty() && !warned.getAndSet(true)) {
                plan.warnings().forEach(warning -> settings.listener().on(new MigrationEvent.AmbiguousTarget(target, warning)));
            }
            return plan;
        }, true);
    }

    /** Alembic's {@code stamp}: writes the version table without running revisions, and one history row (direction stamp). */
    public RunResult stamp(List<String> targets, boolean purge) {
        RevisionGraph revisionGraph = graph();
        return online().stamp(heads -> revisionGraph.stamp(heads, targets, purge));
    }

    /** The version table's rows (the applied heads), sorted; empty for a fresh database. */
    public List<String> current() {
        return online().current();
    }

    /**
     * Revisions a run stopped inside (it failed, lost its connection or was killed) after part of them
     * took effect for good, which the version table does not claim; the next run resumes each after the
     * steps done. Empty when none. Read without the lock; creates nothing.
     */
    public List<InterruptedRevision> interrupted() {
        return online().interrupted();
    }

    /** The history table's rows, oldest first: every revision run and failed attempt. */
    public List<HistoryEntry> history() {
        return online().history();
    }

    /**
     * Applied revisions whose upgrade was edited after it ran here: their rendered SQL no longer
     * matches the checksum stored in the history table. For {@code check}; reads, locks nothing.
     */
    public List<ChangedRevision> changedRevisions() {
        graph();
        return online().changedRevisions(byId::get);
    }

    /**
     * What {@code upgrade target} would run now, from the version table as it is (read without the
     * lock, nothing created): the pending revisions for {@code check} and tests.
     */
    public Plan upgradePlan(String target) {
        return graph().upgradePlan(current(), target);
    }

    /** Same as {@link #upgradePlan(String)}: what {@code upgrade target} would run now. */
    public Plan plan(String target) {
        return upgradePlan(target);
    }

    /**
     * Offline upgrade script from {@code from} ({@code base}, or the revisions the database will be
     * at, comma-separated) to {@code to}; the same as {@code upgradeSql(from + ":" + to)}.
     */
    public String sql(String from, String to) {
        return upgradeSql(from + ":" + to);
    }

    /** What {@code downgrade target} would run now; see {@link #upgradePlan(String)}. */
    public Plan downgradePlan(String target) {
        return graph().downgradePlan(current(), target);
    }

    /** Offline {@code upgrade}: the SQL script; {@code target} may be a range {@code from:to}. Opens no connection. */
    public String upgradeSql(String target) {
        OfflineRange range = OfflineRange.parse(target, false, graph());
        return offline().script(graph().upgradePlan(range.from(), range.to()), range.from().isEmpty());
    }

    /** Offline {@code downgrade}: needs a range {@code from:to}. Opens no connection. */
    public String downgradeSql(String range) {
        OfflineRange parsed = OfflineRange.parse(range, true, graph());
        Plan plan = graph().downgradePlan(parsed.from(), parsed.to());
        plan.warnings().forEach(warning -> settings.listener().on(new MigrationEvent.AmbiguousTarget(parsed.to(), warning)));
        return offline().script(plan, false);
    }

    /**
     * Offline {@code stamp}; targets may be ranges {@code from:to} sharing one start. Purge is
     * refused (there are no rows to purge without a database). Opens no connection.
     */
    public String stampSql(List<String> targets, boolean purge) {
        OfflineStamp stamp = OfflineStamp.parse(targets, purge, graph());
        return offline().stampScript(graph().stamp(stamp.from(), stamp.targets(), false), stamp.from().isEmpty());
    }

    /**
     * Compares {@code model} (what a {@link dev.migrate.autogenerate.ModelSource} read from the
     * project's entities) with the database and returns the differences with the operations of a
     * revision that applies them. The database must be at the code's head, as a new revision
     * follows the head; the model is built in a scratch schema of the same database and compared
     * in its words, and the scratch schema is gone afterwards. One connection serves both the
     * version-table read and the comparison.
     */
    public AutogenerateResult autogenerate(ModelSchema model,
            AutogenerateOptions options) {
        return autogenerate(connected -> model, options);
    }

    /**
     * Like {@link #autogenerate(ModelSchema, AutogenerateOptions)}, with the model read once the
     * database is open: {@code model} gets how the database stores unquoted names (from its JDBC
     * metadata) and its version (the server's own), so a model reader names and types tables and columns as the
     * database does, for example lower case on H2 with {@code DATABASE_TO_LOWER=TRUE}, or
     * {@code uuid} on MariaDB 10.7 and later ({@link dev.migrate.autogenerate.ModelRequest#forDatabase}).
     */
    public AutogenerateResult autogenerate(Function<ConnectedDatabase, ModelSchema> model,
            AutogenerateOptions options) {
        Set<String> heads = heads();
        // One connection reads the version table and then serves the comparison.
        try (ThreadConnections one = ThreadConnections.over(connectionSource())) {
            List<String> current = online(one).current();
            if (!new HashSet<>(current).equals(heads)) {
                throw new MigrateException("The database is at " + (current.isEmpty() ? "base (no revision applied)"
                        : String.join(", ", current)) + ", the code's head is " + (heads.isEmpty() ? "base (no revision)"
                        : String.join(", ", new TreeSet<>(heads))) + ": run mvn migrate:upgrade first, then autogenerate.");
            }
            return compare(one, model, options);
        }
    }

    /** Autogenerate's comparison on a connection of {@code source}. */
    private AutogenerateResult compare(ConnectionSource source, Function<ConnectedDatabase, ModelSchema> model,
            AutogenerateOptions options) {
        try (Connection connection = source.open()) {
            String url = connection.getMetaData().getURL();
            Dialect dialect = settings.dataSource() != null ? Dialects.forUrl(url) : urlDialect();
            BookkeepingTables tables = engineSettings().tables();
            List<String> bookkeeping = List.of(tables.version(), tables.history(), tables.lock(), tables.progress());
            SchemaIntrospector introspector = SchemaIntrospector.forUrl(url);
            ConnectedDatabase connected = ConnectedDatabase.of(connection, introspector);
            return new Autogenerator(dialect, introspector,
                    settings.schema(), bookkeeping).compare(connection, () -> model.apply(connected), options);
        } catch (SQLException e) {
            throw new MigrateException("Autogenerate could not connect: " + e.getMessage() + " (SQLState " + e.getSQLState()
                    + "). Check " + (settings.dataSource() != null ? "the DataSource" : settings.names().url()) + ".", e);
        }
    }

    /**
     * The rules of {@code mvn migrate:check} (see {@link dev.migrate.check.HistoryCheck}): one head,
     * the database neither behind the code nor at a revision it does not know, no applied revision
     * edited since it ran, the entities matching the database, and the lint. Changes nothing;
     * offline ({@link dev.migrate.check.CheckOptions#offline()}) opens no connection.
     */
    public dev.migrate.check.CheckResult check(dev.migrate.check.CheckOptions options) {
        return dev.migrate.check.HistoryCheck.run(new dev.migrate.check.HistoryCheck.Inputs(graph(), this::current,
                this::changedRevisions, this::lint), options);
    }

    /**
     * This migrator for one tenant: the same settings and revisions with the tenant's schema (schema
     * per tenant) or URL (database per tenant).
     */
    public Migrator forTenant(Tenant tenant) {
        return new Migrator(settings.forTenant(tenant), revisions);
    }

    /**
     * {@link #forTenant(Tenant)} whose events also go to {@code also} (a tenant's own record of its
     * revisions) and whose revisions come rendered from {@code shared}, the run's one rendering each.
     */
    private Migrator forTenant(Tenant tenant, MigrationListener also, RenderCache shared, ThreadConnections reused) {
        MigrationListener listener = settings.listener();
        return new Migrator(settings.forTenant(tenant).sharing(event -> {
            listener.on(event);
            also.on(event);
        }, shared, tenant.url() == null ? reused : null), revisions);
    }

    /**
     * Runs {@code action} for every tenant with one rendering of each revision and, for schemas of
     * the configured URL, each worker thread's connections kept from one tenant to the next (a
     * DataSource pools them itself; a tenant's own URL gets its own). A failed tenant's connections
     * are closed, not passed on.
     */
    private TenantReport forEachTenant(List<Tenant> tenants, TenantRun run,
            java.util.function.BiFunction<Tenant, Migrator, RunResult> action) {
        graph();
        RenderCache shared = new RenderCache();
        // A DataSource pools its connections itself: nothing to keep here (try-with-resources skips null).
        try (ThreadConnections reused = settings.dataSource() == null ? ThreadConnections.over(connectionSource()) : null) {
            return run.run(tenants, (tenant, events) -> {
                try {
                    return action.apply(tenant, forTenant(tenant, events, shared, reused));
                } catch (RuntimeException e) {
                    if (reused != null) {
                        reused.discardThisThread();
                    }
                    throw e;
                }
            }, tenant -> forTenant(tenant).current());
        }
    }

    /** Upgrades every tenant to {@code target} (see {@link TenantRun}). */
    public TenantReport upgradeTenants(List<Tenant> tenants, String target,
            TenantRun run) {
        rejectTargetNoTenantReaches(target);
        return forEachTenant(tenants, changing(tenants, run), (tenant, migrator) -> migrator.upgrade(target));
    }

    /**
     * {@code run} for changing {@code tenants}: one at a time where several of them share a database
     * whose sessions cannot run DDL at once (H2), which would otherwise fail some tenants on a lock
     * timeout that has nothing to do with their revisions.
     */
    private TenantRun changing(List<Tenant> tenants, TenantRun run) {
        if (run.parallel() > 1 && settings.dataSource() == null && settings.url() != null
                && tenants.stream().filter(tenant -> tenant.url() == null).count() > 1
                && !urlDialect().capabilities().concurrentDdlSessions()) {
            return run.oneAtATime("This " + urlDialect().name() + " database runs the DDL of one session at a time, so the tenants"
                    + " of this database are migrated one at a time (migrate.parallel=" + run.parallel() + " applies to"
                    + " databases that run DDL of several sessions at once).");
        }
        return run;
    }

    /**
     * {@link #upgradeTenants(List, String, TenantRun)}, first handing {@code edited} each tenant's
     * applied revisions edited since they ran there (see {@link #changedRevisions()}; called only
     * when there are some), on the tenant's own worker and connection. An exception it throws fails
     * that tenant before anything runs on it, as {@code migrate.validateOnUpgrade} does for one database;
     * the other tenants go on (unless the run fails fast).
     */
    public TenantReport upgradeTenants(List<Tenant> tenants, String target, TenantRun run,
            java.util.function.BiConsumer<Tenant, List<ChangedRevision>> edited) {
        java.util.Objects.requireNonNull(edited, "edited");
        rejectTargetNoTenantReaches(target);
        return forEachTenant(tenants, changing(tenants, run), (tenant, migrator) -> {
            List<ChangedRevision> changed = migrator.changedRevisions();
            if (!changed.isEmpty()) {
                edited.accept(tenant, changed);
            }
            return migrator.upgrade(target);
        });
    }

    /**
     * An absolute target the code's graph cannot reach even from base ({@code head} among several
     * heads, an unknown revision, a malformed target) fails every tenant alike: said once, before
     * any tenant runs, instead of once per tenant. Relative targets depend on where each tenant is.
     */
    private void rejectTargetNoTenantReaches(String target) {
        if (!(dev.migrate.graph.TargetParser.parse(target) instanceof dev.migrate.graph.Target.Relative)) {
            graph().upgradePlan(List.of(), target);
        }
    }

    /** Downgrades every tenant to {@code target}. */
    public TenantReport downgradeTenants(List<Tenant> tenants, String target,
            TenantRun run) {
        return forEachTenant(tenants, changing(tenants, run), (tenant, migrator) -> migrator.downgrade(target));
    }

    /** Every tenant's version table, changing nothing; a tenant that cannot be read is a failure. */
    public TenantReport currentTenants(List<Tenant> tenants,
            TenantRun run) {
        return run.run(tenants, (tenant, events) -> {
            List<String> current = forTenant(tenant).current();
            return new RunResult(List.of(), current, current);
        }, tenant -> forTenant(tenant).current());
    }

    /**
     * {@code check} over tenants: the code's heads once, then every tenant's version table and history
     * (read, nothing locked or changed), each classified as at head, behind (with the pending
     * revisions), at a revision the code does not know, or unreadable, with the applied revisions
     * edited since they ran there.
     */
    public dev.migrate.check.TenantCheckReport checkTenants(List<Tenant> tenants, TenantRun run) {
        RevisionGraph revisionGraph = graph();
        // Each tenant's applied revisions edited since they ran there, read on its worker's connection
        // with the run's one rendering of each revision (as an upgrade over tenants renders them).
        Map<Tenant, List<String>> edited = new java.util.concurrent.ConcurrentHashMap<>();
        TenantReport read = forEachTenant(tenants, run, (tenant, migrator) -> {
            List<String> current = migrator.current();
            List<ChangedRevision> changed = migrator.changedRevisions();
            if (!changed.isEmpty()) {
                edited.put(tenant, changed.stream().map(ChangedRevision::id).toList());
            }
            return new RunResult(List.of(), current, current);
        });
        return new dev.migrate.check.TenantCheckReport(dev.migrate.check.HistoryCheck.graphFindings(revisionGraph),
                read.outcomes().stream().map(o -> dev.migrate.check.TenantCheck.of(revisionGraph, o,
                        edited.getOrDefault(o.tenant(), List.of()))).toList(), read.took());
    }

    /**
     * Runs a query on the configured database and returns the first column of every row, in order:
     * how {@code migrate.tenantQuery} finds the tenants ({@code SELECT schema_name FROM tenants WHERE active}).
     */
    public List<String> queryNames(String sql) {
        return queryNames(sql, "migrate.tenantQuery");
    }

    /**
     * {@link #queryNames(String)} for a query set as {@code setting} (Spring Boot's
     * {@code migrate.tenant-query}), which its failure message names. On a migrator built on a
     * DataSource the query runs on a connection of that DataSource.
     */
    public List<String> queryNames(String sql, String setting) {
        java.util.Objects.requireNonNull(setting, "setting");
        ConnectionSource source = connectionSource();
        try (Connection connection = source.open();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            List<String> names = new ArrayList<>();
            while (rows.next()) {
                String name = rows.getString(1);
                if (name != null && !name.isBlank()) {
                    names.add(name.trim());
                }
            }
            return List.copyOf(names);
        } catch (SQLException e) {
            // One line: H2's message carries the statement on a line of its own.
            throw new MigrateException(setting + " failed: " + oneLine(e.getMessage()) + " (SQLState " + e.getSQLState()
                    + "). Give a query whose first column is the tenant's schema or JDBC URL, e.g. SELECT schema_name"
                    + " FROM public.tenants WHERE active.", e);
        }
    }

    /** {@code text} on one line: a database's message may break lines, a build failure's message should not. */
    private static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    /**
     * Lints revisions against the rule catalogue ({@code docs/LINT.md}): with
     * {@link LintOptions#pending()} the revisions the database has not applied yet (a table an earlier
     * pending revision creates counts as new), with {@link LintOptions#all()} every revision, each
     * judged as if deployed alone (no database needed, but for one connection that
     * tells a DataSource's kind of database). {@code @AllowUnsafe} on a revision class
     * suppresses a rule for it. Findings come in upgrade order; none of them is thrown.
     */
    public List<LintFinding> lint(LintOptions options) {
        RevisionGraph revisionGraph = graph();
        List<PlanStep> all = revisionGraph.upgradePlan(List.of(), "heads").steps();
        boolean pending = options.scope() == LintOptions.Scope.PENDING;
        List<PlanStep> linted = pending ? revisionGraph.upgradePlan(current(), "heads").steps() : all;
        Set<String> lintedIds = new HashSet<>();
        linted.forEach(step -> lintedIds.add(step.revision().id()));
        // the revisions are recorded for the dialect linted for too (their op.dialect())
        String dialect = lintDialect();
        List<LintedRevision> history = new ArrayList<>();
        for (PlanStep step : all) {
            IndexedRevision revision = revision(step.revision().id());
            RecordedUpgrade recorded = Engine.recordUpgrade(revision, dialect);
            history.add(new LintedRevision(revision.id(), recorded.revisionClass().getSimpleName(), recorded.operations(),
                    LintedRevision.suppressionsOf(recorded.revisionClass())));
        }
        return new Linter(settings.ddlLockTimeout(), dev.migrate.lint.SqlReader.discovered(), dialect)
                .lint(history, lintedIds, pending);
    }

    /**
     * The dialect whose rules the lint applies: {@code migrate.url}'s; with a DataSource instead, that of
     * the database behind it (one connection, closed at once); with neither, PostgreSQL's.
     */
    private String lintDialect() {
        if (settings.url() != null) {
            return urlDialect().name();
        }
        if (settings.dataSource() == null && settings.connections() == null) {
            return "postgresql";
        }
        try (Connection connection = connectionSource().open()) {
            return Dialects.forUrl(connection.getMetaData().getURL()).name();
        } catch (SQLException e) {
            throw new MigrateException("Cannot read the kind of database behind the configured DataSource: "
                    + oneLine(e.getMessage()) + " (SQLState " + e.getSQLState() + "). Check the data source's settings.", e);
        }
    }

    private Engine online() {
        return online(connectionSource());
    }

    private Engine online(ConnectionSource connections) {
        Dialect dialect = settings.dataSource() != null ? null : urlDialect();
        return Engine.online(connections, dialect, engineSettings(), this::revision);
    }

    /** The configured data source, else the URL with its credentials. */
    private ConnectionSource connectionSource() {
        if (settings.connections() != null) {
            return settings.connections();
        }
        return settings.dataSource() != null ? ConnectionSource.of(settings.dataSource())
                : ConnectionSource.of(settings.url(), settings.user(), settings.password(), settings.loader(),
                        settings.names());
    }

    private Engine offline() {
        if (settings.url() == null) {
            throw new MigrateException("Offline SQL (migrate.sql) needs migrate.url to choose the SQL dialect, for example"
                    + " jdbc:postgresql://host/db; no connection is opened.");
        }
        return Engine.offline(urlDialect(), engineSettings(), this::revision);
    }

    private synchronized Dialect urlDialect() {
        if (urlDialect == null) {
            urlDialect = Dialects.forUrl(settings.url(), settings.names().url());
        }
        return urlDialect;
    }

    private EngineSettings engineSettings() {
        return new EngineSettings(BookkeepingTables.of(settings.schema(), settings.versionTable()), settings.lockTimeout(),
                settings.ddlLockTimeout(), settings.listener(), settings.singleTransaction(), settings.renderCache());
    }

    private IndexedRevision revision(String id) {
        graph();
        IndexedRevision revision = byId.get(id);
        if (revision == null) {
            throw new MigrateException("The plan names revision '" + id + "', which no revision index contains.");
        }
        return revision;
    }

    /**
     * The builder's values, copied once at {@link Builder#build()}: a Migrator never changes, and a
     * tenant's migrator is a copy with the tenant's schema or URL.
     */
    private record Settings(String url, String user, String password, DataSource dataSource, ClassLoader classLoader,
            String schema, String versionTable, Duration lockTimeout, Duration ddlLockTimeout, MigrationListener listener,
            boolean singleTransaction, String database, boolean defaultDatabase, RenderCache renderCache,
            ConnectionSource connections, SettingNames names) {

        /**
         * The tenant's copy: its URL (database per tenant) or its schema (schema per tenant). A tenant
         * of its own URL connects by that URL even when migrate runs on a DataSource (a Spring Boot
         * application's): the DataSource reaches only its own database, so the URL carries the
         * tenant's credentials, or the builder's user and password apply.
         */
        Settings forTenant(Tenant tenant) {
            return new Settings(tenant.url() != null ? tenant.url() : url, user, password,
                    tenant.url() != null ? null : dataSource, classLoader,
                    tenant.url() != null ? schema : tenant.schema(), versionTable, lockTimeout, ddlLockTimeout, listener,
                    singleTransaction, database, defaultDatabase, renderCache, tenant.url() != null ? null : connections,
                    tenant.url() != null ? names.withUrl(tenant.listedIn()) : names);
        }

        /**
         * This copy reporting to {@code events}, taking its renderings from {@code shared} and its
         * connections from {@code reused} (null: its own), as a tenant run's tenants do.
         */
        Settings sharing(MigrationListener events, RenderCache shared, ConnectionSource reused) {
            return new Settings(url, user, password, dataSource, classLoader, schema, versionTable, lockTimeout,
                    ddlLockTimeout, events, singleTransaction, database, defaultDatabase, shared, reused, names);
        }

        ClassLoader loader() {
            if (classLoader != null) {
                return classLoader;
            }
            ClassLoader context = Thread.currentThread().getContextClassLoader();
            return context != null ? context : Migrator.class.getClassLoader();
        }

        @Override
        public String toString() {
            // Never the password: Maven -X and logs print settings objects.
            return "Migrator.Settings[url=" + dev.migrate.dialect.MaskedUrl.mask(url) + ", user=" + user
                    + ", password=" + (password == null ? "(none)" : "***") + ", schema=" + schema
                    + ", versionTable=" + versionTable + "]";
        }
    }

    /** Builds a {@link Migrator}. */
    public static final class Builder {

        private String url;
        private SettingNames names = SettingNames.DEFAULT;
        private String user;
        private String password;
        private DataSource dataSource;
        private ClassLoader classLoader;
        private List<IndexedRevision> revisions;
        private String schema;
        private String versionTable = BookkeepingTables.DEFAULT_VERSION_TABLE;
        private Duration lockTimeout = EngineSettings.DEFAULT_LOCK_TIMEOUT;
        private Duration ddlLockTimeout;
        private MigrationListener listener = MigrationListener.NONE;
        private boolean singleTransaction;
        private String database = "";
        private boolean defaultDatabase = true;

        private Builder() {
        }

        /**
         * Which database's history to run, when revisions name databases ({@code @Revision(database =
         * "analytics")}): the revisions naming {@code name}, and, when {@code isDefault} (the first
         * database configured), those naming none. Default: the default database only.
         */
        public Builder database(String name, boolean isDefault) {
            this.database = name == null ? "" : name.trim();
            this.defaultDatabase = isDefault;
            return this;
        }

        /**
         * JDBC URL; also selects the dialect (offline runs need only this). migrate quotes the names it
         * creates and keeps their case; on H2, whose unquoted names are upper case, add
         * {@code ;DATABASE_TO_LOWER=TRUE} (or {@code ;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE}) when
         * revisions name tables unquoted in plain SQL.
         */
        public Builder url(String url) {
            return url(url, "migrate.url");
        }

        /**
         * {@link #url(String)} for a URL set elsewhere than {@code migrate.url}: messages about the URL
         * (no dialect for it, cannot connect) name {@code setting}, e.g. {@code <url> of database 'main'}.
         */
        public Builder url(String url, String setting) {
            this.url = url;
            this.names = names.withUrl(java.util.Objects.requireNonNull(setting, "setting"));
            return this;
        }

        public Builder user(String user) {
            return user(user, SettingNames.DEFAULT.user());
        }

        /**
         * {@link #user(String)} for a user set elsewhere than {@code migrate.user}: messages about
         * connecting name {@code setting}, e.g. {@code <user> of database 'main'}.
         */
        public Builder user(String user, String setting) {
            this.user = user;
            this.names = names.withUser(java.util.Objects.requireNonNull(setting, "setting"));
            return this;
        }

        public Builder password(String password) {
            return password(password, SettingNames.DEFAULT.password());
        }

        /**
         * {@link #password(String)} for a password given elsewhere than migrate's own settings: messages
         * about connecting name {@code places}, the places it may come from written to stand in a sentence
         * (e.g. {@code the ANALYTICS_PASSWORD environment variable}).
         */
        public Builder password(String password, String places) {
            this.password = password;
            this.names = names.withPassword(java.util.Objects.requireNonNull(places, "places"));
            return this;
        }

        /**
         * Use this data source instead of a URL; the dialect comes from its metadata. A run holds two
         * connections at once (one keeps the run lock), so a pool needs room for two.
         */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = dataSource;
            return this;
        }

        /** Loader for revision indexes and JDBC drivers; default: the thread's context loader. */
        public Builder classLoader(ClassLoader loader) {
            this.classLoader = loader;
            return this;
        }

        /** Use exactly these revisions instead of the indexes found on the class loader. */
        public Builder revisions(List<IndexedRevision> revisions) {
            this.revisions = List.copyOf(revisions);
            return this;
        }

        public Builder schema(String schema) {
            this.schema = schema;
            return this;
        }

        /** Default {@code migrate_version}. */
        public Builder versionTable(String table) {
            this.versionTable = table;
            return this;
        }

        /** How long to wait for another run's lock; default 60 s; null for the default; never negative. */
        public Builder lockTimeout(Duration timeout) {
            this.lockTimeout = notNegative(timeout, "migrate.lockTimeout");
            return this;
        }

        /** How long each revision's statements wait for a table lock (PostgreSQL {@code lock_timeout}, H2 {@code LOCK_TIMEOUT}); default (null): wait; never negative. */
        public Builder ddlLockTimeout(Duration timeout) {
            this.ddlLockTimeout = notNegative(timeout, "migrate.ddlLockTimeout");
            return this;
        }

        private static Duration notNegative(Duration timeout, String setting) {
            if (timeout != null && timeout.isNegative()) {
                throw new MigrateException(setting + " is negative (" + timeout.toMillis() + " ms); set it to zero or a"
                        + " positive duration, or leave it out for the default.");
            }
            return timeout;
        }

        /**
         * One transaction for the whole run instead of one per revision (default false): a failing
         * revision then rolls back every revision of the run, and the revisions of an offline
         * script share one BEGIN/COMMIT. All-or-nothing needs transactional DDL (PostgreSQL; H2 commits DDL as it
         * runs), and a step that must run outside a transaction (a {@code CONCURRENTLY} index, a
         * batched update) commits what ran before it, as Alembic's autocommit block does.
         */
        public Builder singleTransaction(boolean singleTransaction) {
            this.singleTransaction = singleTransaction;
            return this;
        }

        public Builder listener(MigrationListener listener) {
            this.listener = listener == null ? MigrationListener.NONE : listener;
            return this;
        }

        public Migrator build() {
            if (url != null && dataSource != null) {
                throw new MigrateException("Both migrate.url and a DataSource are configured; use one of them.");
            }
            return new Migrator(new Settings(url, user, password, dataSource, classLoader, schema, versionTable,
                    lockTimeout, ddlLockTimeout, listener, singleTransaction, database, defaultDatabase, null, null, names),
                    revisions);
        }

        @Override
        public String toString() {
            // Never the password: Maven -X and logs print settings objects.
            return "Migrator.Builder[url=" + dev.migrate.dialect.MaskedUrl.mask(url) + ", user=" + user
                    + ", password=" + (password == null ? "(none)" : "***") + ", schema=" + schema
                    + ", versionTable=" + versionTable + "]";
        }
    }
}
