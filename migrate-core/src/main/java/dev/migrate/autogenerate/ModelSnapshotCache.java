package dev.migrate.autogenerate;

import dev.migrate.MigrateException;
import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.MaskedUrl;
import dev.migrate.dialect.SchemaSnapshot;
import dev.migrate.dialect.SequenceSnapshot;
import dev.migrate.dialect.SqlStatement;
import dev.migrate.dialect.TableSnapshot;
import dev.migrate.ops.AddConstraint;
import dev.migrate.ops.CreateIndex;
import dev.migrate.ops.CreateSequence;
import dev.migrate.ops.CreateTable;
import dev.migrate.ops.Operation;
import dev.migrate.ops.QualifiedName;
import dev.migrate.ops.TableConstraint;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Remembers how the database built each table and sequence of the model, so that the next
 * comparison builds in the scratch schema only what changed since (nothing, when the entities did not
 * change): building the model and reading it back is most of autogenerate's and {@code check}'s time
 * after Hibernate's start.
 * <p>
 * A table's snapshot is a function of its own statements (the table, its indexes, its foreign
 * keys, which name the tables they point at) and of the server that runs them. So each table and
 * each sequence has its own key: a SHA-256 of its statements with their parameters, the server's
 * product and version, the driver's, the database, the user, the URL (without its password), and
 * this migrate build. When some keys miss, only those tables are built, with the tables their
 * foreign keys point at (without their own keys and indexes, and not taken from that build). One
 * file per server and database holds the latest model's entries, so it does not grow. A model with
 * an operation of another kind, a snapshot that cannot be told apart by table, or a file that
 * cannot be read or written is no error: the model is built whole, as without a cache.
 */
public final class ModelSnapshotCache {

    /** Where the keys' statements are rendered: any fixed name, as the statements are only hashed. */
    private static final String KEY_SCHEMA = "migrate_autogen_key";
    private static final int DIGEST_LENGTH = 32;
    private static final int FORMAT = 1;

    private final Path directory;

    /** A cache in {@code directory} (created when first written; {@code target/migrate} in a Maven project). */
    public ModelSnapshotCache(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    /** {@code scratch}, building only what this cache does not hold for this server. */
    ScratchSchema around(ScratchSchema scratch, Dialect dialect) {
        return (connection, operations) -> {
            Units units = Units.of(operations);
            if (units == null) {
                return scratch.materialise(connection, operations);
            }
            String server = server(connection);
            Path file = directory.resolve("model-" + HexFormat.of().formatHex(sha256(server)).substring(0, 16) + ".snapshot");
            Map<String, Key> keys = new LinkedHashMap<>(); // unit name -> key
            for (Unit unit : units.all()) {
                keys.put(unit.name(), new Key(sha256(server + '\n' + CacheFiles.BUILD + '\n' + statements(dialect, unit.operations()))));
            }
            Map<Key, SchemaSnapshot> entries = read(file);
            List<Unit> missing = units.all().stream().filter(unit -> !entries.containsKey(keys.get(unit.name()))).toList();
            if (missing.isEmpty()) {
                return assemble(units, keys, entries);
            }
            boolean whole = missing.size() == units.all().size();
            Build build = units.toBuild(missing);
            SchemaSnapshot built;
            try {
                built = scratch.materialise(connection, build.operations());
            } catch (MigrateException | SQLException e) {
                if (whole) {
                    throw e;
                }
                return scratch.materialise(connection, operations); // a part that needs more of the model: the whole
            }
            Map<Key, SchemaSnapshot> now = new LinkedHashMap<>();
            for (Unit unit : missing) {
                SchemaSnapshot own = unit.in(built);
                if (own == null || !build.explains(built)) { // the database made something no unit names
                    return whole ? built : scratch.materialise(connection, operations);
                }
                now.put(keys.get(unit.name()), own);
            }
            entries.keySet().retainAll(keys.values()); // the latest model's entries only
            entries.putAll(now);
            write(file, entries);
            return assemble(units, keys, entries);
        };
    }

    private static SchemaSnapshot assemble(Units units, Map<String, Key> keys, Map<Key, SchemaSnapshot> entries) {
        List<TableSnapshot> tables = new ArrayList<>();
        List<SequenceSnapshot> sequences = new ArrayList<>();
        for (Unit unit : units.all()) {
            SchemaSnapshot own = entries.get(keys.get(unit.name()));
            tables.addAll(own.tables());
            sequences.addAll(own.sequences());
        }
        return new SchemaSnapshot(tables, sequences);
    }

    /** One entry's key. */
    private record Key(byte[] digest) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Key that && Arrays.equals(digest, that.digest);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(digest);
        }
    }

    /**
     * A table with the operations that make it what it is (its indexes, its keys, whose text names the
     * tables they point at), or a sequence; {@code name} lower case, as the snapshot is searched.
     */
    private record Unit(String name, boolean table, List<Operation> operations) {

        /** This unit's part of {@code built}: its one table or sequence, or null when the name does not tell it. */
        SchemaSnapshot in(SchemaSnapshot built) {
            if (table) {
                List<TableSnapshot> found = built.tables().stream().filter(t -> t.name().equalsIgnoreCase(name)).toList();
                return found.size() == 1 ? new SchemaSnapshot(found, List.of()) : null;
            }
            List<SequenceSnapshot> found = built.sequences().stream().filter(q -> q.name().equalsIgnoreCase(name)).toList();
            return found.size() == 1 ? new SchemaSnapshot(List.of(), found) : null;
        }
    }

    /** What a partial build runs, and the tables and sequences it creates (lower case). */
    private record Build(List<Operation> operations, Set<String> tables, Set<String> sequences) {

        /** Whether every table and sequence in {@code built} is one this build created. */
        boolean explains(SchemaSnapshot built) {
            return built.tables().stream().allMatch(t -> tables.contains(t.name().toLowerCase(Locale.ROOT)))
                    && built.sequences().stream().allMatch(q -> sequences.contains(q.name().toLowerCase(Locale.ROOT)));
        }
    }

    /**
     * The model as units: null when it holds an operation of another kind, an object in a named
     * schema, two objects of one name, or an index or key on a table it does not create.
     */
    private record Units(List<Unit> all, Map<String, Unit> tables) {

        static Units of(List<Operation> operations) {
            Map<String, List<Operation>> tableOperations = new LinkedHashMap<>();
            Map<String, List<Operation>> sequenceOperations = new LinkedHashMap<>();
            Set<String> created = new HashSet<>();
            for (Operation operation : operations) {
                QualifiedName object;
                if (operation instanceof CreateTable create) {
                    object = create.table();
                    if (!created.add(key(object))) {
                        return null;
                    }
                } else if (operation instanceof CreateIndex index) {
                    object = index.table();
                } else if (operation instanceof AddConstraint add) {
                    object = add.table();
                } else if (operation instanceof CreateSequence sequence) {
                    object = sequence.sequence();
                    if (object.schema() != null || sequenceOperations.put(key(object), List.of(operation)) != null) {
                        return null;
                    }
                    continue;
                } else {
                    return null;
                }
                if (object.schema() != null) {
                    return null;
                }
                tableOperations.computeIfAbsent(key(object), k -> new ArrayList<>()).add(operation);
            }
            if (!created.equals(tableOperations.keySet()) || tableOperations.keySet().stream().anyMatch(sequenceOperations::containsKey)) {
                return null;
            }
            List<Unit> all = new ArrayList<>();
            Map<String, Unit> tables = new LinkedHashMap<>();
            sequenceOperations.forEach((name, own) -> all.add(new Unit(name, false, own)));
            tableOperations.forEach((name, own) -> {
                Unit unit = new Unit(name, true, List.copyOf(own));
                all.add(unit);
                tables.put(name, unit);
            });
            return new Units(List.copyOf(all), tables);
        }

        /**
         * What builds {@code missing}: every sequence (a default may name one), the tables the missing
         * ones' foreign keys point at (without foreign keys of their own, so their keys' targets
         * exist), and the missing tables themselves.
         */
        Build toBuild(List<Unit> missing) {
            Set<String> targets = new LinkedHashSet<>();
            for (Unit unit : missing) {
                for (Operation operation : unit.operations()) {
                    List<TableConstraint> constraints = operation instanceof CreateTable create ? create.constraints()
                            : operation instanceof AddConstraint add ? List.of(add.constraint()) : List.of();
                    for (TableConstraint constraint : constraints) {
                        if (constraint instanceof TableConstraint.ForeignKey key) {
                            targets.add(key(key.referencedTable()));
                        }
                    }
                }
            }
            List<Operation> operations = new ArrayList<>();
            Set<String> tableNames = new HashSet<>();
            Set<String> sequenceNames = new HashSet<>();
            for (Unit unit : all) {
                if (!unit.table()) {
                    operations.addAll(unit.operations());
                    sequenceNames.add(unit.name());
                }
            }
            for (String target : targets) {
                Unit unit = tables.get(target);
                if (unit != null && missing.stream().noneMatch(m -> m.name().equals(target))) {
                    operations.addAll(withoutForeignKeys(unit.operations()));
                    tableNames.add(target);
                }
            }
            for (Unit unit : missing) {
                if (unit.table()) {
                    operations.addAll(unit.operations());
                    tableNames.add(unit.name());
                }
            }
            return new Build(operations, tableNames, sequenceNames);
        }

        private static List<Operation> withoutForeignKeys(List<Operation> operations) {
            List<Operation> kept = new ArrayList<>();
            for (Operation operation : operations) {
                if (operation instanceof CreateTable create) {
                    kept.add(new CreateTable(create.table(), create.columns(), create.constraints().stream()
                            .filter(c -> !(c instanceof TableConstraint.ForeignKey)).toList(), create.comment()));
                } else if (!(operation instanceof AddConstraint add && add.constraint() instanceof TableConstraint.ForeignKey)) {
                    kept.add(operation);
                }
            }
            return kept;
        }

        private static String key(QualifiedName name) {
            return name.name().toLowerCase(Locale.ROOT);
        }
    }

    /** The entries of {@code file}; none when it is missing, of another format, or damaged. */
    private static Map<Key, SchemaSnapshot> read(Path file) {
        Map<Key, SchemaSnapshot> entries = new LinkedHashMap<>();
        try {
            if (!Files.isRegularFile(file)) {
                return entries;
            }
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(Files.readAllBytes(file)))) {
                if (in.readInt() != FORMAT) {
                    return entries;
                }
                for (int count = in.readInt(); count > 0; count--) {
                    byte[] digest = in.readNBytes(DIGEST_LENGTH);
                    int length = in.readInt();
                    if (digest.length != DIGEST_LENGTH || length < 0 || length > in.available()) {
                        return new LinkedHashMap<>();
                    }
                    entries.put(new Key(digest), SnapshotCodec.decode(in.readNBytes(length)));
                }
            }
            return entries;
        } catch (IOException | RuntimeException e) {
            return new LinkedHashMap<>(); // damaged or unreadable: built afresh, and the file written again
        }
    }

    private void write(Path file, Map<Key, SchemaSnapshot> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(FORMAT);
            out.writeInt(entries.size());
            for (Map.Entry<Key, SchemaSnapshot> entry : entries.entrySet()) {
                byte[] encoded = SnapshotCodec.encode(entry.getValue());
                out.write(entry.getKey().digest());
                out.writeInt(encoded.length);
                out.write(encoded);
            }
        } catch (IOException e) {
            return; // in memory: does not happen
        }
        CacheFiles.writeQuietly(directory, file, bytes.toByteArray());
    }

    /** What, besides the statements, decides how the database normalises them: the server, the driver, where and as whom. */
    private static String server(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        return String.join("\n", meta.getDatabaseProductName(), meta.getDatabaseProductVersion(), meta.getDriverName(),
                meta.getDriverVersion(), String.valueOf(connection.getCatalog()), String.valueOf(meta.getUserName()),
                MaskedUrl.mask(meta.getURL()));
    }

    private static String statements(Dialect dialect, List<Operation> operations) {
        StringBuilder text = new StringBuilder(dialect.getClass().getName()).append('\n');
        for (Operation operation : ModelOperations.forScratch(operations)) { // as the scratch schema runs them
            for (SqlStatement statement : dialect.render(operation, KEY_SCHEMA)) {
                text.append(statement.sql()).append('\n');
                for (Object parameter : statement.parameters()) {
                    text.append('\t').append(parameter == null ? "null" : parameter.getClass().getName() + ":" + parameter)
                            .append('\n');
                }
                text.append('\0');
            }
        }
        return text.toString();
    }

    private static byte[] sha256(String text) {
        return CacheFiles.sha256(text);
    }
}
