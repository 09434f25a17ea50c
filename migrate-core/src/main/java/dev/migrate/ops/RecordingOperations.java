package dev.migrate.ops;

import dev.migrate.MigrateException;

import dev.migrate.Operations;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Collects the {@link Operation} values one revision's upgrade or downgrade records. Each call
 * validates its arguments at once, so a mistake fails while the revision is being recorded, before
 * any statement runs.
 */
public final class RecordingOperations implements Operations {

    private final List<Operation> operations = new ArrayList<>();
    /** The dialect's name, or null when recorded for no database (then {@link #dialect()} throws). */
    private final String database;

    /**
     * Records for no particular database, for a unit test of a revision that does not ask:
     * {@link #dialect()} throws, naming {@link #RecordingOperations(String)}.
     */
    public RecordingOperations() {
        this.database = null;
    }

    /**
     * Records for {@code database}, the name of its dialect ({@code "postgresql"}, {@code "h2"},
     * {@code "mariadb"}), which {@link #dialect()} answers.
     */
    public RecordingOperations(String database) {
        if (database == null || database.isBlank()) {
            throw new MigrateException("RecordingOperations needs the database's dialect name, e.g. \"postgresql\","
                    + " \"h2\" or \"mariadb\"; got " + (database == null ? "null" : "'" + database + "'") + ".");
        }
        this.database = database;
    }

    @Override
    public String dialect() {
        if (database == null) {
            throw new MigrateException("op.dialect(): these operations are recorded for no database (new"
                    + " RecordingOperations()); record them with new RecordingOperations(\"postgresql\"), \"h2\" or"
                    + " \"mariadb\" to say which.");
        }
        return database;
    }

    @Override
    public void createTable(String table, Consumer<TableBuilder> definition) {
        operations.add(CreateTable.of(table, definition));
    }

    @Override
    public void dropTable(String table) {
        operations.add(new DropTable(QualifiedName.parse(table, "dropTable")));
    }

    @Override
    public void renameTable(String table, String newName) {
        operations.add(new RenameTable(QualifiedName.parse(table, "renameTable"), newName));
    }

    @Override
    public void addColumn(String table, String column, ColumnType type) {
        addColumn(table, column, type, c -> { });
    }

    @Override
    public void addColumn(String table, String column, ColumnType type, Consumer<ColumnBuilder> options) {
        operations.add(AddColumn.of(table, column, type, options));
    }

    @Override
    public void dropColumn(String table, String column) {
        operations.add(new DropColumn(QualifiedName.parse(table, "dropColumn"), column));
    }

    @Override
    public void renameColumn(String table, String column, String newName) {
        operations.add(AlterColumn.of(table, column, c -> c.rename(newName == null ? "" : newName)));
    }

    @Override
    public void alterColumn(String table, String column, Consumer<AlterColumn.Builder> changes) {
        operations.add(AlterColumn.of(table, column, changes));
    }

    @Override
    public void setTableComment(String table, String comment) {
        if (comment == null) {
            throw new MigrateException("setTableComment " + table + ": the comment is null; use dropTableComment(\""
                    + table + "\") to remove it.");
        }
        operations.add(new TableComment(QualifiedName.parse(table, "setTableComment"), comment));
    }

    @Override
    public void dropTableComment(String table) {
        operations.add(new TableComment(QualifiedName.parse(table, "dropTableComment"), null));
    }

    @Override
    public void createIndex(String name, String table, String... columns) {
        createIndex(name, table, columns == null ? List.of() : Arrays.asList(columns), ix -> { });
    }

    @Override
    public void createIndex(String name, String table, List<String> columns, Consumer<CreateIndex.Builder> options) {
        operations.add(CreateIndex.of(name, table, columns, options));
    }

    @Override
    public void dropIndex(String name, String table) {
        dropIndex(name, table, ix -> { });
    }

    @Override
    public void dropIndex(String name, String table, Consumer<DropIndex.Builder> options) {
        operations.add(DropIndex.of(name, table, options));
    }

    @Override
    public void addForeignKey(String name, String table, List<String> columns, String referencedTable,
            List<String> referencedColumns) {
        addForeignKey(name, table, columns, referencedTable, referencedColumns, fk -> { });
    }

    @Override
    public void addForeignKey(String name, String table, List<String> columns, String referencedTable,
            List<String> referencedColumns, Consumer<ForeignKeyActions> actions) {
        operations.add(AddConstraint.foreignKey(name, table, columns, referencedTable, referencedColumns, actions));
    }

    @Override
    public void addUnique(String name, String table, String... columns) {
        addConstraint(table, "addUnique", new TableConstraint.Unique(name, list(columns)));
    }

    @Override
    public void addUnique(String name, String table, List<String> columns, Consumer<KeyConstraintOptions> options) {
        operations.add(AddConstraint.key("addUnique", table, new TableConstraint.Unique(name, columns), options));
    }

    @Override
    public void addCheck(String name, String table, String condition) {
        addConstraint(table, "addCheck", new TableConstraint.Check(name, condition));
    }

    @Override
    public void addCheck(String name, String table, String condition, Consumer<ConstraintOptions> options) {
        ConstraintOptions built = new ConstraintOptions();
        options.accept(built);
        operations.add(new AddConstraint(QualifiedName.parse(table, "addCheck " + name),
                new TableConstraint.Check(name, condition), built.isNotValid()));
    }

    @Override
    public void validateConstraint(String name, String table) {
        operations.add(new ValidateConstraint(QualifiedName.parse(table, "validateConstraint " + name), name));
    }

    @Override
    public void validateConstraint(String name, String table, Consumer<ValidateConstraint.Builder> options) {
        operations.add(ValidateConstraint.of(name, table, options));
    }

    @Override
    public void addPrimaryKey(String name, String table, String... columns) {
        addConstraint(table, "addPrimaryKey", new TableConstraint.PrimaryKey(name, list(columns)));
    }

    @Override
    public void addPrimaryKey(String name, String table, List<String> columns, Consumer<KeyConstraintOptions> options) {
        operations.add(AddConstraint.key("addPrimaryKey", table, new TableConstraint.PrimaryKey(name, columns), options));
    }

    @Override
    public void dropConstraint(String name, String table) {
        operations.add(new DropConstraint(QualifiedName.parse(table, "dropConstraint " + name), name));
    }

    @Override
    public void createSequence(String name) {
        createSequence(name, s -> { });
    }

    @Override
    public void createSequence(String name, Consumer<CreateSequence.Builder> options) {
        operations.add(CreateSequence.of(name, options));
    }

    @Override
    public void createSchema(String name) {
        operations.add(new CreateSchema(name));
    }

    @Override
    public void dropSchema(String name) {
        operations.add(new DropSchema(name));
    }

    @Override
    public void dropSequence(String name) {
        operations.add(new DropSequence(QualifiedName.parse(name, "dropSequence")));
    }

    @Override
    public void alterSequence(String name, Consumer<AlterSequence.Builder> options) {
        operations.add(AlterSequence.of(name, options));
    }

    @Override
    public void execute(String sql) {
        operations.add(new ExecuteSql(sql, List.of()));
    }

    @Override
    public void execute(String sql, Object... parameters) {
        operations.add(new ExecuteSql(sql, parameters == null ? List.of() : Arrays.asList(parameters)));
    }

    @Override
    public void bulkInsert(String table, List<String> columns, List<List<Object>> rows) {
        operations.add(new BulkInsert(QualifiedName.parse(table, "bulkInsert"), columns, rows == null ? List.of() : rows));
    }

    @Override
    public void batchedUpdate(String table, String setClause, String whereClause, int batchSize) {
        operations.add(new BatchedUpdate(QualifiedName.parse(table, "batchedUpdate"), setClause, whereClause, batchSize));
    }

    @Override
    public void withConnection(ConnectionCallback callback) {
        operations.add(new WithConnection(callback));
    }

    @Override
    public void withConnection(String version, ConnectionCallback callback) {
        if (version == null || version.isBlank()) {
            throw new MigrateException("withConnection(version, callback) needs a version, e.g. \"v2\"; without one, use"
                    + " withConnection(callback).");
        }
        operations.add(new WithConnection(version.trim(), callback));
    }

    /** What was recorded, in order. */
    public List<Operation> operations() {
        return List.copyOf(operations);
    }

    private void addConstraint(String table, String what, TableConstraint constraint) {
        operations.add(new AddConstraint(QualifiedName.parse(table, what + " " + constraint.name()), constraint));
    }

    private static List<String> list(String... names) {
        return names == null ? List.of() : Arrays.asList(names);
    }
}
