package dev.migrate.hibernate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.MigrateException;
import dev.migrate.autogenerate.ConnectedDatabase;
import dev.migrate.autogenerate.DatabaseVersion;
import dev.migrate.autogenerate.IdentifierCase;
import dev.migrate.autogenerate.ModelRequest;
import dev.migrate.ops.AddConstraint;
import dev.migrate.ops.ColumnType;
import dev.migrate.ops.CreateIndex;
import dev.migrate.ops.CreateTable;
import dev.migrate.ops.IndexKey;
import dev.migrate.ops.Operation;
import dev.migrate.ops.TableConstraint;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How single mappings of the catalogue come out as operations, without a database. */
class MetadataOperationsTest {

    /**
     * Hibernate's export sorts a composite primary key's columns (an {@code @IdClass} of building,
     * number becomes {@code (number, building)}) and the foreign keys to it alike; the operations
     * follow, or the key compares as different.
     */
    @Test
    void compositeKeysAndTheirForeignKeysInTheExportsOrder() {
        List<Operation> operations = read("h2", null);
        TableConstraint.PrimaryKey roomKey = table(operations, "ROOM").constraints().stream()
                .filter(TableConstraint.PrimaryKey.class::isInstance).map(TableConstraint.PrimaryKey.class::cast)
                .findFirst().orElseThrow();
        assertEquals(List.of("NUMBER", "BUILDING"), roomKey.columns());
        TableConstraint.ForeignKey toRoom = operations.stream().filter(AddConstraint.class::isInstance)
                .map(o -> ((AddConstraint) o).constraint()).filter(TableConstraint.ForeignKey.class::isInstance)
                .map(TableConstraint.ForeignKey.class::cast).filter(fk -> fk.name().equals("FK_BOOKING_ROOM"))
                .findFirst().orElseThrow();
        assertEquals(List.of("ROOM_NUMBER", "ROOM_BUILDING"), toRoom.columns());
        assertEquals(List.of("NUMBER", "BUILDING"), toRoom.referencedColumns());
    }

    /** MariaDB 10.7 and later have a uuid type, which Hibernate uses once it knows the server's version. */
    @Test
    void aUuidOnMariaDbFollowsTheServersVersion() {
        assertEquals(ColumnType.sql("uuid"), column(read("mariadb", new DatabaseVersion(10, 11, "10.11.19-MariaDB")),
                "measurement", "sensor"));
        assertEquals(ColumnType.sql("binary(16)"), column(read("mariadb", null), "measurement", "sensor"));
        assertEquals(ColumnType.UUID, column(read("postgresql", null), "measurement", "sensor"));
    }

    /** {@code @Index(columnList = "published_at desc")}: a descending column, which H2 and MariaDB index too. */
    @Test
    void aDescendingIndexColumnIsAColumnKey() {
        CreateIndex index = read("mariadb", null).stream().filter(CreateIndex.class::isInstance).map(CreateIndex.class::cast)
                .filter(i -> i.name().equals("ix_article_published_desc")).findFirst().orElseThrow();
        assertEquals(List.of(IndexKey.descending("published_at")), index.keys());
    }

    /** A named enum type is created by Hibernate's export beside the tables: autogenerate says it cannot. */
    @Test
    void aNamedEnumTypeIsRefusedInOneLine() {
        MigrateException refused = assertThrows(MigrateException.class, () -> new HibernateModelSource().read(
                new ModelRequest(MetadataOperationsTest.class.getClassLoader(),
                        List.of(dev.migrate.hibernate.fixtures.unsupported.Ticket.class.getName()), "postgresql", "spring", null)));
        assertTrue(refused.getMessage().startsWith("Autogenerate cannot create the database object ")
                && refused.getMessage().contains("Status that Hibernate's schema export creates besides tables and sequences"),
                refused.getMessage());
        assertFalse(refused.getMessage().contains("\n"));
    }

    /**
     * A structured type ({@code @Struct} on an embeddable) is created by Hibernate's export before
     * the table whose column has it: refused up front like a named enum, not left to fail in the
     * scratch schema on a type that does not exist.
     */
    @Test
    void aStructuredTypeIsRefusedInOneLine() {
        MigrateException refused = assertThrows(MigrateException.class, () -> new HibernateModelSource().read(
                new ModelRequest(MetadataOperationsTest.class.getClassLoader(),
                        List.of(dev.migrate.hibernate.fixtures.structs.Place.class.getName()), "postgresql", "spring", null)));
        assertTrue(refused.getMessage().startsWith("Autogenerate cannot create the database object geo_point that Hibernate's"
                + " schema export creates besides tables and sequences"), refused.getMessage());
        assertFalse(refused.getMessage().contains("\n"));
    }

    /**
     * An entity's {@code @View}: Hibernate's export creates a view over its query, where the model
     * made a table of that name (which the application would then read instead). Refused in one
     * line; the table under it is no view.
     */
    @Test
    void anEntitysViewIsRefusedInOneLine() {
        MigrateException refused = assertThrows(MigrateException.class, () -> new HibernateModelSource().read(
                new ModelRequest(MetadataOperationsTest.class.getClassLoader(),
                        List.of(dev.migrate.hibernate.fixtures.views.TeamBase.class.getName(),
                                dev.migrate.hibernate.fixtures.views.TeamView.class.getName()), "h2", "spring", null)));
        assertTrue(refused.getMessage().startsWith("Autogenerate cannot create the database object view team_view that"
                + " Hibernate's schema export creates besides tables and sequences"), refused.getMessage());
        assertTrue(refused.getMessage().contains("@Subselect reads a query without a view"), refused.getMessage());
        assertFalse(refused.getMessage().contains("\n"));
    }

    /**
     * A column whose type Hibernate's dialect cannot name (a Duration as INTERVAL_SECOND on MariaDB):
     * the application's own start-up fails on it too; autogenerate says which column, in one line.
     */
    @Test
    void aColumnTheDialectHasNoTypeForIsNamedInOneLine() {
        MigrateException refused = assertThrows(MigrateException.class, () -> new HibernateModelSource().read(
                new ModelRequest(MetadataOperationsTest.class.getClassLoader(),
                        List.of(dev.migrate.hibernate.fixtures.further.Timebox.class.getName()), "mariadb", "spring", null)));
        assertTrue(refused.getMessage().startsWith("Hibernate cannot write the schema of the entities for mariadb: Unable to"
                + " determine SQL type name for column 'length' of table 'timebox'"), refused.getMessage());
        assertTrue(refused.getMessage().endsWith("Fix the mapping it names (Hibernate's own schema export fails the same way)."),
                refused.getMessage());
        assertFalse(refused.getMessage().contains("\n"));
    }

    /**
     * Where Hibernate leaves a constraint unnamed, it gets the database's own name: on PostgreSQL
     * from the names as stored (a quoted table keeps its case), a check after the one column it
     * reads or else the table, an implicitly named unique key as PostgreSQL names an inline one;
     * on MariaDB Hibernate's hashed name of a unique column, a column's check after the column and
     * a table's check CONSTRAINT_n.
     */
    @Test
    void unnamedConstraintsGetTheDatabasesNames() {
        List<Operation> postgres = read("postgresql", null, "jpa");
        assertEquals(List.of("AuthorAccount_pkey", "AuthorAccount_handle_key"), names(postgres, "AuthorAccount"));
        assertTrue(names(postgres, "article").contains("article_word_count_check"), names(postgres, "article")::toString);
        assertTrue(names(postgres, "stockitem").contains("stockitem_stock_check"), names(postgres, "stockitem")::toString);
        List<Operation> mariadb = read("mariadb", null);
        assertTrue(names(mariadb, "customer").contains("UKdwk6cx0afu8bs9o4t536v1j5v"), names(mariadb, "customer")::toString);
        assertTrue(names(mariadb, "article").contains("CONSTRAINT_1"), names(mariadb, "article")::toString);
    }

    private static List<String> names(List<Operation> operations, String table) {
        return table(operations, table).constraints().stream().map(TableConstraint::name).toList();
    }

    private static List<Operation> read(String database, DatabaseVersion version) {
        return read(database, version, "spring");
    }

    /** @param naming {@code jpa} where a quoted name must stay as written (Hibernate 6's Spring naming rewrites it) */
    private static List<Operation> read(String database, DatabaseVersion version, String naming) {
        ModelRequest request = new ModelRequest(MetadataOperationsTest.class.getClassLoader(),
                CatalogueRoundTripTest.CATALOGUE, database, naming, null);
        if (version != null) {
            request = request.forDatabase(new ConnectedDatabase(IdentifierCase.AS_WRITTEN, version));
        }
        return new HibernateModelSource().read(request).operations();
    }

    private static CreateTable table(List<Operation> operations, String name) {
        return operations.stream().filter(CreateTable.class::isInstance).map(CreateTable.class::cast)
                .filter(t -> t.table().name().equals(name)).findFirst().orElseThrow(() -> new AssertionError(name + " not in "
                        + operations.stream().filter(CreateTable.class::isInstance).map(o -> ((CreateTable) o).table().name()).toList()));
    }

    private static ColumnType column(List<Operation> operations, String table, String column) {
        return table(operations, table).columns().stream().filter(c -> c.name().equals(column)).findFirst().orElseThrow()
                .type();
    }
}
