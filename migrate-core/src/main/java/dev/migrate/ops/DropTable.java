package dev.migrate.ops;

/** {@code op.dropTable(name)}. */
public record DropTable(QualifiedName table) implements Operation {

    public DropTable {
        java.util.Objects.requireNonNull(table, "table");
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visitDropTable(this);
    }
}
