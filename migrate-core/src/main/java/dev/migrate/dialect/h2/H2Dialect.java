package dev.migrate.dialect.h2;

import dev.migrate.dialect.ConnectionDefaults;
import dev.migrate.dialect.DialectCapabilities;
import dev.migrate.dialect.OperationRenderer;
import dev.migrate.dialect.SqlStatement;
import dev.migrate.dialect.StandardSqlDialect;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * H2, the embedded default. DDL commits implicitly, so a failing revision can be half-applied.
 *
 * <p>migrate quotes every identifier and writes it as given, normally lower case ({@code "tickets"}),
 * while H2 turns unquoted names in SQL into upper case ({@code TICKETS}). Plain SQL in
 * {@code op.execute(...)} that names tables unquoted therefore needs either quoted names or an H2
 * URL with {@code ;DATABASE_TO_LOWER=TRUE} (for PostgreSQL-like behaviour
 * {@code ;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE}); a failure of that kind carries this advice.
 */
public class H2Dialect extends StandardSqlDialect {

    private static final DialectCapabilities CAPABILITIES = new DialectCapabilities(false, false, false);
    private static final ConnectionDefaults CONNECTION_DEFAULTS = new H2ConnectionDefaults();
    /** H2's CONNECTION_BROKEN_1. */
    private static final int CONNECTION_BROKEN = 90067;

    /** H2's "table or view not found" (plain, with candidates, in an empty database) and "column not found". */
    private static final Set<Integer> NAME_NOT_FOUND = Set.of(42102, 42103, 42104, 42122);

    /** Table not found (plain, with candidates, in an empty database) and schema not found. */
    private static final Set<Integer> TABLE_OR_SCHEMA_NOT_FOUND = Set.of(42102, 42103, 42104, 90079);

    /** The first quoted name of an H2 message: the one it did not find. */
    private static final Pattern FIRST_QUOTED = Pattern.compile("\"([^\"]+)\"");

    public static final String UNQUOTED_NAME_HINT = "H2 turns unquoted names in SQL into upper case, while migrate creates"
            + " them quoted as written (usually lower case). Quote the names in the SQL of op.execute(...), or add"
            + " ;DATABASE_TO_LOWER=TRUE to the H2 URL, e.g. jdbc:h2:mem:app;DATABASE_TO_LOWER=TRUE.";

    /** H2 lets only an admin create a schema. */
    @Override
    public String scratchPrivilege(boolean temporary, String database, String user, String prefix) {
        return "admin rights, which H2 requires to create a schema (ALTER USER " + quote(user) + " ADMIN TRUE)";
    }

    @Override
    public String name() {
        return "h2";
    }

    @Override
    public DialectCapabilities capabilities() {
        return CAPABILITIES;
    }

    /**
     * Asked first: H2 writes every refused statement, a missing table too, with its stack trace into
     * the database's {@code .trace.db} file, which a first run would otherwise leave beside a new
     * database as if something had failed. Embedded, the extra query costs no round trip.
     */
    @Override
    public Optional<SqlStatement> countTables(String schema, String table) {
        return Optional.of(schema == null
                ? SqlStatement.of("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = CURRENT_SCHEMA"
                        + " AND TABLE_NAME = ?", table)
                : SqlStatement.of("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?",
                        schema, table));
    }

    @Override
    public boolean isMissingTable(String sqlState, int vendorCode) {
        return TABLE_OR_SCHEMA_NOT_FOUND.contains(vendorCode);
    }

    /** A lock wait that ran out: H2's LOCK_TIMEOUT_1 (HYT00), or the standard serialization failure. */
    @Override
    public boolean isLockBusy(String sqlState, int vendorCode) {
        return "HYT00".equals(sqlState) || super.isLockBusy(sqlState, vendorCode);
    }

    @Override
    public boolean isLostSession(String sqlState, int vendorCode) {
        return vendorCode == CONNECTION_BROKEN || String.valueOf(CONNECTION_BROKEN).equals(sqlState);
    }

    @Override
    public ConnectionDefaults connectionDefaults() {
        return CONNECTION_DEFAULTS;
    }

    /** Advises on upper-cased names that were not found: the usual sign of unquoted SQL against migrate's names. */
    @Override
    public String failureHint(String sqlState, int vendorCode, String message) {
        if (!NAME_NOT_FOUND.contains(vendorCode) || message == null) {
            return "";
        }
        Matcher name = FIRST_QUOTED.matcher(message);
        boolean folded = name.find() && name.group(1).equals(name.group(1).toUpperCase(Locale.ROOT))
                && !name.group(1).equals(name.group(1).toLowerCase(Locale.ROOT));
        return folded ? UNQUOTED_NAME_HINT : "";
    }

    @Override
    public List<SqlStatement> useSchema(String schema) {
        return List.of(SqlStatement.of("SET SCHEMA " + quote(schema)));
    }

    @Override
    public List<SqlStatement> ddlLockTimeout(Duration timeout) {
        return List.of(SqlStatement.of("SET LOCK_TIMEOUT " + timeout.toMillis()));
    }

    @Override
    public List<SqlStatement> rowLockWait(Duration wait) {
        // Session-wide in H2; only ever sent on the lock's own connection.
        return List.of(SqlStatement.of("SET LOCK_TIMEOUT " + wait.toMillis()));
    }

    @Override
    protected OperationRenderer renderer(String schema) {
        return new H2OperationRenderer(this, schema);
    }
}
