package dev.migrate.lint;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small, conservative reader of {@code op.execute(sql)} statements: it recognises the few shapes
 * the rules care about and answers "not understood" for everything else, so the lint says
 * "not linted" rather than guessing. Core has no SQL parser dependency; the shapes are anchored
 * at both ends and a statement with a second statement after a semicolon is never understood.
 */
final class SqlStatementReader implements SqlReader {

    static final SqlStatementReader INSTANCE = new SqlStatementReader();


    private static final String ID = "(?:\"[^\"]+\"|`[^`]+`|[A-Za-z_][A-Za-z0-9_$]*)";
    private static final String QID = "(" + ID + "(?:\\s*\\.\\s*" + ID + ")?)";
    private static final int I = Pattern.CASE_INSENSITIVE | Pattern.DOTALL;

    private static final Pattern CREATE_INDEX = Pattern.compile(
            "CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+(CONCURRENTLY\\s+)?(?:IF\\s+NOT\\s+EXISTS\\s+)?(" + ID + ")\\s+ON\\s+(?:ONLY\\s+)?"
                    + QID + "\\s*(?:USING\\s+\\w+\\s*)?\\(.*", I);
    private static final Pattern DROP_INDEX = Pattern.compile(
            "DROP\\s+INDEX\\s+(CONCURRENTLY\\s+)?(?:IF\\s+EXISTS\\s+)?" + QID + "\\s*(?:CASCADE|RESTRICT)?", I);
    private static final Pattern ALTER_TABLE = Pattern.compile(
            "ALTER\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?(?:ONLY\\s+)?" + QID + "\\s+(.*)", I);
    private static final Pattern SET_NOT_NULL = Pattern.compile(
            "ALTER\\s+(?:COLUMN\\s+)?(" + ID + ")\\s+SET\\s+NOT\\s+NULL", I);
    private static final Pattern ADD_CONSTRAINT = Pattern.compile(
            "ADD\\s+CONSTRAINT\\s+(" + ID + ")\\s+(FOREIGN\\s+KEY|CHECK|UNIQUE|PRIMARY\\s+KEY)\\b(.*)", I);
    private static final Pattern VALIDATE = Pattern.compile("VALIDATE\\s+CONSTRAINT\\s+(" + ID + ")", I);
    private static final Pattern DROP_CONSTRAINT = Pattern.compile(
            "DROP\\s+CONSTRAINT\\s+(?:IF\\s+EXISTS\\s+)?(" + ID + ")(?:\\s+(?:CASCADE|RESTRICT))?", I);
    private static final Pattern DROP_COLUMN = Pattern.compile(
            "DROP\\s+(?:COLUMN\\s+)?(?:IF\\s+EXISTS\\s+)?(" + ID + ")(?:\\s+(?:CASCADE|RESTRICT))?", I);
    private static final Pattern RENAME_COLUMN = Pattern.compile(
            "RENAME\\s+(?:COLUMN\\s+)?(" + ID + ")\\s+TO\\s+(" + ID + ")", I);
    private static final Pattern RENAME_TABLE = Pattern.compile("RENAME\\s+TO\\s+(" + ID + ")", I);
    private static final Pattern DROP_TABLE = Pattern.compile(
            "DROP\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?" + QID + "(?:\\s+(?:CASCADE|RESTRICT))?", I);
    private static final Pattern CREATE_TABLE = Pattern.compile(
            "CREATE\\s+TABLE\\s+(IF\\s+NOT\\s+EXISTS\\s+)?" + QID + "\\s*\\(.*", I);
    private static final Pattern UPDATE = Pattern.compile("UPDATE\\s+(?:ONLY\\s+)?" + QID + "\\s+SET\\s.*", I);
    private static final Pattern DELETE = Pattern.compile("DELETE\\s+FROM\\s+(?:ONLY\\s+)?" + QID + "(?:\\s.*)?", I);
    private static final Pattern TRUNCATE = Pattern.compile(
            "TRUNCATE\\s+(?:TABLE\\s+)?(?:ONLY\\s+)?" + QID + "(?:\\s+(?:RESTART|CONTINUE)\\s+IDENTITY)?(?:\\s+(?:CASCADE|RESTRICT))?", I);
    /** Conservative: a WHERE anywhere (even in a subquery) counts, so only a plain UPDATE/DELETE is read as every row. */
    private static final Pattern WHERE = Pattern.compile("\\bWHERE\\b", I);
    /** A WHERE that holds for every row, ending the statement: {@code WHERE true}, {@code WHERE 1 = 1}. */
    private static final Pattern TAUTOLOGY = Pattern.compile(".*\\bWHERE\\s+\\(?\\s*(?:TRUE|(\\d+)\\s*=\\s*\\1)\\s*\\)?", I | Pattern.DOTALL);
    /** MariaDB's {@code UPDATE | DELETE ... LIMIT n}: one batch, not every row. */
    private static final Pattern LIMIT = Pattern.compile(".*\\bLIMIT\\s+\\d+", I | Pattern.DOTALL);
    private static final Pattern INSERT = Pattern.compile("INSERT\\s+INTO\\s+" + QID + "[\\s(].*", I);
    private static final Pattern HARMLESS = Pattern.compile(
            "(?:COMMENT\\s+ON\\s|SELECT\\s|CREATE\\s+(?:OR\\s+REPLACE\\s+)?VIEW\\s|DROP\\s+VIEW\\s|CREATE\\s+EXTENSION\\s+IF\\s+NOT\\s+EXISTS\\s|(?:CREATE|ALTER)\\s+SEQUENCE\\s|GRANT\\s|REVOKE\\s).*", I);

    private SqlStatementReader() {
    }

    @Override
    public String name() {
        return "built-in reader";
    }

    @Override
    public Optional<List<SqlFact>> read(String sql) {
        return statement(sql).map(List::of);
    }

    private static Optional<SqlFact> statement(String sql) {
        String text = sql.strip();
        if (text.endsWith(";")) {
            text = text.substring(0, text.length() - 1).strip();
        }
        if (text.contains(";") || text.contains("--") || text.contains("/*")) {
            return Optional.empty(); // several statements or comments: not worth a guess
        }
        Matcher m;
        if ((m = CREATE_INDEX.matcher(text)).matches()) {
            return Optional.of(new SqlFact.CreateIndex(name(m.group(3)), name(m.group(2)), m.group(1) != null));
        }
        if ((m = DROP_INDEX.matcher(text)).matches()) {
            return Optional.of(new SqlFact.DropIndex(null, name(m.group(2)), m.group(1) != null));
        }
        if ((m = DROP_TABLE.matcher(text)).matches()) {
            return Optional.of(new SqlFact.DropTable(name(m.group(1))));
        }
        if ((m = CREATE_TABLE.matcher(text)).matches()) {
            return Optional.of(new SqlFact.CreateTable(name(m.group(2)), m.group(1) != null));
        }
        if ((m = TRUNCATE.matcher(text)).matches()) {
            return Optional.of(new SqlFact.Truncate(name(m.group(1))));
        }
        if ((m = UPDATE.matcher(text)).matches() || (m = DELETE.matcher(text)).matches()) {
            boolean everyRow = (!WHERE.matcher(text).find() || TAUTOLOGY.matcher(text).matches()) && !LIMIT.matcher(text).matches();
            return Optional.of(new SqlFact.Dml(name(m.group(1)), everyRow));
        }
        if ((m = INSERT.matcher(text)).matches()) {
            return Optional.of(new SqlFact.Dml(name(m.group(1))));
        }
        if (HARMLESS.matcher(text).matches()) {
            return Optional.of(new SqlFact.Harmless());
        }
        if ((m = ALTER_TABLE.matcher(text)).matches()) {
            return alterTable(name(m.group(1)), m.group(2).strip());
        }
        return Optional.empty();
    }

    private static Optional<SqlFact> alterTable(String table, String action) {
        Matcher m;
        if ((m = SET_NOT_NULL.matcher(action)).matches()) {
            return Optional.of(new SqlFact.SetNotNull(table, name(m.group(1))));
        }
        if ((m = ADD_CONSTRAINT.matcher(action)).matches()) {
            String rest = m.group(3);
            String kind = m.group(2).toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
            boolean notValid = Pattern.compile("\\bNOT\\s+VALID\\s*$", I).matcher(rest).find();
            boolean usingIndex = Pattern.compile("^\\s*USING\\s+INDEX\\s+" + ID + "\\s*$", I).matcher(rest).matches();
            return Optional.of(new SqlFact.AddConstraint(table, name(m.group(1)), kind, kind.equals("CHECK") ? checkCondition(rest) : null, notValid, usingIndex));
        }
        if ((m = VALIDATE.matcher(action)).matches()) {
            return Optional.of(new SqlFact.ValidateConstraint(table, name(m.group(1))));
        }
        if ((m = DROP_CONSTRAINT.matcher(action)).matches()) {
            return Optional.of(new SqlFact.DropConstraint(table, name(m.group(1))));
        }
        if ((m = DROP_COLUMN.matcher(action)).matches()) {
            return Optional.of(new SqlFact.DropColumn(table, name(m.group(1))));
        }
        if ((m = RENAME_TABLE.matcher(action)).matches()) {
            return Optional.of(new SqlFact.RenameTable(table, name(m.group(1))));
        }
        if ((m = RENAME_COLUMN.matcher(action)).matches()) {
            return Optional.of(new SqlFact.RenameColumn(table, name(m.group(1)), name(m.group(2))));
        }
        return Optional.empty();
    }

    /** {@code (col IS NOT NULL) NOT VALID} -> {@code col IS NOT NULL}: the condition between the outer parentheses. */
    private static String checkCondition(String rest) {
        String text = Pattern.compile("\\s*NOT\\s+VALID\\s*$", I).matcher(rest).replaceFirst("").strip();
        return text.startsWith("(") && text.endsWith(")") ? text.substring(1, text.length() - 1) : text;
    }

    /** An identifier as PostgreSQL reads it: quoted as written, unquoted folded to lower case. */
    private static String name(String text) {
        StringBuilder out = new StringBuilder();
        for (String part : text.split("\\s*\\.\\s*(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
            if (out.length() > 0) {
                out.append('.');
            }
            boolean quoted = part.length() > 1 && (part.startsWith("\"") || part.startsWith("`")); // MariaDB quotes with `
            out.append(quoted ? part.substring(1, part.length() - 1) : part.toLowerCase(Locale.ROOT));
        }
        // public.tickets is tickets: PostgreSQL's default search path, where the typed operations' unqualified names live
        return out.toString().startsWith("public.") ? out.substring("public.".length()) : out.toString();
    }
}
