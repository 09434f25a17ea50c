package dev.migrate.autogenerate;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The primitives of the cache codecs ({@link SnapshotCodec}, {@link ModelCodec}): strings as a
 * length and UTF-8 bytes (length -1 for null), and counts checked against what is left, so a
 * damaged file fails with an {@link IOException} instead of allocating what its bytes claim.
 */
final class CodecStreams {

    private CodecStreams() {
    }

    static void string(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    static String string(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length == -1) {
            return null;
        }
        if (length < 0 || length > in.available()) {
            throw new IOException("a string of " + length + " bytes");
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    static String required(DataInputStream in) throws IOException {
        String value = string(in);
        if (value == null) {
            throw new IOException("a name or definition is missing");
        }
        return value;
    }

    static int count(DataInputStream in) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > in.available()) {
            throw new IOException("a count of " + count);
        }
        return count;
    }
}
