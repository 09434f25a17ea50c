package dev.migrate.autogenerate;

import dev.migrate.MigrateException;
import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.SchemaIntrospector;
import dev.migrate.dialect.SchemaSnapshot;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Compares a model with a live database: the database's schema is read with migrate's
 * introspection, the model's is built in a scratch schema of the same database and read the same
 * way (see {@link ScratchSchema}), and the two snapshots are compared. The facade's
 * {@code autogenerate} checks that the database is at head and calls this.
 */
public final class Autogenerator {

    private final Dialect dialect;
    private final SchemaIntrospector introspector;
    private final String schema;
    private final Collection<String> bookkeeping;

    /**
     * @param schema      the schema to compare (migrate.schema), or null for the connection's current one
     * @param bookkeeping migrate's own tables in that schema, never compared
     */
    public Autogenerator(Dialect dialect, SchemaIntrospector introspector, String schema, Collection<String> bookkeeping) {
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.introspector = Objects.requireNonNull(introspector, "introspector");
        this.schema = schema;
        this.bookkeeping = List.copyOf(bookkeeping);
    }

    /** The changes from the database behind {@code connection} to {@code model}, and the operations for them. */
    public AutogenerateResult compare(Connection connection, ModelSchema model, AutogenerateOptions options) {
        try {
            SchemaSnapshot database = introspector.snapshot(connection, schema);
            SchemaSnapshot wanted = ScratchSchema.forDialect(dialect, introspector).materialise(connection, model.operations());
            List<Change> changes = SchemaComparator.compare(database, wanted, new ModelOperations(model.operations()), options,
                    bookkeeping);
            return ChangePlan.of(changes, dialect.quote("x").substring(0, 1), dialect.capabilities().concurrentIndex());
        } catch (SQLException e) {
            throw new MigrateException("Autogenerate could not read the database: " + e.getMessage() + " (SQLState "
                    + e.getSQLState() + "). Check migrate.url and that the user may create a schema.", e);
        }
    }
}
