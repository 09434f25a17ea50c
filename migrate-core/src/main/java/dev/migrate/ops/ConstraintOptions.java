package dev.migrate.ops;

/** The options of {@code op.addCheck(name, table, condition, c -> c.notValid())}. */
public final class ConstraintOptions {

    private boolean notValid;

    public ConstraintOptions() {
    }

    /**
     * Adds the check without checking existing rows (PostgreSQL {@code NOT VALID}); follow with
     * {@code op.validateConstraint(name, table)}, which checks them without blocking writes.
     */
    public ConstraintOptions notValid() {
        notValid = true;
        return this;
    }

    public boolean isNotValid() {
        return notValid;
    }
}
