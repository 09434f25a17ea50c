package dev.migrate.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.Operations;
import dev.migrate.ops.BatchedUpdate;
import dev.migrate.ops.ColumnType;
import dev.migrate.ops.Operation;
import dev.migrate.ops.QualifiedName;
import dev.migrate.ops.ReferentialAction;
import dev.migrate.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Runs rendered operations on a real database with plain JDBC (autocommit, one statement at a
 * time) and checks the schema through {@link java.sql.DatabaseMetaData}. Subclasses pick the
 * database (through their extension), the dialect and the database's own spelling of types and
 * defaults. Every test uses its own tables, since a class shares one database.
 *
 * <p>Identifiers are quoted by the dialects, so hand-written SQL here quotes them too (H2 folds
 * unquoted names to upper case).
 */
abstract class OperationExecutionContract {

    abstract Dialect dialect();

    /** The schema unqualified names land in. */
    abstract String defaultSchema();

    /** The schema unqualified names land in, as metadata names it; where that is the database itself, its name. */
    String defaultSchema(TestDatabase database) {
        return defaultSchema();
    }

    /** A second schema the test may create; where a schema is a database, one named after the test's own. */
    String otherSchema(TestDatabase database) {
        return "app";
    }

    /** Column descriptions of the {@code ticket} table of {@link #createTableWithKeysChecksAndComments}. */
    abstract Map<String, String> expectedTicketColumns();

    /** Column descriptions of the table with one column per {@link ColumnType} constant. */
    abstract Map<String, String> expectedTypeColumns();

    /** Column descriptions after {@link #columnOperations}. */
    abstract Map<String, String> expectedAlteredColumns();

    /** How DatabaseMetaData reports a foreign key rule that was not given (the default, NO ACTION). */
    abstract String defaultRule();

    /** SQL that returns the next value of a sequence. */
    abstract String nextValue(String sequence);

    /** Records operations, renders them with the dialect and executes them in autocommit. */
    void run(TestDatabase database, String schema, Consumer<Operations> migration) throws SQLException {
        try (Connection connection = database.connect()) {
            for (Operation operation : RenderedSql.record(migration)) {
                for (SqlStatement statement : dialect().render(operation, schema)) {
                    execute(connection, statement);
                }
            }
        }
    }

    void run(TestDatabase database, Consumer<Operations> migration) throws SQLException {
        run(database, null, migration);
    }

    static int execute(Connection connection, SqlStatement statement) throws SQLException {
        try (PreparedStatement prepared = connection.prepareStatement(statement.sql())) {
            for (int i = 0; i < statement.parameters().size(); i++) {
                prepared.setObject(i + 1, statement.parameters().get(i));
            }
            prepared.execute();
            return prepared.getUpdateCount();
        }
    }

    static long count(TestDatabase database, String sql) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    static void sql(TestDatabase database, String sql) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    <T> T inspect(TestDatabase database, String schema, MetaQuery<T> query) throws SQLException {
        try (Connection connection = database.connect()) {
            return query.read(new MetaData(connection, schema));
        }
    }

    <T> T inspect(TestDatabase database, MetaQuery<T> query) throws SQLException {
        return inspect(database, defaultSchema(database), query);
    }

    interface MetaQuery<T> {
        T read(MetaData meta) throws SQLException;
    }

    @Test
    void createTableWithKeysChecksAndComments(TestDatabase database) throws SQLException {
        run(database, op -> {
            op.createTable("app_user", t -> t.column("id", ColumnType.BIGINT, c -> c.identity().primaryKey()));
            op.createTable("ticket", t -> {
                t.column("id", ColumnType.BIGINT, c -> c.identity().primaryKey());
                t.column("title", ColumnType.varchar(200), c -> c.notNull().comment("What it's about"));
                t.column("status", ColumnType.enumOf("open", "closed"), c -> c.notNull().defaultValue("open"));
                t.column("price", ColumnType.numeric(10, 2), c -> c.defaultValue(0));
                t.column("assignee_id", ColumnType.BIGINT);
                t.unique("title");
                t.check("ticket_price_positive", "\"price\" >= 0");
                t.foreignKey("assignee_id").references("app_user", "id").onDelete(ReferentialAction.SET_NULL);
                t.comment("Support tickets");
            });
        });
        assertEquals(expectedTicketColumns(), inspect(database, meta -> meta.columns("ticket")));
        assertEquals(List.of("id"), inspect(database, meta -> meta.primaryKey("ticket")));
        assertEquals(Map.of("ticket_assignee_id_fkey", "[assignee_id] -> [id] app_user ON DELETE SET NULL ON UPDATE " + defaultRule()),
                inspect(database, meta -> meta.foreignKeys("ticket")));
        assertEquals(Map.of("", "Support tickets", "title", "What it's about"), inspect(database, meta -> meta.remarks("ticket")));

        sql(database, "INSERT INTO \"ticket\" (\"title\") VALUES ('first')");
        assertEquals(1, count(database, "SELECT COUNT(*) FROM \"ticket\" WHERE \"status\" = 'open' AND \"price\" = 0 AND \"id\" > 0"));
        assertThrows(SQLException.class, () -> sql(database, "INSERT INTO \"ticket\" (\"title\") VALUES ('first')"));
        assertThrows(SQLException.class, () -> sql(database, "INSERT INTO \"ticket\" (\"title\", \"status\") VALUES ('b', 'bad')"));
        assertThrows(SQLException.class, () -> sql(database, "INSERT INTO \"ticket\" (\"title\", \"price\") VALUES ('c', -1)"));
    }

    /** A value added to (and taken off) an enum column: its check is replaced, not added beside the old one. */
    @Test
    void anEnumColumnTakesNewValues(TestDatabase database) throws SQLException {
        run(database, op -> op.createTable("enum_values", t -> {
            t.column("id", ColumnType.INTEGER, c -> c.primaryKey());
            t.column("state", ColumnType.enumOf("open", "closed"), c -> c.notNull());
        }));
        sql(database, "INSERT INTO \"enum_values\" (\"id\", \"state\") VALUES (1, 'open')");
        run(database, op -> op.alterColumn("enum_values", "state", c -> c.type(ColumnType.enumOf("open", "closed", "waiting"))));
        sql(database, "INSERT INTO \"enum_values\" (\"id\", \"state\") VALUES (2, 'waiting')");
        assertThrows(SQLException.class, () -> sql(database, "INSERT INTO \"enum_values\" (\"id\", \"state\") VALUES (3, 'bad')"));
        sql(database, "DELETE FROM \"enum_values\" WHERE \"id\" = 2");
        run(database, op -> op.alterColumn("enum_values", "state", c -> c.type(ColumnType.enumOf("open", "closed"))));
        assertThrows(SQLException.class, () -> sql(database, "INSERT INTO \"enum_values\" (\"id\", \"state\") VALUES (2, 'waiting')"));
        assertEquals(1, count(database, "SELECT COUNT(*) FROM \"enum_values\""));
    }

    @Test
    void everyColumnTypeIsCreated(TestDatabase database) throws SQLException {
        run(database, op -> op.createTable("all_types", t -> {
            for (ColumnType.Basic type : ColumnType.Basic.values()) {
                t.column(type.name().toLowerCase(java.util.Locale.ROOT), type);
            }
            t.column("v", ColumnType.varchar(7));
            t.column("n", ColumnType.numeric(5, 1));
        }));
        assertEquals(expectedTypeColumns(), inspect(database, meta -> meta.columns("all_types")));
        assertEquals(7, inspect(database, meta -> meta.sizes("all_types")).get("v"));
    }

    @Test
    void columnOperations(TestDatabase database) throws SQLException {
        run(database, op -> {
            op.createTable("col_ops", t -> t.column("id", ColumnType.INTEGER, c -> c.primaryKey()));
            op.addColumn("col_ops", "code", ColumnType.varchar(20), c -> c.notNull().defaultValue("x").unique());
            op.addColumn("col_ops", "note", ColumnType.varchar(10));
            op.addColumn("col_ops", "gone", ColumnType.INTEGER);
            op.addColumn("col_ops", "old_name", ColumnType.BOOLEAN, c -> c.defaultValue(true));
        });
        sql(database, "INSERT INTO \"col_ops\" (\"id\", \"note\") VALUES (1, 'n')");
        run(database, op -> {
            op.alterColumn("col_ops", "note", c -> c.type(ColumnType.varchar(50)).notNull().defaultValue("dflt"));
            op.alterColumn("col_ops", "code", c -> c.dropDefault().nullable());
            op.renameColumn("col_ops", "old_name", "flag");
            op.dropColumn("col_ops", "gone");
        });
        assertEquals(expectedAlteredColumns(), inspect(database, meta -> meta.columns("col_ops")));
        assertEquals(50, inspect(database, meta -> meta.sizes("col_ops")).get("note"));
        assertEquals(1, count(database, "SELECT COUNT(*) FROM \"col_ops\" WHERE \"code\" = 'x' AND \"flag\" = TRUE"));
        assertThrows(SQLException.class, () -> sql(database, "INSERT INTO \"col_ops\" (\"id\", \"code\") VALUES (2, 'x')"));
    }

    /**
     * Comments set, changed and removed on an existing table and its columns; the rest of a column
     * stays as it was (MariaDB restates it), and the introspector reads the comments back.
     */
    @Test
    void commentOperations(TestDatabase database) throws SQLException {
        run(database, op -> op.createTable("cmt_ops", t -> {
            t.column("id", ColumnType.INTEGER, c -> c.primaryKey());
            t.column("code", ColumnType.varchar(20), c -> c.notNull().defaultValue("x").comment("old code"));
            t.column("note", ColumnType.varchar(10));
            t.comment("old table");
        }));
        Map<String, String> columns = inspect(database, meta -> meta.columns("cmt_ops"));
        run(database, op -> {
            op.setTableComment("cmt_ops", "the table's new comment");
            op.alterColumn("cmt_ops", "code", c -> c.comment("new 'code'"));
            op.alterColumn("cmt_ops", "note", c -> c.comment("a note \\ with a backslash"));
        });
        assertEquals(Map.of("", "the table's new comment", "code", "new 'code'", "note", "a note \\ with a backslash"),
                inspect(database, meta -> meta.remarks("cmt_ops")));
        assertEquals(columns, inspect(database, meta -> meta.columns("cmt_ops")));
        TableSnapshot snapshot = snapshot(database).table("cmt_ops").orElseThrow();
        assertEquals("the table's new comment", snapshot.comment());
        assertEquals(List.of("new 'code'", "a note \\ with a backslash"),
                snapshot.columns().stream().skip(1).map(ColumnSnapshot::comment).toList());

        run(database, op -> {
            op.dropTableComment("cmt_ops");
            op.alterColumn("cmt_ops", "code", c -> c.dropComment());
        });
        Map<String, String> remarks = inspect(database, meta -> meta.remarks("cmt_ops"));
        assertTrue(remarks.get("") == null || remarks.get("").isEmpty(), "table comment removed: " + remarks);
        remarks.remove("");
        assertEquals(Map.of("note", "a note \\ with a backslash"), remarks);
        assertEquals(columns, inspect(database, meta -> meta.columns("cmt_ops")));
        snapshot = snapshot(database).table("cmt_ops").orElseThrow();
        assertEquals(null, snapshot.comment());
        assertEquals(java.util.Arrays.asList(null, null, "a note \\ with a backslash"),
                snapshot.columns().stream().map(ColumnSnapshot::comment).toList());
    }

    /** The default schema as the dialect's introspector reads it. */
    SchemaSnapshot snapshot(TestDatabase database) throws SQLException {
        try (Connection connection = database.connect()) {
            return SchemaIntrospector.forConnection(connection).snapshot(connection, defaultSchema(database));
        }
    }

    @Test
    void indexOperations(TestDatabase database) throws SQLException {
        run(database, op -> {
            op.createTable("ix_ops", t -> {
                t.column("a", ColumnType.INTEGER);
                t.column("b", ColumnType.INTEGER);
            });
            op.createIndex("ix_ops_a_b", "ix_ops", "a", "b");
            op.createIndex("ix_ops_b", "ix_ops", List.of("b"), ix -> ix.unique());
            op.createIndex("ix_ops_conc", "ix_ops", List.of("a"), ix -> ix.concurrently());
        });
        assertEquals(Map.of("ix_ops_a_b", "[a, b]", "ix_ops_b", "UNIQUE [b]", "ix_ops_conc", "[a]"),
                inspect(database, meta -> meta.indexes("ix_ops")));
        run(database, op -> {
            op.dropIndex("ix_ops_a_b", "ix_ops");
            op.dropIndex("ix_ops_conc", "ix_ops", ix -> ix.concurrently());
            op.dropIndex("ix_missing", "ix_ops", ix -> ix.ifExists());
        });
        assertEquals(Map.of("ix_ops_b", "UNIQUE [b]"), inspect(database, meta -> meta.indexes("ix_ops")));
    }

    @Test
    void constraintOperations(TestDatabase database) throws SQLException {
        run(database, op -> {
            op.createTable("parent", t -> {
                t.column("id", ColumnType.INTEGER, c -> c.notNull());
                t.column("code", ColumnType.varchar(5), c -> c.notNull());
            });
            op.createTable("child", t -> {
                t.column("id", ColumnType.INTEGER);
                t.column("parent_id", ColumnType.INTEGER);
                t.column("qty", ColumnType.INTEGER);
            });
            op.addPrimaryKey("parent_pk", "parent", "id");
            op.addUnique("parent_code_uq", "parent", "code");
            op.addCheck("child_qty_positive", "child", "\"qty\" > 0");
            op.addForeignKey("child_parent_fk", "child", List.of("parent_id"), "parent", List.of("id"),
                    fk -> fk.onDelete(ReferentialAction.CASCADE).onUpdate(ReferentialAction.RESTRICT));
        });
        assertEquals(List.of("id"), inspect(database, meta -> meta.primaryKey("parent")));
        assertEquals(Map.of("child_parent_fk", "[parent_id] -> [id] parent ON DELETE CASCADE ON UPDATE RESTRICT"),
                inspect(database, meta -> meta.foreignKeys("child")));
        sql(database, "INSERT INTO \"parent\" VALUES (1, 'p')");
        sql(database, "INSERT INTO \"child\" VALUES (1, 1, 5)");
        assertThrows(SQLException.class, () -> sql(database, "INSERT INTO \"parent\" VALUES (2, 'p')"));
        assertThrows(SQLException.class, () -> sql(database, "INSERT INTO \"child\" VALUES (2, 1, 0)"));
        assertThrows(SQLException.class, () -> sql(database, "INSERT INTO \"child\" VALUES (3, 9, 1)"));
        sql(database, "DELETE FROM \"parent\" WHERE \"id\" = 1");
        assertEquals(0, count(database, "SELECT COUNT(*) FROM \"child\""));

        run(database, op -> {
            op.dropConstraint("child_parent_fk", "child");
            op.dropConstraint("child_qty_positive", "child");
            op.dropConstraint("parent_code_uq", "parent");
            op.dropConstraint("parent_pk", "parent");
        });
        assertEquals(Map.of(), inspect(database, meta -> meta.foreignKeys("child")));
        assertEquals(List.of(), inspect(database, meta -> meta.primaryKey("parent")));
        sql(database, "INSERT INTO \"child\" VALUES (2, 9, 0)");
        sql(database, "INSERT INTO \"parent\" VALUES (1, 'p'), (1, 'p')");
    }

    /** Whether the database refuses a key taking over an index that is not unique (H2 drops it and builds its own). */
    boolean refusesANonUniqueIndexToTakeOver() {
        return true;
    }

    /**
     * A key that takes over a unique index built before leaves what the plain key leaves, as migrate's
     * introspection reads it (so no second index, and a primary key's column NOT NULL), holds against
     * duplicates, and dropConstraint removes it with its index.
     */
    @Test
    void keysTakeOverAUniqueIndexBuiltBefore(TestDatabase database) throws SQLException {
        run(database, op -> {
            for (String table : List.of("key_plain", "key_taken")) {
                op.createTable(table, t -> {
                    t.column("id", ColumnType.INTEGER, c -> {
                        if (table.equals("key_plain")) {
                            c.notNull();
                        }
                    });
                    t.column("code", ColumnType.varchar(5), c -> c.notNull());
                });
            }
            op.addPrimaryKey("key_plain_pk", "key_plain", "id");
            op.addUnique("key_plain_uq", "key_plain", "code");
        });
        run(database, op -> {
            op.createIndex("key_taken_id_ix", "key_taken", List.of("id"), ix -> ix.unique().concurrently());
            op.createIndex("key_taken_code_ix", "key_taken", List.of("code"), ix -> ix.unique().concurrently());
            op.addPrimaryKey("key_taken_pk", "key_taken", List.of("id"), k -> k.usingIndex("key_taken_id_ix"));
            op.addUnique("key_taken_uq", "key_taken", List.of("code"), k -> k.usingIndex("key_taken_code_ix"));
        });
        assertEquals(snapshot(database, "key_plain").replace("key_plain", "key_taken"), snapshot(database, "key_taken"));
        assertEquals(List.of("id"), inspect(database, meta -> meta.primaryKey("key_taken")));
        sql(database, "INSERT INTO \"key_taken\" VALUES (1, 'a')");
        assertThrows(SQLException.class, () -> sql(database, "INSERT INTO \"key_taken\" VALUES (1, 'b')"));
        assertThrows(SQLException.class, () -> sql(database, "INSERT INTO \"key_taken\" VALUES (2, 'a')"));

        run(database, op -> {
            op.dropConstraint("key_taken_uq", "key_taken");
            op.dropConstraint("key_taken_pk", "key_taken");
        });
        String dropped = snapshot(database, "key_taken");
        assertTrue(dropped.contains("indexes=[], constraints=[]"), dropped);
        sql(database, "INSERT INTO \"key_taken\" VALUES (1, 'a')");
    }

    @Test
    void aKeyCannotTakeOverAnIndexThatIsNotUnique(TestDatabase database) throws SQLException {
        if (!refusesANonUniqueIndexToTakeOver()) {
            return;
        }
        run(database, op -> {
            op.createTable("key_loose", t -> t.column("code", ColumnType.varchar(5)));
            op.createIndex("key_loose_ix", "key_loose", "code");
        });
        SQLException e = assertThrows(SQLException.class, () -> run(database,
                op -> op.addUnique("key_loose_uq", "key_loose", List.of("code"), k -> k.usingIndex("key_loose_ix"))));
        assertTrue(e.getMessage().contains("key_loose_ix") && e.getMessage().contains("not a unique index"), e.getMessage());
        assertEquals(Map.of("key_loose_ix", "[code]"), inspect(database, meta -> meta.indexes("key_loose")));
    }

    /** The table as migrate's own introspection reads it. */
    String snapshot(TestDatabase database, String table) throws SQLException {
        try (Connection connection = database.connect()) {
            return SchemaIntrospector.forConnection(connection).snapshot(connection, defaultSchema(database)).table(table)
                    .orElseThrow().toString();
        }
    }

    @Test
    void sequenceOperations(TestDatabase database) throws SQLException {
        run(database, op -> op.createSequence("seq_ops", s -> s.startWith(1000).incrementBy(10)));
        assertEquals(1000, count(database, nextValue("seq_ops")));
        assertEquals(1010, count(database, nextValue("seq_ops")));
        run(database, op -> op.dropSequence("seq_ops"));
        assertThrows(SQLException.class, () -> count(database, nextValue("seq_ops")));
    }

    @Test
    void alterSequenceChangesStepAndStartWithoutRestarting(TestDatabase database) throws SQLException {
        run(database, op -> op.createSequence("seq_alter", s -> s.startWith(1).incrementBy(50)));
        assertEquals(new SequenceSnapshot("seq_alter", 1, 50), sequence(database, "seq_alter"));
        assertEquals(1, count(database, nextValue("seq_alter")));
        run(database, op -> op.alterSequence("seq_alter", s -> s.incrementBy(20).startWith(100)));
        assertEquals(new SequenceSnapshot("seq_alter", 100, 20), sequence(database, "seq_alter"));
        long next = count(database, nextValue("seq_alter"));
        assertTrue(next > 1 && next != 100, "goes on from where it was, handing out no value twice: " + next);
        run(database, op -> op.alterSequence("seq_alter", s -> s.minValue(5).maxValue(1000).restartWith(990).cycle(true)));
        assertEquals(990, count(database, nextValue("seq_alter")));
        assertEquals(5, count(database, nextValue("seq_alter")));
        run(database, op -> op.alterSequence("seq_alter", s -> s.cycle(false).incrementBy(1)));
        assertEquals(new SequenceSnapshot("seq_alter", 100, 1), sequence(database, "seq_alter"));
        run(database, op -> op.dropSequence("seq_alter"));
    }

    /** The sequence as migrate's own introspection reads it, its name as given. */
    SequenceSnapshot sequence(TestDatabase database, String name) throws SQLException {
        try (Connection connection = database.connect()) {
            SequenceSnapshot read = SchemaIntrospector.forConnection(connection).snapshot(connection, defaultSchema(database))
                    .sequence(name).orElseThrow();
            return new SequenceSnapshot(name, read.start(), read.increment());
        }
    }

    @Test
    void renameAndDropTable(TestDatabase database) throws SQLException {
        run(database, op -> {
            op.createTable("before_name", t -> t.column("a", ColumnType.INTEGER));
            op.renameTable("before_name", "after_name");
        });
        assertEquals(false, inspect(database, meta -> meta.tableExists("before_name")));
        assertEquals(true, inspect(database, meta -> meta.tableExists("after_name")));
        run(database, op -> op.dropTable("after_name"));
        assertEquals(false, inspect(database, meta -> meta.tableExists("after_name")));
    }

    @Test
    void bulkInsertSpreadsRowsOverSeveralInserts(TestDatabase database) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 1; i <= 2500; i++) {
            rows.add(Arrays.asList(i, i % 2 == 0 ? null : "odd " + i));
        }
        run(database, op -> {
            op.createTable("bulk", t -> {
                t.column("id", ColumnType.INTEGER, c -> c.primaryKey());
                t.column("label", ColumnType.TEXT);
            });
            op.bulkInsert("bulk", List.of("id", "label"), rows);
        });
        assertEquals(3, dialect().render(RenderedSql.record(op -> op.bulkInsert("bulk", List.of("id", "label"), rows))
                .get(0), null).size());
        assertEquals(2500, count(database, "SELECT COUNT(*) FROM \"bulk\""));
        assertEquals(1250, count(database, "SELECT COUNT(*) FROM \"bulk\" WHERE \"label\" IS NULL"));
        assertEquals(1, count(database, "SELECT COUNT(*) FROM \"bulk\" WHERE \"label\" = 'odd 2499'"));
    }

    @Test
    void unqualifiedNamesGoIntoTheGivenSchema(TestDatabase database) throws SQLException {
        String app = otherSchema(database);
        sql(database, "CREATE SCHEMA \"" + app + "\"");
        run(database, app, op -> {
            op.createTable("owner", t -> t.column("id", ColumnType.INTEGER, c -> c.primaryKey()));
            op.createTable("pet", t -> {
                t.column("id", ColumnType.INTEGER, c -> c.primaryKey());
                t.column("owner_id", ColumnType.INTEGER);
                t.column("name", ColumnType.varchar(20));
                t.foreignKey("owner_id").references("owner", "id");
            });
            op.createIndex("ix_pet_name", "pet", "name"); // not the key's column: MariaDB keeps the index a foreign key uses
            op.createSequence("pet_seq");
        });
        assertEquals(true, inspect(database, app, meta -> meta.tableExists("pet")));
        assertEquals(false, inspect(database, meta -> meta.tableExists("pet")));
        assertEquals("[owner_id] -> [id] owner ON DELETE " + defaultRule() + " ON UPDATE " + defaultRule(),
                inspect(database, app, meta -> meta.foreignKeys("pet")).get("pet_owner_id_fkey"));
        assertEquals("[name]", inspect(database, app, meta -> meta.indexes("pet")).get("ix_pet_name"));
        run(database, app, op -> op.dropIndex("ix_pet_name", "pet"));
        assertEquals(null, inspect(database, app, meta -> meta.indexes("pet")).get("ix_pet_name"));
    }

    @Test
    void batchedUpdateRunsBatchesUntilNothingIsLeft(TestDatabase database) throws SQLException {
        run(database, op -> {
            op.createTable("batch_t", t -> {
                t.column("id", ColumnType.INTEGER, c -> c.primaryKey());
                t.column("status", ColumnType.varchar(10));
            });
            op.execute("INSERT INTO \"batch_t\" (\"id\") VALUES " + java.util.stream.IntStream.rangeClosed(1, 25)
                    .mapToObj(i -> "(" + i + ")").collect(java.util.stream.Collectors.joining(", ")));
        });
        BatchedUpdate update = new BatchedUpdate(QualifiedName.parse("batch_t", "test"),
                "\"status\" = 'open'", "\"status\" IS NULL", 10);
        SqlStatement batch = dialect().renderUpdateBatch(update, null);
        List<Integer> counts = new ArrayList<>();
        try (Connection connection = database.connect()) {
            int updated;
            do {
                updated = execute(connection, batch);
                counts.add(updated);
            } while (updated > 0);
        }
        assertEquals(List.of(10, 10, 5, 0), counts);
        assertEquals(0, count(database, "SELECT COUNT(*) FROM \"batch_t\" WHERE \"status\" IS NULL"));
    }
}
