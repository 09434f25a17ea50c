package dev.migrate.ops;

import java.util.Arrays;
import java.util.List;

/**
 * A foreign key inside {@code createTable}:
 * {@code t.foreignKey("assignee_id").references("app_user", "id").onDelete(ReferentialAction.SET_NULL)}.
 * The name defaults to {@code <table>_<columns>_fkey}.
 */
public final class ForeignKeyBuilder {

    private final List<String> columns;
    private String name;
    private QualifiedName referencedTable;
    private List<String> referencedColumns = List.of();
    private ReferentialAction onDelete;
    private ReferentialAction onUpdate;

    ForeignKeyBuilder(List<String> columns) {
        this.columns = columns;
    }

    /** The referenced table ({@code "name"} or {@code "schema.name"}) and its key columns. */
    public ForeignKeyBuilder references(String table, String... columns) {
        referencedTable = QualifiedName.parse(table, "foreignKey" + this.columns + ".references");
        referencedColumns = columns == null ? List.of() : Arrays.asList(columns);
        return this;
    }

    public ForeignKeyBuilder onDelete(ReferentialAction action) {
        onDelete = action;
        return this;
    }

    public ForeignKeyBuilder onUpdate(ReferentialAction action) {
        onUpdate = action;
        return this;
    }

    /** The constraint's name, instead of {@code <table>_<columns>_fkey}. */
    public ForeignKeyBuilder name(String constraintName) {
        name = constraintName;
        return this;
    }

    TableConstraint.ForeignKey build(String table) {
        String constraintName = name != null ? name : TableConstraint.derivedName(table, columns, "fkey");
        return new TableConstraint.ForeignKey(constraintName, columns, referencedTable, referencedColumns, onDelete, onUpdate);
    }
}
