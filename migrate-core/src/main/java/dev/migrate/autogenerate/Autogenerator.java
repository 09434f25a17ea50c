package dev.migrate.autogenerate;

import dev.migrate.MigrateException;
import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.SchemaIntrospector;
import dev.migrate.dialect.SchemaSnapshot;
import java.sql.Connection;
import java.sql.SQLException;
import dev.migrate.ops.Operation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

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
        return compare(connection, () -> model, options);
    }

    /**
     * Like {@link #compare(Connection, ModelSchema, AutogenerateOptions)}, reading the database's
     * schema on a second thread while {@code model} is read on this one (reading entities is
     * CPU work in this JVM, reading the catalog mostly the server's): the two overlap, and the
     * model reader must not use {@code connection}. Whatever happens, the connection is free again
     * when this returns.
     */
    public AutogenerateResult compare(Connection connection, Supplier<ModelSchema> model, AutogenerateOptions options) {
        FutureTask<SchemaSnapshot> reading = new FutureTask<>(() -> introspector.snapshot(connection, schema));
        Thread reader = new Thread(reading, "migrate-autogenerate-introspection");
        reader.setDaemon(true);
        reader.start();
        ModelSchema read;
        try {
            read = model.get();
        } finally {
            awaitQuietly(reader);
        }
        try {
            SchemaSnapshot database = database(reading);
            List<Operation> operations = read.operations();
            List<String> others = SchemaPlacement.otherSchemas(operations, schema);
            if (!others.isEmpty()) {
                SchemaPlacement placement = new SchemaPlacement(schema != null ? schema : introspector.currentSchema(connection),
                        List.of());
                others = SchemaPlacement.otherSchemas(operations, placement.home());
                if (!others.isEmpty()) {
                    return compareSeveral(connection, database, operations, new SchemaPlacement(placement.home(), others),
                            options);
                }
            }
            ScratchSchema scratch = ScratchSchema.forDialect(dialect, introspector);
            if (options.modelCache() != null) {
                scratch = options.modelCache().around(scratch, dialect);
            }
            SchemaSnapshot wanted = scratch.materialise(connection, operations);
            List<Change> changes = SchemaComparator.compare(database, wanted, new ModelOperations(operations), options,
                    bookkeeping);
            return ChangePlan.of(changes, dialect, dialect.capabilities().concurrentIndex());
        } catch (SQLException e) {
            throw cannotRead(e);
        }
    }

    /**
     * A model that places tables or sequences in other schemas besides the compared one: each of
     * them is compared with the database's schema of that name, all as one snapshot
     * ({@link SchemaPlacement}), so foreign keys between them are compared too. Unmapped objects
     * are dropped (with {@code dropUnmapped}) only in these schemas; a schema the database lacks is
     * created first (and dropped last by the downgrade), never dropped otherwise.
     */
    private AutogenerateResult compareSeveral(Connection connection, SchemaSnapshot home, List<Operation> operations,
                                              SchemaPlacement placement, AutogenerateOptions options) throws SQLException {
        operations = placement.atHome(operations);
        Map<String, SchemaSnapshot> snapshots = new LinkedHashMap<>();
        snapshots.put(null, home);
        List<Change> changes = new ArrayList<>();
        for (String other : placement.others()) {
            if (introspector.schemaExists(connection, other)) {
                snapshots.put(other, introspector.snapshot(connection, other));
            } else {
                changes.add(new Change.SchemaAdded(other));
                snapshots.put(other, SchemaSnapshot.empty());
            }
        }
        SchemaSnapshot database = placement.combine(snapshots, UnaryOperator.identity());
        SchemaSnapshot wanted = new ScratchSchema.Several(dialect, introspector).materialise(connection, operations, placement);
        changes.addAll(SchemaComparator.compare(database, wanted,
                new ModelOperations(operations, new HashSet<>(placement.others())), options, bookkeeping));
        return ChangePlan.of(changes, dialect, dialect.capabilities().concurrentIndex());
    }

    private static SchemaSnapshot database(FutureTask<SchemaSnapshot> reading) throws SQLException {
        try {
            return reading.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigrateException("Autogenerate was interrupted while it read the database.", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SQLException sql) {
                throw sql;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** Waits for the catalog reader so that the caller may use or close the connection again. */
    private static void awaitQuietly(Thread reader) {
        boolean interrupted = false;
        while (reader.isAlive()) {
            try {
                reader.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** A failure reading the catalog; one creating the scratch schema says what it needs where it happens ({@link ScratchSchema}). */
    private static MigrateException cannotRead(SQLException e) {
        return new MigrateException("Autogenerate could not read the database: " + e.getMessage() + " (SQLState "
                + e.getSQLState() + "). Check that the database is reachable and that the user may read its catalog.", e);
    }
}
