package dev.migrate.autogenerate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Everything that decides the model a {@link ModelSource} reads for a request, as one SHA-256
 * digest, so that {@link ModelReadCache} can tell a project whose model cannot have changed: the
 * request (entities, database and its version, naming, schema, the application's settings, the JVM's
 * {@code hibernate.*} and {@code jakarta.persistence.*} system properties), every
 * file of the class path's directories by content (the project's compiled classes and resources),
 * every jar by path, size and time (Hibernate's version, the model reader's), this migrate build
 * and the Java version. Whatever is left out of the digest must not be able to change the model;
 * {@link Builder#classPath} takes a filter for files known not to (the project's own revisions).
 *
 * @param digest the SHA-256 of the inputs, in hex
 * @param slot   the request's database and schema, in hex: one cache file per slot, so projects
 *               that compare several databases keep one entry each
 */
public record ModelInputs(String digest, String slot) {

    public ModelInputs {
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(slot, "slot");
    }

    /** A builder starting from {@code request}'s own values (not its class loader: add its class path). */
    public static Builder of(ModelRequest request) {
        return new Builder(request);
    }

    /** Collects the inputs; not thread-safe, used once. */
    public static final class Builder {

        private final MessageDigest digest = CacheFiles.digest();
        private final String slot;

        private Builder(ModelRequest request) {
            slot = HexFormat.of().formatHex(CacheFiles.sha256(request.database() + "\n" + request.schema())).substring(0, 16);
            value("migrate", CacheFiles.BUILD);
            value("java", System.getProperty("java.version"));
            value("entities", String.join(",", request.entityClasses()));
            value("database", request.database());
            value("naming", request.namingStrategy());
            value("schema", request.schema());
            value("identifierCase", String.valueOf(request.identifierCase()));
            value("databaseVersion", String.valueOf(request.databaseVersion()));
            for (Map.Entry<String, String> setting : request.settings().values().entrySet()) {
                value("setting " + setting.getKey(), setting.getValue());
            }
            // Hibernate also reads the JVM's system properties (mvn -Dhibernate.default_schema=...).
            for (String name : new TreeSet<>(System.getProperties().stringPropertyNames())) {
                if (name.startsWith("hibernate.") || name.startsWith("jakarta.persistence.") || name.startsWith("javax.persistence.")) {
                    value("system property " + name, System.getProperty(name));
                }
            }
        }

        /** A named value that decides the model (a reader's name, an option). */
        public Builder value(String name, String value) {
            text(name);
            text(value);
            return this;
        }

        /**
         * One class path entry: a directory by the content of every file in it, except those whose
         * path relative to it ({@code /}-separated) {@code skipped} accepts; a jar or other file by
         * its path, size and modification time; a missing entry as missing.
         */
        public Builder classPath(Path entry, Predicate<String> skipped) {
            text("class path " + entry.toAbsolutePath());
            try {
                if (Files.isDirectory(entry)) {
                    directory(entry, skipped);
                } else if (Files.isRegularFile(entry)) {
                    text(Files.size(entry) + " " + Files.getLastModifiedTime(entry).toMillis());
                } else {
                    text("missing");
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the class path entry " + entry + ": " + e.getMessage(), e);
            }
            return this;
        }

        public ModelInputs build() {
            return new ModelInputs(HexFormat.of().formatHex(digest.digest()), slot);
        }

        private void directory(Path root, Predicate<String> skipped) throws IOException {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(root)) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path file : files) {
                String relative = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
                if (skipped.test(relative)) {
                    continue;
                }
                text(relative);
                digest.update(CacheFiles.sha256(Files.readAllBytes(file)));
            }
        }

        /** Length-prefixed, so that no two different sequences of values give the same bytes. */
        private void text(String value) {
            byte[] bytes = String.valueOf(value).getBytes(StandardCharsets.UTF_8);
            digest.update((byte) (value == null ? 0 : 1));
            digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.UTF_8));
            digest.update((byte) ':');
            digest.update(bytes);
        }
    }
}
