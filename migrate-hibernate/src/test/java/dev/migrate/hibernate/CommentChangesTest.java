package dev.migrate.hibernate;

import static dev.migrate.hibernate.GeneratedRevisions.migrator;
import static dev.migrate.hibernate.GeneratedRevisions.autogenerate;
import static dev.migrate.hibernate.GeneratedRevisions.model;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.autogenerate.AutogenerateResult;
import dev.migrate.autogenerate.Change;
import dev.migrate.dialect.SchemaSnapshot;
import dev.migrate.dialect.TableSnapshot;
import dev.migrate.index.IndexedRevision;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Comments that change on entities that already have tables ({@code @Comment} from Hibernate): the
 * schema is built from the first entities ({@code fixtures.comments.v1}); the second
 * ({@code fixtures.comments.v2}) add, change and remove table and column comments; autogenerate finds
 * exactly those changes, its upgrade applies them (autogenerate then finds none) and its downgrade
 * brings the first comments back.
 */
class CommentChangesTest {

    private static final List<String> FIRST = Stream.of(dev.migrate.hibernate.fixtures.comments.v1.Book.class,
            dev.migrate.hibernate.fixtures.comments.v1.Shelf.class, dev.migrate.hibernate.fixtures.comments.v1.Reader.class)
            .map(Class::getName).toList();

    private static final List<String> SECOND = Stream.of(dev.migrate.hibernate.fixtures.comments.v2.Book.class,
            dev.migrate.hibernate.fixtures.comments.v2.Shelf.class, dev.migrate.hibernate.fixtures.comments.v2.Reader.class)
            .map(Class::getName).toList();

    @Test
    void onH2() throws SQLException {
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        roundTrip("h2", "jdbc:h2:mem:hib_cmt_" + id + ";DB_CLOSE_DELAY=-1");
    }

    @Test
    void onPostgres() throws SQLException {
        onServer("postgresql", "MIGRATE_TEST_POSTGRES_URL", " WITH (FORCE)");
    }

    @Test
    void onMariaDb() throws SQLException {
        onServer("mariadb", "MIGRATE_TEST_MARIADB_URL", "");
    }

    private static void onServer(String database, String variable, String forceDrop) throws SQLException {
        GeneratedRevisions.onServer(database, variable, forceDrop, "hib_cmt",
                newDatabase -> roundTrip(database, newDatabase.apply("db")));
    }

    private static void roundTrip(String database, String url) throws SQLException {
        List<IndexedRevision> revisions = new ArrayList<>();
        AutogenerateResult first = autogenerate(url, revisions, model(database, "spring", FIRST));
        assertTrue(first.changes().stream().allMatch(c -> c instanceof Change.TableAdded), first.changes()::toString);
        revisions.add(GeneratedRevisions.revision("k1", null, "library", first));
        migrator(url, revisions).upgrade("head");
        SchemaSnapshot before = GeneratedRevisions.snapshot(url);
        assertEquals("A book", table(before, "book").comment());
        assertEquals("old title", column(before, "book", "title"));
        assertEquals(List.of(), autogenerate(url, revisions, model(database, "spring", FIRST)).changes(),
                "the first entities' comments differ from the schema built from them");

        AutogenerateResult second = autogenerate(url, revisions, model(database, "spring", SECOND));
        assertEquals(List.of(
                "table book: 'A book' -> 'A book on a reader's \"shelf\"'",
                "column book.isbn: null -> '13 digits'",
                "column book.title: 'old title' -> null",
                "table reader: 'Who borrows' -> null",
                "table shelf: null -> 'Where books stand'",
                "column shelf.label: 'shown on the shelf' -> 'printed label'"),
                second.changes().stream().map(CommentChangesTest::describe).toList());
        assertEquals(List.of(), second.notes(), "a comment change needs no review");
        revisions.add(GeneratedRevisions.revision("k2", "k1", "comments", second));
        migrator(url, revisions).upgrade("head");

        SchemaSnapshot after = GeneratedRevisions.snapshot(url);
        assertEquals("A book on a reader's \"shelf\"", table(after, "book").comment());
        assertEquals(null, table(after, "reader").comment());
        assertEquals("Where books stand", table(after, "shelf").comment());
        assertEquals(null, column(after, "book", "title"));
        assertEquals("13 digits", column(after, "book", "isbn"));
        assertEquals("printed label", column(after, "shelf", "label"));
        assertEquals("as printed on the card", column(after, "reader", "name"));
        assertEquals(List.of(), autogenerate(url, revisions, model(database, "spring", SECOND)).changes().stream()
                .map(Change::describe).toList(), "autogenerate finds changes right after applying its own revision");

        migrator(url, revisions).downgrade("k1");
        SchemaSnapshot restored = GeneratedRevisions.snapshot(url);
        assertEquals(before, restored, () -> before.diff(restored).toString());
        assertEquals(List.of(), autogenerate(url, revisions.subList(0, 1), model(database, "spring", FIRST)).changes(),
                "the downgrade did not bring the first comments back");
    }

    /** A comment change in lower-case names (H2 folds them to upper case) with its comments as they are. */
    private static String describe(Change change) {
        if (change instanceof Change.TableCommentChanged table) {
            return "table " + lower(table.table()) + ": " + quoted(table.from()) + " -> " + quoted(table.to());
        }
        if (change instanceof Change.ColumnCommentChanged column) {
            return "column " + lower(column.table()) + "." + lower(column.column()) + ": " + quoted(column.from()) + " -> "
                    + quoted(column.to());
        }
        return change.describe();
    }

    private static String quoted(String comment) {
        return comment == null ? "null" : "'" + comment + "'";
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static TableSnapshot table(SchemaSnapshot snapshot, String name) {
        return snapshot.table(name).orElseThrow(() -> new AssertionError("no table " + name + " in " + snapshot));
    }

    private static String column(SchemaSnapshot snapshot, String table, String column) {
        return table(snapshot, table).columns().stream().filter(c -> c.name().equalsIgnoreCase(column)).findFirst()
                .orElseThrow().comment();
    }



}
