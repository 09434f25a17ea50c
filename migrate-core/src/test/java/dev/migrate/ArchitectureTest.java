package dev.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * STYLE.md §1.3, the dependency rules inside migrate-core, checked on the main source files: their
 * imports and fully qualified names (comments and string literals left out). Plain source reading
 * keeps the test free of a bytecode library and names the file and the reference that breaks a rule.
 */
class ArchitectureTest {

    private static final String ROOT = "dev.migrate";
    private static final Pattern IMPORT = Pattern.compile("(?m)^import\\s+(?:static\\s+)?([\\w.]+)(?:\\.\\*)?\\s*;");
    private static final Pattern QUALIFIED = Pattern.compile("\\b((?:dev\\.migrate|javax?\\.sql)\\.[\\w.]*\\w)");
    private static final Pattern COMMENTS_AND_STRINGS =
            Pattern.compile("//[^\\n]*|/\\*.*?\\*/|\"(?:\\\\.|[^\"\\\\])*\"|'(?:\\\\.|[^'\\\\])'", Pattern.DOTALL);

    /** A JDBC URL prefix naming a database: jdbc:postgresql:, jdbc:h2:, jdbc:mariadb: ... */
    private static final Pattern URL_PREFIX = Pattern.compile("jdbc:[a-z0-9]+:");
    /** A SQLState: five upper-case letters or digits, at least one a digit (42P01, 55P03, HYT00). */
    private static final Pattern SQL_STATE = Pattern.compile("(?=[A-Z]*[0-9])[0-9A-Z]{5}");
    /** The packages that must hold no knowledge of any one database. */
    private static final List<String> DATABASE_NEUTRAL = List.of("engine", "graph", "ops", "autogenerate", "check", "tenant",
            "index", "lint");

    private static List<SourceFile> sources;

    /** One main source file: its package, simple name and every type name it refers to. */
    record SourceFile(String packageName, String simpleName, Set<String> references, String code, List<String> literals) {

        String name() {
            return packageName + "." + simpleName;
        }
    }

    @BeforeAll
    static void readSources() throws IOException {
        Path main = Path.of(System.getProperty("basedir", ".")).resolve("src/main/java");
        try (Stream<Path> files = Files.walk(main)) {
            sources = files.filter(f -> f.toString().endsWith(".java")).sorted().map(f -> read(main, f))
                    .collect(Collectors.toList());
        }
    }

    private static SourceFile read(Path main, Path file) {
        try {
            String text = Files.readString(file);
            String relative = main.relativize(file).toString().replace('\\', '/');
            String packageName = relative.substring(0, relative.lastIndexOf('/')).replace('/', '.');
            String simpleName = relative.substring(relative.lastIndexOf('/') + 1, relative.length() - ".java".length());
            String code = COMMENTS_AND_STRINGS.matcher(text).replaceAll(" ");
            Set<String> references = new TreeSet<>();
            collect(IMPORT.matcher(code), references);
            collect(QUALIFIED.matcher(code.replaceAll("(?m)^(package|import)\\s[^;]*;", " ")), references);
            List<String> literals = new ArrayList<>();
            Matcher token = COMMENTS_AND_STRINGS.matcher(text); // in order, so "//" inside a string is no comment
            while (token.find()) {
                if (token.group().startsWith("\"")) {
                    literals.add(token.group().substring(1, token.group().length() - 1));
                }
            }
            return new SourceFile(packageName, simpleName, references, code, literals);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void collect(Matcher matcher, Set<String> into) {
        while (matcher.find()) {
            into.add(matcher.group(1));
        }
    }

    @Test
    void theScannerSeesTheKnownDependencies() {
        // Guards against a rule passing only because nothing was read.
        assertTrue(sources.size() > 100, "main sources read: " + sources.size());
        SourceFile migrator = file("dev.migrate.Migrator");
        assertTrue(migrator.references().stream().anyMatch(r -> r.startsWith("dev.migrate.engine.")), migrator.references()::toString);
        assertTrue(file("dev.migrate.ops.ConnectionCallback").references().contains("java.sql.Connection"));
    }

    @Test
    void graphUsesOnlyTheJdkAndMigrateException() {
        assertNoViolations(inPackage("graph"), r -> !(r.startsWith("java.") && !r.startsWith("java.sql"))
                && !r.startsWith(ROOT + ".graph.") && !r.equals(ROOT + ".MigrateException"));
    }

    @Test
    void opsKnowNoJdbcDialectEngineOrGraph() {
        // ConnectionCallback is the type of WithConnection's callback: the one place a revision gets
        // the raw java.sql.Connection, so it has to name it.
        assertNoViolations(inPackage("ops").and(f -> !f.simpleName().equals("ConnectionCallback")), ArchitectureTest::isJdbc);
        assertNoViolations(inPackage("ops"), startsWithAny("dialect", "engine", "graph", "index"));
    }

    @Test
    void rootContractsDoNotReachIntoEngineOrDialect() {
        // Migrator is the facade DESIGN puts in the root package; it is the one root class that wires the engine.
        assertNoViolations(inPackage("").and(f -> !f.simpleName().equals("Migrator")), startsWithAny("engine", "dialect"));
    }

    @Test
    void dialectsKnowNoEngineGraphOrIndex() {
        assertNoViolations(inDialects(), startsWithAny("engine", "graph", "index"));
    }

    @Test
    void dialectsHoldNoJdbcExceptInSchemaIntrospection() {
        // Schema snapshots read a live catalog (pg_catalog, INFORMATION_SCHEMA) whose queries are SQL
        // text, which only dialects may hold; so the introspectors take a java.sql.Connection.
        assertNoViolations(inDialects().and(f -> !f.simpleName().contains("Introspector")), ArchitectureTest::isJdbc);
    }

    @Test
    void aDatabaseIsOnePackage() {
        // The shared dialect package knows no database; databases know only the shared package, not each other.
        assertNoViolations(inPackage("dialect"), r -> r.matches("dev\\.migrate\\.dialect\\.[a-z0-9]+\\..*"));
        for (String database : databasePackages()) {
            assertNoViolations(inPackage("dialect." + database),
                    r -> r.matches("dev\\.migrate\\.dialect\\.[a-z0-9]+\\..*") && !r.startsWith(ROOT + ".dialect." + database + "."));
        }
    }

    @Test
    void databaseNeutralPackagesKnowNoDatabase() {
        Predicate<SourceFile> neutral = f -> DATABASE_NEUTRAL.stream().anyMatch(p -> f.packageName().equals(ROOT + "." + p));
        assertNoViolations(neutral, r -> r.matches("dev\\.migrate\\.dialect\\.[a-z0-9]+\\..*"));
        List<String> violations = new ArrayList<>();
        for (SourceFile file : sources) {
            if (!neutral.test(file)) {
                continue;
            }
            for (String literal : file.literals()) {
                if (URL_PREFIX.matcher(literal).find()) {
                    violations.add(file.name() + ": URL prefix in \"" + literal + "\"");
                }
                if (SQL_STATE.matcher(literal).matches()) {
                    violations.add(file.name() + ": SQLState \"" + literal + "\"");
                }
            }
        }
        assertEquals(List.of(), violations, "the database-neutral packages " + DATABASE_NEUTRAL
                + " ask the dialect; they name no database's URL or SQLState");
    }

    /** The packages that hold no SQL text; lint is left out: it reads SQL and names statements in its advice. */
    private static final List<String> SQL_FREE = List.of("engine", "graph", "ops", "autogenerate", "check", "tenant", "index");

    /**
     * Autogenerate's plans are operations; where only SQL can say it (a constraint the typed operations
     * cannot hold), the dialect writes the statement ({@code SqlRendering.addConstraintAsDefined}). The
     * engine sends what the dialect renders, and a statement it shows the user as advice (forgetting a
     * resume point by hand) is a dialect statement with its values written in ({@code SqlRendering.inline}).
     * A literal that starts a statement or one of its clauses is SQL text; single words (the engine's
     * list of statements that return no rows) are not.
     */
    @Test
    void sqlFreePackagesWriteNoSqlStatement() {
        Pattern statement = Pattern.compile("^\\s*(ALTER|CREATE|DROP|INSERT|UPDATE|DELETE|SELECT|FROM|WHERE|SET|VALUES)\\s");
        List<String> violations = sources.stream()
                .filter(f -> SQL_FREE.stream().anyMatch(p -> f.packageName().equals(ROOT + "." + p)))
                .flatMap(f -> f.literals().stream().filter(l -> statement.matcher(l).find()).map(l -> f.name() + ": \"" + l + "\""))
                .collect(Collectors.toList());
        assertEquals(List.of(), violations, "SQL text in " + SQL_FREE + ": ask the dialect for it");
    }

    /** Tables, migrate's own included (BookkeepingTable), are created by the operation renderers alone. */
    @Test
    void onlyOperationRenderersWriteCreateTable() {
        List<String> writers = sources.stream().filter(f -> f.literals().stream().anyMatch(l -> l.contains("CREATE TABLE")))
                .map(SourceFile::name).filter(name -> !name.endsWith("OperationRenderer")).collect(Collectors.toList());
        assertEquals(List.of(), writers, "CREATE TABLE outside an OperationRenderer: define the table with the ops model");
    }

    @Test
    void everyDatabasePackageRegistersOneProvider() throws IOException {
        Path services = Path.of(System.getProperty("basedir", "."))
                .resolve("src/main/resources/META-INF/services/dev.migrate.dialect.DialectProvider");
        List<String> providers = Files.readAllLines(services).stream().map(String::trim)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        List<String> packages = providers.stream().map(p -> p.substring(0, p.lastIndexOf('.'))).sorted().toList();
        assertEquals(databasePackages().stream().map(d -> ROOT + ".dialect." + d).sorted().toList(), packages,
                "one provider per database package in " + services);
        assertTrue(databasePackages().containsAll(List.of("postgres", "h2")), databasePackages()::toString);
    }

    /** The database packages: dev.migrate.dialect.postgres, .h2, ... */
    private static List<String> databasePackages() {
        String prefix = ROOT + ".dialect.";
        return sources.stream().map(SourceFile::packageName).filter(p -> p.startsWith(prefix))
                .map(p -> p.substring(prefix.length())).distinct().sorted().toList();
    }

    private static Predicate<SourceFile> inDialects() {
        return f -> f.packageName().equals(ROOT + ".dialect") || f.packageName().startsWith(ROOT + ".dialect.");
    }

    @Test
    void indexKnowsNoEngineOrDialect() {
        assertNoViolations(inPackage("index"), startsWithAny("engine", "dialect"));
    }

    /** The engine's entry and the values in its signatures; the machinery behind it stays package-private. */
    private static final Set<String> ENGINE_SURFACE = Set.of("Engine", "EngineSettings", "BookkeepingTables",
            "ConnectionSource", "RenderCache", "RecordedUpgrade", "ThreadConnections");

    @Test
    void theEngineIsReachedThroughOneEntry() {
        Pattern topLevelPublic = Pattern.compile("(?m)^public\\s+(?:final\\s+|sealed\\s+|abstract\\s+)*(?:class|interface|record|enum)\\s+(\\w+)");
        List<String> exposed = sources.stream().filter(inPackage("engine"))
                .filter(f -> topLevelPublic.matcher(f.code()).find())
                .map(SourceFile::simpleName).filter(name -> !ENGINE_SURFACE.contains(name)).sorted()
                .collect(Collectors.toList());
        assertEquals(List.of(), exposed, "engine types outside its entry must be package-private");
        List<String> callers = sources.stream().filter(f -> !f.packageName().equals(ROOT + ".engine"))
                .flatMap(f -> f.references().stream().filter(r -> r.startsWith(ROOT + ".engine."))
                        .filter(r -> !ENGINE_SURFACE.contains(r.substring((ROOT + ".engine.").length())))
                        .map(r -> f.name() + " -> " + r))
                .collect(Collectors.toList());
        assertEquals(List.of(), callers, "code outside the engine reaches it through Engine only");
    }

    @Test
    void nothingInCoreRefersBackToMigrator() {
        Pattern migrator = Pattern.compile("\\bMigrator\\b");
        List<String> violations = sources.stream().filter(f -> !f.simpleName().equals("Migrator"))
                .filter(f -> f.references().stream().anyMatch(r -> r.startsWith(ROOT + ".Migrator"))
                        || f.packageName().equals(ROOT) && migrator.matcher(f.code()).find())
                .map(SourceFile::name).collect(Collectors.toList());
        assertEquals(List.of(), violations, "only Migrator itself may name Migrator (STYLE.md §1.3)");
    }

    private static boolean isJdbc(String reference) {
        return reference.startsWith("java.sql.") || reference.startsWith("javax.sql.");
    }

    private static Predicate<SourceFile> inPackage(String subpackage) {
        String name = subpackage.isEmpty() ? ROOT : ROOT + "." + subpackage;
        return f -> f.packageName().equals(name);
    }

    private static Predicate<String> startsWithAny(String... subpackages) {
        return r -> Stream.of(subpackages).anyMatch(p -> r.startsWith(ROOT + "." + p + "."));
    }

    private static void assertNoViolations(Predicate<SourceFile> files, Predicate<String> forbidden) {
        List<String> violations = new ArrayList<>();
        for (SourceFile file : sources) {
            if (files.test(file)) {
                file.references().stream().filter(forbidden).forEach(r -> violations.add(file.name() + " -> " + r));
            }
        }
        assertEquals(List.of(), violations, "dependencies that STYLE.md §1.3 forbids");
    }

    private static SourceFile file(String name) {
        return sources.stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no source file " + name));
    }
}
