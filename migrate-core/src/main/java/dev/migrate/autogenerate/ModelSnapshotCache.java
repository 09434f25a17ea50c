package dev.migrate.autogenerate;

import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.MaskedUrl;
import dev.migrate.dialect.SchemaSnapshot;
import dev.migrate.dialect.SqlStatement;
import dev.migrate.ops.Operation;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Remembers the snapshot of the model's schema as the database built it, so that the next
 * comparison of the same model with the same server skips building the model in a scratch schema
 * and reading it back (most of autogenerate's and {@code check}'s time after Hibernate's start).
 * <p>
 * The snapshot is a function of the model's DDL and of the server that runs it: the key is a
 * SHA-256 of every statement the scratch schema would run (with their parameters), the server's
 * product and version, the driver's, the database, the user and the URL (without its password),
 * and of this migrate build. Any change to an entity changes a statement, so a changed model is
 * built afresh; an unchanged one is read from the file. One file per server and database, holding
 * the latest model's key and snapshot, so the directory does not grow. A file that cannot be read
 * or written is no error: the model is built as without a cache.
 */
public final class ModelSnapshotCache {

    /** Where the key's statements are rendered: any fixed name, as the statements are only hashed. */
    private static final String KEY_SCHEMA = "migrate_autogen_key";
    private static final int DIGEST_LENGTH = 32;
    /** A reactor build's classes directory changes without a new version: such a build keeps its entries to itself. */
    private static final String BUILD = build();

    private final Path directory;

    /** A cache in {@code directory} (created when first written; {@code target/migrate} in a Maven project). */
    public ModelSnapshotCache(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    public Path directory() {
        return directory;
    }

    /** {@code scratch}, answering from this cache where it holds the model's snapshot for this server. */
    ScratchSchema around(ScratchSchema scratch, Dialect dialect) {
        return (connection, operations) -> {
            String server = server(connection);
            Path file = directory.resolve("model-" + HexFormat.of().formatHex(sha256(server)).substring(0, 16) + ".snapshot");
            byte[] key = sha256(server + '\n' + BUILD + '\n' + statements(dialect, operations));
            SchemaSnapshot cached = read(file, key);
            if (cached != null) {
                return cached;
            }
            SchemaSnapshot built = scratch.materialise(connection, operations);
            write(file, key, built);
            return built;
        };
    }

    private static SchemaSnapshot read(Path file, byte[] key) {
        try {
            if (!Files.isRegularFile(file)) {
                return null;
            }
            byte[] content = Files.readAllBytes(file);
            if (content.length < DIGEST_LENGTH || !Arrays.equals(content, 0, DIGEST_LENGTH, key, 0, DIGEST_LENGTH)) {
                return null; // another model's, or another build's
            }
            return SnapshotCodec.decode(Arrays.copyOfRange(content, DIGEST_LENGTH, content.length));
        } catch (IOException | RuntimeException e) {
            return null; // damaged or unreadable: built afresh, and the file written again
        }
    }

    /** Written to a file of its own first and then moved, so a run at the same time reads the old or the new file, never half of one. */
    private void write(Path file, byte[] key, SchemaSnapshot snapshot) {
        byte[] encoded = SnapshotCodec.encode(snapshot);
        byte[] content = Arrays.copyOf(key, DIGEST_LENGTH + encoded.length);
        System.arraycopy(encoded, 0, content, DIGEST_LENGTH, encoded.length);
        Path temporary = null;
        try {
            Files.createDirectories(directory);
            temporary = Files.createTempFile(directory, "model-", ".tmp");
            Files.write(temporary, content);
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException atomicNotSupported) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            deleteQuietly(temporary); // a read-only target directory: the next run builds the model again
        }
    }

    private static void deleteQuietly(Path temporary) {
        if (temporary == null) {
            return;
        }
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException e) {
            // nothing more to do
        }
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
        for (Operation operation : ModelOperations.forScratch(operations)) {
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

    /** This migrate build: its version and jar (size and time), or a value of this JVM alone for classes not in a jar. */
    private static String build() {
        String version = String.valueOf(ModelSnapshotCache.class.getPackage().getImplementationVersion());
        try {
            CodeSource source = ModelSnapshotCache.class.getProtectionDomain().getCodeSource();
            Path location = source == null ? null : Path.of(source.getLocation().toURI());
            if (location != null && Files.isRegularFile(location)) {
                return version + " " + location.getFileName() + " " + Files.size(location) + " "
                        + Files.getLastModifiedTime(location).toMillis();
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            // fall through: no jar to tell this build by
        }
        return version + " " + UUID.randomUUID();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
