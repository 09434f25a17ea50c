package dev.migrate.autogenerate;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * What autogenerate's two caches ({@link ModelSnapshotCache}, {@link ModelReadCache}) share: the
 * identity of this migrate build, SHA-256, and files written so that a run at the same time reads
 * the old or the new file, never half of one. A cache file that cannot be read or written is never
 * an error: the work is done again.
 */
final class CacheFiles {

    /** A reactor build's classes directory changes without a new version: such a build keeps its entries to itself. */
    static final String BUILD = build();

    private CacheFiles() {
    }

    static byte[] sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] sha256(byte[] bytes) {
        return digest().digest(bytes);
    }

    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    /** {@code bytes} as {@code file} in {@code directory} (created when missing); nothing when that fails. */
    static void writeQuietly(Path directory, Path file, byte[] bytes) {
        Path temporary = null;
        try {
            Files.createDirectories(directory);
            // Not Files.createTempFile, whose owner-only permissions would ignore the user's umask.
            temporary = directory.resolve(file.getFileName() + "." + UUID.randomUUID() + ".tmp");
            Files.write(temporary, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException atomicNotSupported) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            deleteQuietly(temporary); // a read-only target directory: the next run does the work again
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

    /** This migrate build: its version and jar (size and time), or a value of this JVM alone for classes not in a jar. */
    private static String build() {
        String version = String.valueOf(CacheFiles.class.getPackage().getImplementationVersion());
        try {
            CodeSource source = CacheFiles.class.getProtectionDomain().getCodeSource();
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
}
