package dev.migrate.dialect.mariadb;

import dev.migrate.MigrateException;
import dev.migrate.dialect.ConnectionDefaults;
import dev.migrate.dialect.DialectCapabilities;
import dev.migrate.dialect.OperationRenderer;
import dev.migrate.dialect.RunLock;
import dev.migrate.dialect.SessionControl;
import dev.migrate.dialect.SqlStatement;
import dev.migrate.dialect.StandardSqlDialect;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Optional;
import java.util.Set;

/**
 * MariaDB and MySQL: backtick quoting, {@code AUTO_INCREMENT}, {@code MODIFY COLUMN}. DDL commits
 * implicitly, so a revision that fails halfway keeps its earlier DDL; the engine records which of its
 * statements took effect. Runs are serialized by {@code GET_LOCK}, a named lock the server drops with
 * the session.
 */
public class MariaDbDialect extends StandardSqlDialect {

    /** The longest identifier MariaDB and MySQL accept (tables, columns, indexes, constraints). */
    public static final int MAX_IDENTIFIER = 64;

    private static final DialectCapabilities CAPABILITIES = new DialectCapabilities(false, false);
    private static final ConnectionDefaults CONNECTION_DEFAULTS = new MariaDbConnectionDefaults();
    private static final SessionControl SESSION_CONTROL = new MariaDbSessionControl();

    /** ER_NO_SUCH_TABLE, ER_BAD_DB_ERROR (a schema that does not exist). */
    private static final Set<Integer> MISSING_TABLE = Set.of(1146, 1049);
    /** ER_LOCK_WAIT_TIMEOUT (row locks), and lock_wait_timeout running out on a metadata lock report the same code. */
    private static final int LOCK_WAIT_TIMEOUT = 1205;
    /** ER_QUERY_INTERRUPTED: KILL QUERY (migrate's Ctrl-C) or max_statement_time. */
    private static final int QUERY_INTERRUPTED = 1317;
    /** ER_CONNECTION_KILLED, CR_SERVER_GONE_ERROR, CR_SERVER_LOST, ER_SERVER_SHUTDOWN. */
    private static final Set<Integer> LOST_SESSION = Set.of(1927, 2006, 2013, 1053);
    /** ER_TOO_LONG_IDENT. */
    private static final int TOO_LONG_IDENTIFIER = 1059;

    @Override
    public String name() {
        return "mariadb";
    }

    @Override
    public DialectCapabilities capabilities() {
        return CAPABILITIES;
    }

    /** Backticks, doubling embedded ones; a name past 64 characters fails here, naming it, before any SQL runs. */
    @Override
    public String quote(String identifier) {
        if (identifier.length() > MAX_IDENTIFIER) {
            throw new MigrateException("The name '" + identifier + "' is " + identifier.length() + " characters long, more"
                    + " than the " + MAX_IDENTIFIER + " MariaDB and MySQL accept. Choose a shorter name in the revision.");
        }
        return '`' + identifier.replace("`", "``") + '`';
    }

    /** Backslashes escape in MariaDB string literals (unless NO_BACKSLASH_ESCAPES), so they are doubled too. */
    @Override
    protected String quoteString(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    @Override
    protected String bytesLiteral(byte[] bytes) {
        return "X'" + hex(bytes) + "'";
    }

    @Override
    public String literal(Object value) {
        if (value instanceof java.time.OffsetDateTime t) {
            // No zoned type: an instant is written in UTC, as TIMESTAMP columns store it.
            return "TIMESTAMP " + quoteString(t.atZoneSameInstant(java.time.ZoneOffset.UTC).toLocalDateTime().toString()
                    .replace('T', ' '));
        }
        return super.literal(value);
    }

    /**
     * A scratch schema is a database here, whose creator gets no privilege on it: the user needs them on
     * every database whose name starts with {@code prefix} ({@code _} escaped, as GRANT reads it as a wildcard).
     */
    @Override
    public String scratchPrivilege(boolean temporary, String database, String user, String prefix) {
        return "the privileges on the databases named " + prefix + "... (a schema is a database in MariaDB), to create,"
                + " use and drop them (GRANT ALL ON " + quote(prefix.replace("_", "\\_") + "%") + ".* TO " + quoteString(user)
                + ")";
    }

    /** A schema is a database here, and dropping one drops its tables; there is no CASCADE to say. */
    @Override
    public SqlStatement dropSchemaWithContents(String schema) {
        return SqlStatement.of("DROP SCHEMA " + quote(schema));
    }

    /** Asked first: MariaDB Connector/J logs every refused statement as a warning, a missing table too. */
    @Override
    public Optional<SqlStatement> countTables(String schema, String table) {
        return Optional.of(schema == null
                ? SqlStatement.of("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()"
                        + " AND TABLE_NAME = ?", table)
                : SqlStatement.of("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?",
                        schema, table));
    }

    @Override
    public boolean isMissingTable(String sqlState, int vendorCode) {
        return MISSING_TABLE.contains(vendorCode) || super.isMissingTable(sqlState, vendorCode);
    }

    @Override
    public boolean isLockBusy(String sqlState, int vendorCode) {
        return vendorCode == LOCK_WAIT_TIMEOUT;
    }

    @Override
    public boolean isLostSession(String sqlState, int vendorCode) {
        return LOST_SESSION.contains(vendorCode) || "70100".equals(sqlState) && vendorCode != QUERY_INTERRUPTED;
    }

    @Override
    public boolean isDuplicateKey(String sqlState, int vendorCode) {
        return vendorCode == 1062 || super.isDuplicateKey(sqlState, vendorCode);
    }

    @Override
    public String failureHint(String sqlState, int vendorCode, String message) {
        if (vendorCode == QUERY_INTERRUPTED) {
            return "the statement was interrupted: by Ctrl-C on this run (migrate kills its query on shutdown), by KILL"
                    + " QUERY, or by max_statement_time.";
        }
        if (vendorCode == LOCK_WAIT_TIMEOUT) {
            return "another session holds a lock this statement needs, and waiting for it was bounded (lock_wait_timeout,"
                    + " which migrate.ddlLockTimeout sets, or innodb_lock_wait_timeout); run again when that session is"
                    + " done (SHOW PROCESSLIST shows it), or raise migrate.ddlLockTimeout.";
        }
        if (vendorCode == TOO_LONG_IDENTIFIER) {
            return "MariaDB and MySQL accept names of at most " + MAX_IDENTIFIER + " characters; choose a shorter one.";
        }
        return "";
    }

    @Override
    public String lockBusyAdvice() {
        return "Another session holds a lock on them (a LOCK TABLES, or a long transaction that changed them; SHOW"
                + " PROCESSLIST shows it)";
    }

    @Override
    public List<SqlStatement> useSchema(String schema) {
        return List.of(SqlStatement.of("USE " + quote(schema)));
    }

    /**
     * lock_wait_timeout bounds waits for metadata locks (what DDL waits for); whole seconds, at least one.
     * Session-wide: the run's work connection keeps it for every revision, which all get the same value.
     */
    @Override
    public List<SqlStatement> ddlLockTimeout(Duration timeout) {
        long seconds = Math.max(1, (timeout.toMillis() + 999) / 1000);
        return List.of(SqlStatement.of("SET SESSION lock_wait_timeout = " + seconds));
    }

    /** DDL, and the EXECUTE that runs DDL built on the server ({@link MariaDbOperationRenderer}). */
    @Override
    public boolean commitsImplicitly(SqlStatement statement) {
        return super.commitsImplicitly(statement)
                || statement.sql().strip().equalsIgnoreCase(MariaDbOperationRenderer.EXECUTE_PREPARED);
    }

    @Override
    public ConnectionDefaults connectionDefaults() {
        return CONNECTION_DEFAULTS;
    }

    @Override
    public Optional<RunLock> runLock() {
        return Optional.of(new MariaDbNamedLock());
    }

    @Override
    public Optional<SessionControl> sessionControl() {
        return Optional.of(SESSION_CONTROL);
    }

    @Override
    protected OperationRenderer renderer(String schema) {
        return new MariaDbOperationRenderer(this, schema);
    }
}
