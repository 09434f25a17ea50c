package dev.migrate.graph;

import java.security.SecureRandom;
import java.util.Optional;
import java.util.Set;

/**
 * The rule for revision ids and branch labels, and generation of new ids.
 *
 * <p>An id is non-empty, has no white space, none of the characters {@code @ - + :} and is not
 * one of the words {@code head}, {@code heads}, {@code base}: those characters and words have a
 * meaning in targets ({@code label@head}, {@code ae10+2}, {@code base:head}), so an id using them
 * could never be named unambiguously. Branch labels follow the same rule for the same reason.
 */
public final class RevisionIds {

    private static final Set<String> RESERVED_WORDS = Set.of("head", "heads", "base");
    private static final String RESERVED_CHARACTERS = "@-+:";

    private RevisionIds() {
    }

    /** Why {@code id} breaks the rule, or empty when it is a valid id. */
    public static Optional<String> violation(String id) {
        if (id == null || id.isEmpty()) {
            return Optional.of("it is empty");
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (Character.isWhitespace(c)) {
                return Optional.of("it contains white space");
            }
            if (RESERVED_CHARACTERS.indexOf(c) >= 0) {
                return Optional.of("it contains '" + c + "', which targets use (none of @ - + : is allowed)");
            }
        }
        if (RESERVED_WORDS.contains(id)) {
            return Optional.of("'" + id + "' is a reserved word in targets (head, heads and base are not allowed)");
        }
        return Optional.empty();
    }

    /** True when {@code id} follows the rule. */
    public static boolean isValid(String id) {
        return violation(id).isEmpty();
    }

    /**
     * The random source, made on first use: the compiler's graph check reads this class but never
     * generates an id, and a SecureRandom starts the JCA providers (a measurable share of javac's time).
     */
    private static final class Random {
        static final SecureRandom SOURCE = new SecureRandom();
    }

    /** A new random id of twelve lowercase hexadecimal digits, as {@code mvn migrate:revision} writes. */
    public static String generate() {
        long bits = Random.SOURCE.nextLong() & 0xFFFF_FFFF_FFFFL;
        return String.format("%012x", bits);
    }
}
