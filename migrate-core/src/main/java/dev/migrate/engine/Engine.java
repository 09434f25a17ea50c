package dev.migrate.engine;

import dev.migrate.ChangedRevision;
import dev.migrate.HistoryEntry;
import dev.migrate.RunResult;
import dev.migrate.dialect.Dialect;
import dev.migrate.graph.Plan;
import dev.migrate.graph.VersionChange;
import dev.migrate.index.IndexedRevision;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The engine's one entry, which {@link dev.migrate.Migrator} calls: runs plans against a live
 * database under the run lock, reads migrate's tables, writes offline scripts and records a
 * revision's operations. Everything else in this package is package-private; the types in this
 * entry's signatures ({@link EngineSettings}, {@link BookkeepingTables}, {@link ConnectionSource},
 * {@link RenderCache}, {@link RecordedUpgrade}) are the values it is configured with and answers in.
 *
 * <p>Holds no connection: each call opens what it needs and closes it.
 */
public final class Engine {

    private final ConnectionSource connections;
    private final Dialect dialect;
    private final EngineSettings settings;
    private final Function<String, IndexedRevision> revisions;

    private Engine(ConnectionSource connections, Dialect dialect, EngineSettings settings,
            Function<String, IndexedRevision> revisions) {
        this.connections = connections;
        this.dialect = dialect;
        this.settings = Objects.requireNonNull(settings, "settings");
        this.revisions = Objects.requireNonNull(revisions, "revisions");
    }

    /**
     * An engine for a live database.
     *
     * @param dialect   the dialect, or null to take it from the first connection's metadata URL
     * @param revisions looks up the revision of a plan step by id
     */
    public static Engine online(ConnectionSource connections, Dialect dialect, EngineSettings settings,
            Function<String, IndexedRevision> revisions) {
        return new Engine(Objects.requireNonNull(connections, "connections"), dialect, settings, revisions);
    }

    /** An engine that writes scripts in {@code dialect}'s SQL and opens no connection. */
    public static Engine offline(Dialect dialect, EngineSettings settings, Function<String, IndexedRevision> revisions) {
        return new Engine(null, Objects.requireNonNull(dialect, "dialect"), settings, revisions);
    }

    /**
     * Instantiates a revision through its index factory and records its upgrade for {@code database}
     * (a dialect's name, which the revision's {@code op.dialect()} answers); runs no SQL.
     */
    public static RecordedUpgrade recordUpgrade(IndexedRevision revision, String database) {
        return RecordedUpgrade.of(revision, database);
    }

    /**
     * Plans from the version table's rows (read under the run lock) and runs the plan. With
     * {@code answerWithoutLock}, a database the planner finds nothing to do for is answered from
     * one unlocked read, and {@code planner} must have no side effects (it may be called twice).
     */
    public RunResult run(Function<List<String>, Plan> planner, boolean answerWithoutLock) {
        return onlineRun().run(planner, answerWithoutLock);
    }

    /** Alembic's stamp: the version-table change {@code stamper} computes from the current rows, and a history row. */
    public RunResult stamp(Function<List<String>, VersionChange> stamper) {
        return onlineRun().stamp(stamper);
    }

    /** The version table's rows; empty when it does not exist yet. Takes no lock and creates nothing. */
    public List<String> current() {
        return onlineRun().current();
    }

    /** Revisions a run stopped inside, part of them committed for good; empty when none. */
    public List<dev.migrate.InterruptedRevision> interrupted() {
        return onlineRun().interrupted();
    }

    /** Every history row, oldest first; empty when migrate never ran here. */
    public List<HistoryEntry> history() {
        return onlineRun().history();
    }

    /** Applied revisions whose upgrade renders differently now; {@code known} answers null for an unknown id. */
    public List<ChangedRevision> changedRevisions(Function<String, IndexedRevision> known) {
        return onlineRun().changedRevisions(known);
    }

    /** The offline script of {@code plan}; {@code fromBase} adds the version table's creation (Alembic's rule). */
    public String script(Plan plan, boolean fromBase) {
        return offlineScript().plan(plan, fromBase);
    }

    /** The offline script of a stamp. */
    public String stampScript(VersionChange change, boolean fromBase) {
        return offlineScript().stamp(change, fromBase);
    }

    private OnlineRun onlineRun() {
        if (connections == null) {
            throw new IllegalStateException("an offline engine has no connection; use Engine.online");
        }
        return new OnlineRun(connections, dialect, settings, revisions);
    }

    private OfflineScript offlineScript() {
        if (dialect == null) {
            throw new IllegalStateException("an offline script needs a dialect; use Engine.offline");
        }
        return new OfflineScript(dialect, settings, revisions);
    }
}
