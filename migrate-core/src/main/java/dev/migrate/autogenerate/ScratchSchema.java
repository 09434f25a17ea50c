package dev.migrate.autogenerate;

import dev.migrate.MigrateException;
import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.SchemaIntrospector;
import dev.migrate.dialect.SchemaSnapshot;
import dev.migrate.dialect.SqlStatement;
import dev.migrate.dialect.TemporarySchema;
import dev.migrate.ops.AddConstraint;
import dev.migrate.ops.DropConstraint;
import dev.migrate.ops.Operation;
import dev.migrate.ops.TableConstraint;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Creates a model's schema in a scratch schema of the same database and reads it back, so that
 * model and database are compared in the database's own words (types, defaults, check texts as
 * the server normalises them): no false change from spelling. Nothing is left behind.
 * Where the database has a session-private temporary schema (PostgreSQL's {@code pg_temp}) the model
 * is built there and rolled back: the cheapest way, as temporary relations are not WAL-logged, and
 * invisible to every other session. Where DDL is otherwise transactional the work is rolled back
 * in a fresh named schema; elsewhere the scratch schema (H2) or scratch database (MariaDB, where a
 * schema is a database) is dropped afterwards.
 */
public interface ScratchSchema {

    /** The snapshot of a schema holding exactly what {@code operations} create. */
    SchemaSnapshot materialise(Connection connection, List<Operation> operations) throws SQLException;

    /** How the named scratch schemas' names start. */
    String PREFIX = "migrate_autogen_";

    /** The way to make a scratch schema on this database. */
    static ScratchSchema forDialect(Dialect dialect, SchemaIntrospector introspector) {
        if (!dialect.capabilities().transactionalDdl()) {
            return new Dropped(dialect, introspector);
        }
        RolledBack named = new RolledBack(dialect, introspector);
        return dialect.temporarySchema().<ScratchSchema>map(temporary -> new Temporary(dialect, introspector, temporary, named))
                .orElse(named);
    }

    /** A fresh name: {@code migrate_autogen_<8 hex digits>}. */
    static String newName() {
        return PREFIX + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    /**
     * Creates the named scratch schema {@code schema}. A refusal says which privilege it needs, in the
     * dialect's words, after {@code instead}: why the session's temporary schema was not used (empty
     * where the database has none); {@code closing} ends the advice.
     */
    private static void createNamed(Connection connection, Dialect dialect, String schema, String instead, String closing)
            throws SQLException {
        // Asked first: a driver may ask the server, which ignores everything after a failure in a transaction.
        String database = database(connection);
        String user = user(connection);
        try {
            execute(connection, dialect.createSchemaIfMissing(schema)); // a fresh random name: never there
        } catch (SQLException e) {
            throw new MigrateException("Autogenerate could not create the scratch schema it builds the model in: "
                    + e.getMessage() + " (SQLState " + e.getSQLState() + "). " + instead + "It tried a named schema, "
                    + schema + ", which needs " + dialect.scratchPrivilege(false, database, user, PREFIX) + "." + closing, e);
        }
    }

    private static String database(Connection connection) throws SQLException {
        return connection.getCatalog();
    }

    private static String user(Connection connection) throws SQLException {
        return connection.getMetaData().getUserName();
    }

    /** Creates the objects in {@code schema}, naming the model's source and the statement when one fails. */
    private static void create(Connection connection, Dialect dialect, String schema, List<Operation> operations)
            throws SQLException {
        run(connection, dialect, schema, ModelOperations.forScratch(operations));
    }

    private static void run(Connection connection, Dialect dialect, String schema, List<Operation> operations)
            throws SQLException {
        if (!connection.getAutoCommit() && batched(connection, dialect, schema, operations)) {
            return;
        }
        for (Operation operation : operations) {
            for (SqlStatement statement : dialect.render(operation, schema)) {
                try {
                    execute(connection, statement);
                } catch (SQLException e) {
                    throw new MigrateException("The model's schema does not build on this database: " + reason(e, schema)
                            + " (statement: " + oneLine(statement.sql().replace(schema, "<scratch>")) + "). Check the"
                            + " entity mapping of this table and column (its type or columnDefinition).", e);
                }
            }
        }
    }

    /**
     * The database's reason on one line, the scratch schema masked, without the copy of the statement
     * H2 appends (the message names the statement once, after it).
     */
    private static String reason(SQLException e, String schema) {
        String reason = String.valueOf(e.getMessage());
        int copy = reason.indexOf("; SQL statement:");
        return oneLine((copy < 0 ? reason : reason.substring(0, copy)).replace(schema, "<scratch>"));
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    /**
     * Inside a transaction: all statements sent as one JDBC batch (one round trip for hundreds of
     * them, where the driver pipelines it, as PostgreSQL's does), which is most of what building a
     * large model costs apart from the server's own work. True when the batch ran; false, with the
     * transaction as it was before, when a statement takes parameters or one failed: then
     * {@link #run} creates them one by one, which names the failing statement.
     */
    private static boolean batched(Connection connection, Dialect dialect, String schema, List<Operation> operations)
            throws SQLException {
        List<String> statements = new ArrayList<>();
        for (Operation operation : operations) {
            for (SqlStatement statement : dialect.render(operation, schema)) {
                if (!statement.parameters().isEmpty()) {
                    return false;
                }
                statements.add(statement.sql());
            }
        }
        java.sql.Savepoint before = connection.setSavepoint();
        try (java.sql.Statement batch = connection.createStatement()) {
            for (String sql : statements) {
                batch.addBatch(sql);
            }
            batch.executeBatch();
            connection.releaseSavepoint(before);
            return true;
        } catch (SQLException e) {
            connection.rollback(before);
            return false;
        }
    }

    private static void execute(Connection connection, SqlStatement statement) throws SQLException {
        try (PreparedStatement prepared = connection.prepareStatement(statement.sql())) {
            for (int i = 0; i < statement.parameters().size(); i++) {
                prepared.setObject(i + 1, statement.parameters().get(i));
            }
            prepared.execute();
        }
    }

    /** PostgreSQL: create, read, roll back; the scratch schema never becomes visible to others. */
    final class RolledBack implements ScratchSchema {
        private final Dialect dialect;
        private final SchemaIntrospector introspector;

        RolledBack(Dialect dialect, SchemaIntrospector introspector) {
            this.dialect = dialect;
            this.introspector = introspector;
        }

        @Override
        public SchemaSnapshot materialise(Connection connection, List<Operation> operations) throws SQLException {
            return materialise(connection, operations, "", "");
        }

        /**
         * {@link #materialise} where {@code instead} says why the session's temporary schema was not used,
         * and {@code closing} ends the advice of a refusal.
         */
        SchemaSnapshot materialise(Connection connection, List<Operation> operations, String instead, String closing)
                throws SQLException {
            String schema = newName();
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                createNamed(connection, dialect, schema, instead, closing);
                for (SqlStatement use : dialect.useSchema(schema)) {
                    execute(connection, use);
                }
                create(connection, dialect, schema, operations);
                return introspector.snapshot(connection, schema);
            } finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    /**
     * PostgreSQL: create in the session's temporary schema, read, roll back. A session that may not
     * create temporary objects, or already holds some (a pooled connection an application used, whose
     * tables would mix into the model), gets a named scratch schema instead.
     */
    final class Temporary implements ScratchSchema {
        private final Dialect dialect;
        private final SchemaIntrospector introspector;
        private final TemporarySchema temporary;
        private final RolledBack otherwise;

        Temporary(Dialect dialect, SchemaIntrospector introspector, TemporarySchema temporary, RolledBack otherwise) {
            this.dialect = dialect;
            this.introspector = introspector;
            this.temporary = temporary;
            this.otherwise = otherwise;
        }

        @Override
        public SchemaSnapshot materialise(Connection connection, List<Operation> operations) throws SQLException {
            String unusable = unusable(connection);
            if (unusable != null) {
                return otherwise.materialise(connection, operations, unusable,
                        unusable.startsWith(NOT_PERMITTED) ? " Either privilege is enough." : "");
            }
            if (operations.isEmpty()) {
                return SchemaSnapshot.empty(); // nothing would create the session's temporary schema
            }
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                create(connection, dialect, temporary.createIn(), operations);
                return introspector.snapshot(connection, single(connection, temporary.actualName()));
            } finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
        }

        private static final String NOT_PERMITTED = "The user may not create temporary tables";

        /** Null when the session's temporary schema serves, else why not, as the first sentence of a refusal's advice. */
        private String unusable(Connection connection) throws SQLException {
            boolean permitted;
            boolean empty;
            try (PreparedStatement prepared = connection.prepareStatement(temporary.usable().sql());
                 ResultSet row = prepared.executeQuery()) {
                row.next();
                permitted = row.getBoolean(1);
                empty = row.getBoolean(2);
            }
            if (!permitted) {
                return NOT_PERMITTED + ", so the model could not be built in the session's temporary schema, which needs "
                        + dialect.scratchPrivilege(true, database(connection), user(connection), PREFIX) + ". ";
            }
            return empty ? null : "The session holds temporary tables of its own, which would mix into the model, so"
                    + " the model could not be built in the session's temporary schema. ";
        }

        private static String single(Connection connection, SqlStatement query) throws SQLException {
            try (PreparedStatement prepared = connection.prepareStatement(query.sql());
                 ResultSet row = prepared.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    /** Databases whose DDL commits (H2): create, read, and drop the scratch schema whatever happened. */
    final class Dropped implements ScratchSchema {
        private final Dialect dialect;
        private final SchemaIntrospector introspector;

        Dropped(Dialect dialect, SchemaIntrospector introspector) {
            this.dialect = dialect;
            this.introspector = introspector;
        }

        @Override
        public SchemaSnapshot materialise(Connection connection, List<Operation> operations) throws SQLException {
            String schema = newName();
            createNamed(connection, dialect, schema, "", "");
            try {
                create(connection, dialect, schema, operations);
                return introspector.snapshot(connection, schema);
            } finally {
                drop(connection, schema);
            }
        }

        private void drop(Connection connection, String schema) throws SQLException {
            execute(connection, dialect.dropSchemaWithContents(schema));
        }
    }

    /**
     * A model over several schemas ({@link SchemaPlacement}): one fresh named scratch schema per
     * model schema (so names cannot collide and foreign keys across schemas keep their target),
     * read back as one combined snapshot. Where DDL is transactional the work is rolled back; elsewhere
     * the foreign keys between scratch schemas and then the scratch schemas are dropped, whatever happened.
     */
    final class Several {
        private final Dialect dialect;
        private final SchemaIntrospector introspector;

        Several(Dialect dialect, SchemaIntrospector introspector) {
            this.dialect = dialect;
            this.introspector = introspector;
        }

        /** The combined snapshot ({@link SchemaPlacement#combine}) of what {@code operations} create. */
        public SchemaSnapshot materialise(Connection connection, List<Operation> operations, SchemaPlacement placement)
                throws SQLException {
            String home = newName();
            Map<String, String> scratchOf = new LinkedHashMap<>(); // model schema (lower case) -> scratch
            Map<String, String> realOf = new LinkedHashMap<>(); // scratch -> model schema
            realOf.put(home, placement.home());
            for (int i = 0; i < placement.others().size(); i++) {
                String other = placement.others().get(i);
                String scratch = home + "_" + (i + 1);
                scratchOf.put(SchemaPlacement.key(other), scratch);
                realOf.put(scratch, other);
            }
            UnaryOperator<String> scratch = schema -> placement.isHome(schema) ? home
                    : scratchOf.get(SchemaPlacement.key(schema));
            List<Operation> scratchOperations = ModelOperations.forScratch(operations, scratch);
            boolean transactional = dialect.capabilities().transactionalDdl();
            boolean autoCommit = connection.getAutoCommit();
            if (transactional) {
                connection.setAutoCommit(false);
            }
            List<String> created = new ArrayList<>();
            try {
                for (String schema : realOf.keySet()) {
                    createNamed(connection, dialect, schema, "", ""); // fresh random names: never there
                    created.add(schema);
                }
                if (transactional) { // rolled back with the rest
                    for (SqlStatement use : dialect.useSchema(home)) {
                        execute(connection, use);
                    }
                }
                run(connection, dialect, home, scratchOperations);
                Map<String, SchemaSnapshot> snapshots = new LinkedHashMap<>();
                for (Map.Entry<String, String> schema : realOf.entrySet()) {
                    snapshots.put(schema.getKey().equals(home) ? null : schema.getValue(),
                            introspector.snapshot(connection, schema.getKey()));
                }
                return placement.combine(snapshots, name -> realOf.getOrDefault(name,
                        realOf.getOrDefault(name.toLowerCase(Locale.ROOT), name)));
            } finally {
                if (transactional) {
                    connection.rollback();
                    connection.setAutoCommit(autoCommit);
                } else {
                    dropAll(connection, scratchOperations, created, home);
                }
            }
        }

        /** Drops the foreign keys between scratch schemas (a database drops no table another one references), then the schemas. */
        private void dropAll(Connection connection, List<Operation> scratchOperations, List<String> created, String home)
                throws SQLException {
            if (created.isEmpty()) {
                return;
            }
            for (Operation operation : scratchOperations) {
                if (operation instanceof AddConstraint add
                        && add.constraint() instanceof TableConstraint.ForeignKey fk
                        && !Objects.equals(add.table().schema(), fk.referencedTable().schema())) {
                    try {
                        for (SqlStatement statement : dialect.render(new DropConstraint(add.table(), fk.name()),
                                home)) {
                            execute(connection, statement);
                        }
                    } catch (SQLException e) {
                        // not created: the model stopped building before it
                    }
                }
            }
            SQLException failure = null;
            for (String schema : created) {
                try {
                    execute(connection, dialect.dropSchemaWithContents(schema));
                } catch (SQLException e) {
                    if (failure == null) {
                        failure = e;
                    } else {
                        failure.addSuppressed(e);
                    }
                }
            }
            if (failure != null) {
                throw failure;
            }
        }
    }
}
