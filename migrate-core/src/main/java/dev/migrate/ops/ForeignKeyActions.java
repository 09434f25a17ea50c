package dev.migrate.ops;


/** The optional actions of {@code op.addForeignKey(...)}: {@code fk -> fk.onDelete(CASCADE)}. */
public final class ForeignKeyActions {

    private ReferentialAction onDelete;
    private ReferentialAction onUpdate;
    private boolean notValid;

    ForeignKeyActions() {
    }

    public ForeignKeyActions onDelete(ReferentialAction action) {
        onDelete = action;
        return this;
    }

    public ForeignKeyActions onUpdate(ReferentialAction action) {
        onUpdate = action;
        return this;
    }

    /**
     * Adds the key without checking existing rows (PostgreSQL {@code NOT VALID}: a brief lock instead
     * of a scan under lock of both tables); follow with {@code op.validateConstraint(name, table)}.
     */
    public ForeignKeyActions notValid() {
        notValid = true;
        return this;
    }

    boolean isNotValid() {
        return notValid;
    }

    ReferentialAction deleteAction() {
        return onDelete;
    }

    ReferentialAction updateAction() {
        return onUpdate;
    }
}
