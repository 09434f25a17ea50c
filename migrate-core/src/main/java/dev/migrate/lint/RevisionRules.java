package dev.migrate.lint;

import dev.migrate.ops.AddColumn;
import dev.migrate.ops.AddConstraint;
import dev.migrate.ops.AlterColumn;
import dev.migrate.ops.AlterSequence;
import dev.migrate.ops.BatchedUpdate;
import dev.migrate.ops.BulkInsert;
import dev.migrate.ops.Column;
import dev.migrate.ops.ColumnType;
import dev.migrate.ops.CreateIndex;
import dev.migrate.ops.CreateSchema;
import dev.migrate.ops.CreateSequence;
import dev.migrate.ops.CreateTable;
import dev.migrate.ops.DropColumn;
import dev.migrate.ops.DropConstraint;
import dev.migrate.ops.DropIndex;
import dev.migrate.ops.DropSchema;
import dev.migrate.ops.DropSequence;
import dev.migrate.ops.DropTable;
import dev.migrate.ops.ExecuteSql;
import dev.migrate.ops.Operation;
import dev.migrate.ops.OperationVisitor;
import dev.migrate.ops.RenameTable;
import dev.migrate.ops.ServerDefault;
import dev.migrate.ops.TableComment;
import dev.migrate.ops.TableConstraint;
import dev.migrate.ops.ValidateConstraint;
import dev.migrate.ops.WithConnection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Applies the catalogue to one revision's operations, in order. A table is "new" when this
 * revision created it (or, in a pending run, an earlier pending revision did): rules about
 * existing rows and live traffic stay quiet on it. Findings are raw: suppressions are the
 * {@link Linter}'s business.
 */
final class RevisionRules implements OperationVisitor<Void> {

    /** PostgreSQL's NAMEDATALEN - 1. */
    static final int MAX_IDENTIFIER_BYTES = 63;

    private static final Pattern VOLATILE = Pattern.compile(
            "\\b(random|random_normal|gen_random_uuid|gen_random_bytes|uuid_generate_v[14]|uuid_generate_v1mc|uuidv[47]|clock_timestamp"
            + "|timeofday|nextval|txid_current)\\s*\\(",
            Pattern.CASE_INSENSITIVE);
    /**
     * Defaults MariaDB 10.11 cannot add in place: ADD COLUMN with one of them is ALGORITHM=COPY (checked on
     * the server; {@code CURRENT_TIMESTAMP} and, oddly, {@code rand()} are INSTANT).
     */
    static final Pattern MARIADB_COPYING_DEFAULT = Pattern.compile(
            "\\b(uuid|uuid_short|sys_guid|sysdate|nextval)\\s*\\(", Pattern.CASE_INSENSITIVE);
    /** PostgreSQL's serial types are integers defaulting to nextval(): a value per row, like identity. */
    private static final Pattern SERIAL = Pattern.compile("(small|big)?serial[248]?", Pattern.CASE_INSENSITIVE);

    private final LintedRevision revision;
    private final SchemaFacts facts;
    private final Set<String> newTables;
    /**
     * Columns ("table.column") this revision (or, in a pending run, an earlier pending revision) added to existing
     * tables: no row holds data of its own in them and the running application version does not know them, so
     * dropping or renaming one loses and breaks nothing.
     */
    private final Set<String> newColumns;
    /** Schemas this revision created, which may go again without loss. */
    private final Set<String> newSchemas = new HashSet<>();
    private final Duration ddlLockTimeout;
    private final SqlReader reader;
    private final boolean mariadb;
    private final String dialect;
    private final List<LintFinding> findings = new ArrayList<>();
    private final Map<String, String> ddlOnExisting = new LinkedHashMap<>(); // table -> first DDL operation
    private final Map<String, String> dmlOn = new LinkedHashMap<>(); // table -> first data change
    private final java.util.Set<String> addedNotValid = new java.util.HashSet<>(); // "table.constraint", existing tables
    /** Enum values this revision added with ALTER TYPE ... ADD VALUE: "type" -> values; unusable until it commits. */
    private final Map<String, Set<String>> addedEnumValues = new LinkedHashMap<>();
    /**
     * MariaDB's session checks foreign keys, unless the revision said {@code SET foreign_key_checks = 0}: then ADD
     * FOREIGN KEY checks no existing row and runs in place instead of copying the table.
     */
    private boolean foreignKeyChecks = true;
    /** The revision set a lock timeout itself (SET lock_timeout / lock_wait_timeout): later locks give up rather than queue. */
    private boolean lockTimeoutSet;
    private String firstAccessExclusive; // operation, or null
    private String accessExclusiveTable;
    private String operation; // the one being visited, as findings name it
    private List<SqlFact> statement = List.of(); // the execute(sql) facts being read, for facts that depend on their neighbours

    /**
     * @param newTables  tables that count as new (empty, unseen by the application); this revision's
     *                   creations are added to it
     * @param newColumns the same for columns added to existing tables ("table.column")
     */
    RevisionRules(LintedRevision revision, SchemaFacts facts, Set<String> newTables, Set<String> newColumns, Duration ddlLockTimeout,
            SqlReader reader, String dialect) {
        this.reader = reader;
        this.mariadb = dialect.equals("mariadb");
        this.dialect = dialect;
        this.revision = revision;
        this.facts = facts;
        this.newTables = newTables;
        this.newColumns = newColumns;
        this.ddlLockTimeout = ddlLockTimeout;
    }

    List<LintFinding> run() {
        for (Operation op : revision.operations()) {
            op.accept(this);
        }
        dmlOn.forEach((table, dml) -> {
            String ddl = ddlOnExisting.get(table);
            if (ddl != null) {
                operation = dml;
                flag(Rule.MG112, dml + " changes rows of " + table + " in the same revision as DDL on it (" + ddl
                        + "): the changed rows stay locked, behind the DDL's lock, until the revision commits; move the"
                        + " data change into a revision of its own");
            }
        });
        if (firstAccessExclusive != null && ddlLockTimeout == null) {
            operation = firstAccessExclusive;
            flag(Rule.MG113, firstAccessExclusive + " takes an ACCESS EXCLUSIVE lock on " + accessExclusiveTable
                    + " and migrate.ddlLockTimeout is not set: while it waits behind a long query, every query on "
                    + accessExclusiveTable + " queues behind it; set migrate.ddlLockTimeout (for example 3s) and retry on timeout");
        }
        return findings;
    }

    // ---- typed operations

    @Override
    public Void visitCreateTable(CreateTable op) {
        String table = key(op.table());
        operation = "createTable " + table;
        newTables.add(table);
        identifier("table", op.table().name());
        for (Column column : op.columns()) {
            identifier("column", column.name());
            facts.column(table, column.name(), column.type());
            facts.nullable(table, column.name(), column.nullable());
            hygiene(table, column.name(), column.type());
        }
        for (TableConstraint constraint : op.constraints()) {
            identifier("constraint", constraint.name());
            if (constraint instanceof TableConstraint.Check check) {
                facts.check(table, check.name(), check.condition(), true);
            }
            if (constraint instanceof TableConstraint.PrimaryKey key) {
                key.columns().forEach(column -> facts.nullable(table, column, false));
                facts.primaryKey(table, key.name());
            }
            if (constraint instanceof TableConstraint.PrimaryKey key && key.columns().size() == 1) {
                op.columns().stream().filter(c -> c.name().equals(key.columns().get(0))).findFirst()
                        .ifPresent(c -> integerKey(table, c));
            }
        }
        return null;
    }

    @Override
    public Void visitDropTable(DropTable op) {
        String table = key(op.table());
        operation = "dropTable " + table;
        if (!isNew(table)) {
            flag(Rule.MG109, "dropping " + table + " loses its data and breaks the application version still running"
                    + " during a rolling deploy; stop using the table in a release first, then drop it");
            accessExclusive(table);
        }
        newTables.remove(table);
        facts.dropTable(table);
        return null;
    }

    @Override
    public Void visitRenameTable(RenameTable op) {
        String table = key(op.table());
        String renamed = key(dev.migrate.ops.QualifiedName.of(op.table().schema(), op.newName()));
        operation = "renameTable " + table;
        identifier("table", op.newName());
        if (isNew(table)) {
            newTables.add(renamed);
        } else {
            flag(Rule.MG111, "renaming " + table + " to " + op.newName() + " breaks the application version still"
                    + " running, which queries the old name; create a view or a new table, move readers and writers, then drop the old one");
            ddl(table);
        }
        facts.renameTable(table, renamed);
        return null;
    }

    @Override
    public Void visitAddColumn(AddColumn op) {
        String table = key(op.table());
        Column column = op.column();
        String subject = table + "." + column.name();
        operation = "addColumn " + subject;
        identifier("column", column.name());
        boolean known = facts.type(table, column.name()).isPresent(); // ADD COLUMN IF NOT EXISTS of it: a no-op
        facts.column(table, column.name(), column.type());
        facts.nullable(table, column.name(), column.nullable());
        hygiene(table, column.name(), column.type());
        op.constraints().forEach(c -> identifier("constraint", c.name()));
        if (isNew(table)) {
            return null;
        }
        if (!known) {
            newColumns.add(subject);
        }
        ddl(table);
        jsonColumn(table, subject, column.type());
        if (column.type() instanceof ColumnType.EnumCheck) {
            // its CHECK (column IN (...)) is checked against every existing row: inline on PostgreSQL, a statement of its
            // own on MariaDB (a copy there)
            copiesOnMariaDb(table, op.table().name() + "_" + column.name() + "_check", "CHECK");
            flag(Rule.MG102, "adding " + subject + " as " + typeName(column.type()) + " adds the CHECK of its values, which"
                    + " checks every existing row while " + table + " is locked against reads and writes; add it as a plain"
                    + " varchar, then the CHECK with op.addCheck(..., c -> c.notValid()) and validate it in a later revision");
        }
        if (!column.identity() && !serial(column.type())) {
            addedColumnRules(table, subject, column.nullable(), column.serverDefault() instanceof ServerDefault.Expression e
                    ? e.sql() : null, column.serverDefault() != null);
        } else {
            serialColumn(table, subject);
        }
        for (TableConstraint constraint : op.constraints()) {
            if (constraint instanceof TableConstraint.PrimaryKey) {
                facts.primaryKey(table, constraint.name());
                rebuilds(table, "adding a primary key on " + subject);
            }
            flag(Rule.MG104, "adding " + subject + " as " + kind(constraint) + " builds its index while " + table
                    + " is locked against reads and writes; add the column, build a unique index with"
                    + " ix -> ix.unique().concurrently(), then add the constraint with k -> k.usingIndex(index)");
        }
        return null;
    }

    private static boolean serial(ColumnType type) {
        return type instanceof ColumnType.Sql sql && SERIAL.matcher(sql.definition().strip()).matches();
    }

    @Override
    public Void visitDropColumn(DropColumn op) {
        String table = key(op.table());
        operation = "dropColumn " + table + "." + op.column();
        if (!isNew(table)) {
            dropColumn(table, op.column());
        }
        newColumns.remove(table + "." + op.column());
        return null;
    }

    @Override
    public Void visitAlterColumn(AlterColumn op) {
        String table = key(op.table());
        String subject = table + "." + op.column();
        operation = "alterColumn " + subject;
        boolean existing = !isNew(table);
        // A comment alone changes metadata only, no rewrite (see visitTableComment).
        boolean commentOnly = op.type() == null && op.nullable() == null && op.serverDefault() == null
                && !op.dropDefault() && op.newName() == null;
        if (existing && op.type() == null && !commentOnly) {
            ddl(table);
        }
        if (existing && commentOnly) {
            comment(table);
        }
        if (op.type() != null) {
            alterType(table, op.column(), op.type());
        }
        if (Boolean.FALSE.equals(op.nullable())) {
            setNotNull(table, op.column());
        }
        if (op.nullable() != null) {
            facts.nullable(table, op.column(), op.nullable());
        }
        if (op.newName() != null) {
            identifier("column", op.newName());
            if (existing) {
                renameColumn(table, op.column(), op.newName());
            }
            if (newColumns.remove(subject)) {
                newColumns.add(table + "." + op.newName());
            }
            facts.renameColumn(table, op.column(), op.newName());
        }
        return null;
    }

    @Override
    public Void visitCreateIndex(CreateIndex op) {
        String table = key(op.table());
        operation = "createIndex " + op.name() + " on " + table;
        identifier("index", op.name());
        createIndex(table, op.name(), op.concurrently());
        return null;
    }

    @Override
    public Void visitDropIndex(DropIndex op) {
        String table = key(op.table());
        operation = "dropIndex " + op.name() + " on " + table;
        if (!op.concurrently() && !isNew(table)) {
            dropIndex(table, op.name());
        }
        return null;
    }

    @Override
    public Void visitAddConstraint(AddConstraint op) {
        String table = key(op.table());
        TableConstraint constraint = op.constraint();
        operation = "addConstraint " + constraint.name() + " on " + table;
        identifier("constraint", constraint.name());
        if (constraint instanceof TableConstraint.Check check) {
            facts.check(table, check.name(), check.condition(), !op.notValid());
        }
        if (constraint instanceof TableConstraint.PrimaryKey) {
            facts.primaryKey(table, constraint.name());
        }
        if (isNew(table)) {
            return null;
        }
        ddl(table);
        if (op.notValid()) {
            addedNotValid.add(table + "." + constraint.name());
        }
        if (constraint instanceof TableConstraint.ForeignKey && foreignKeyChecks || constraint instanceof TableConstraint.Check) {
            copiesOnMariaDb(table, constraint.name(), constraint instanceof TableConstraint.Check ? "CHECK" : "FOREIGN KEY");
        }
        if (constraint instanceof TableConstraint.ForeignKey fk) {
            if (!op.notValid()) {
                constraintWithoutNotValid(table, fk.name(), "FOREIGN KEY", "fk -> fk.notValid()", " and " + fk.referencedTable());
            }
        } else if (constraint instanceof TableConstraint.Check check) {
            if (!op.notValid()) {
                constraintWithoutNotValid(table, check.name(), "CHECK", "c -> c.notValid()", "");
            }
        } else {
            if (constraint instanceof TableConstraint.PrimaryKey key) {
                rebuilds(table, "adding the primary key " + constraint.name());
                if (op.usingIndex() != null) {
                    key.columns().forEach(column -> primaryKeySetsNotNull(table, column, constraint.name()));
                }
            }
            if (op.usingIndex() == null) {
                uniqueWithoutIndex(table, constraint.name(), kind(constraint));
            }
        }
        return null;
    }

    @Override
    public Void visitDropConstraint(DropConstraint op) {
        String table = key(op.table());
        operation = "dropConstraint " + op.name() + " on " + table;
        if (!isNew(table)) {
            ddl(table);
            if (facts.isPrimaryKey(table, op.name())) {
                dropPrimaryKey(table, "dropping the primary key " + op.name());
            }
        }
        return null;
    }

    @Override
    public Void visitValidateConstraint(ValidateConstraint op) {
        operation = "validateConstraint " + op.name() + " on " + op.table();
        if (op.ownTransaction()) {
            // The engine commits before it: the add's lock is released before the scan starts.
            facts.validated(key(op.table()), op.name());
        } else {
            validate(key(op.table()), op.name());
        }
        return null;
    }

    private void validate(String table, String name) {
        facts.validated(table, name);
        if (addedNotValid.contains(table + "." + name)) {
            flag(Rule.MG120, "VALIDATE CONSTRAINT " + name + " runs in the transaction that added it NOT VALID, so the"
                    + " add's lock on " + table + " is held for the whole scan; validate it in a later revision");
        }
    }

    @Override
    public Void visitTableComment(TableComment op) {
        String table = key(op.table());
        operation = (op.comment() == null ? "dropTableComment " : "setTableComment ") + table;
        if (!isNew(table)) {
            comment(table);
        }
        return null;
    }

    /**
     * A comment changes metadata only: no row is read or rewritten, and the data it sits beside stays
     * unlocked (so no MG112). PostgreSQL's COMMENT ON takes SHARE UPDATE EXCLUSIVE, which blocks
     * neither reads nor writes; MariaDB's is an ALTER TABLE, which ends under an exclusive metadata
     * lock that queues traffic while it waits, so there MG113 asks for a lock timeout as for any ALTER.
     */
    private void comment(String table) {
        if (mariadb) {
            accessExclusive(table);
        }
    }

    @Override
    public Void visitCreateSequence(CreateSequence op) {
        return null;
    }

    /** Metadata only on every database: no table is locked or rewritten. */
    @Override
    public Void visitAlterSequence(AlterSequence op) {
        return null;
    }

    @Override
    public Void visitDropSequence(DropSequence op) {
        return null;
    }

    @Override
    public Void visitCreateSchema(CreateSchema op) {
        newSchemas.add(op.name());
        return null;
    }

    /**
     * PostgreSQL and H2 refuse to drop a schema that holds anything; MariaDB's {@code DROP DATABASE}
     * drops every table in it, which is a table drop as far as data goes.
     */
    @Override
    public Void visitDropSchema(DropSchema op) {
        operation = "dropSchema " + op.name();
        if (mariadb && !newSchemas.contains(op.name())) {
            flag(Rule.MG109, "dropping schema " + op.name() + " is DROP DATABASE here: every table in it and its data go"
                    + " with it; move or drop its tables in revisions of their own first");
        }
        newSchemas.remove(op.name());
        return null;
    }

    @Override
    public Void visitExecuteSql(ExecuteSql op) {
        String first = op.sql().strip().split("\\s+", 3).length > 1
                ? String.join(" ", java.util.Arrays.copyOf(op.sql().strip().split("\\s+", 3), 2)) : op.sql().strip();
        operation = "execute " + first.toUpperCase(Locale.ROOT) + " ...";
        Optional<List<SqlFact>> read = reader.read(op.sql());
        if (read.isEmpty()) {
            flag(Rule.MG118, "the statement \"" + abbreviate(op.sql()) + "\" was not linted (" + reader.name()
                    + " does not understand its form); review its locks by hand or use a typed operation");
            return null;
        }
        String code = withoutComments(op.sql()); // a value named in a comment is not used
        enumValueUsed(code);
        // statement by statement (a reader that does not mark their ends gives one): MariaDB runs each ALTER TABLE
        // with one algorithm for all its actions
        List<SqlFact> current = new ArrayList<>();
        for (SqlFact fact : read.get()) {
            if (!(fact instanceof SqlFact.StatementEnd)) {
                current.add(fact);
            }
            if (fact instanceof SqlFact.StatementEnd && !current.isEmpty()) {
                statement(List.copyOf(current));
                current.clear();
            }
        }
        if (!current.isEmpty()) {
            statement(List.copyOf(current));
        }
        // a value added by this very text and written again after its ADD VALUE
        read.get().stream().filter(SqlFact.AddEnumValue.class::isInstance).map(SqlFact.AddEnumValue.class::cast)
                .filter(added -> code.split(java.util.regex.Pattern.quote("'" + added.value().replace("'", "''") + "'"), -1).length > 2)
                .findFirst()
                .ifPresent(added -> enumValueUsedFlag(added.type(), added.value()));
        return null;
    }

    /** The SQL without its {@code --} and {@code /* *\/} comments; literals and quoted names are kept as written. */
    private static String withoutComments(String sql) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int end = sql.indexOf(c, i + 1);
                end = end < 0 ? sql.length() - 1 : end;
                out.append(sql, i, end + 1);
                i = end;
            } else if (c == '-' && i + 1 < sql.length() && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? sql.length() : end - 1;
                out.append(' ');
            } else if (c == '/' && i + 1 < sql.length() && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? sql.length() : end + 1;
                out.append(' ');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private void statement(List<SqlFact> facts) {
        if (mariadb) {
            algorithm(facts); // before the facts: a type change is judged against the column's old type
            columnWithIndex(facts);
        }
        statement = facts;
        facts.forEach(this::fact);
        statement = List.of();
    }

    /**
     * MariaDB 10.11 adds or drops a column instantly and builds an index without copying, but not both in one ALTER
     * TABLE: together they rebuild the table (ALGORITHM=INPLACE; NOCOPY and INSTANT are refused, checked on the server).
     */
    private void columnWithIndex(List<SqlFact> statement) {
        for (SqlFact fact : statement) {
            String table = MariaDbAlgorithms.columnAddedOrDroppedBesideAnIndex(fact, statement);
            if (table != null && !isNew(table)) {
                rebuilds(table, "adding or dropping a column and building an index in one ALTER TABLE (each alone would not)");
                return;
            }
        }
    }

    /**
     * PostgreSQL 12+ accepts ALTER TYPE ... ADD VALUE in a transaction but refuses to use the value before
     * it commits ("unsafe use of new value"); a later statement of the revision that writes it as a literal
     * fails at deploy time.
     */
    private void enumValueUsed(String sql) {
        addedEnumValues.forEach((type, values) -> values.stream()
                .filter(value -> sql.contains("'" + value.replace("'", "''") + "'"))
                .findFirst()
                .ifPresent(value -> enumValueUsedFlag(type, value)));
    }

    private void enumValueUsedFlag(String type, String value) {
        flag(Rule.MG129, "the enum value '" + value + "' of " + type + " is added and used in the same revision:"
                + " PostgreSQL refuses a new enum value until the transaction that added it commits (\"unsafe use of new"
                + " value\"; before PostgreSQL 12, ADD VALUE itself is refused in a transaction); add the value in one"
                + " revision and use it in a later one");
    }

    @Override
    public Void visitBulkInsert(BulkInsert op) {
        operation = "bulkInsert into " + op.table();
        dml(key(op.table()));
        return null;
    }

    /** Not a data change in the DDL's transaction: the engine commits the DDL before the first batch. */
    @Override
    public Void visitBatchedUpdate(BatchedUpdate op) {
        return null;
    }

    @Override
    public Void visitWithConnection(WithConnection op) {
        return null; // code, not SQL: nothing to read
    }

    private void fact(SqlFact fact) {
        if (fact instanceof SqlFact.CreateIndex s) {
            identifier("index", s.name());
            createIndex(s.table(), s.name(), s.concurrently());
            if (s.concurrently()) {
                concurrentlyInTransaction("CREATE INDEX CONCURRENTLY " + s.name(),
                        "op.createIndex(\"" + s.name() + "\", \"" + s.table() + "\", columns, ix -> ix.concurrently())");
            }
        } else if (fact instanceof SqlFact.DropIndex s) {
            if (s.concurrently()) {
                concurrentlyInTransaction("DROP INDEX CONCURRENTLY " + s.name(),
                        "op.dropIndex(\"" + s.name() + "\", table, ix -> ix.concurrently())");
            }
            // PostgreSQL's DROP INDEX names no table: the index's, as the revisions created it
            String table = s.table() != null ? s.table() : facts.indexTable(s.name()).orElse(null);
            if (!s.concurrently() && (table == null || !isNew(table))) {
                dropIndex(table == null ? "its table" : table, s.name());
            }
        } else if (fact instanceof SqlFact.SetNotNull s) {
            if (!isNew(s.table())) {
                ddl(s.table());
            }
            setNotNull(s.table(), s.column());
            facts.nullable(s.table(), s.column(), false);
        } else if (fact instanceof SqlFact.AlterColumnType s) {
            alterType(s.table(), s.column(), SqlTypes.columnType(s.type()));
        } else if (fact instanceof SqlFact.AddColumn s) {
            addColumn(s.table(), s.column(), SqlTypes.columnType(s.type()), s.notNull(), s.defaultSql(), s.valuePerRow());
        } else if (fact instanceof SqlFact.AddConstraint s) {
            identifier("constraint", s.name());
            if (s.kind().equals("CHECK") && s.condition() != null) {
                facts.check(s.table(), s.name(), s.condition(), !s.notValid());
            }
            if (s.kind().equals("PRIMARY KEY")) {
                facts.primaryKey(s.table(), s.name());
            }
            if (!isNew(s.table())) {
                ddl(s.table());
                if (s.notValid()) {
                    addedNotValid.add(s.table() + "." + s.name());
                }
                if (s.kind().equals("FOREIGN KEY") && foreignKeyChecks || s.kind().equals("CHECK")) {
                    copiesOnMariaDb(s.table(), s.name(), s.kind());
                }
                if (s.kind().equals("COLUMN CHECK")) {
                    flag(Rule.MG102, "the CHECK " + s.name() + " on a column added to " + s.table() + " is checked against every"
                            + " existing row under ACCESS EXCLUSIVE; add the column, then the check with NOT VALID, and"
                            + " VALIDATE it in a later revision");
                } else if ((s.kind().equals("FOREIGN KEY") || s.kind().equals("CHECK")) && !s.notValid()) {
                    constraintWithoutNotValid(s.table(), s.name(), s.kind(), "NOT VALID", "");
                } else if ((s.kind().equals("UNIQUE") || s.kind().equals("PRIMARY KEY")) && !s.usingIndex()) {
                    if (s.kind().equals("PRIMARY KEY")) {
                        rebuilds(s.table(), "adding the primary key " + s.name());
                    }
                    uniqueWithoutIndex(s.table(), s.name(), s.kind());
                }
            }
        } else if (fact instanceof SqlFact.ValidateConstraint s) {
            validate(s.table(), s.name());
        } else if (fact instanceof SqlFact.DropConstraint s) {
            if (!isNew(s.table())) {
                ddl(s.table());
                if (facts.isPrimaryKey(s.table(), s.name())) {
                    dropPrimaryKey(s.table(), "dropping the primary key " + s.name());
                }
            }
        } else if (fact instanceof SqlFact.DropPrimaryKey s) {
            if (!isNew(s.table())) {
                ddl(s.table());
                if (!MariaDbAlgorithms.replacesPrimaryKey(s, statement)) { // replaced: the ADD PRIMARY KEY says MG122
                    dropPrimaryKey(s.table(), "DROP PRIMARY KEY");
                }
            }
        } else if (fact instanceof SqlFact.DropTable s) {
            if (!isNew(s.table())) {
                flag(Rule.MG109, "dropping " + s.table() + " loses its data and breaks the application version still"
                        + " running during a rolling deploy; stop using the table in a release first, then drop it");
                accessExclusive(s.table());
            }
            newTables.remove(s.table());
            facts.dropTable(s.table());
        } else if (fact instanceof SqlFact.DropColumn s) {
            if (!isNew(s.table())) {
                dropColumn(s.table(), s.column());
            }
            newColumns.remove(s.table() + "." + s.column());
        } else if (fact instanceof SqlFact.RenameColumn s) {
            identifier("column", s.newName());
            if (!isNew(s.table())) {
                renameColumn(s.table(), s.column(), s.newName());
            }
            if (newColumns.remove(s.table() + "." + s.column())) {
                newColumns.add(s.table() + "." + s.newName());
            }
            facts.renameColumn(s.table(), s.column(), s.newName());
        } else if (fact instanceof SqlFact.RenameTable s) {
            identifier("table", s.newName());
            String renamed = s.table().contains(".") ? s.table().substring(0, s.table().lastIndexOf('.') + 1) + s.newName() : s.newName();
            facts.renameTable(s.table(), renamed);
            if (isNew(s.table())) {
                newTables.add(renamed);
            } else {
                flag(Rule.MG111, "renaming " + s.table() + " to " + s.newName() + " breaks the application version still"
                        + " running, which queries the old name; create a view or a new table, move readers and writers, then drop the old one");
                ddl(s.table());
            }
        } else if (fact instanceof SqlFact.ReplaceTable s) {
            if (!isNew(s.table()) && facts.hasTable(s.table())) {
                flag(Rule.MG109, "CREATE OR REPLACE TABLE " + s.table() + " drops the table the revisions created, with its data,"
                        + " and breaks the application version still running; create the new table under a new name, move the"
                        + " rows and readers, then drop the old one");
                accessExclusive(s.table());
            }
        } else if (fact instanceof SqlFact.CreateTable s) {
            identifier("table", s.table().substring(s.table().lastIndexOf('.') + 1));
            if (!s.ifNotExists() || !facts.hasTable(s.table())) { // IF NOT EXISTS of a table the revisions made: a no-op
                newTables.add(s.table());
            }
        } else if (fact instanceof SqlFact.Dml s) {
            dml(s.table());
            if (s.everyRow() && !isNew(s.table())) {
                everyRow(s.table());
            }
        } else if (fact instanceof SqlFact.Truncate s) {
            if (!isNew(s.table())) {
                flag(Rule.MG125, "TRUNCATE " + s.table() + " deletes every row (the data is gone) under ACCESS EXCLUSIVE,"
                        + (s.cascade() ? " CASCADE empties every table with a foreign key to it as well," : "")
                        + " and the application version still running expects them; if the data is meant to go, say so with"
                        + " @AllowUnsafe(value = \"MG125\", reason = ...), else delete the rows you mean in batches");
                accessExclusive(s.table());
            }
        } else if (fact instanceof SqlFact.AddDomainConstraint s) {
            if (!s.notValid()) {
                flag(Rule.MG102, "ALTER DOMAIN " + s.domain() + " ADD CONSTRAINT " + s.name() + " checks every value of every"
                        + " column of type " + s.domain() + ", in every table, while it blocks writes to them; add it NOT VALID"
                        + " (new values are checked at once) and validate the old ones separately (see MG127: a domain's"
                        + " VALIDATE blocks writes too)");
            }
        } else if (fact instanceof SqlFact.AttachPartition s) {
            if (!isNew(s.partition()) && !facts.hasValidatedCheck(s.partition())) {
                flag(Rule.MG127, "ALTER TABLE " + s.parent() + " ATTACH PARTITION " + s.partition() + " scans " + s.partition()
                        + " under ACCESS EXCLUSIVE to prove its rows fit the bound (and the default partition, if any): no read"
                        + " or write of it for the whole scan; first add a CHECK matching the bound NOT VALID, validate it in a"
                        + " later revision, then attach (PostgreSQL skips the scan when a validated CHECK implies the bound)");
            }
            if (!isNew(s.partition())) {
                accessExclusive(s.partition());
            }
        } else if (fact instanceof SqlFact.Setting s) {
            // PostgreSQL's lock_timeout, MariaDB's lock_wait_timeout (metadata locks); 0 or DEFAULT sets none
            if ((s.name().equals("lock_timeout") || s.name().equals("lock_wait_timeout"))
                    && !s.value().matches("(?i)0+(ms|s)?|default")) {
                lockTimeoutSet = true;
            }
            if (s.name().equals("foreign_key_checks")) {
                foreignKeyChecks = !s.value().matches("(?i)0|off|false");
            }
        } else if (fact instanceof SqlFact.TransactionControl s) {
            flag(Rule.MG131, s.statement() + " in execute(sql) " + (s.statement().equals("BEGIN") || s.statement().equals("START TRANSACTION")
                    ? "opens no transaction of its own: the revision already runs in one, which migrate commits with its version;"
                    : "ends the revision's transaction half-way: what ran before is " + (s.statement().equals("ROLLBACK")
                            ? "undone" : "committed") + " without the revision's version, so a failure after it leaves the revision"
                    + " half-applied and unrecorded;")
                    + " leave transactions to migrate (a revision is one transaction; ix -> ix.concurrently() and"
                    + " v -> v.inOwnTransaction() run outside it)");
        } else if (fact instanceof SqlFact.OutsideTransactionOnly s) {
            outsideTransactionOnly(s);
        } else if (fact instanceof SqlFact.WholeTableRewrite s) {
            if (s.table() == null || !isNew(s.table())) {
                wholeTableRewrite(s);
            }
        } else if (fact instanceof SqlFact.LockTable s) {
            if (!isNew(s.table())) {
                flag(Rule.MG128, "LOCK TABLE " + s.table() + " IN " + s.mode() + " MODE holds the lock until the revision"
                        + " commits, so traffic on " + s.table() + " waits for the rest of the revision; let each statement"
                        + " take its own lock, with migrate.ddlLockTimeout set");
                ddl(s.table());
            }
        } else if (fact instanceof SqlFact.AddEnumValue s) {
            addedEnumValues.computeIfAbsent(s.type(), t -> new java.util.LinkedHashSet<>()).add(s.value());
        } else if (fact instanceof SqlFact.BriefTableLock s) {
            if (!isNew(s.table())) {
                ddl(s.table());
            }
        } else if (fact instanceof SqlFact.DropSchema s) {
            if ((s.cascade() || mariadb) && !newSchemas.contains(s.schema())) {
                flag(Rule.MG109, "DROP SCHEMA " + s.schema() + (mariadb ? " is DROP DATABASE here: every table" : " CASCADE: every table")
                        + " in it and its data go with it; move or drop its tables in revisions of their own first");
            }
            newSchemas.remove(s.schema());
        } else if (fact instanceof SqlFact.DropDatabase s) {
            flag(Rule.MG109, "DROP DATABASE " + s.name() + " drops every table in it and its data; do it by hand, not in a"
                    + " migration");
            outsideTransactionOnly(new SqlFact.OutsideTransactionOnly("DROP DATABASE", null));
        } else if (fact instanceof SqlFact.AddGeneratedColumn s) {
            identifier("column", s.column());
            facts.column(s.table(), s.column(), SqlTypes.columnType(s.type()));
            if (!isNew(s.table())) {
                newColumns.add(s.table() + "." + s.column());
                ddl(s.table());
                if (s.stored()) {
                    storedGeneratedColumn(s.table(), s.table() + "." + s.column());
                }
            }
        } else if (fact instanceof SqlFact.ConvertCharset s) {
            if (!isNew(s.table())) {
                ddl(s.table());
                flag(Rule.MG121, "CONVERT TO CHARACTER SET " + s.charset() + " changes the type of every text column of "
                        + s.table() + ", which copies the table in MariaDB (ALGORITHM=COPY) and blocks writes for the whole"
                        + " copy; change the table's default (ALTER TABLE ... DEFAULT CHARSET=..., instant) for new columns and"
                        + " convert the existing ones in a maintenance window, or a new table the rows move to");
            }
        } else if (fact instanceof SqlFact.SpecialIndex s) {
            if (!isNew(s.table())) {
                ddl(s.table());
                flag(Rule.MG130, s.kind() + " index " + s.name() + " on " + s.table() + " is built under LOCK=SHARED in"
                        + " MariaDB (\"LOCK=NONE is not supported\"): writes to " + s.table() + " wait for the whole build;"
                        + " build it while the table is small or in a maintenance window, or search elsewhere");
                if (s.kind().equals("FULLTEXT")) {
                    rebuilds(s.table(), "the FULLTEXT index " + s.name() + " (the first on a table adds the hidden FTS_DOC_ID column)");
                }
            }
        } else if (fact instanceof SqlFact.RebuildTable s) {
            if (!isNew(s.table())) {
                ddl(s.table());
                rebuilds(s.table(), s.statement());
            }
        }
        // Harmless: nothing to say.
    }

    // ---- the rules, shared by typed operations and execute(sql)

    private void outsideTransactionOnly(SqlFact.OutsideTransactionOnly s) {
        String safe = switch (s.statement()) {
            case "REINDEX CONCURRENTLY" -> "build a new index with op.createIndex(..., ix -> ix.concurrently()) and drop the"
                    + " old one with op.dropIndex(..., ix -> ix.concurrently()), which migrate runs outside the transaction";
            case "DROP DATABASE" -> "drop it by hand";
            case "VACUUM FULL" -> "VACUUM FULL also rewrites the table under ACCESS EXCLUSIVE: reclaim space with pg_repack,"
                    + " outside migrations";
            default -> "run it outside migrations (maintenance is the database's job, not a revision's)";
        };
        flag(Rule.MG126, s.statement() + (s.table() == null ? "" : " " + s.table()) + " through execute(sql) runs inside the"
                + " revision's transaction, where PostgreSQL refuses it (\"cannot run inside a transaction block\"): the"
                + " revision fails at deploy time; " + safe);
    }

    private void wholeTableRewrite(SqlFact.WholeTableRewrite s) {
        if (s.statement().startsWith("VALIDATE CONSTRAINT ")) { // a domain's: no table of its own to queue behind
            flag(Rule.MG127, "ALTER DOMAIN " + s.table() + " " + s.statement() + " checks every column of type " + s.table()
                    + " under a SHARE lock on each table that uses it (unlike a table's VALIDATE CONSTRAINT): writes to them"
                    + " wait for the whole scan; validate it while the tables are small or in a quiet hour, or leave the"
                    + " NOT VALID constraint checking new values only");
            return;
        }
        String what = s.statement().startsWith("SET ") ? "ALTER TABLE " + s.table() + " " + s.statement() : s.statement() + " " + s.table();
        String message = switch (s.statement()) {
            case "CLUSTER" -> what + " rewrites the table in index order under ACCESS EXCLUSIVE: no read or write for the"
                    + " whole rewrite; use pg_repack (online), outside migrations";
            case "REINDEX" -> what + " rebuilds under locks that block writes to the table, and reads that use the"
                    + " index, for the whole build; build a new index with ix -> ix.concurrently(), then drop the old one"
                    + " with ix -> ix.concurrently() (REINDEX CONCURRENTLY cannot run in the revision's transaction)";
            case "REFRESH MATERIALIZED VIEW" -> what + " takes ACCESS EXCLUSIVE on the view: every read of it waits"
                    + " for the whole query; REFRESH MATERIALIZED VIEW CONCURRENTLY (needs a unique index on the view)"
                    + " keeps it readable";
            case "SET TABLESPACE" -> what + " copies the table's files under ACCESS EXCLUSIVE: no read or write for the"
                    + " whole copy; move it with pg_repack --tablespace, outside migrations";
            case "EXCLUDE" -> "the exclusion constraint added to " + s.table() + " builds its index and checks every row under"
                    + " ACCESS EXCLUSIVE: no read or write for the whole build, and an exclusion constraint has no NOT VALID or"
                    + " USING INDEX form; add it while the table is small or in a maintenance window";
            default -> what + " rewrites the table under ACCESS EXCLUSIVE (every row is written again, and to the WAL for"
                    + " SET LOGGED): no read or write for the whole rewrite; do it while the table is empty or in a maintenance window";
        };
        flag(Rule.MG127, message);
        if (s.table() != null) { // the table (or the index, the view) is locked: MG113 asks for a lock timeout
            accessExclusive(s.table());
        }
    }

    private void storedGeneratedColumn(String table, String subject) {
        flag(Rule.MG124, "adding " + subject + " as a stored generated column copies " + table + " in MariaDB"
                + " (ALGORITHM=COPY): writes are blocked for the whole copy; add it VIRTUAL (instant), or as a plain column"
                + " filled by batchedUpdate");
        flag(Rule.MG106, "adding " + subject + " as a stored generated column computes it for every row, rewriting " + table
                + " under ACCESS EXCLUSIVE; add a plain nullable column, fill new rows with a trigger and old ones with"
                + " batchedUpdate");
    }

    private void serialColumn(String table, String subject) {
        rebuilds(table, "adding " + subject + " as an AUTO_INCREMENT column");
        flag(Rule.MG130, "adding " + subject + " as an AUTO_INCREMENT column is built under LOCK=SHARED in MariaDB"
                + " (\"Adding an auto-increment column requires a lock\"): writes to " + table + " wait for the whole rebuild;"
                + " add it while the table is small or in a maintenance window, or number the rows in a new table");
        flag(Rule.MG106, "adding " + subject + " as an identity or serial column fills every row, rewriting " + table
                + " under ACCESS EXCLUSIVE; add a nullable column, backfill it in batches, then attach the sequence");
    }

    /**
     * The engine runs a typed concurrently() build outside the revision's transaction; execute(sql) runs
     * inside it, where PostgreSQL refuses CONCURRENTLY: the revision fails at deploy time.
     */
    private void concurrentlyInTransaction(String statement, String typed) {
        flag(Rule.MG126, statement + " through execute(sql) runs inside the revision's transaction, where PostgreSQL"
                + " refuses it (\"cannot run inside a transaction block\"); use " + typed + ", which migrate runs outside"
                + " the transaction");
    }

    /** An UPDATE or DELETE without WHERE on an existing table. */
    private void everyRow(String table) {
        boolean delete = operation.startsWith("execute DELETE");
        flag(Rule.MG125, (delete ? "DELETE" : "UPDATE") + " of every row of " + table + " in one statement "
                + (delete ? "loses all its data and " : "writes a new version of every row and ")
                + "holds a lock on each row until the revision commits (long lock waits, bloat, replica lag); "
                + (delete ? "if the data is meant to go, delete it in batches (op.withConnection) and say so with @AllowUnsafe"
                        : "use op.batchedUpdate(table, setClause, whereClause, batchSize), which commits batch by batch"));
    }

    private void dropPrimaryKey(String table, String what) {
        flag(Rule.MG124, what + " copies " + table + " in MariaDB (ALGORITHM=COPY: InnoDB clusters the rows by the"
                + " primary key, so without one it copies them onto a hidden row id): writes are blocked for the whole"
                + " copy; drop it and add the new key in one ALTER TABLE (a rebuild in place), or keep it");
    }

    private void copiesOnMariaDb(String table, String name, String kind) {
        flag(Rule.MG124, kind + " " + name + " on " + table + " copies the table in MariaDB (ALGORITHM=COPY"
                + (kind.equals("FOREIGN KEY") ? " while foreign_key_checks is on" : "") + ", NOT VALID does not exist there):"
                + " writes are blocked for the whole copy; add it while the table is small or in a maintenance window, or"
                + " enforce it in the application");
    }

    private void addedColumnRules(String table, String subject, boolean nullable, String defaultExpression, boolean hasDefault) {
        // a function's name inside a string literal ('random()') is a constant, not a call
        String calls = defaultExpression == null ? null : defaultExpression.replaceAll("'(?:[^']|'')*'", "''");
        if (calls != null && MARIADB_COPYING_DEFAULT.matcher(calls).find()) {
            flag(Rule.MG124, "adding " + subject + " with the default " + defaultExpression + " copies " + table
                    + " in MariaDB (ALGORITHM=COPY): writes are blocked for the whole copy; add the column without a"
                    + " default, then backfill it with batchedUpdate and set the default");
        }
        if (calls != null && VOLATILE.matcher(calls).find()) {
            flag(Rule.MG106, "adding " + subject + " with the volatile default " + defaultExpression + " rewrites "
                    + table + " under ACCESS EXCLUSIVE; add the column without a default, set the default, then backfill"
                    + " with batchedUpdate");
        } else if (!nullable && !hasDefault) {
            flag(Rule.MG107, "adding " + subject + " NOT NULL without a default fails as soon as " + table
                    + " has a row; add it nullable, backfill it, then add the NOT NULL safely (see MG103), or give it a constant default");
        }
    }

    /**
     * PostgreSQL's json has no equality operator: once a table has a json column, the running application's
     * SELECT DISTINCT, UNION or GROUP BY over its whole rows fails ("could not identify an equality operator for
     * type json"). jsonb has one (strong_migrations' "adding a json column").
     */
    private void jsonColumn(String table, String subject, ColumnType type) {
        if (type == ColumnType.Basic.JSON || type instanceof ColumnType.Sql sql && sql.definition().strip().equalsIgnoreCase("json")) {
            flag(Rule.MG132, "adding " + subject + " as json breaks the application's SELECT DISTINCT, UNION and GROUP BY over"
                    + " the rows of " + table + " (json has no equality operator); use jsonb (ColumnType.JSONB)");
        }
    }

    private void addColumn(String table, String column, ColumnType type, boolean notNull, String defaultSql, boolean valuePerRow) {
        String subject = table + "." + column;
        identifier("column", column);
        boolean known = facts.type(table, column).isPresent(); // ADD COLUMN IF NOT EXISTS of it: a no-op
        facts.column(table, column, type);
        facts.nullable(table, column, !notNull && !serial(type) && !valuePerRow);
        hygiene(table, column, type);
        if (!isNew(table)) {
            if (!known) {
                newColumns.add(subject);
            }
            ddl(table);
            jsonColumn(table, subject, type);
            if (serial(type) || valuePerRow) {
                serialColumn(table, subject);
            } else {
                addedColumnRules(table, subject, !notNull, defaultSql, defaultSql != null);
            }
        }
    }

    private void alterType(String table, String column, ColumnType type) {
        String subject = table + "." + column;
        boolean existing = !isNew(table);
        if (existing) {
            ddl(table);
        }
        // an enumOf column is stored as varchar(longest value) with a CHECK: the type change is judged as that varchar's
        Optional<ColumnType> old = facts.type(table, column).map(RevisionRules::stored);
        ColumnType to = stored(type);
        hygiene(table, column, type);
        if (existing && type instanceof ColumnType.EnumCheck) {
            // rendered as SET DATA TYPE varchar(n) and ADD CONSTRAINT table_column_check CHECK (column IN (...)),
            // which checks every existing row: under ACCESS EXCLUSIVE on PostgreSQL, by a copy on MariaDB
            copiesOnMariaDb(table, table.substring(table.lastIndexOf('.') + 1) + "_" + column + "_check", "CHECK");
            flag(Rule.MG102, "changing " + subject + " to " + typeName(type) + " adds the CHECK of its values, which checks"
                    + " every existing row while " + table + " is locked against reads and writes; add the new CHECK with"
                    + " c -> c.notValid() (op.addCheck), validate it in a later revision, and change the type to a plain"
                    + " varchar wide enough");
        }
        if (existing && !old.map(o -> MariaDbAlgorithms.typeChangeInPlace(o, to)).orElse(false)) {
            flag(Rule.MG121, "changing " + subject + (old.isPresent() ? " from " + typeName(old.get()) : "") + " to "
                    + typeName(type) + (old.isPresent() ? "" : " (its old type is not known from the revisions)")
                    + " is not in-place in MariaDB: ALTER TABLE copies " + table + " (ALGORITHM=COPY) and blocks writes"
                    + " for the whole copy; add a new column, backfill it with batchedUpdate, switch the application, then"
                    + " drop the old one (only widening a VARCHAR within its length-byte size, or from at most 127 bytes, and"
                    + " appending values to an ENUM are in-place)");
        }
        if (existing && !old.map(o -> binaryCoercible(o, to)).orElse(false)) {
            flag(Rule.MG105, "changing " + subject + (old.isPresent() ? " from " + typeName(old.get()) : "")
                    + " to " + typeName(type) + (old.isPresent() ? " rewrites " : " may rewrite ") + table
                    + " under ACCESS EXCLUSIVE" + (old.isPresent() ? "" : " (its old type is not known from the revisions)")
                    + "; add a new column, backfill it with batchedUpdate, switch the application, then drop the old one");
        }
        facts.column(table, column, type);
    }

    /** The type as the database stores it: an enumOf column is a varchar as long as its longest value. */
    private static ColumnType stored(ColumnType type) {
        return type instanceof ColumnType.EnumCheck values ? ColumnType.varchar(values.maxLength()) : type;
    }

    private void rebuilds(String table, String what) {
        flag(Rule.MG122, what + " rebuilds " + table + " in MariaDB (ALGORITHM=INPLACE with a table rebuild, never"
                + " INSTANT): it takes time and disk in proportion to the table and replicas lag behind it; run it on"
                + " an empty table or in a maintenance window, or build the new shape in a new table");
    }

    /** MG123: an ALGORITHM= or LOCK=NONE clause the statement's actions cannot meet makes MariaDB refuse the statement. */
    private void algorithm(List<SqlFact> statement) {
        boolean foreignKeyChecks = this.foreignKeyChecks;
        for (SqlFact fact : statement) {
            if (fact instanceof SqlFact.Setting s && s.name().equals("foreign_key_checks")) {
                foreignKeyChecks = !s.value().matches("(?i)0|off|false");
            }
            if (fact instanceof SqlFact.LockOption lock && lock.lock().equals("NONE")) {
                for (SqlFact action : statement) {
                    if (Boolean.FALSE.equals(MariaDbAlgorithms.writesGoOn(action, statement, facts, foreignKeyChecks))) {
                        flag(Rule.MG123, "LOCK=NONE on " + lock.table() + ": " + MariaDbAlgorithms.describe(action)
                                + " blocks writes in MariaDB 10.11 (" + (action instanceof SqlFact.RenameTable ? "LOCK=EXCLUSIVE, briefly"
                                        : "LOCK=SHARED at best") + "), so the server refuses the statement;"
                                + " drop LOCK=NONE (and plan for the blocked writes) or split the action into its own ALTER TABLE");
                    }
                }
            }
            if (fact instanceof SqlFact.Algorithm requested) {
                MariaDbAlgorithms.Level asked = MariaDbAlgorithms.Level.parse(requested.algorithm());
                if (asked == null) {
                    continue;
                }
                for (SqlFact action : statement) {
                    MariaDbAlgorithms.Level best = MariaDbAlgorithms.best(action, statement, facts, foreignKeyChecks);
                    if (best != null && best.compareTo(asked) > 0) {
                        flag(Rule.MG123, "ALGORITHM=" + asked + " on " + requested.table() + ": " + MariaDbAlgorithms.describe(action)
                                + " is at best " + best + " in MariaDB 10.11, so the server refuses the statement;"
                                + " ask for ALGORITHM=" + best + " or split the action into its own ALTER TABLE");
                    }
                }
            }
        }
    }

    private void createIndex(String table, String name, boolean concurrently) {
        facts.index(name, table);
        if (!concurrently && !isNew(table)) {
            flag(Rule.MG100, "CREATE INDEX " + name + " blocks writes to " + table + " (SHARE lock) for the whole"
                    + " build; build it with ix -> ix.concurrently() (CREATE INDEX CONCURRENTLY)");
        }
    }

    private void dropIndex(String table, String name) {
        flag(Rule.MG101, "DROP INDEX " + name + " takes ACCESS EXCLUSIVE on " + table + ", blocking reads and writes"
                + " while it waits; drop it with ix -> ix.concurrently() (DROP INDEX CONCURRENTLY)");
        accessExclusive(table);
    }

    private void setNotNull(String table, String column) {
        if (!isNew(table)) {
            rebuilds(table, "making " + table + "." + column + " NOT NULL");
        }
        if (isNew(table) || facts.hasValidatedNotNullCheck(table, column)) {
            return;
        }
        flag(Rule.MG103, "SET NOT NULL on " + table + "." + column + " scans the table under ACCESS EXCLUSIVE; add a"
                + " CHECK (" + column + " IS NOT NULL) NOT VALID, VALIDATE it, then SET NOT NULL");
    }

    /**
     * ADD PRIMARY KEY USING INDEX builds nothing, but sets its columns NOT NULL: a full scan under ACCESS
     * EXCLUSIVE for a column the revisions made nullable, unless a validated CHECK proves it (PG 12+).
     * A column of unknown nullability (from execute) is not flagged.
     */
    private void primaryKeySetsNotNull(String table, String column, String name) {
        if (facts.nullable(table, column).orElse(false) && !facts.hasValidatedNotNullCheck(table, column)) {
            flag(Rule.MG103, "PRIMARY KEY " + name + " USING INDEX sets the nullable " + table + "." + column + " NOT NULL,"
                    + " which scans the table under ACCESS EXCLUSIVE; add a CHECK (" + column + " IS NOT NULL) NOT VALID,"
                    + " VALIDATE it, then SET NOT NULL, before the primary key takes the index over");
        }
        facts.nullable(table, column, false);
    }

    private void constraintWithoutNotValid(String table, String name, String kind, String safeForm, String alsoLocked) {
        flag(Rule.MG102, kind + " " + name + " on " + table + " checks every existing row while it locks " + table
                + alsoLocked + "; add it with " + safeForm + ", then op.validateConstraint(\"" + name + "\", \"" + table
                + "\"), which checks the rows without blocking writes");
    }

    private void uniqueWithoutIndex(String table, String name, String kind) {
        String call = kind.equals("PRIMARY KEY") ? "addPrimaryKey" : "addUnique";
        flag(Rule.MG104, kind + " " + name + " on " + table + " builds its index while the table is locked against"
                + " reads and writes; build a unique index with ix -> ix.unique().concurrently(), then"
                + " op." + call + "(\"" + name + "\", \"" + table + "\", columns, k -> k.usingIndex(index))");
    }

    private void dropColumn(String table, String column) {
        if (newColumns.contains(table + "." + column)) {
            ddl(table); // added by this revision: no data and no reader yet
            return;
        }
        flag(Rule.MG108, "dropping " + table + "." + column + " loses its data and breaks the application version still"
                + " running, which reads it; stop using the column in a release first, then drop it");
        accessExclusive(table);
    }

    private void renameColumn(String table, String column, String newName) {
        if (newColumns.contains(table + "." + column)) {
            ddl(table); // added by this revision: the running application version does not use it
            return;
        }
        flag(Rule.MG110, "renaming " + table + "." + column + " to " + newName + " breaks the application version"
                + " still running, which uses the old name; add the new column, write both, backfill, switch readers,"
                + " then drop the old one");
        ddl(table);
    }

    private void hygiene(String table, String column, ColumnType type) {
        String subject = table + "." + column;
        if (type == ColumnType.Basic.TIMESTAMP || type instanceof ColumnType.Sql sql
                && sql.definition().toLowerCase(Locale.ROOT).matches("timestamp(\\s*\\(\\d+\\))?(\\s+without\\s+time\\s+zone)?")) {
            flag(Rule.MG116, subject + " is a timestamp without time zone, which stores wall-clock time and loses"
                    + " the offset; use ColumnType.TIMESTAMPTZ");
        }
        if (type instanceof ColumnType.Varchar varchar) {
            flag(Rule.MG117, subject + " is varchar(" + varchar.length() + "): raising the limit later is a migration"
                    + " of its own and text costs the same in PostgreSQL; use ColumnType.TEXT, with a CHECK if the length matters");
        }
    }

    private void integerKey(String table, Column column) {
        ColumnType type = column.type();
        boolean small = type == ColumnType.Basic.INTEGER || type == ColumnType.Basic.SMALLINT
                || type instanceof ColumnType.Sql sql
                && sql.definition().toLowerCase(Locale.ROOT).matches("(small)?serial|int[24]?|integer|smallint|serial4");
        if (small) {
            operation = "createTable " + table;
            flag(Rule.MG115, table + "." + column.name() + " is a " + typeName(type) + " primary key, which runs out at"
                    + " about 2 billion rows and is costly to widen later; use ColumnType.BIGINT (identity)");
        }
    }

    private void identifier(String what, String name) {
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_IDENTIFIER_BYTES) {
            flag(Rule.MG114, "the " + what + " name " + name + " is " + bytes + " bytes; PostgreSQL cuts identifiers to "
                    + MAX_IDENTIFIER_BYTES + " bytes, so it is stored under another name and may collide; shorten it");
        }
    }

    private static boolean binaryCoercible(ColumnType from, ColumnType to) {
        if (from.equals(to)) {
            return true;
        }
        String unlimited = to instanceof ColumnType.Sql sql ? sql.definition().strip().toLowerCase(Locale.ROOT) : "";
        if (from instanceof ColumnType.Varchar a) {
            return to == ColumnType.Basic.TEXT || to instanceof ColumnType.Varchar b && b.length() >= a.length()
                    || unlimited.equals("varchar") || unlimited.equals("character varying");
        }
        // numeric(p,s) -> numeric without a limit keeps every value as it is stored: no rewrite (checked on PostgreSQL 15)
        return from instanceof ColumnType.Numeric a && (to instanceof ColumnType.Numeric b
                && b.scale() == a.scale() && b.precision() >= a.precision() || unlimited.equals("numeric") || unlimited.equals("decimal"));
    }

    static String typeName(ColumnType type) {
        return type.accept(new ColumnType.Visitor<String>() {
            @Override
            public String visitBasic(ColumnType.Basic basic) {
                return basic.name().toLowerCase(Locale.ROOT);
            }

            @Override
            public String visitVarchar(ColumnType.Varchar varchar) {
                return "varchar(" + varchar.length() + ")";
            }

            @Override
            public String visitNumeric(ColumnType.Numeric numeric) {
                return "numeric(" + numeric.precision() + "," + numeric.scale() + ")";
            }

            @Override
            public String visitEnumCheck(ColumnType.EnumCheck e) {
                return "enumOf" + e.values();
            }

            @Override
            public String visitSql(ColumnType.Sql sql) {
                return sql.definition();
            }
        });
    }

    private static String kind(TableConstraint constraint) {
        return constraint instanceof TableConstraint.PrimaryKey ? "PRIMARY KEY" : "UNIQUE";
    }

    /**
     * A typed operation's table as the SQL readers name it: {@code public.tickets} is {@code tickets}, PostgreSQL's
     * default search path, so a table's facts are found whichever way a revision names it.
     */
    private static String key(dev.migrate.ops.QualifiedName table) {
        return table.schema() == null || table.schema().equals("public") ? table.name() : table.schema() + "." + table.name();
    }

    private boolean isNew(String table) {
        return newTables.contains(table);
    }

    private void ddl(String table) {
        ddlOnExisting.putIfAbsent(table, operation);
        accessExclusive(table);
    }

    private void accessExclusive(String table) {
        if (firstAccessExclusive == null && !lockTimeoutSet) {
            firstAccessExclusive = operation;
            accessExclusiveTable = table;
        }
    }

    private void dml(String table) {
        if (!isNew(table)) {
            dmlOn.putIfAbsent(table, operation);
        }
    }

    private void flag(Rule rule, String message) {
        if (!rule.appliesTo(dialect)) {
            return;
        }
        findings.add(new LintFinding(rule.id(), rule.severity(), revision.id(), revision.className(), operation, message));
    }

    private static String abbreviate(String sql) {
        String flat = sql.strip().replaceAll("\\s+", " ");
        return flat.length() <= 60 ? flat : flat.substring(0, 57) + "...";
    }
}
