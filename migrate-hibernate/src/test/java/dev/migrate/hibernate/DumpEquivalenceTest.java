package dev.migrate.hibernate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.autogenerate.AutogenerateResult;
import dev.migrate.index.IndexedRevision;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The schema autogenerate writes, as the database's own dump tool prints it, against the schema
 * Hibernate's export creates for the same entities: {@code pg_dump --schema-only} and
 * {@code mariadb-dump --no-data} of the two databases must be the same text, but for migrate's own
 * tables, so nothing migrate's introspection might overlook (column order, constraint and index
 * names, identity and sequence options, defaults as the server keeps them, table options) differs
 * either. That includes the order of a MariaDB table's {@code KEY} lines, which is the order its
 * indexes, unique keys and foreign keys were added: autogenerate adds them in the mapping's order,
 * as the export does.
 */
class DumpEquivalenceTest {

    private static final List<String> ENTITIES = Stream.of(CatalogueRoundTripTest.CATALOGUE, WiderCatalogueRoundTripTest.WIDER,
            FurtherCatalogueRoundTripTest.FURTHER).flatMap(List::stream).toList();

    @Test
    void onPostgres() throws SQLException {
        compare("postgresql", "MIGRATE_TEST_POSTGRES_URL", " WITH (FORCE)", "pg_dump");
    }

    @Test
    void onMariaDb() throws SQLException {
        compare("mariadb", "MIGRATE_TEST_MARIADB_URL", "", "mariadb-dump");
    }

    private static void compare(String database, String variable, String forceDrop, String tool) throws SQLException {
        Assumptions.assumeTrue(onPath(tool), tool + " is not installed");
        GeneratedRevisions.onServer(database, variable, forceDrop, "hib_dump", newDatabase -> {
            String url = newDatabase.apply("migrate");
            List<IndexedRevision> revisions = new ArrayList<>();
            AutogenerateResult generated = GeneratedRevisions.autogenerate(url, revisions,
                    GeneratedRevisions.model(database, "spring", ENTITIES));
            revisions.add(GeneratedRevisions.revision("d1", null, "dump", generated));
            GeneratedRevisions.migrator(url, revisions).upgrade("head");
            String exportUrl = newDatabase.apply("export");
            SchemaEquivalenceTest.exportWithHibernate(database, exportUrl, ENTITIES, "spring");

            String byHibernate = normalised(dump(database, System.getenv(variable), exportUrl));
            String byMigrate = normalised(dump(database, System.getenv(variable), url));
            assertTrue(byHibernate.contains("CREATE TABLE"), byHibernate);
            try { // kept for a diff when they differ
                java.nio.file.Files.writeString(java.nio.file.Path.of("target", "dump-" + database + "-hibernate.sql"), byHibernate);
                java.nio.file.Files.writeString(java.nio.file.Path.of("target", "dump-" + database + "-migrate.sql"), byMigrate);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            assertEquals(byHibernate, byMigrate, "the dumps differ: diff target/dump-" + database + "-hibernate.sql target/dump-"
                    + database + "-migrate.sql");
        });
    }

    private static boolean onPath(String tool) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(dir -> new java.io.File(dir, tool).canExecute());
    }

    /** The dump tool's output for the database {@code url} names, on the server {@code server} names. */
    private static String dump(String database, String server, String url) {
        String name = url.replaceFirst("^jdbc:[a-z]+://[^/]+/([^/?]+).*$", "$1");
        String host = server.replaceFirst("^jdbc:[a-z]+://([^/:]+).*$", "$1");
        String port = server.matches("^jdbc:[a-z]+://[^/:]+:(\\d+)/.*$") ? server.replaceFirst("^jdbc:[a-z]+://[^/:]+:(\\d+)/.*$", "$1")
                : database.equals("postgresql") ? "5432" : "3306";
        Matcher user = Pattern.compile("[?&]user=([^&]+)").matcher(server);
        String login = user.find() ? user.group(1) : database.equals("postgresql") ? "postgres" : "root";
        List<String> command = database.equals("postgresql")
                ? List.of("pg_dump", "-h", host, "-p", port, "-U", login, "--schema-only", "--no-owner", "--no-privileges", name)
                : List.of("mariadb-dump", "-h", host, "-P", port, "-u" + login, "--no-data", "--skip-comments",
                "--skip-add-drop-table", "--skip-dump-date", name);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0, () -> command + ": " + output);
            return output.replace(name, "DB");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The dump's statements, without comments, session settings and migrate's own tables. */
    static String normalised(String dump) {
        List<String> kept = new ArrayList<>();
        for (String statement : dump.split(";\\s*\\n")) {
            String text = statement.lines().filter(line -> !line.isBlank() && !line.startsWith("--")
                    && !line.startsWith("/*!") && !line.startsWith("SET ") && !line.startsWith("\\")
                    && !line.startsWith("SELECT pg_catalog.set_config")).reduce((a, b) -> a + "\n" + b).orElse("");
            if (text.isEmpty() || Pattern.compile("\\bmigrate_(version|history|lock|progress)\\b").matcher(text).find()) {
                continue;
            }
            kept.add(text);
        }
        return String.join(";\n", kept);
    }
}
