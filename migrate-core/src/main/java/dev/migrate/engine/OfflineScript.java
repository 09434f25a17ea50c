package dev.migrate.engine;

import dev.migrate.MigrateException;
import dev.migrate.dialect.Dialect;
import dev.migrate.graph.Plan;
import dev.migrate.graph.VersionChange;
import dev.migrate.index.IndexedRevision;
import java.sql.SQLException;
import java.util.function.Function;

/**
 * Writes a plan as one SQL script without touching a database: the version table's creation when
 * the script starts from base (Alembic's rule), then per revision a {@code -- Running ...}
 * comment and its statements and version-table change between {@code BEGIN;} and
 * {@code COMMIT;}, parameters rendered as the dialect's literals. No history rows: the history
 * records runs migrate performed, and whoever runs the script is not migrate.
 */
final class OfflineScript {

    private final Dialect dialect;
    private final EngineSettings settings;
    private final Function<String, IndexedRevision> revisions;

    OfflineScript(Dialect dialect, EngineSettings settings, Function<String, IndexedRevision> revisions) {
        this.dialect = dialect;
        this.settings = settings;
        this.revisions = revisions;
    }

    /** The script of {@code plan}; {@code fromBase} adds the version table's creation. */
    String plan(Plan plan, boolean fromBase) {
        ScriptSink sink = new ScriptSink(dialect);
        createVersionTable(sink, fromBase);
        PlanRunner.offline(dialect, sink, settings, revisions).run(plan);
        return sink.script();
    }

    /** The script of a stamp. */
    String stamp(VersionChange change, boolean fromBase) {
        ScriptSink sink = new ScriptSink(dialect);
        createVersionTable(sink, fromBase);
        try {
            sink.begin();
            new VersionTable(dialect, settings.tables()).apply(sink, change, "(stamp)");
            sink.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("a script sink sends nothing to a database", e);
        }
        return sink.script();
    }

    private void createVersionTable(ScriptSink sink, boolean fromBase) {
        if (!fromBase) {
            return;
        }
        try {
            sink.begin();
            new VersionTable(dialect, settings.tables()).create(sink, false);
            sink.commit();
        } catch (SQLException e) {
            throw new MigrateException("unreachable: a script sink sends nothing to a database", e);
        }
    }
}
