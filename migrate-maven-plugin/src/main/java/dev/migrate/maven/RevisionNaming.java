package dev.migrate.maven;

import dev.migrate.MigrateException;
import dev.migrate.graph.RevisionDescriptor;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.SourceVersion;

/** Names for generated revisions: fresh ids, class names from messages, and the package revisions share. */
final class RevisionNaming {

    /** The longest class name a message becomes, whole words only. */
    static final int MAX_CLASS_NAME = 60;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<String> IMPORTED = Set.of("Revision", "Migration", "Operations", "ColumnType",
            "ReferentialAction");

    private RevisionNaming() {
    }

    /** A fresh 12-hex-digit id that no existing revision has (Alembic's {@code uuid4().hex[-12:]}). */
    static String newId(Collection<RevisionDescriptor> existing) {
        Set<String> taken = new TreeSet<>();
        existing.forEach(revision -> taken.add(revision.id()));
        String id;
        do {
            byte[] bytes = new byte[6];
            RANDOM.nextBytes(bytes);
            id = HexFormat.of().formatHex(bytes);
        } while (taken.contains(id));
        return id;
    }

    /**
     * {@code "add ticket priority"} becomes {@code AddTicketPriority}; no message gives {@code Revision<id>}.
     * Accented letters lose their accents ({@code "déjà vu"} is {@code DejaVu}), other characters separate
     * words, and the name stops at the last whole word within {@value #MAX_CLASS_NAME} characters (as
     * Alembic truncates its file names), so a long message never makes a file name the file system refuses.
     */
    static String className(String message, String id) {
        String ascii = Normalizer.normalize(message, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        StringBuilder name = new StringBuilder();
        for (String word : ascii.split("[^A-Za-z0-9]+")) {
            if (word.isEmpty()) {
                continue;
            }
            if (name.length() + word.length() > MAX_CLASS_NAME) {
                if (name.length() == 0) {
                    name.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word, 1, MAX_CLASS_NAME);
                }
                break;
            }
            name.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
        }
        if (name.length() == 0) {
            return "Revision" + id.substring(0, 1).toUpperCase(Locale.ROOT) + id.substring(1);
        }
        return Character.isDigit(name.charAt(0)) || shadows(name.toString()) ? "Revision" + name : name.toString();
    }

    /**
     * True when a class of this simple name in the revisions' package would hide a type that revision
     * sources use unqualified: a {@code java.lang} type ({@code Override}, {@code String}) or one the
     * generated source imports ({@code Revision}, {@code Migration}, {@code Operations}); a class named
     * {@code Override} breaks the compilation of every revision next to it.
     */
    private static boolean shadows(String simpleName) {
        if (IMPORTED.contains(simpleName)) {
            return true;
        }
        try {
            Class.forName("java.lang." + simpleName, false, ClassLoader.getPlatformClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /**
     * The package to suggest for a project's first revision: the archetype's {@code <groupId>.db},
     * or {@code com.example.db} when the groupId (unknown, or with a hyphen) makes no package name.
     */
    static String suggestedPackage(String groupId) {
        String candidate = groupId == null ? "" : groupId.trim() + ".db";
        return SourceVersion.isName(candidate) ? candidate : "com.example.db";
    }

    /**
     * {@code configured} if given, else the one package every existing revision is in; with none yet,
     * an error suggesting {@link #suggestedPackage} of {@code groupId}.
     */
    static String packageName(String configured, Collection<RevisionDescriptor> existing, String groupId) {
        if (configured != null && !configured.isBlank()) {
            String name = configured.trim();
            if (!SourceVersion.isName(name)) {
                throw new MigrateException("migrate.package is '" + name + "', which is not a Java package name: each"
                        + " dot-separated part must be a Java identifier and not a keyword. Example:"
                        + " -Dmigrate.package=com.example.db.");
            }
            return name;
        }
        Set<String> packages = new TreeSet<>();
        existing.forEach(revision -> packages.add(packageOf(revision.origin())));
        if (packages.size() == 1) {
            return packages.iterator().next();
        }
        if (packages.isEmpty()) {
            throw new MigrateException("There are no revisions yet, so the package of the new one is unknown."
                    + " Set it with -Dmigrate.package=" + suggestedPackage(groupId) + ".");
        }
        throw new MigrateException("The existing revisions are in several packages (" + String.join(", ", packages)
                + "). Choose one with -Dmigrate.package=<package>.");
    }

    private static String packageOf(String binaryName) {
        int dot = binaryName.lastIndexOf('.');
        return dot < 0 ? "" : binaryName.substring(0, dot);
    }
}
