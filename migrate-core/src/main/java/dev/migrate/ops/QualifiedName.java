package dev.migrate.ops;

import dev.migrate.MigrateException;

/**
 * The name of a table, index or sequence, optionally in a schema. A null schema means "the run's
 * default schema" ({@code migrate.schema}), which the dialect fills in when it renders.
 *
 * @param schema the schema, or null for the default
 * @param name   the object's own name, never empty
 */
public record QualifiedName(String schema, String name) {

    public QualifiedName {
        if (name == null || name.isBlank()) {
            throw new MigrateException("A table, index or sequence name is empty; give the object a name.");
        }
        if (schema != null && schema.isBlank()) {
            throw new MigrateException("The schema of '" + name + "' is empty; leave it out or name the schema.");
        }
    }

    /**
     * Reads {@code "name"} or {@code "schema.name"}. A name with a dot in it therefore needs
     * {@link #of(String, String)}.
     *
     * @param what what the name is for, used in the error message (for example "createTable")
     */
    public static QualifiedName parse(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new MigrateException(what + ": the name is empty; give the table, index or sequence a name.");
        }
        int dot = text.indexOf('.');
        if (dot < 0) {
            return new QualifiedName(null, text);
        }
        if (dot == 0 || dot == text.length() - 1 || text.indexOf('.', dot + 1) >= 0) {
            throw new MigrateException(what + ": '" + text + "' is not a valid name; write 'name' or 'schema.name'.");
        }
        return new QualifiedName(text.substring(0, dot), text.substring(dot + 1));
    }

    public static QualifiedName of(String schema, String name) {
        return new QualifiedName(schema, name);
    }

    @Override
    public String toString() {
        return schema == null ? name : schema + "." + name;
    }
}
