package dev.migrate.ops;

import dev.migrate.MigrateException;

/**
 * {@code op.dropSchema(name)}: drops an empty schema; PostgreSQL and H2 refuse while it holds anything, MariaDB and MySQL (a database) drop what it holds. Autogenerate emits it last in the downgrade of a revision that created the schema.
 *
 * @param name the schema's name, never empty
 */
public record DropSchema(String name) implements Operation {

    public DropSchema {
        if (name == null || name.isBlank()) {
            throw new MigrateException("dropSchema: the schema name is empty; name the schema.");
        }
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visitDropSchema(this);
    }
}
