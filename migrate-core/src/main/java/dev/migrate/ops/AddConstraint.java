package dev.migrate.ops;

/** {@code op.addForeignKey / addUnique / addCheck / addPrimaryKey}: one constraint on an existing table. */
public record AddConstraint(QualifiedName table, TableConstraint constraint) implements Operation {

    public AddConstraint {
        java.util.Objects.requireNonNull(table, "table");
        java.util.Objects.requireNonNull(constraint, "constraint");
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visitAddConstraint(this);
    }
}
