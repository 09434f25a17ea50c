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

    private static final String ID = "(?:\"[^\"]+\"|[A-Za-z_][A-Za-z0-9_$]*)";
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

    @Override
    public String name() {
        return "JSqlParser";
    }

    @Override
    public Optional<List<SqlFact>> read(String sql) {
        Lifted lifted = Lifted.of(sql);
        Statements statements = parse(lifted.text(), false);
        if (statements == null) {
            statements = parse(lifted.text(), true);
        }
        if (statements == null || statements.isEmpty()) {
            return Optional.empty();
        }
        List<SqlFact> facts = new ArrayList<>();
        for (Statement statement : statements) {
            if (!facts(statement, lifted, facts)) {
                return Optional.empty();
            }
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
            facts.add(new SqlFact.Dml(table(update.getTable()), update.getWhere() == null));
            return true;
        }
        if (statement instanceof Delete delete) {
            // DELETE FROM a USING b ... has its condition in WHERE too; with no WHERE every row of a goes
            facts.add(new SqlFact.Dml(table(delete.getTable()), delete.getWhere() == null));
            return true;
        }
        if (statement instanceof Truncate truncate) {
            List<Table> tables = truncate.getTables() != null && !truncate.getTables().isEmpty()
                    ? truncate.getTables() : List.of(truncate.getTable());
            tables.forEach(table -> facts.add(new SqlFact.Truncate(table(table))));
            return true;
        }
        if (statement instanceof Insert insert) {
            facts.add(new SqlFact.Dml(table(insert.getTable())));
            return true;
        }
        if (statement instanceof CreateTable create) {
            facts.add(new SqlFact.CreateTable(table(create.getTable())));
            return true;
        }
        if (statement instanceof Select || statement instanceof Comment || statement instanceof CreateView
                || statement instanceof Grant || statement instanceof CreateSequence
                || statement instanceof net.sf.jsqlparser.statement.alter.sequence.AlterSequence) {
            facts.add(new SqlFact.Harmless());
            return true;
        }
        return false;
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
                        String specs = specs(column.getColumnSpecs());
                        boolean valuePerRow = VALUE_PER_ROW.matcher(specs).find();
                        Matcher key = INLINE_KEY.matcher(specs);
                        String rest = INLINE_KEY.matcher(VALUE_PER_ROW.matcher(specs).replaceAll("")).replaceAll("");
                        if (INLINE_CONSTRAINT.matcher(rest).find()) {
                            return false; // generated (computed), inline foreign key or check: effects the facts do not model
                        }
                        String columnName = name(column.getColumnName());
                        facts.add(new SqlFact.AddColumn(table, columnName, column.getColDataType().toString(),
                                specs.contains("NOT NULL") || valuePerRow, defaultOf(column.getColumnSpecs()), valuePerRow));
                        if (key.find()) {
                            facts.add(new SqlFact.AddConstraint(table, columnName + " " + key.group(1), key.group(1), null, false, false));
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
                if (index == null) {
                    return false;
                }
                String name = index.getName() == null ? index.toString() : name(index.getName());
                boolean notValid = lifted.notValid().contains(name);
                if (index instanceof ForeignKeyIndex) {
                    facts.add(new SqlFact.AddConstraint(table, name, "FOREIGN KEY", null, notValid, false));
                } else if (index instanceof CheckConstraint check) {
                    facts.add(new SqlFact.AddConstraint(table, name, "CHECK", check.getExpression().toString(), notValid, false));
                } else if (index.getType() != null && (index.getType().equalsIgnoreCase("UNIQUE")
                        || index.getType().equalsIgnoreCase("PRIMARY KEY"))) {
                    facts.add(new SqlFact.AddConstraint(table, name, index.getType().toUpperCase(Locale.ROOT), null, notValid,
                            lifted.usingIndex().contains(name)));
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
                    facts.add(new SqlFact.AlterColumnType(table, name(column.getColumnName()), column.getColDataType().toString()));
                    if (specs.contains("NOT NULL")) {
                        facts.add(new SqlFact.SetNotNull(table, name(column.getColumnName())));
                    }
                }
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
                return false;
            }
            default -> {
                return false;
            }
        }
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
                    || word.equals("PRIMARY") || word.equals("UNIQUE") || word.equals("REFERENCES")) {
                break;
            }
            expression.append(expression.length() == 0 ? "" : " ").append(specs.get(i));
        }
        return expression.toString().replaceAll("\\s+\\(", "(");
    }

    private static String table(Table table) {
        return table.getSchemaName() == null ? name(table.getName()) : name(table.getSchemaName()) + "." + name(table.getName());
    }

    /** An identifier as PostgreSQL reads it: quoted as written, unquoted folded to lower case. */
    static String name(String text) {
        String t = text.strip();
        return t.length() > 1 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t.toLowerCase(Locale.ROOT);
    }

    /** The text with the PostgreSQL forms JSqlParser does not parse taken off, and what they said. */
    private record Lifted(String text, Set<String> concurrentIndexes, Set<String> notValid, Set<String> usingIndex,
            Map<String, String> indexAlgorithms) {

        static Lifted of(String sql) {
            Set<String> concurrent = new HashSet<>();
            Set<String> notValid = new HashSet<>();
            Set<String> usingIndex = new HashSet<>();
            Map<String, String> indexAlgorithms = new HashMap<>();
            String text = sql;
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
            text = replace(NOT_VALID, text, m -> {
                notValid.add(name(m.group(2)));
                return m.group(1) + m.group(3);
            });
            text = replace(USING_INDEX, text, m -> {
                usingIndex.add(name(m.group(2)));
                return m.group(1) + "(" + m.group(3) + ")" + m.group(4);
            });
            text = replace(SET_DATA_TYPE, text, m -> m.group(1) + "TYPE");
            return new Lifted(text, concurrent, notValid, usingIndex, indexAlgorithms);
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
