package dev.migrate.processor;

import static com.google.common.truth.Truth.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.junit.jupiter.api.Test;

/** The processor's own SHA-256 agrees with the JDK's, across the padding's edge cases. */
class Sha256Test {

    @Test
    void digestsAsTheJdkDoesForEveryLengthAroundTheBlockBoundaries() throws NoSuchAlgorithmException {
        MessageDigest jdk = MessageDigest.getInstance("SHA-256");
        for (int length = 0; length <= 200; length++) {
            byte[] message = new byte[length];
            for (int i = 0; i < length; i++) {
                message[i] = (byte) (i * 31 + length);
            }
            assertThat(Sha256.digest(message)).isEqualTo(jdk.digest(message));
        }
    }

    @Test
    void digestsTheEmptyMessageAsFips180Says() {
        assertThat(java.util.HexFormat.of().formatHex(Sha256.digest(new byte[0])))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void digestsALongMessage() throws NoSuchAlgorithmException {
        byte[] names = "com.example.migrations.V0001_AddSomething\n".repeat(2_000).getBytes(StandardCharsets.UTF_8);
        assertThat(Sha256.digest(names)).isEqualTo(MessageDigest.getInstance("SHA-256").digest(names));
    }
}
