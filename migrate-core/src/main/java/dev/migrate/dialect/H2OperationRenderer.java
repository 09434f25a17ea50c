package dev.migrate.dialect;

/** H2's differences from the standard rendering. */
public class H2OperationRenderer extends OperationRenderer {

    public H2OperationRenderer(Dialect dialect, String schema) {
        super(dialect, schema);
    }

    @Override
    protected String rowIdColumn() {
        return "_ROWID_";
    }
}
