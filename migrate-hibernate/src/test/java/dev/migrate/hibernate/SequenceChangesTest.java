package dev.migrate.hibernate;

import static dev.migrate.hibernate.GeneratedRevisions.migrator;
import static dev.migrate.hibernate.GeneratedRevisions.autogenerate;
import static dev.migrate.hibernate.GeneratedRevisions.model;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.autogenerate.AutogenerateResult;
import dev.migrate.autogenerate.Change;
import dev.migrate.autogenerate.ConnectedDatabase;
import dev.migrate.autogenerate.ModelSchema;
import dev.migrate.dialect.SchemaSnapshot;
import dev.migrate.dialect.SequenceSnapshot;
import dev.migrate.hibernate.fixtures.sequences.v1.Pallet;
import dev.migrate.hibernate.fixtures.sequences.v1.Parcel;
import dev.migrate.index.IndexedRevision;
import dev.migrate.ops.AlterSequence;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * A changed {@code @SequenceGenerator} is a revision: Hibernate refuses to start when a sequence's
 * increment differs from the mapping's {@code allocationSize}, so autogenerate must see it. From
 * the v1 entities (blocks of 50 from 1) to v2 ({@code allocationSize = 20, initialValue = 100}):
 * autogenerate finds exactly that change (the untouched default sequence stays quiet), the upgrade
 * alters the sequence so that Hibernate with v2 starts where before it refused to, autogenerate then
 * finds nothing, the downgrade brings v1's parameters back (and v1 starts again), and the schema
 * equals the one Hibernate's own export creates for v2. On H2, PostgreSQL and MariaDB.
 */
class SequenceChangesTest {

    private static final List<String> V1 = List.of(Parcel.class.getName(), Pallet.class.getName());

    private static final List<String> V2 = List.of(dev.migrate.hibernate.fixtures.sequences.v2.Parcel.class.getName(),
            dev.migrate.hibernate.fixtures.sequences.v2.Pallet.class.getName());

    @Test
    void onH2() throws SQLException {
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        changes("h2", name -> "jdbc:h2:mem:hib_seq_" + name + "_" + id + ";DB_CLOSE_DELAY=-1");
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
        GeneratedRevisions.onServer(database, variable, forceDrop, "hib_seq", newDatabase -> changes(database, newDatabase));
    }

    /** @param newDatabase a fresh, empty database's URL for a name */
    private static void changes(String database, Function<String, String> newDatabase) throws SQLException {
        String url = newDatabase.apply("migrate");
        List<IndexedRevision> revisions = new ArrayList<>();
        Function<ConnectedDatabase, ModelSchema> v1 = model(database, "spring", V1);
        Function<ConnectedDatabase, ModelSchema> v2 = model(database, "spring", V2);

        revisions.add(GeneratedRevisions.revision("s1", null, "parcels", autogenerate(url, revisions, v1)));
        migrator(url, revisions).upgrade("head");
        SchemaSnapshot atV1 = GeneratedRevisions.snapshot(url);
        assertEquals(new SequenceSnapshot("parcel_numbers", 1, 50), parcelNumbers(atV1));
        startHibernate(database, url, V1);
        String refused = messages(assertThrows(RuntimeException.class, () -> startHibernate(database, url, V2)));
        assertTrue(refused.toLowerCase(Locale.ROOT).contains("increment size") && refused.contains("[50]")
                && refused.contains("[20]"), refused);

        AutogenerateResult changed = autogenerate(url, revisions, v2);
        List<String> described = changed.changes().stream().map(Change::describe).toList();
        assertEquals(1, described.size(), described::toString);
        assertTrue(described.get(0).equalsIgnoreCase("~ sequence parcel_numbers increment 50 -> 20 start 1 -> 100"),
                described::toString);
        assertEquals(1, changed.upgrade().size(), changed.upgrade()::toString);
        AlterSequence upgrade = (AlterSequence) changed.upgrade().get(0);
        assertEquals(List.of(20L, 100L), java.util.Arrays.asList(upgrade.increment(), upgrade.start()));
        assertEquals(null, upgrade.restart(), "the sequence goes on from where it is: no id is handed out twice");
        AlterSequence downgrade = (AlterSequence) changed.downgrade().get(0);
        assertEquals(List.of(50L, 1L), java.util.Arrays.asList(downgrade.increment(), downgrade.start()));
        assertTrue(changed.notes().stream().anyMatch(n -> n.text().contains("old allocationSize")), changed.notes()::toString);

        revisions.add(GeneratedRevisions.revision("s2", "s1", "parcels in blocks of 20", changed));
        migrator(url, revisions).upgrade("head");
        assertEquals(new SequenceSnapshot("parcel_numbers", 100, 20), parcelNumbers(GeneratedRevisions.snapshot(url)));
        startHibernate(database, url, V2);
        assertEquals(List.of(), autogenerate(url, revisions, v2).changes().stream().map(Change::describe).toList(),
                "autogenerate finds changes right after applying its own revision");

        migrator(url, revisions).downgrade("s1");
        assertEquals(atV1, GeneratedRevisions.snapshot(url), "the downgrade did not bring v1's sequence back");
        startHibernate(database, url, V1);
        assertEquals(List.of(), autogenerate(url, revisions.subList(0, 1), v1).changes().stream().map(Change::describe)
                .toList(), "v1 against the downgraded database");

        // Last, as a sequence of the same name in another database of the server could confuse Hibernate's start-up check.
        migrator(url, revisions).upgrade("head");
        String exportUrl = newDatabase.apply("export");
        SchemaEquivalenceTest.exportWithHibernate(database, exportUrl, V2, "spring");
        assertEquals(GeneratedRevisions.snapshot(exportUrl).sequences(), GeneratedRevisions.snapshot(url).sequences());
    }

    /** The messages of {@code failure} and its causes (Hibernate 6 wraps the mismatch in "Could not instantiate id generator"). */
    private static String messages(Throwable failure) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        return messages.toString();
    }

    /** The {@code parcel_numbers} sequence, its name in lower case (H2 folds it to upper case). */
    private static SequenceSnapshot parcelNumbers(SchemaSnapshot snapshot) {
        SequenceSnapshot sequence = snapshot.sequence("parcel_numbers").orElseThrow(() -> new AssertionError(snapshot));
        return new SequenceSnapshot(sequence.name().toLowerCase(Locale.ROOT), sequence.start(), sequence.increment());
    }

    /**
     * Starts Hibernate on {@code url} without touching the schema, as an application does; it fails
     * when a sequence's increment is not the mapping's {@code allocationSize}.
     */
    private static void startHibernate(String database, String url, List<String> entities) {
        GeneratedRevisions.startHibernate(database, url, entities, "spring", Map.of("hibernate.hbm2ddl.auto", "none"));
    }



}
