package dev.migrate.dialect;

/** PostgreSQL's differences from the standard rendering. */
public class PostgresOperationRenderer extends OperationRenderer {

    public PostgresOperationRenderer(Dialect dialect, String schema) {
        super(dialect, schema);
    }

    @Override
    protected String rowIdColumn() {
        return "ctid";
    }
}
