package dev.migrate.engine;

import dev.migrate.MigrateException;
import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.SqlStatement;
import java.sql.Connection;

/**
 * Writes statements into an offline SQL script, parameters rendered as the dialect's literals. The
 * script's punctuation (transaction brackets, terminators, comments) comes from the dialect too.
 */
final class ScriptSink implements StatementSink {

    private final Dialect dialect;
    private final StringBuilder script = new StringBuilder();

    ScriptSink(Dialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public void begin() {
        script.append(dialect.scriptStatement(dialect.beginScriptTransaction()));
    }

    @Override
    public void commit() {
        script.append(dialect.scriptStatement(dialect.commitScriptTransaction()));
    }

    @Override
    public void rollbackQuietly() {
        // Nothing was sent anywhere.
    }

    @Override
    public int execute(SqlStatement statement) {
        script.append(dialect.scriptStatement(statement));
        return UNKNOWN_COUNT;
    }

    @Override
    public void executeOutsideTransaction(SqlStatement statement) {
        commit();
        execute(statement);
        begin();
    }

    @Override
    public void comment(String text) {
        script.append(dialect.scriptComment(text));
    }

    @Override
    public boolean online() {
        return false;
    }

    @Override
    public Connection connection() {
        throw new MigrateException("An offline script has no database connection.");
    }

    /** The script so far. */
    String script() {
        return script.toString();
    }
}
