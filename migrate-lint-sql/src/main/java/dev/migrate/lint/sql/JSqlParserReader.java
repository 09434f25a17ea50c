package dev.migrate.lint.sql;

import dev.migrate.lint.SqlFact;
import dev.migrate.lint.SqlReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.alter.AlterOperation;
import net.sf.jsqlparser.statement.comment.Comment;
import net.sf.jsqlparser.statement.create.index.CreateIndex;
import net.sf.jsqlparser.statement.create.sequence.CreateSequence;
import net.sf.jsqlparser.statement.create.table.CheckConstraint;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.table.ForeignKeyIndex;
import net.sf.jsqlparser.statement.create.table.Index;
import net.sf.jsqlparser.statement.create.view.CreateView;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.drop.Drop;
import net.sf.jsqlparser.statement.grant.Grant;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.truncate.Truncate;
import net.sf.jsqlparser.statement.update.Update;

/**
 * Reads {@code execute(sql)} for the lint with JSqlParser: every statement of the text is parsed,
 * and each one the lint has a fact for (CREATE / DROP INDEX, ALTER TABLE actions, DROP TABLE,
 * renames, DML, CREATE TABLE) becomes that fact, so the typed operations' rules fire on it. A text
 * with a statement JSqlParser cannot parse, or one whose effect the lint does not model (a trigger,
 * a function, an ALTER TABLE action with no fact), is "not understood": the lint says "not linted".
 *
 * <p>JSqlParser 5.3 does not parse four PostgreSQL forms the safe rewrites rely on, so they are
 * lifted off before parsing and put back as facts: {@code CREATE INDEX CONCURRENTLY}, a trailing
 * {@code NOT VALID}, {@code ADD CONSTRAINT c UNIQUE|PRIMARY KEY USING INDEX ix} and
 * {@code ALTER COLUMN c SET DATA TYPE} (the same as {@code TYPE}). Each is matched only in the
 * position the grammar allows it (statement start or end), never inside a literal.
 */
public final class JSqlParserReader implements SqlReader {

    /** A name: PostgreSQL's "quoted", MariaDB's `quoted`, or bare. */
    private static final String ID = "(?:\"[^\"]+\"|`[^`]+`|[A-Za-z_][A-Za-z0-9_$]*)";
    private static final int I = Pattern.CASE_INSENSITIVE;
    private static final Pattern CONCURRENT_INDEX = Pattern.compile(
            "(^|;)(\\s*CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+)CONCURRENTLY\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(" + ID + ")", I);
    /** MariaDB/MySQL: {@code CREATE INDEX name ON t (...) ALGORITHM=NOCOPY LOCK=NONE}, options JSqlParser refuses. */
    private static final Pattern INDEX_OPTIONS = Pattern.compile(
            "(^|;)(\\s*CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(" + ID + ")\\s+ON\\s[^;']*?\\))"
            + "((?:\\s*(?:ALGORITHM|LOCK)\\s*=?\\s*\\w+)+)(\\s*(?:;|$))", I);
    private static final Pattern ALGORITHM_OPTION = Pattern.compile("ALGORITHM\\s*=?\\s*(\\w+)", I);
    private static final Pattern NOT_VALID = Pattern.compile(
            "(ADD\\s+CONSTRAINT\\s+(" + ID + ")\\s[^;']*?)\\s+NOT\\s+VALID(\\s*(?:;|$))", I);
    private static final Pattern USING_INDEX = Pattern.compile(
            "(ADD\\s+CONSTRAINT\\s+(" + ID + ")\\s+(?:UNIQUE|PRIMARY\\s+KEY)\\s+)USING\\s+INDEX\\s+(" + ID + ")(\\s*(?:;|$))", I);
    private static final Pattern SET_DATA_TYPE = Pattern.compile("(ALTER\\s+(?:COLUMN\\s+)?" + ID + "\\s+)SET\\s+DATA\\s+TYPE\\b", I);
    private static final Pattern INLINE_CONSTRAINT = Pattern.compile("\\b(GENERATED|IDENTITY|AUTO_INCREMENT|REFERENCES|PRIMARY|UNIQUE|CHECK)\\b");
    /** An added column that gets a value per existing row: identity ({@code GENERATED ... AS IDENTITY}) or AUTO_INCREMENT. */
    private static final Pattern VALUE_PER_ROW = Pattern.compile("\\bGENERATED (ALWAYS|BY DEFAULT) AS IDENTITY\\b|\\bAUTO_INCREMENT\\b");
    /** What an added column may carry besides an identity and still be modelled: its key, as typed addColumn's unique()/primaryKey(). */
    private static final Pattern INLINE_KEY = Pattern.compile("\\b(PRIMARY KEY|UNIQUE)\\b");
    private static final Pattern ALTER_COLUMN_METADATA = Pattern.compile(
            "ALTER\\s+(?:COLUMN\\s+)?" + ID + "\\s+(?:SET\\s+DEFAULT\\s.+|DROP\\s+DEFAULT|DROP\\s+NOT\\s+NULL)", I | Pattern.DOTALL);
    private static final Pattern VALIDATE = Pattern.compile("VALIDATE\\s+CONSTRAINT\\s+(" + ID + ")", I);
    private static final String QID = ID + "(?:\\." + ID + ")?";
    /** An added computed column: {@code GENERATED ALWAYS AS (expr) [STORED]} or MariaDB's {@code AS (expr) [VIRTUAL|PERSISTENT|STORED]}. */
    private static final Pattern GENERATED_COLUMN = Pattern.compile("^(?:GENERATED ALWAYS )?AS \\(.*\\)(?: (STORED|PERSISTENT|VIRTUAL))?$");
    private static final Pattern TABLE_DEFAULTS = Pattern.compile("DEFAULT\\s+(?:CHARSET|CHARACTER\\s+SET|COLLATE)\\s*=?\\s*\\w+", I);
    private static final Pattern ROW_FORMAT = Pattern.compile("(?:ROW_FORMAT|KEY_BLOCK_SIZE)\\s*=?\\s*\\w+", I);
    private static final Pattern ATTACH_PARTITION = Pattern.compile("ATTACH\\s+PARTITION\\s+(" + QID + ")\\s+(?:FOR\\s+VALUES\\s.*|DEFAULT)",
            I | Pattern.DOTALL);
    private static final Pattern TABLE_STORAGE = Pattern.compile("SET\\s+(TABLESPACE)\\s+" + ID + "|SET\\s+(LOGGED|UNLOGGED)", I);

    // Whole statements JSqlParser 5.3 does not parse (or parses as UnsupportedStatement), read by their fixed grammar.
    private static final Pattern VACUUM = Pattern.compile("VACUUM\\b(.*)", I | Pattern.DOTALL);
    private static final Pattern CLUSTER = Pattern.compile("CLUSTER(?:\\s+VERBOSE)?(?:\\s+(" + QID + ")(?:\\s+USING\\s+" + ID + ")?)?", I);
    private static final Pattern REINDEX = Pattern.compile("REINDEX(?:\\s*\\([^)]*\\))?\\s+(INDEX|TABLE|SCHEMA|DATABASE|SYSTEM)"
            + "(\\s+CONCURRENTLY)?(?:\\s+(" + QID + "))?", I);
    private static final Pattern REFRESH = Pattern.compile("REFRESH\\s+MATERIALIZED\\s+VIEW(\\s+CONCURRENTLY)?\\s+(" + QID + ")"
            + "(?:\\s+WITH(?:\\s+NO)?\\s+DATA)?", I);
    private static final Pattern LOCK = Pattern.compile("LOCK(?:\\s+TABLE)?(?:\\s+ONLY)?\\s+(" + QID + "(?:\\s*,\\s*" + QID + ")*)"
            + "(?:\\s+IN\\s+(ACCESS\\s+SHARE|ROW\\s+SHARE|ROW\\s+EXCLUSIVE|SHARE\\s+UPDATE\\s+EXCLUSIVE|SHARE\\s+ROW\\s+EXCLUSIVE"
            + "|SHARE|EXCLUSIVE|ACCESS\\s+EXCLUSIVE)\\s+MODE)?(?:\\s+NOWAIT)?", I);
    /** The LOCK modes that conflict with INSERT/UPDATE/DELETE's ROW EXCLUSIVE; the weaker ones block neither reads nor writes. */
    private static final Set<String> BLOCKING_LOCK_MODES = Set.of("SHARE", "SHARE ROW EXCLUSIVE", "EXCLUSIVE", "ACCESS EXCLUSIVE");
    private static final Pattern ADD_ENUM_VALUE = Pattern.compile("ALTER\\s+TYPE\\s+(" + QID + ")\\s+ADD\\s+VALUE(?:\\s+IF\\s+NOT\\s+EXISTS)?"
            + "\\s+'((?:[^']|'')*)'(?:\\s+(?:BEFORE|AFTER)\\s+'(?:[^']|'')*')?", I);
    private static final Pattern TRIGGER_SWITCH = Pattern.compile("ALTER\\s+TABLE(?:\\s+IF\\s+EXISTS)?(?:\\s+ONLY)?\\s+(" + QID + ")\\s+"
            + "(?:ENABLE|DISABLE)(?:\\s+(?:ALWAYS|REPLICA))?\\s+TRIGGER\\s+" + ID, I);
    /** A trigger's body is a function call (PostgreSQL) or one statement (MariaDB): BEGIN ... END bodies are never split. */
    private static final Pattern CREATE_TRIGGER = Pattern.compile("CREATE\\s+(?:OR\\s+REPLACE\\s+)?(?:CONSTRAINT\\s+)?TRIGGER\\s+"
            + "(?:IF\\s+NOT\\s+EXISTS\\s+)?" + QID + "\\s+(?:BEFORE|AFTER|INSTEAD\\s+OF)\\s.*?\\bON\\s+(" + QID + ")\\s.*", I | Pattern.DOTALL);
    private static final Pattern DROP_DATABASE = Pattern.compile("DROP\\s+DATABASE(?:\\s+IF\\s+EXISTS)?\\s+(" + ID + ")", I);
    private static final Pattern OPTIMIZE = Pattern.compile("OPTIMIZE(?:\\s+(?:NO_WRITE_TO_BINLOG|LOCAL))?\\s+TABLES?\\s+(" + QID
            + "(?:\\s*,\\s*" + QID + ")*)", I);
    private static final Pattern SPECIAL_INDEX = Pattern.compile("CREATE\\s+(FULLTEXT|SPATIAL)\\s+INDEX\\s+(" + ID + ")\\s+ON\\s+("
            + QID + ")\\s*\\(.*", I | Pattern.DOTALL);
    /** PostgreSQL's DROP INDEX, which JSqlParser 5.3 does not parse with both CONCURRENTLY and IF EXISTS. */
    private static final Pattern DROP_INDEX = Pattern.compile("DROP\\s+INDEX(\\s+CONCURRENTLY)?(?:\\s+IF\\s+EXISTS)?\\s+(" + QID
            + "(?:\\s*,\\s*" + QID + ")*)(?:\\s+(?:CASCADE|RESTRICT))?", I);
    private static final Pattern ALTER_DOMAIN_CHECK = Pattern.compile("ALTER\\s+DOMAIN\\s+(" + QID + ")\\s+ADD\\s+(?:CONSTRAINT\\s+("
            + ID + ")\\s+)?CHECK\\s*\\(.*?\\)(\\s+NOT\\s+VALID)?", I | Pattern.DOTALL);
    private static final Pattern ALTER_DOMAIN_VALIDATE = Pattern.compile("ALTER\\s+DOMAIN\\s+(" + QID + ")\\s+VALIDATE\\s+CONSTRAINT\\s+(" + ID + ")", I);
    /** An added column's inline foreign key: {@code REFERENCES t [(c)] [ON DELETE|UPDATE action]...}. */
    private static final Pattern INLINE_REFERENCES = Pattern.compile("\\bREFERENCES\\s+[^\\s(]+(?:\\s*\\([^)]*\\))?"
            + "(?:\\s+ON\\s+(?:DELETE|UPDATE)\\s+(?:CASCADE|RESTRICT|SET\\s+NULL|SET\\s+DEFAULT|NO\\s+ACTION))*");
    private static final Pattern SETTING = Pattern.compile("SET(?:\\s+(?:LOCAL|SESSION))?\\s+(" + ID + ")\\s*(?:=|\\s+TO\\s)\\s*(.+)", I | Pattern.DOTALL);
    /** Statements that lock no existing table for longer than an instant: a trigger dropped, a type or an extension created. */
    private static final Pattern BRIEF_OR_NEW = Pattern.compile("CREATE\\s+(?:EXTENSION|TYPE)\\s.*"
            + "|ALTER\\s+TABLE\\s+" + QID + "\\s+ALTER\\s+(?:COLUMN\\s+)?" + ID + "\\s+SET\\s+STATISTICS\\s+-?\\d+", I | Pattern.DOTALL);
    /** ALTER TABLE actions that change the catalog only, under a brief lock: no row is read or written. */
    private static final Pattern CATALOG_ONLY_ALTER = Pattern.compile("ALTER\\s+TABLE(?:\\s+IF\\s+EXISTS)?(?:\\s+ONLY)?\\s+(" + QID + ")\\s+"
            + "(RENAME\\s+CONSTRAINT\\s+" + ID + "\\s+TO\\s+" + ID + "|REPLICA\\s+IDENTITY\\s+\\w+(?:\\s+INDEX\\s+" + ID + ")?"
            + "|OWNER\\s+TO\\s+" + ID + "|ALTER\\s+(?:COLUMN\\s+)?" + ID + "\\s+ADD\\s+GENERATED\\s+(?:ALWAYS|BY\\s+DEFAULT)\\s+AS\\s+IDENTITY"
            + "(?:\\s*\\([^)]*\\))?)", I);
    private static final Pattern DROP_TRIGGER = Pattern.compile("DROP\\s+TRIGGER(?:\\s+IF\\s+EXISTS)?\\s+" + ID + "\\s+ON\\s+(" + QID
            + ")(?:\\s+(?:CASCADE|RESTRICT))?", I);
    /** MariaDB/MySQL's ALTER TABLE ... DROP FOREIGN KEY name, which JSqlParser 5.3 does not parse. */
    private static final Pattern DROP_FOREIGN_KEY = Pattern.compile("ALTER\\s+TABLE\\s+(" + QID + ")\\s+DROP\\s+FOREIGN\\s+KEY\\s+(" + ID + ")", I);
    private static final Pattern CREATE_DOMAIN = Pattern.compile("CREATE\\s+DOMAIN\\s.*", I | Pattern.DOTALL);
    /** PostgreSQL's ALTER INDEX ... RENAME TO: SHARE UPDATE EXCLUSIVE on the index, no read or write of the table waits. */
    private static final Pattern RENAME_INDEX = Pattern.compile("ALTER\\s+INDEX(?:\\s+IF\\s+EXISTS)?\\s+" + QID + "\\s+RENAME\\s+TO\\s+" + ID, I);
    /** CREATE INDEX, whose tail after the key list ({@code INCLUDE}, {@code WHERE}, ...) JSqlParser 5.3 does not parse. */
    private static final Pattern PLAIN_INDEX = Pattern.compile("\\s*CREATE\\s+(?:UNIQUE\\s+)?INDEX\\b.*", I | Pattern.DOTALL);
    /** {@code CREATE INDEX [CONCURRENTLY] ON t}: an index PostgreSQL names itself. */
    private static final Pattern UNNAMED_INDEX = Pattern.compile("(\\s*CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+(?:CONCURRENTLY\\s+)?)"
            + "(ON\\s+(?:ONLY\\s+)?(" + QID + "))", I);
    /** PostgreSQL's {@code ALTER TABLE t SET | RESET (storage parameters)}, MariaDB's {@code COMMENT = ...}, {@code AUTO_INCREMENT = n}. */
    private static final Pattern TABLE_OPTIONS = Pattern.compile("ALTER\\s+TABLE(?:\\s+IF\\s+EXISTS)?(?:\\s+ONLY)?\\s+(" + QID + ")\\s+"
            + "(?:(?:SET|RESET)\\s*\\([^;]*\\)|COMMENT\\s*=?\\s*'(?:[^']|'')*'|AUTO_INCREMENT\\s*=?\\s*\\d+)", I);
    /** {@code DROP TABLE a, b}, which JSqlParser 5.3 parses with one table only. */
    private static final Pattern DROP_TABLES = Pattern.compile("DROP\\s+TABLE(?:\\s+IF\\s+EXISTS)?\\s+(" + QID + "(?:\\s*,\\s*" + QID
            + ")+)(?:\\s+(?:CASCADE|RESTRICT))?", I);
    /** What may follow an index's key list without changing what the lint says: covered columns, a partial index's predicate. */
    private static final Pattern INDEX_TAIL = Pattern.compile("INCLUDE|WHERE|NULLS|TABLESPACE", I);
    /** A constraint added without a name: PostgreSQL names it; the lint gives it the name PostgreSQL would give a foreign key. */
    private static final Pattern UNNAMED_CONSTRAINT = Pattern.compile("(ALTER\\s+TABLE(?:\\s+IF\\s+EXISTS)?(?:\\s+ONLY)?\\s+(" + QID
            + ")\\s+ADD\\s+)(CHECK\\b|FOREIGN\\s+KEY\\s*\\(\\s*(" + ID + "))", I);
    /** MariaDB's {@code ADD [UNIQUE] INDEX | KEY IF NOT EXISTS name}, whose IF NOT EXISTS JSqlParser 5.3 does not parse. */
    private static final Pattern ADD_INDEX_IF_NOT_EXISTS = Pattern.compile("(\\bADD\\s+(?:UNIQUE\\s+)?(?:INDEX|KEY)\\s+)IF\\s+NOT\\s+EXISTS\\s+", I);
    /** MariaDB's {@code ALTER ONLINE TABLE t}, which asks for LOCK=NONE and which JSqlParser 5.3 does not parse. */
    private static final Pattern ALTER_ONLINE = Pattern.compile("(^|;)(\\s*ALTER\\s+)ONLINE\\s+(TABLE\\s+(" + QID + "))", I);
    /** MariaDB's {@code SET STATEMENT lock_wait_timeout=5 FOR ALTER TABLE ...}. */
    private static final Pattern SET_STATEMENT = Pattern.compile("SET\\s+STATEMENT\\s+(\\w+\\s*=\\s*[^,\\s]+(?:\\s*,\\s*\\w+\\s*=\\s*[^,\\s]+)*)"
            + "\\s+FOR\\s+(.*)", I | Pattern.DOTALL);
    /** {@code ALTER TABLE IF EXISTS ONLY t}, which JSqlParser 5.3 refuses (either word alone it reads); IF EXISTS changes no lock. */
    private static final Pattern IF_EXISTS_ONLY = Pattern.compile("(^|;)(\\s*ALTER\\s+TABLE\\s+)IF\\s+EXISTS\\s+(ONLY\\s)", I);
    /** A constraint's deferral, which does not change its lock or scan and which JSqlParser 5.3 does not parse after ADD CONSTRAINT. */
    private static final Pattern DEFERRABLE = Pattern.compile("\\s+(?:(?:NOT\\s+)?DEFERRABLE(?:\\s+INITIALLY\\s+(?:DEFERRED|IMMEDIATE))?"
            + "|INITIALLY\\s+(?:DEFERRED|IMMEDIATE))(?=(?:\\s+NOT\\s+VALID)?\\s*(?:;|,|$))", I);
    /** A column's DEFAULT, as {@link #withoutDefaults} finds it; not a table's DEFAULT CHARSET / COLLATE. */
    private static final Pattern DEFAULT_WORD = Pattern.compile("\\bDEFAULT\\s+(?!(?:CHARSET|CHARACTER|COLLATE)\\b)", I);
    /** Words that end a column's DEFAULT expression when met outside parentheses. */
    private static final Pattern DEFAULT_END = Pattern.compile("(?:NOT|NULL|CONSTRAINT|CHECK|PRIMARY|UNIQUE|REFERENCES|COLLATE|FIRST"
            + "|AFTER|COMMENT|GENERATED|ON|AUTO_INCREMENT)\\b", I);
    private static final String DEFAULT_PLACEHOLDER = "__migrate_default_";
    /** A WHERE that holds for every row: {@code WHERE true}, {@code WHERE 1 = 1}. */
    private static final Pattern TAUTOLOGY = Pattern.compile("\\(?\\s*(?:TRUE|(\\d+|'[^']*')\\s*=\\s*\\1)\\s*\\)?", I);
    /** Texts that are not split at semicolons: a dollar-quoted or BEGIN ... END body holds statements that do not run now. */
    private static final Pattern BODY = Pattern.compile("\\$|\\bBEGIN\\b(?!\\s*(?:;|$|TRANSACTION\\b|WORK\\b|ISOLATION\\b))", I);
    private static final Pattern TRANSACTION_CONTROL = Pattern.compile(
            "(BEGIN|START\\s+TRANSACTION|COMMIT|ROLLBACK|END)(?:\\s+(?:TRANSACTION|WORK)\\b.*)?(?:\\s+ISOLATION\\b.*)?", I | Pattern.DOTALL);
    private static final Pattern EXCLUDE = Pattern.compile("ALTER\\s+TABLE(?:\\s+IF\\s+EXISTS)?(?:\\s+ONLY)?\\s+(" + QID + ")\\s+ADD\\s+"
            + "(?:CONSTRAINT\\s+" + ID + "\\s+)?EXCLUDE\\b.*", I | Pattern.DOTALL);

    @Override
    public String name() {
        return "JSqlParser";
    }

    @Override
    public Optional<List<SqlFact>> read(String sql) {
        List<String> statements = split(sql);
        if (statements.stream().allMatch(statement -> fixedForm(statement).isEmpty())) {
            return parsed(sql);
        }
        // Some statement is one JSqlParser does not parse: each is read on its own, in order.
        List<SqlFact> facts = new ArrayList<>();
        for (String statement : statements) {
            Optional<List<SqlFact>> fixed = fixedForm(statement);
            Optional<List<SqlFact>> read = fixed.isPresent() ? fixed : parsed(statement);
            if (read.isEmpty()) {
                return Optional.empty();
            }
            facts.addAll(read.get());
            if (fixed.isPresent()) {
                facts.add(new SqlFact.StatementEnd());
            }
        }
        return Optional.of(List.copyOf(facts));
    }

    /** The facts of one statement of a fixed form JSqlParser does not parse, else empty. */
    private static Optional<List<SqlFact>> fixedForm(String statement) {
        String text = statement.strip();
        Matcher m;
        if ((m = SET_STATEMENT.matcher(text)).matches()) {
            // MariaDB's SET STATEMENT name=value[, ...] FOR statement: the settings hold for that one statement
            List<SqlFact> facts = new ArrayList<>();
            for (String setting : m.group(1).split("\\s*,\\s*")) {
                String[] pair = setting.split("\\s*=\\s*", 2);
                if (pair.length == 2) {
                    facts.add(new SqlFact.Setting(name(pair[0]), pair[1].strip().replaceAll("^'|'$", "")));
                }
            }
            String inner = m.group(2);
            Optional<List<SqlFact>> read = fixedForm(inner).or(() -> parsed(inner));
            if (read.isEmpty()) {
                return Optional.empty();
            }
            facts.addAll(read.get().stream().filter(fact -> !(fact instanceof SqlFact.StatementEnd)).toList());
            return Optional.of(List.copyOf(facts));
        }
        if ((m = VACUUM.matcher(text)).matches()) {
            boolean full = m.group(1).toUpperCase(Locale.ROOT).matches("(?s).*\\bFULL\\b.*");
            return Optional.of(List.of(new SqlFact.OutsideTransactionOnly(full ? "VACUUM FULL" : "VACUUM", null)));
        }
        if ((m = CLUSTER.matcher(text)).matches()) {
            return Optional.of(List.of(m.group(1) == null ? new SqlFact.OutsideTransactionOnly("CLUSTER", null)
                    : new SqlFact.WholeTableRewrite("CLUSTER", qualified(m.group(1)))));
        }
        if ((m = REINDEX.matcher(text)).matches()) {
            String kind = m.group(1).toUpperCase(Locale.ROOT);
            String target = m.group(3) == null ? null : qualified(m.group(3));
            if (m.group(2) != null) {
                return Optional.of(List.of(new SqlFact.OutsideTransactionOnly("REINDEX CONCURRENTLY", target)));
            }
            return Optional.of(List.of(kind.equals("INDEX") || kind.equals("TABLE") ? new SqlFact.WholeTableRewrite("REINDEX", target)
                    : new SqlFact.OutsideTransactionOnly("REINDEX " + kind, target)));
        }
        if ((m = REFRESH.matcher(text)).matches()) {
            // CONCURRENTLY runs in a transaction and keeps the view readable (EXCLUSIVE, not ACCESS EXCLUSIVE)
            return Optional.of(List.of(m.group(1) != null ? new SqlFact.Harmless()
                    : new SqlFact.WholeTableRewrite("REFRESH MATERIALIZED VIEW", qualified(m.group(2)))));
        }
        if ((m = LOCK.matcher(text)).matches()) {
            String mode = m.group(2) == null ? "ACCESS EXCLUSIVE" : m.group(2).toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
            List<SqlFact> facts = new ArrayList<>();
            for (String table : m.group(1).split("\\s*,\\s*")) {
                // modes that block neither reads nor writes (ACCESS SHARE ... SHARE UPDATE EXCLUSIVE) are harmless
                facts.add(BLOCKING_LOCK_MODES.contains(mode) ? new SqlFact.LockTable(qualified(table), mode) : new SqlFact.Harmless());
            }
            return Optional.of(List.copyOf(facts));
        }
        if ((m = ADD_ENUM_VALUE.matcher(text)).matches()) {
            return Optional.of(List.of(new SqlFact.AddEnumValue(qualified(m.group(1)), m.group(2).replace("''", "'"))));
        }
        if ((m = TRIGGER_SWITCH.matcher(text)).matches()) {
            return Optional.of(List.of(new SqlFact.BriefTableLock(qualified(m.group(1)), "ENABLE/DISABLE TRIGGER")));
        }
        if ((m = CREATE_TRIGGER.matcher(text)).matches()) {
            return Optional.of(List.of(new SqlFact.BriefTableLock(qualified(m.group(1)), "CREATE TRIGGER")));
        }
        if ((m = DROP_DATABASE.matcher(text)).matches()) {
            return Optional.of(List.of(new SqlFact.DropDatabase(name(m.group(1)))));
        }
        if ((m = OPTIMIZE.matcher(text)).matches()) {
            List<SqlFact> facts = new ArrayList<>();
            for (String table : m.group(1).split("\\s*,\\s*")) {
                facts.add(new SqlFact.RebuildTable(qualified(table), "OPTIMIZE TABLE " + qualified(table)));
            }
            return Optional.of(List.copyOf(facts));
        }
        if ((m = SPECIAL_INDEX.matcher(text)).matches()) {
            return Optional.of(List.of(new SqlFact.SpecialIndex(qualified(m.group(3)), name(m.group(2)), m.group(1).toUpperCase(Locale.ROOT))));
        }
        if ((m = DROP_INDEX.matcher(text)).matches() && !m.group(2).matches("(?i)CONCURRENTLY(\\s.*)?")) {
            List<SqlFact> facts = new ArrayList<>();
            for (String index : m.group(2).split("\\s*,\\s*")) {
                facts.add(new SqlFact.DropIndex(null, qualified(index), m.group(1) != null));
            }
            return Optional.of(List.copyOf(facts));
        }
        if ((m = TRANSACTION_CONTROL.matcher(text)).matches()) {
            String command = m.group(1).toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
            return Optional.of(List.of(new SqlFact.TransactionControl(command.equals("END") ? "COMMIT" : command)));
        }
        if ((m = EXCLUDE.matcher(text)).matches()) {
            return Optional.of(List.of(new SqlFact.WholeTableRewrite("EXCLUDE", qualified(m.group(1)))));
        }
        if ((m = DROP_FOREIGN_KEY.matcher(text)).matches()) {
            return Optional.of(List.of(new SqlFact.DropConstraint(qualified(m.group(1)), name(m.group(2)))));
        }
        if ((m = SETTING.matcher(text)).matches()) {
            return Optional.of(List.of(new SqlFact.Setting(name(m.group(1)), m.group(2).strip().replaceAll("^'|'$", ""))));
        }
        if (BRIEF_OR_NEW.matcher(text).matches()) {
            return Optional.of(List.of(new SqlFact.Harmless())); // SET STATISTICS: SHARE UPDATE EXCLUSIVE, no read or write waits
        }
        if ((m = CATALOG_ONLY_ALTER.matcher(text)).matches()) {
            // an existing column made identity keeps its values: a sequence is attached, nothing is rewritten
            return Optional.of(List.of(new SqlFact.BriefTableLock(qualified(m.group(1)), m.group(2).split("\\s+")[0].toUpperCase(Locale.ROOT))));
        }
        if ((m = DROP_TRIGGER.matcher(text)).matches()) {
            return Optional.of(List.of(new SqlFact.BriefTableLock(qualified(m.group(1)), "DROP TRIGGER")));
        }
        if ((m = ALTER_DOMAIN_CHECK.matcher(text)).matches()) {
            return Optional.of(List.of(new SqlFact.AddDomainConstraint(qualified(m.group(1)),
                    m.group(2) == null ? "CHECK" : name(m.group(2)), m.group(3) != null)));
        }
        if ((m = ALTER_DOMAIN_VALIDATE.matcher(text)).matches()) {
            // unlike a table's, a domain's VALIDATE takes SHARE on every table using it (checked on PostgreSQL 15)
            return Optional.of(List.of(new SqlFact.WholeTableRewrite("VALIDATE CONSTRAINT " + name(m.group(2)), qualified(m.group(1)))));
        }
        if ((m = TABLE_OPTIONS.matcher(text)).matches()) {
            // storage parameters: SHARE UPDATE EXCLUSIVE for most; MariaDB: metadata only, under a brief exclusive lock
            return Optional.of(List.of(new SqlFact.BriefTableLock(qualified(m.group(1)), "ALTER TABLE options")));
        }
        if ((m = DROP_TABLES.matcher(text)).matches()) {
            List<SqlFact> facts = new ArrayList<>();
            for (String table : m.group(1).split("\\s*,\\s*")) {
                facts.add(new SqlFact.DropTable(qualified(table)));
            }
            return Optional.of(List.copyOf(facts));
        }
        if (RENAME_INDEX.matcher(text).matches()) {
            return Optional.of(List.of(new SqlFact.Harmless()));
        }
        if (CREATE_DOMAIN.matcher(text).matches()) {
            return Optional.of(List.of(new SqlFact.Harmless())); // a new type: no table is touched
        }
        return Optional.empty();
    }

    /**
     * The text's statements, split at semicolons outside literals, quoted names and comments; a text
     * with a dollar-quoted or BEGIN ... END body stays whole (its semicolons separate statements that do not run now).
     */
    static List<String> split(String sql) {
        if (BODY.matcher(sql).find()) {
            return List.of(sql);
        }
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int end = sql.indexOf(c, i + 1);
                end = end < 0 ? sql.length() - 1 : end;
                current.append(sql, i, end + 1);
                i = end; // '' inside a literal reads as two literals back to back: the same text
            } else if (c == '-' && i + 1 < sql.length() && sql.charAt(i + 1) == '-' || c == '#' && lineStart(sql, i)) {
                // -- comment; MariaDB's # comment, where it starts a line (PostgreSQL's # operator never does)
                int end = sql.indexOf('\n', i);
                i = end < 0 ? sql.length() : end;
                current.append(' ');
            } else if (c == '/' && i + 1 < sql.length() && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? sql.length() : end + 1;
                current.append(' ');
            } else if (c == ';') {
                statements.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        statements.add(current.toString());
        return statements.stream().filter(statement -> !statement.isBlank()).toList();
    }

    /** Only blanks before {@code at} on its line. */
    private static boolean lineStart(String text, int at) {
        for (int i = at - 1; i >= 0 && text.charAt(i) != '\n'; i--) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static String qualified(String written) {
        String[] parts = written.strip().split("\\.(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)");
        return parts.length == 2 ? inSchema(name(parts[0]), name(parts[1])) : name(written);
    }

    /**
     * A table named with its schema as the revisions name it: {@code public.tickets} is {@code tickets}, the table
     * the typed operations (and an unqualified statement) reach on PostgreSQL's default search path, so that a
     * table's facts (is it new, its columns' types) are found whichever way a statement names it.
     */
    private static String inSchema(String schema, String table) {
        return schema.equals("public") ? table : schema + "." + table;
    }

    /**
     * A CREATE INDEX without what follows its key list at the top level ({@code INCLUDE (...)}, a partial index's
     * {@code WHERE ...}, {@code NULLS NOT DISTINCT}, {@code TABLESPACE}): JSqlParser 5.3 refuses these, and the
     * index is built under the same lock with them or without. Other statements as they are.
     */
    static String withoutIndexTail(String statement) {
        if (!PLAIN_INDEX.matcher(statement).matches()) {
            return statement;
        }
        Matcher unnamed = UNNAMED_INDEX.matcher(statement);
        if (unnamed.lookingAt()) { // PostgreSQL names it table_column_idx; the lint needs a name, not that one
            String table = qualified(unnamed.group(3));
            statement = unnamed.group(1) + "\"" + table.substring(table.lastIndexOf('.') + 1) + "_idx\" "
                    + statement.substring(unnamed.start(2));
        }
        int depth = 0;
        int keys = -1;
        for (int i = 0; i < statement.length(); i++) {
            char c = statement.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int end = statement.indexOf(c, i + 1);
                i = end < 0 ? statement.length() : end;
            } else if (c == '(') {
                keys = keys < 0 && depth == 0 ? i : keys;
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth == 0 && keys >= 0 && keys < statement.length() && statement.charAt(keys) == '(') {
                    // the key list (expressions, opclasses, ASC/DESC NULLS LAST, collations) says nothing the lint needs
                    statement = statement.substring(0, keys) + "(k)" + statement.substring(i + 1);
                    i = keys + 2;
                    keys = Integer.MAX_VALUE;
                }
            } else if (keys == Integer.MAX_VALUE && depth == 0 && Character.isWhitespace(statement.charAt(i - 1)) && wordAt(statement, i)) {
                return statement.substring(0, i).stripTrailing();
            }
        }
        return statement;
    }

    /** Whether one of {@link #INDEX_TAIL}'s words, a whole word, starts at {@code start}. */
    private static boolean wordAt(String text, int start) {
        Matcher m = INDEX_TAIL.matcher(text).region(start, text.length());
        if (!m.lookingAt()) {
            return false;
        }
        int end = m.end();
        return end >= text.length() || !Character.isLetterOrDigit(text.charAt(end)) && text.charAt(end) != '_';
    }

    /**
     * The text with each column DEFAULT expression replaced by a placeholder the parser reads as a name, and
     * the expressions kept in {@code defaults} (placeholder -> expression). An expression ends at a comma or a
     * closing parenthesis outside its own parentheses, at a column keyword (NOT NULL, CHECK, ...) or at the end.
     */
    static String withoutDefaults(String text, Map<String, String> defaults) {
        StringBuilder out = new StringBuilder();
        Matcher word = DEFAULT_WORD.matcher(text);
        int from = 0;
        while (from < text.length() && word.find(from)) {
            if (insideLiteral(text, word.start())) {
                out.append(text, from, word.end());
                from = word.end();
                continue;
            }
            int end = expressionEnd(text, word.end());
            String placeholder = DEFAULT_PLACEHOLDER + defaults.size() + "__";
            defaults.put(placeholder, text.substring(word.end(), end).strip());
            out.append(text, from, word.end()).append(placeholder).append(' ');
            from = end;
        }
        return out.append(text.substring(Math.min(from, text.length()))).toString();
    }

    private static boolean insideLiteral(String text, int at) {
        boolean inside = false;
        for (int i = 0; i < at; i++) {
            inside ^= text.charAt(i) == '\'';
        }
        return inside;
    }

    private static int expressionEnd(String text, int start) {
        int depth = 0;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int end = text.indexOf(c, i + 1);
                i = end < 0 ? text.length() - 1 : end;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                if (depth == 0) {
                    return i;
                }
                depth--;
            } else if (depth == 0 && (c == ',' || c == ';')) {
                return i;
            } else if (depth == 0 && i > start && Character.isWhitespace(text.charAt(i - 1))
                    && DEFAULT_END.matcher(text).region(i, text.length()).lookingAt()) {
                return i;
            }
        }
        return text.length();
    }

    /** The facts of a text JSqlParser parses, every statement of it; empty when one is not understood. */
    private static Optional<List<SqlFact>> parsed(String sql) {
        // one statement a piece, without comments, empty statements or an index's tail the parser refuses
        String text = String.join(";\n", split(sql).stream().map(JSqlParserReader::withoutIndexTail).toList());
        Lifted lifted = Lifted.of(text, Map.of());
        Statements statements = parse(lifted.text(), false);
        if (statements == null) {
            statements = parse(lifted.text(), true);
        }
        if (statements == null) {
            // a DEFAULT expression it does not parse (nextval('s'), md5(random()::text), MariaDB's UUID()): read around it
            Map<String, String> defaults = new HashMap<>();
            lifted = Lifted.of(withoutDefaults(text, defaults), defaults);
            statements = defaults.isEmpty() ? null : parse(lifted.text(), true);
        }
        if (statements == null || statements.isEmpty()) {
            return Optional.empty();
        }
        List<SqlFact> facts = new ArrayList<>();
        for (Statement statement : statements) {
            if (!facts(statement, lifted, facts)) {
                return Optional.empty();
            }
            facts.add(new SqlFact.StatementEnd());
        }
        return Optional.of(List.copyOf(facts));
    }

    /**
     * The parser's own entry point, not CCJSqlParserUtil.parse, which starts a thread per call for its
     * timeout; simple parsing first (several times faster on DDL), complex parsing (deep expressions) only
     * when that fails, as CCJSqlParserUtil does. Null when the text does not parse.
     */
    private static Statements parse(String text, boolean complex) {
        try {
            return CCJSqlParserUtil.newParser(text).withAllowComplexParsing(complex).Statements();
        } catch (Exception | Error e) { // ParseException, TokenMgrError: not a form it knows
            return null;
        }
    }

    /** Adds the statement's facts; false when the statement is not one the lint models. */
    private static boolean facts(Statement statement, Lifted lifted, List<SqlFact> facts) {
        if (statement instanceof CreateIndex create) {
            String name = name(create.getIndex().getName());
            facts.add(new SqlFact.CreateIndex(table(create.getTable()), name, lifted.concurrentIndexes().contains(name)));
            String algorithm = lifted.indexAlgorithms().get(name);
            if (algorithm != null) {
                facts.add(new SqlFact.Algorithm(table(create.getTable()), algorithm));
            }
            return true;
        }
        if (statement instanceof Drop drop) {
            return drop(drop, facts);
        }
        if (statement instanceof Alter alter) {
            return alter(alter, lifted, facts);
        }
        if (statement instanceof Update update) {
            facts.add(new SqlFact.Dml(table(update.getTable()), everyRow(update.getWhere(), update.getLimit())));
            return true;
        }
        if (statement instanceof Delete delete) {
            // DELETE FROM a USING b ... has its condition in WHERE too; with no WHERE every row of a goes
            facts.add(new SqlFact.Dml(table(delete.getTable()), everyRow(delete.getWhere(), delete.getLimit())));
            return true;
        }
        if (statement instanceof net.sf.jsqlparser.statement.alter.RenameTableStatement rename) {
            // MariaDB/MySQL: RENAME TABLE a TO b [, c TO d]
            rename.getTableNames().forEach(pair -> facts.add(new SqlFact.RenameTable(table(pair.getKey()), name(pair.getValue().getName()))));
            return true;
        }
        if (statement instanceof Truncate truncate) {
            List<Table> tables = truncate.getTables() != null && !truncate.getTables().isEmpty()
                    ? truncate.getTables() : List.of(truncate.getTable());
            tables.forEach(table -> facts.add(new SqlFact.Truncate(table(table), truncate.getCascade())));
            return true;
        }
        if (statement instanceof Insert insert) {
            facts.add(new SqlFact.Dml(table(insert.getTable())));
            return true;
        }
        if (statement instanceof CreateTable create) {
            if (create.isOrReplace()) { // MariaDB's CREATE OR REPLACE TABLE drops the table that is there
                facts.add(new SqlFact.ReplaceTable(table(create.getTable())));
            }
            facts.add(new SqlFact.CreateTable(table(create.getTable()), create.isIfNotExists()));
            return true;
        }
        if (statement instanceof Select || statement instanceof Comment || statement instanceof net.sf.jsqlparser.statement.analyze.Analyze || statement instanceof CreateView
                || statement instanceof Grant || statement instanceof CreateSequence
                || statement instanceof net.sf.jsqlparser.statement.alter.sequence.AlterSequence) {
            facts.add(new SqlFact.Harmless());
            return true;
        }
        return false;
    }

    /**
     * An UPDATE or DELETE reaches every row without a WHERE, or with one that holds for every row ({@code WHERE true},
     * {@code WHERE 1 = 1}); MariaDB's {@code LIMIT n} (a batch) reaches n rows at most.
     */
    private static boolean everyRow(net.sf.jsqlparser.expression.Expression where, net.sf.jsqlparser.statement.select.Limit limit) {
        return limit == null && (where == null || TAUTOLOGY.matcher(where.toString().strip()).matches());
    }

    private static boolean drop(Drop drop, List<SqlFact> facts) {
        String type = drop.getType().toUpperCase(Locale.ROOT);
        switch (type) {
            case "INDEX" -> {
                // JSqlParser reads DROP INDEX CONCURRENTLY ix as an index named CONCURRENTLY with the parameter ix
                boolean concurrently = drop.getName().getName().equalsIgnoreCase("CONCURRENTLY")
                        && drop.getParameters() != null && !drop.getParameters().isEmpty();
                String name = concurrently ? drop.getParameters().get(drop.getParameters().size() - 1) : drop.getName().getName();
                facts.add(new SqlFact.DropIndex(null, name(name), concurrently));
                return true;
            }
            case "TABLE" -> {
                facts.add(new SqlFact.DropTable(table(drop.getName())));
                return true;
            }
            case "SCHEMA" -> {
                boolean cascade = drop.getParameters() != null && drop.getParameters().stream().anyMatch("CASCADE"::equalsIgnoreCase);
                facts.add(new SqlFact.DropSchema(name(drop.getName().getName()), cascade));
                return true;
            }
            case "VIEW", "SEQUENCE", "FUNCTION" -> {
                facts.add(new SqlFact.Harmless());
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    private static boolean alter(Alter alter, Lifted lifted, List<SqlFact> facts) {
        if (alter.getAlterExpressions() == null) {
            return false;
        }
        String table = table(alter.getTable());
        if (lifted.online().contains(table)) { // MariaDB's ALTER ONLINE TABLE is LOCK=NONE
            facts.add(new SqlFact.LockOption(table, "NONE"));
        }
        for (AlterExpression action : alter.getAlterExpressions()) {
            if (!alterAction(table, action, lifted, facts)) {
                return false;
            }
        }
        return true;
    }

    private static boolean alterAction(String table, AlterExpression action, Lifted lifted, List<SqlFact> facts) {
        AlterOperation operation = action.getOperation();
        switch (operation) {
            case ADD -> {
                if (action.getColDataTypeList() != null) {
                    for (AlterExpression.ColumnDataType column : action.getColDataTypeList()) {
                        List<String> written = column.getColumnSpecs() == null ? List.of() : new ArrayList<>(column.getColumnSpecs());
                        SqlFact inlineCheck = inlineCheck(table, name(column.getColumnName()), written); // taken off written
                        String specs = specs(written);
                        boolean valuePerRow = VALUE_PER_ROW.matcher(specs).find();
                        Matcher key = INLINE_KEY.matcher(specs);
                        Matcher references = INLINE_REFERENCES.matcher(specs);
                        boolean foreignKey = references.find();
                        specs = INLINE_REFERENCES.matcher(specs).replaceAll("").replaceAll("\\s+", " ").strip();
                        String rest = INLINE_KEY.matcher(VALUE_PER_ROW.matcher(specs).replaceAll("")).replaceAll("");
                        Matcher generated = GENERATED_COLUMN.matcher(specs);
                        if (!valuePerRow && generated.matches()) {
                            facts.add(new SqlFact.AddGeneratedColumn(table, name(column.getColumnName()),
                                    column.getColDataType().toString(), generated.group(1) != null && !generated.group(1).equals("VIRTUAL")));
                            continue;
                        }
                        if (INLINE_CONSTRAINT.matcher(rest).find()) {
                            return false; // generated (computed), inline foreign key or check: effects the facts do not model
                        }
                        String columnName = name(column.getColumnName());
                        String defaultSql = defaultOf(column.getColumnSpecs());
                        facts.add(new SqlFact.AddColumn(table, columnName, column.getColDataType().toString(),
                                specs.contains("NOT NULL") || valuePerRow, defaultSql == null ? null : lifted.defaults().getOrDefault(defaultSql, defaultSql), valuePerRow));
                        if (key.find()) {
                            facts.add(new SqlFact.AddConstraint(table, columnName + " " + key.group(1), key.group(1), null, false, false));
                        }
                        if (foreignKey) { // checked against every existing row, like ADD FOREIGN KEY without NOT VALID
                            facts.add(new SqlFact.AddConstraint(table, columnName + " REFERENCES", "FOREIGN KEY", null, false, false));
                        }
                        if (inlineCheck != null) {
                            facts.add(inlineCheck);
                        }
                    }
                    return true;
                }
                if (action.getPkColumns() != null) {
                    facts.add(new SqlFact.AddConstraint(table, "PRIMARY KEY (" + String.join(", ", action.getPkColumns()) + ")",
                            "PRIMARY KEY", null, false, false));
                    return true;
                }
                Index index = action.getIndex();
                if (index == null && action.getUkName() != null) { // MariaDB/MySQL: ADD UNIQUE INDEX | KEY name (...)
                    facts.add(new SqlFact.AddConstraint(table, name(action.getUkName()), "UNIQUE", null, false, false));
                    return true;
                }
                if (index == null) {
                    return false;
                }
                String name = index.getName() == null ? index.toString() : name(index.getName());
                boolean notValid = lifted.notValid().contains(name);
                if (index instanceof ForeignKeyIndex) {
                    facts.add(new SqlFact.AddConstraint(table, name, "FOREIGN KEY", null, notValid, false));
                } else if (index instanceof CheckConstraint check) {
                    facts.add(new SqlFact.AddConstraint(table, name, "CHECK", check.getExpression().toString(), notValid, false));
                } else if (index.getType() != null && (index.getType().equalsIgnoreCase("FULLTEXT")
                        || index.getType().equalsIgnoreCase("SPATIAL"))) {
                    facts.add(new SqlFact.SpecialIndex(table, name, index.getType().toUpperCase(Locale.ROOT)));
                } else if (index.getType() != null && (index.getType().equalsIgnoreCase("UNIQUE")
                        || index.getType().equalsIgnoreCase("PRIMARY KEY"))) {
                    facts.add(new SqlFact.AddConstraint(table, name, index.getType().toUpperCase(Locale.ROOT), null, notValid,
                            lifted.usingIndex().contains(name)));
                } else if (index.getType() == null && index.getName() != null) { // MariaDB/MySQL: ADD INDEX | KEY name (...)
                    facts.add(new SqlFact.CreateIndex(table, name, false));
                } else {
                    return false;
                }
                return true;
            }
            case DROP -> {
                if (action.getColumnName() != null) {
                    facts.add(new SqlFact.DropColumn(table, name(action.getColumnName())));
                } else if (action.getConstraintName() != null) {
                    facts.add(new SqlFact.DropConstraint(table, name(action.getConstraintName())));
                } else if (action.getIndex() != null && action.getIndex().getName() != null) { // MariaDB/MySQL: DROP INDEX | KEY name
                    facts.add(new SqlFact.DropIndex(table, name(action.getIndex().getName()), false));
                } else {
                    return false;
                }
                return true;
            }
            case ALTER -> {
                if (action.getColDataTypeList() == null || action.getColDataTypeList().isEmpty()) {
                    // JSqlParser keeps no column for ALTER COLUMN c SET DEFAULT x / DROP DEFAULT: catalog only
                    if (ALTER_COLUMN_METADATA.matcher(action.toString().strip()).matches()) {
                        facts.add(new SqlFact.Harmless());
                        return true;
                    }
                    return false;
                }
                for (AlterExpression.ColumnDataType column : action.getColDataTypeList()) {
                    String columnName = name(column.getColumnName());
                    // what follows the column name, as JSqlParser prints it: "TYPE varchar (200)", "SET NOT NULL", ...
                    String change = column.toString().strip().substring(column.getColumnName().length()).strip();
                    String upper = change.toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
                    if (upper.startsWith("TYPE ")) {
                        String type = change.substring(5).strip();
                        if (type.toUpperCase(Locale.ROOT).contains(" USING ")) {
                            type = type.substring(0, type.toUpperCase(Locale.ROOT).indexOf(" USING ")).strip();
                        }
                        facts.add(new SqlFact.AlterColumnType(table, columnName, type));
                    } else if (upper.equals("SET NOT NULL")) {
                        facts.add(new SqlFact.SetNotNull(table, columnName));
                    } else if (upper.equals("DROP NOT NULL") || upper.startsWith("SET DEFAULT ") || upper.equals("DROP DEFAULT")) {
                        facts.add(new SqlFact.Harmless());
                    } else {
                        return false;
                    }
                }
                return true;
            }
            case RENAME -> {
                if (action.getColumnOldName() == null || action.getColumnName() == null) {
                    return false;
                }
                facts.add(new SqlFact.RenameColumn(table, name(action.getColumnOldName()), name(action.getColumnName())));
                return true;
            }
            case ALGORITHM -> {
                facts.add(new SqlFact.Algorithm(table, action.getAlgorithmOption().toUpperCase(Locale.ROOT)));
                return true;
            }
            case MODIFY -> {
                // MariaDB/MySQL: MODIFY [COLUMN] c type [NOT NULL]: a type change, and a nullability change when NOT NULL
                if (action.getColDataTypeList() == null) {
                    return false;
                }
                for (AlterExpression.ColumnDataType column : action.getColDataTypeList()) {
                    String specs = specs(column.getColumnSpecs());
                    if (column.getColDataType() == null || INLINE_CONSTRAINT.matcher(specs).find()) {
                        return false;
                    }
                    facts.add(new SqlFact.AlterColumnType(table, name(column.getColumnName()), type(column)));
                    if (specs.contains("NOT NULL")) {
                        facts.add(new SqlFact.SetNotNull(table, name(column.getColumnName())));
                    }
                }
                return true;
            }
            case CHANGE -> {
                // MariaDB/MySQL: CHANGE [COLUMN] old new type [NOT NULL] [FIRST|AFTER c]: a type change, a rename when the names differ
                if (action.getColumnOldName() == null || action.getColDataTypeList() == null || action.getColDataTypeList().size() != 1) {
                    return false;
                }
                AlterExpression.ColumnDataType column = action.getColDataTypeList().get(0);
                String specs = specs(column.getColumnSpecs());
                if (column.getColDataType() == null || INLINE_CONSTRAINT.matcher(specs).find()) {
                    return false;
                }
                String old = name(action.getColumnOldName());
                facts.add(new SqlFact.AlterColumnType(table, old, type(column)));
                if (specs.contains("NOT NULL")) {
                    facts.add(new SqlFact.SetNotNull(table, old));
                }
                if (!old.equals(name(column.getColumnName()))) {
                    facts.add(new SqlFact.RenameColumn(table, old, name(column.getColumnName())));
                }
                return true;
            }
            case RENAME_INDEX -> {
                facts.add(new SqlFact.BriefTableLock(table, "RENAME INDEX"));
                return true;
            }
            case LOCK -> {
                facts.add(new SqlFact.LockOption(table, action.getLockOption().toUpperCase(Locale.ROOT)));
                return true;
            }
            case DROP_PRIMARY_KEY -> {
                facts.add(new SqlFact.DropPrimaryKey(table));
                return true;
            }
            case RENAME_TABLE -> {
                facts.add(new SqlFact.RenameTable(table, name(action.getNewTableName())));
                return true;
            }
            case UNSPECIFIC -> {
                Matcher m = VALIDATE.matcher(action.toString().strip());
                if (m.matches()) {
                    facts.add(new SqlFact.ValidateConstraint(table, name(m.group(1))));
                    return true;
                }
                if (ROW_FORMAT.matcher(action.toString().strip()).matches()) {
                    facts.add(new SqlFact.RebuildTable(table, "ALTER TABLE " + table + " " + action.toString().strip()));
                    return true;
                }
                if (TABLE_DEFAULTS.matcher(action.toString().strip()).matches()) {
                    facts.add(new SqlFact.Harmless()); // the table's defaults for new columns: metadata only
                    return true;
                }
                m = ATTACH_PARTITION.matcher(action.toString().strip());
                if (m.matches()) {
                    facts.add(new SqlFact.AttachPartition(table, qualified(m.group(1))));
                    return true;
                }
                m = TABLE_STORAGE.matcher(action.toString().strip());
                if (m.matches()) {
                    facts.add(new SqlFact.WholeTableRewrite("SET " + (m.group(1) != null ? m.group(1) : m.group(2)).toUpperCase(Locale.ROOT), table));
                    return true;
                }
                return false;
            }
            case CONVERT -> {
                if (action.getCharacterSet() == null) {
                    return false;
                }
                if (!action.toString().strip().toUpperCase(Locale.ROOT).startsWith("CONVERT")) {
                    facts.add(new SqlFact.Harmless()); // [DEFAULT] CHARACTER SET = cs: the default for new columns, instant
                    return true;
                }
                facts.add(new SqlFact.ConvertCharset(table, action.getCharacterSet()));
                return true;
            }
            case FORCE -> {
                facts.add(new SqlFact.RebuildTable(table, "ALTER TABLE " + table + " FORCE"));
                return true;
            }
            case ENGINE -> {
                facts.add(new SqlFact.RebuildTable(table, "ALTER TABLE " + table + " " + action.toString().strip()));
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /**
     * The {@code [CONSTRAINT c] CHECK (...)} of a column being added, taken off its specs, as the fact it is
     * (PostgreSQL names it {@code table_column_check}); null without one.
     */
    private static SqlFact inlineCheck(String table, String column, List<String> specs) {
        int at = -1;
        for (int i = 0; i + 1 < specs.size(); i++) {
            if (specs.get(i).equalsIgnoreCase("CHECK") && specs.get(i + 1).startsWith("(")) {
                at = i;
                break;
            }
        }
        if (at < 0) {
            return null;
        }
        String condition = specs.get(at + 1);
        condition = condition.substring(1, condition.length() - 1).strip();
        boolean named = at >= 2 && specs.get(at - 2).equalsIgnoreCase("CONSTRAINT");
        String name = named ? name(specs.get(at - 1)) : table.substring(table.lastIndexOf('.') + 1) + "_" + column + "_check";
        int from = named ? at - 2 : at;
        specs.subList(from, at + 2).clear();
        return new SqlFact.AddConstraint(table, name, "COLUMN CHECK", condition, false, false);
    }

    /**
     * The column's type as MariaDB stores it: JSqlParser 5.3 leaves {@code UNSIGNED} / {@code ZEROFILL} after a
     * display width ({@code INT(11) UNSIGNED}) among the column's specs, where they still change the type.
     */
    private static String type(AlterExpression.ColumnDataType column) {
        StringBuilder type = new StringBuilder(column.getColDataType().toString());
        if (column.getColumnSpecs() != null) {
            column.getColumnSpecs().stream().filter(spec -> spec.matches("(?i)UNSIGNED|SIGNED|ZEROFILL"))
                    .forEach(spec -> type.append(' ').append(spec.toUpperCase(Locale.ROOT)));
        }
        return type.toString();
    }

    private static String specs(List<String> specs) {
        return specs == null ? "" : String.join(" ", specs).toUpperCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }

    /** The expression after DEFAULT in a column's specs, up to the next constraint keyword; null without one. */
    private static String defaultOf(List<String> specs) {
        if (specs == null) {
            return null;
        }
        int at = -1;
        for (int i = 0; i < specs.size(); i++) {
            if (specs.get(i).equalsIgnoreCase("DEFAULT")) {
                at = i;
                break;
            }
        }
        if (at < 0 || at + 1 >= specs.size()) {
            return null;
        }
        StringBuilder expression = new StringBuilder();
        for (int i = at + 1; i < specs.size(); i++) {
            String word = specs.get(i).toUpperCase(Locale.ROOT);
            if (word.equals("NOT") || word.equals("NULL") || word.equals("CONSTRAINT") || word.equals("CHECK")
                    || word.equals("PRIMARY") || word.equals("UNIQUE") || word.equals("REFERENCES") || word.equals("FIRST")
                    || word.equals("AFTER") || word.equals("COMMENT") || word.equals("COLLATE")) {
                break;
            }
            expression.append(expression.length() == 0 ? "" : " ").append(specs.get(i));
        }
        return expression.toString().replaceAll("\\s+\\(", "(");
    }

    private static String table(Table table) {
        return table.getSchemaName() == null ? name(table.getName()) : inSchema(name(table.getSchemaName()), name(table.getName()));
    }

    /** An identifier as PostgreSQL reads it: quoted ("..." or MariaDB's `...`) as written, unquoted folded to lower case. */
    static String name(String text) {
        String t = text.strip();
        boolean quoted = t.length() > 1 && (t.startsWith("\"") && t.endsWith("\"") || t.startsWith("`") && t.endsWith("`"));
        return quoted ? t.substring(1, t.length() - 1) : t.toLowerCase(Locale.ROOT);
    }

    /** The text with the PostgreSQL forms JSqlParser does not parse taken off, and what they said. */
    private record Lifted(String text, Set<String> concurrentIndexes, Set<String> notValid, Set<String> usingIndex,
            Map<String, String> indexAlgorithms, Map<String, String> defaults, Set<String> online) {

        static Lifted of(String sql, Map<String, String> defaults) {
            Set<String> concurrent = new HashSet<>();
            Set<String> notValid = new HashSet<>();
            Set<String> usingIndex = new HashSet<>();
            Map<String, String> indexAlgorithms = new HashMap<>();
            Set<String> online = new HashSet<>();
            String text = sql;
            text = replace(ALTER_ONLINE, text, m -> {
                online.add(qualified(m.group(4)));
                return m.group(1) + m.group(2) + m.group(3);
            });
            text = replace(INDEX_OPTIONS, text, m -> {
                Matcher algorithm = ALGORITHM_OPTION.matcher(m.group(4));
                if (algorithm.find()) {
                    indexAlgorithms.put(name(m.group(3)), algorithm.group(1).toUpperCase(Locale.ROOT));
                }
                return m.group(1) + m.group(2) + m.group(5);
            });
            text = replace(CONCURRENT_INDEX, text, m -> {
                concurrent.add(name(m.group(3)));
                return m.group(1) + m.group(2) + m.group(3);
            });
            text = replace(UNNAMED_CONSTRAINT, text, m -> {
                String bare = name(m.group(2).substring(m.group(2).lastIndexOf('.') + 1));
                String generated = m.group(4) == null ? bare + "_check" : bare + "_" + name(m.group(4)) + "_fkey";
                return m.group(1) + "CONSTRAINT \"" + generated + "\" " + m.group(3);
            });
            text = replace(DEFERRABLE, text, m -> "");
            text = replace(IF_EXISTS_ONLY, text, m -> m.group(1) + m.group(2) + m.group(3));
            text = replace(ADD_INDEX_IF_NOT_EXISTS, text, m -> m.group(1));
            text = replace(NOT_VALID, text, m -> {
                notValid.add(name(m.group(2)));
                return m.group(1) + m.group(3);
            });
            text = replace(USING_INDEX, text, m -> {
                usingIndex.add(name(m.group(2)));
                return m.group(1) + "(" + m.group(3) + ")" + m.group(4);
            });
            text = replace(SET_DATA_TYPE, text, m -> m.group(1) + "TYPE");
            return new Lifted(text, concurrent, notValid, usingIndex, indexAlgorithms, Map.copyOf(defaults), Set.copyOf(online));
        }

        private static String replace(Pattern pattern, String text, java.util.function.Function<Matcher, String> with) {
            Matcher m = pattern.matcher(text);
            if (!m.find()) {
                return text;
            }
            StringBuilder out = new StringBuilder();
            do {
                m.appendReplacement(out, Matcher.quoteReplacement(with.apply(m)));
            } while (m.find());
            m.appendTail(out);
            return out.toString();
        }
    }
}
