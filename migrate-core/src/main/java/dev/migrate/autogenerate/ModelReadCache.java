package dev.migrate.autogenerate;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Remembers the last model a {@link ModelSource} read, under the digest of everything that decides
 * it ({@link ModelInputs}): when the project's classes, resources, class path and settings are the
 * same as last time, the model is what it was, and reading the entities again (starting Hibernate
 * ORM in a new JVM, most of a Maven run's time) is skipped. Any change to any input reads the model
 * again. One file per database and schema ({@code model-read-<slot>.cache} in the directory, which
 * is {@code target/migrate} in a Maven project, so {@code mvn clean} empties it); a file that cannot
 * be read or written, or a model this format cannot carry, only means the model is read.
 */
public final class ModelReadCache {

    private static final int FORMAT = 1;

    private final Path directory;

    /** A cache in {@code directory}, created when first written. */
    public ModelReadCache(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    /**
     * The model for {@code inputs}: the one remembered for them, else the one {@code reader} reads,
     * which is then remembered in place of the last.
     */
    public Read read(ModelInputs inputs, Supplier<ModelSchema> reader) {
        Path file = directory.resolve("model-read-" + inputs.slot() + ".cache");
        byte[] digest = HexFormat.of().parseHex(inputs.digest());
        ModelSchema remembered = remembered(file, digest);
        if (remembered != null) {
            return new Read(remembered, true);
        }
        ModelSchema model = reader.get();
        byte[] encoded = ModelCodec.encode(model);
        if (encoded != null) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeInt(FORMAT);
                out.writeInt(digest.length);
                out.write(digest);
                out.write(encoded);
            } catch (IOException e) {
                return new Read(model, false); // in memory: does not happen
            }
            CacheFiles.writeQuietly(directory, file, bytes.toByteArray());
        }
        return new Read(model, false);
    }

    /** The model in {@code file} when it was read for {@code digest}; null when not, or when the file is missing or damaged. */
    private static ModelSchema remembered(Path file, byte[] digest) {
        try {
            if (!Files.isRegularFile(file)) {
                return null;
            }
            byte[] bytes = Files.readAllBytes(file);
            int header = 8 + digest.length;
            if (bytes.length < header || ByteBuffer.wrap(bytes).getInt(0) != FORMAT || ByteBuffer.wrap(bytes).getInt(4) != digest.length
                    || !Arrays.equals(bytes, 8, header, digest, 0, digest.length)) {
                return null;
            }
            return ModelCodec.decode(Arrays.copyOfRange(bytes, header, bytes.length));
        } catch (IOException | RuntimeException e) {
            return null; // read again, and the file written again
        }
    }

    /**
     * A model, and whether it was remembered rather than read.
     *
     * @param model      the model's schema
     * @param remembered true when it comes from the cache
     */
    public record Read(ModelSchema model, boolean remembered) {

        public Read {
            Objects.requireNonNull(model, "model");
        }
    }
}
