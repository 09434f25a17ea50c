package dev.migrate.hibernate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrate.Migration;
import dev.migrate.Migrator;
import dev.migrate.Operations;
import dev.migrate.autogenerate.AutogenerateOptions;
import dev.migrate.autogenerate.AutogenerateResult;
import dev.migrate.autogenerate.ConnectedDatabase;
import dev.migrate.autogenerate.ModelInputs;
import dev.migrate.autogenerate.ModelReadCache;
import dev.migrate.autogenerate.ModelRequest;
import dev.migrate.autogenerate.ModelSchema;
import dev.migrate.autogenerate.OperationReplay;
import dev.migrate.dialect.ConstraintSnapshot;
import dev.migrate.dialect.Dialects;
import dev.migrate.dialect.SchemaSnapshot;
import dev.migrate.dialect.TableSnapshot;
import dev.migrate.graph.RevisionDescriptor;
import dev.migrate.index.IndexedRevision;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.hibernate.boot.MetadataBuilder;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.junit.jupiter.api.Assumptions;

/** What the round-trip tests share: a generated revision applied as the plugin's source would, and schema reads. */
final class GeneratedRevisions {

    /** migrate's own tables, never part of a compared schema. */
    static final List<String> BOOKKEEPING = List.of("migrate_version", "migrate_history", "migrate_lock", "migrate_progress");

    private GeneratedRevisions() {
    }

    /**
     * A migration whose upgrade and downgrade replay {@code result}'s operations through
     * {@link OperationReplay}: the very calls the plugin's generated revision source makes.
     */
    static Migration replaying(AutogenerateResult result) {
        return new Migration() {
            @Override
            public void upgrade(Operations op) {
                OperationReplay.replay(result.upgrade(), op);
            }

            @Override
            public void downgrade(Operations op) {
                OperationReplay.replay(result.downgrade(), op);
            }
        };
    }

    /** Revision {@code id} on top of {@code parent} (null: the first), replaying {@code result}. */
    static IndexedRevision revision(String id, String parent, String message, AutogenerateResult result) {
        return new IndexedRevision(new RevisionDescriptor(id, parent == null ? List.of() : List.of(parent), List.of(),
                List.of(), message, "test.Rev_" + id), () -> replaying(result));
    }

    /** The schema at {@code url} (its connection's default schema), migrate's own tables left out. */
    static SchemaSnapshot snapshot(String url) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url)) {
            return Dialects.introspectorForUrl(url).snapshot(connection, null).withoutTables(BOOKKEEPING);
        }
    }

    /**
     * Every name compared on PostgreSQL and MariaDB, where migrate names a constraint Hibernate
     * leaves unnamed as the database would; on H2, which makes up a new name each time, the names
     * of primary key, unique and check constraints are left out.
     */
    static SchemaSnapshot comparable(String database, SchemaSnapshot snapshot) {
        if (!database.equals("h2")) {
            return snapshot;
        }
        return new SchemaSnapshot(snapshot.tables().stream().map(table -> new TableSnapshot(table.name(),
                table.columns(), table.indexes(), table.constraints().stream().map(c ->
                        c.kind() == ConstraintSnapshot.Kind.FOREIGN_KEY ? c : new ConstraintSnapshot(c.kind(), null, c.definition()))
                        .toList())).toList(), snapshot.sequences());
    }

    /** A test that takes fresh, empty databases by name. */
    interface OnDatabases {
        /** @param newDatabase a fresh, empty database's URL for a name */
        void run(Function<String, String> newDatabase) throws SQLException;
    }

    /**
     * Runs {@code test} with databases {@code prefix_<name>_<random>} created on the server
     * {@code variable} names and dropped after it; without that variable the test is skipped, or
     * fails on CI.
     */
    static void onServer(String database, String variable, String forceDrop, String prefix, OnDatabases test)
            throws SQLException {
        String server = System.getenv(variable);
        if (server == null || server.isBlank()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(variable + " is not set; CI needs " + database);
            }
            Assumptions.abort(variable + " is not set");
        }
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        List<String> created = new ArrayList<>();
        try {
            test.run(name -> {
                String databaseName = prefix + "_" + name + "_" + id;
                try (Connection admin = DriverManager.getConnection(server); Statement statement = admin.createStatement()) {
                    statement.execute("CREATE DATABASE " + databaseName);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
                created.add(databaseName);
                return server.replaceFirst("/([^/?]+)(\\?|$)", "/" + databaseName + "$2");
            });
        } finally {
            try (Connection admin = DriverManager.getConnection(server); Statement statement = admin.createStatement()) {
                for (String databaseName : created) {
                    statement.execute("DROP DATABASE IF EXISTS " + databaseName + forceDrop);
                }
            }
        }
    }

    /** A migrator over {@code revisions} at {@code url}. */
    static Migrator migrator(String url, List<IndexedRevision> revisions) {
        return Migrator.builder().url(url).revisions(List.copyOf(revisions)).build();
    }

    /** Autogenerate with the default options against the database at {@code url}, at {@code revisions}' head. */
    static AutogenerateResult autogenerate(String url, List<IndexedRevision> revisions,
                                           Function<ConnectedDatabase, ModelSchema> model) {
        return migrator(url, revisions).autogenerate(model, AutogenerateOptions.defaults());
    }

    /** {@code entities} read as the plugin reads them, named as {@code naming} says, once the database has said how it folds names. */
    static Function<ConnectedDatabase, ModelSchema> model(String database, String naming, List<String> entities) {
        ModelRequest request = new ModelRequest(GeneratedRevisions.class.getClassLoader(), entities, database, naming, null);
        return connected -> remembered(request.forDatabase(connected));
    }

    /**
     * The model Hibernate reads for {@code request}, as the Maven plugin's model read cache gives it
     * back on the next run: every catalogue compares the remembered model, so a mapping whose
     * operations the cache's format loses fails there.
     */
    static ModelSchema remembered(ModelRequest request) {
        Path directory = Path.of("target", "model-read-cache-test", UUID.randomUUID().toString()); // tests may run at once
        ModelReadCache cache = new ModelReadCache(directory);
        ModelInputs inputs = ModelInputs.of(request).build();
        ModelSchema read = cache.read(inputs, () -> new HibernateModelSource().read(request)).model();
        ModelReadCache.Read again = cache.read(inputs, () -> {
            throw new AssertionError("the model read cache did not remember the model of " + request.entityClasses());
        });
        assertEquals(read, again.model(), "the model read cache changed the model of " + request.entityClasses());
        try (var files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
            Files.delete(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return again.model();
    }

    /**
     * Starts Hibernate on {@code url} with {@code entities} named as {@code naming} says
     * ({@code spring}: Spring Boot's strategies; {@code jpa}: Hibernate's defaults) and {@code settings}
     * on top, as an application starts it, and closes it again. With
     * {@code hibernate.hbm2ddl.auto=create-only} this is Hibernate's own schema export; without, its
     * start-up checks (a sequence's increment against {@code allocationSize}) still run.
     */
    static void startHibernate(String database, String url, List<String> entities, String naming,
                               Map<String, String> settings) {
        StandardServiceRegistryBuilder registryBuilder = new StandardServiceRegistryBuilder()
                .applySetting("hibernate.dialect", MetadataReader.dialect(database))
                .applySetting("hibernate.connection.url", url);
        settings.forEach(registryBuilder::applySetting);
        StandardServiceRegistry registry = registryBuilder.build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            for (String entity : entities) {
                if (entity.endsWith(".package-info")) {
                    // A package's own annotations (a generator), as Spring Boot's scan adds them.
                    sources.addPackage(entity.substring(0, entity.length() - ".package-info".length()));
                    continue;
                }
                try {
                    sources.addAnnotatedClass(Class.forName(entity));
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException(e);
                }
            }
            MetadataBuilder builder = sources.getMetadataBuilder();
            // Spring Boot's defaults, unless the settings name a strategy (Spring Boot's own precedence).
            if (naming.equals("spring") && !settings.containsKey("hibernate.physical_naming_strategy")) {
                builder.applyPhysicalNamingStrategy(new CamelCaseToUnderscoresNamingStrategy());
            }
            if (naming.equals("spring") && !settings.containsKey("hibernate.implicit_naming_strategy")) {
                builder.applyImplicitNamingStrategy(new SpringImplicitNamingStrategy());
            }
            builder.build().getSessionFactoryBuilder().build().close();
        } finally {
            StandardServiceRegistryBuilder.destroy(registry);
        }
    }
}
