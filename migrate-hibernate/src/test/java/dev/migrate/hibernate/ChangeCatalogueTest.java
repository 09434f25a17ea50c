package dev.migrate.hibernate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.migrate.Migrator;
import dev.migrate.autogenerate.AutogenerateOptions;
import dev.migrate.autogenerate.AutogenerateResult;
import dev.migrate.autogenerate.Change;
import dev.migrate.autogenerate.ConnectedDatabase;
import dev.migrate.autogenerate.ModelRequest;
import dev.migrate.autogenerate.ModelSchema;
import dev.migrate.dialect.ColumnSnapshot;
import dev.migrate.dialect.ConstraintSnapshot;
import dev.migrate.dialect.SchemaSnapshot;
import dev.migrate.dialect.TableSnapshot;
import dev.migrate.index.IndexedRevision;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Changes to entities that already have tables, one fixture class per case, each as it was
 * ({@code fixtures.change.v1}) and as it is now ({@code fixtures.change.v2}); the class's javadoc
 * says what changed. On H2, PostgreSQL and MariaDB: the database starts as Hibernate's own export
 * of v1 created it; autogenerate against v2 (with the table and column rename, and
 * {@code dropUnmapped} for the removed entity) writes one revision, applied by upgrade (its
 * operations replayed through {@code OperationReplay}, the calls the plugin's generated source
 * makes). Then (a) the schema equals the one Hibernate's export creates for v2 in a fresh
 * database, (b) autogenerate reports no change, neither against that database nor against
 * Hibernate's v2 export, and (c) the revision's downgrade brings the schema back to v1's export.
 *
 * <p>The cases: an enum by name gaining a value (Hibernate's check, on MariaDB its {@code enum}
 * type), an enum by ordinal gaining one (the checked range); a length widened and one narrowed;
 * a decimal's precision and scale; {@code int} and {@code Integer} to {@code long} and
 * {@code Long}; nullability both ways, and {@code optional = false} on a many-to-one;
 * {@code @ColumnDefault} changed, added and removed; {@code unique} added and removed on a
 * column; a {@code @UniqueConstraint} over other columns; {@code @Index} over other columns, its
 * columns reordered, renamed; a many-to-one to another entity; {@code @OnDelete(CASCADE)} added;
 * a new {@code @ManyToMany} join table and {@code @ElementCollection} table; an entity removed,
 * one renamed, a column renamed; {@code @Version} added; {@code LocalDateTime} to
 * {@code Instant} and {@code OffsetDateTime}; a {@code @Lob} text added; {@code @Check} changed.
 */
class ChangeCatalogueTest {

    /** The classes both versions have (same simple name, same table but for Shelf's rename). */
    private static final List<String> BOTH = List.of("Parent", "TargetA", "TargetB", "Label", "EnumByName",
            "EnumByOrdinal", "Lengths", "Money", "Counter", "Nullability", "Defaults", "UniqueColumns", "TableUnique",
            "Indexed", "Reference", "Cascading", "Tagged", "Noted", "Shelf", "RenamedColumn", "Versioned", "Times",
            "Lobbed", "Checked", "CheckedTotal");

    static final List<String> V1 = Stream.concat(BOTH.stream(), Stream.of("Retired"))
            .map(name -> "dev.migrate.hibernate.fixtures.change.v1." + name).toList();

    static final List<String> V2 = BOTH.stream().map(name -> "dev.migrate.hibernate.fixtures.change.v2." + name).toList();

    /** Renames are never guessed: the user names them, as {@code -Dmigrate.renames} does. */
    private static final AutogenerateOptions OPTIONS = new AutogenerateOptions(
            AutogenerateOptions.parseRenames("old_shelf:bookshelf,renamed_column.old_title:renamed_column.new_title"),
            true);

    /** Once applied, the renames no longer apply (autogenerate refuses a pair whose old name is gone). */
    private static final AutogenerateOptions AFTER = new AutogenerateOptions(List.of(), true);

    /** @param naming Spring Boot's naming strategies ({@code spring}) or Hibernate's defaults ({@code jpa}) */
    @ParameterizedTest
    @ValueSource(strings = {"spring"})
    void onH2(String naming) throws SQLException {
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        change("h2", naming, name -> "jdbc:h2:mem:hib_chg_" + name + "_" + id + ";DB_CLOSE_DELAY=-1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"spring"})
    void onPostgres(String naming) throws SQLException {
        GeneratedRevisions.onServer("postgresql", "MIGRATE_TEST_POSTGRES_URL", " WITH (FORCE)", "hib_chg",
                newDatabase -> change("postgresql", naming, newDatabase));
    }

    @ParameterizedTest
    @ValueSource(strings = {"spring"})
    void onMariaDb(String naming) throws SQLException {
        GeneratedRevisions.onServer("mariadb", "MIGRATE_TEST_MARIADB_URL", "", "hib_chg",
                newDatabase -> change("mariadb", naming, newDatabase));
    }

    /** @param newDatabase a fresh, empty database's URL for a name */
    private static void change(String database, String naming, Function<String, String> newDatabase) throws SQLException {
        String url = newDatabase.apply("migrate");
        SchemaEquivalenceTest.exportWithHibernate(database, url, V1, naming);
        SchemaSnapshot atV1 = comparable(database, GeneratedRevisions.snapshot(url));

        Function<ConnectedDatabase, ModelSchema> model = model(database, naming);
        AutogenerateResult generated = autogenerate(url, List.of(), model, OPTIONS);
        assertFalse(generated.isEmpty());
        List<IndexedRevision> revisions = List.of(GeneratedRevisions.revision("v2", null, "entities v2", generated));
        migrator(url, revisions).upgrade("head");

        // (a) the schema Hibernate's export creates for v2
        String exportUrl = newDatabase.apply("export");
        SchemaEquivalenceTest.exportWithHibernate(database, exportUrl, V2, naming);
        SchemaSnapshot byHibernate = comparable(database, GeneratedRevisions.snapshot(exportUrl));
        SchemaSnapshot byMigrate = renamedTableKeysAsHibernateNamesThem(comparable(database, GeneratedRevisions.snapshot(url)));
        assertEquals(byHibernate, byMigrate, () -> byHibernate.diff(byMigrate) + "\nchanges: " + described(generated));

        // (b) no change left
        assertEquals(List.of(), described(autogenerate(url, revisions, model, AFTER)),
                "autogenerate finds changes right after applying its own revision");
        assertEquals(List.of(), described(autogenerate(exportUrl, List.of(), model, AFTER)),
                "autogenerate finds changes against the schema Hibernate's export created for v2");

        // (c) back to v1
        migrator(url, revisions).downgrade("base");
        SchemaSnapshot downgraded = comparable(database, GeneratedRevisions.snapshot(url));
        assertEquals(atV1, downgraded, () -> atV1.diff(downgraded) + "\nchanges: " + described(generated));
    }

    /**
     * {@link GeneratedRevisions#comparable}, with each table's columns in name order. Hibernate orders
     * a new table's columns by itself (the key, then by type and length: a column that becomes a
     * {@code bigint} or {@code varchar(100)} sits elsewhere in a fresh export), and a new column
     * comes first or in between; a change to an existing table cannot move columns (PostgreSQL cannot
     * at all; Hibernate's own {@code update} appends too), so the column order is left out.
     */
    private static SchemaSnapshot comparable(String database, SchemaSnapshot snapshot) {
        SchemaSnapshot named = GeneratedRevisions.comparable(database, snapshot);
        return new SchemaSnapshot(named.tables().stream().map(t -> new TableSnapshot(t.name(),
                t.columns().stream().sorted(Comparator.comparing(ColumnSnapshot::name)).toList(), t.indexes(),
                t.constraints())).toList(), named.sequences());
    }

    /**
     * A renamed table keeps its constraints' names: on PostgreSQL its primary key stays
     * {@code old_shelf_pkey}, where a fresh export of the renamed entity has {@code bookshelf_pkey}.
     * Autogenerate compares keys by definition, so it reports nothing; the name is the database's
     * choice, not the entity's, and is left as the rename leaves it.
     */
    private static SchemaSnapshot renamedTableKeysAsHibernateNamesThem(SchemaSnapshot snapshot) {
        return new SchemaSnapshot(snapshot.tables().stream().map(t -> new TableSnapshot(t.name(), t.columns(), t.indexes(),
                t.constraints().stream().map(c -> c.name() != null && c.name().equals("old_shelf_pkey")
                        ? new ConstraintSnapshot(c.kind(), "bookshelf_pkey", c.definition()) : c).toList())).toList(),
                snapshot.sequences());
    }

    private static List<String> described(AutogenerateResult result) {
        return result.changes().stream().map(Change::describe).toList();
    }

    /** v2 read as the plugin reads it: once the database has said how it folds names and its version. */
    private static Function<ConnectedDatabase, ModelSchema> model(String database, String naming) {
        ModelRequest request = new ModelRequest(ChangeCatalogueTest.class.getClassLoader(), V2, database, naming, null);
        return connected -> new HibernateModelSource().read(request.forDatabase(connected));
    }

    private static AutogenerateResult autogenerate(String url, List<IndexedRevision> revisions,
                                                   Function<ConnectedDatabase, ModelSchema> model,
                                                   AutogenerateOptions options) {
        return migrator(url, revisions).autogenerate(model, options);
    }

    private static Migrator migrator(String url, List<IndexedRevision> revisions) {
        return Migrator.builder().url(url).revisions(List.copyOf(revisions)).build();
    }
}
