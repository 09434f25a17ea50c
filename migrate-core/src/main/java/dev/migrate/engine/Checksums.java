package dev.migrate.engine;

import dev.migrate.dialect.SqlStatement;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The checksum of a revision's rendered SQL in one direction, stored in the history table so a
 * later {@code check} can tell when an applied revision changed.
 *
 * <p>Algorithm {@value #VERSION}: SHA-256 over a canonical text: per statement one line
 * {@code T|A <sql>} (T inside the transaction, A in autocommit) with every whitespace run
 * collapsed to one space and the ends trimmed, then one line {@code P <type>:<value>} per
 * parameter ({@code P null} for null, hex for bytes). Golden values are pinned in
 * {@code ChecksumsTest}: changing anything here must bump {@link #VERSION}.
 */
final class Checksums {

    /** Version of the algorithm above, stored next to every checksum. */
    static final int VERSION = 1;

    /** Compiled once: {@code String.replaceAll} would compile it again for every statement. */
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private Checksums() {
    }

    /** Hex SHA-256 of the canonical text of {@code statements}. */
    static String of(List<SqlStatement> statements) {
        return sha256(canonical(statements));
    }

    /** The text that is hashed; package-visible for tests. */
    static String canonical(List<SqlStatement> statements) {
        StringBuilder text = new StringBuilder();
        for (SqlStatement statement : statements) {
            text.append(statement.runsOutsideTransaction() ? "A " : "T ")
                    .append(WHITESPACE.matcher(statement.sql().strip()).replaceAll(" ")).append('\n');
            for (Object parameter : statement.parameters()) {
                text.append("P ").append(parameter(parameter)).append('\n');
            }
        }
        return text.toString();
    }

    private static String parameter(Object value) {
        if (value == null) {
            return "null";
        }
        String text = value instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : value.toString();
        return value.getClass().getSimpleName() + ":" + text;
    }

    private static String sha256(String text) {
        return HexFormat.of().formatHex(digest().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** A fresh digest: cloning the prototype skips the provider lookup of {@code getInstance} per revision. */
    private static MessageDigest digest() {
        try {
            return (MessageDigest) Sha256.PROTOTYPE.clone();
        } catch (CloneNotSupportedException e) {
            return Sha256.newInstance();
        }
    }

    /** Holder, so the prototype is made on first use. */
    private static final class Sha256 {
        static final MessageDigest PROTOTYPE = newInstance();

        static MessageDigest newInstance() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java platform has SHA-256", e);
            }
        }
    }
}
