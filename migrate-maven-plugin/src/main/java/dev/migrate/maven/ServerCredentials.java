package dev.migrate.maven;

import dev.migrate.MigrateException;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/** Reads the {@code <server>} named by {@code migrate.serverId} from settings.xml, decrypting its password. */
final class ServerCredentials {

    /** {@code org.x.SomeException: } inside the decrypter's messages: noise for the reader. */
    private static final Pattern EXCEPTION_NAME =
            Pattern.compile("(?:[a-zA-Z_$][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error): ");

    private final Settings settings;
    private final SettingsDecrypter decrypter;

    ServerCredentials(Settings settings, SettingsDecrypter decrypter) {
        this.settings = settings;
        this.decrypter = decrypter;
    }

    /** The credentials from every place a user may give them; conflicts are reported when they are read. */
    Credentials credentials(String serverId, String user, String envPassword, String propertyPassword) {
        return credentials(serverId, user, envPassword, propertyPassword, CredentialPlaces.PLUGIN);
    }

    /** {@link #credentials(String, String, String, String)} set in {@code places} (an entry of {@code <databases>}). */
    Credentials credentials(String serverId, String user, String envPassword, String propertyPassword,
            CredentialPlaces places) {
        if (serverId == null || serverId.isBlank()) {
            return new Credentials(null, null, null, user, envPassword, propertyPassword, places);
        }
        Server server = decrypted(serverId.trim(), places.serverId());
        return new Credentials(serverId.trim(), server.getUsername(), server.getPassword(), user, envPassword,
                propertyPassword, places);
    }

    private Server decrypted(String serverId, String setting) {
        Server server = settings == null ? null : settings.getServer(serverId);
        if (server == null) {
            throw new MigrateException(setting + " is '" + serverId + "' but settings.xml has no <server> with"
                    + " that <id>. Add <server><id>" + serverId + "</id><username>...</username><password>...</password>"
                    + "</server> to ~/.m2/settings.xml, or fix " + setting + ".");
        }
        SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        String errors = result.getProblems().stream()
                .filter(problem -> problem.getSeverity() != SettingsProblem.Severity.WARNING)
                .map(SettingsProblem::getMessage)
                .map(message -> EXCEPTION_NAME.matcher(message).replaceAll(""))
                .collect(Collectors.joining("; "));
        if (!errors.isEmpty()) {
            throw new MigrateException("Cannot decrypt the password of the settings.xml <server> '" + serverId
                    + "' (" + setting + "): " + errors + ". Check the master password in ~/.m2/settings-security.xml (or the"
                    + " file -Dsettings.security names) and the encrypted value, re-encrypted with mvn --encrypt-password.");
        }
        return result.getServer();
    }
}
