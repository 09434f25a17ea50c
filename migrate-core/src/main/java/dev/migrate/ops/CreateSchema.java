package dev.migrate.ops;

import dev.migrate.MigrateException;

/**
 * {@code op.createSchema(name)}: a new, empty schema (on MariaDB and MySQL a database). Autogenerate emits it first in an upgrade for a schema the model names and the database lacks.
 *
 * @param name the schema's name, never empty
 */
public record CreateSchema(String name) implements Operation {

    public CreateSchema {
        if (name == null || name.isBlank()) {
            throw new MigrateException("createSchema: the schema name is empty; name the schema.");
        }
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visitCreateSchema(this);
    }
}
