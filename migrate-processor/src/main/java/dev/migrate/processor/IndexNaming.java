package dev.migrate.processor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;

/**
 * Names the generated index so that two modules never collide: a fixed package, the revisions'
 * common package for readability, and a hash of the revision class names, because two modules
 * may well keep their revisions in the same package (say {@code db.migration}) and two index
 * classes with one name would shadow each other on the class path.
 */
final class IndexNaming {

    static final String PACKAGE = "dev.migrate.generated";

    private IndexNaming() {
    }

    /** The index class for a module whose revision classes have these binary names. */
    static IndexName indexName(Collection<String> binaryNames) {
        TreeSet<String> sorted = new TreeSet<>(binaryNames);
        String common = commonPackage(List.copyOf(sorted));
        String prefix = common.isEmpty() ? "RevisionIndex_" : "RevisionIndex_" + RevisionMarkers.mangle(common) + "_";
        return new IndexName(PACKAGE, prefix + hash(String.join("\n", sorted)));
    }

    /** The longest package that contains every class, or "" when they share none. */
    static String commonPackage(List<String> binaryNames) {
        String common = null;
        for (String name : binaryNames) {
            int dot = name.lastIndexOf('.');
            String pkg = dot < 0 ? "" : name.substring(0, dot);
            common = common == null ? pkg : commonPrefix(common, pkg);
        }
        return common == null ? "" : common;
    }

    private static String commonPrefix(String a, String b) {
        String[] left = a.split("\\.");
        String[] right = b.split("\\.");
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < Math.min(left.length, right.length) && left[i].equals(right[i]); i++) {
            prefix.append(i == 0 ? "" : ".").append(left[i]);
        }
        return prefix.toString();
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
