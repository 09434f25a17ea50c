package dev.migrate.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * "Did you mean" suggestions: the known ids (or labels) closest to a mistyped one. Shared by the
 * run time and the annotation processor so both print the same suggestions.
 */
public final class ClosestIds {

    private static final int MAX_SUGGESTIONS = 3;

    private ClosestIds() {
    }

    /**
     * Up to three candidates close to {@code wanted}: those sharing a prefix with it first, then by
     * edit distance; candidates further than about a third of the length are not suggested.
     */
    public static List<String> suggest(String wanted, Collection<String> candidates) {
        if (wanted == null || wanted.isEmpty()) {
            return List.of();
        }
        int limit = Math.max(2, wanted.length() / 3);
        List<Scored> scored = new ArrayList<>();
        for (String candidate : candidates) {
            if (candidate.equals(wanted)) {
                continue;
            }
            int score = candidate.startsWith(wanted) || wanted.startsWith(candidate)
                    ? 0
                    : distance(wanted, candidate, limit);
            if (score <= limit) {
                scored.add(new Scored(candidate, score));
            }
        }
        scored.sort(Comparator.comparingInt(Scored::score).thenComparing(Scored::candidate));
        return scored.stream().limit(MAX_SUGGESTIONS).map(Scored::candidate).toList();
    }

    /** Appends {@code " Did you mean 'x' or 'y'?"} when there are suggestions, else nothing. */
    public static String didYouMean(String wanted, Collection<String> candidates) {
        return didYouMean(suggest(wanted, candidates));
    }

    /** Formats already chosen suggestions as {@code " Did you mean 'x' or 'y'?"}, or "" when there are none. */
    public static String didYouMean(List<String> suggestions) {
        if (suggestions.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder(" Did you mean ");
        for (int i = 0; i < suggestions.size(); i++) {
            if (i > 0) {
                text.append(i == suggestions.size() - 1 ? " or " : ", ");
            }
            text.append('\'').append(suggestions.get(i)).append('\'');
        }
        return text.append('?').toString();
    }

    /** Levenshtein distance, cut short once it exceeds {@code limit} (returns limit + 1 then). */
    static int distance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) > limit) {
            return limit + 1;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int rowMin = current[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                rowMin = Math.min(rowMin, current[j]);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private record Scored(String candidate, int score) {
    }
}
