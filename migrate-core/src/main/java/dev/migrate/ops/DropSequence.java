package dev.migrate.ops;

/** {@code op.dropSequence(name)}. */
public record DropSequence(QualifiedName sequence) implements Operation {

    public DropSequence {
        java.util.Objects.requireNonNull(sequence, "sequence");
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visitDropSequence(this);
    }
}
