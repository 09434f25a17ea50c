package dev.migrate.ops;


/** The optional actions of {@code op.addForeignKey(...)}: {@code fk -> fk.onDelete(CASCADE)}. */
public final class ForeignKeyActions {

    private ReferentialAction onDelete;
    private ReferentialAction onUpdate;

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

    ReferentialAction deleteAction() {
        return onDelete;
    }

    ReferentialAction updateAction() {
        return onUpdate;
    }
}
