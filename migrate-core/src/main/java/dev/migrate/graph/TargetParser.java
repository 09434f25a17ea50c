package dev.migrate.graph;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns Alembic's target grammar into {@link Target} values: {@code head}, {@code heads},
 * {@code base}, a full id or unique prefix, {@code label@head}, {@code label@heads},
 * {@code label@base}, {@code label@id}, {@code +N}, {@code -N}, {@code rev+N}, {@code rev-N},
 * {@code label@+N}, {@code label@-N}. Ranges {@code from:to} are split by {@link #range}.
 */
public final class TargetParser {

    /** Alembic's {@code _relative_destination}, anchored at both ends. */
    private static final Pattern RELATIVE = Pattern.compile("(?:(.+?)@)?(\\w+)?([+-]\\d+)");

    private TargetParser() {
    }

    /** Parses one target; throws {@link TargetException} for an empty one or a range. */
    public static Target parse(String text) {
        String target = text == null ? "" : text.trim();
        if (target.isEmpty()) {
            throw new TargetException("The target is empty. Give head, heads, base, a revision id, label@head,"
                    + " +N or -N (migrate.target).");
        }
        if (target.contains(":")) {
            throw new TargetException("Target '" + target + "' is a range; ranges from:to are accepted only by"
                    + " offline runs (migrate.sql) and history (migrate.range). Give a single target.");
        }
        Matcher relative = RELATIVE.matcher(target);
        if (relative.matches()) {
            int steps = steps(target, relative.group(3));
            if (steps == 0 && relative.group(2) == null) {
                throw new TargetException("Target '" + target + "' moves zero steps. Give +1 or more to upgrade, -1 or"
                        + " more to downgrade, or a revision id.");
            }
            return new Target.Relative(target, relative.group(1), relative.group(2), steps);
        }
        int at = target.indexOf('@');
        String branch = at < 0 ? null : target.substring(0, at);
        String symbol = at < 0 ? target : target.substring(at + 1);
        if ((branch != null && branch.isEmpty()) || symbol.isEmpty()) {
            throw new TargetException("Target '" + target + "' is incomplete: write label@head, label@base or"
                    + " label@<revision>.");
        }
        switch (symbol) {
            case "head":
                return new Target.Head(target, branch);
            case "heads":
                return new Target.Heads(target, branch);
            case "base":
                return new Target.Base(target, branch);
            default:
                return new Target.Revision(target, branch, symbol);
        }
    }

    private static int steps(String target, String digits) {
        try {
            return Integer.parseInt(digits.startsWith("+") ? digits.substring(1) : digits);
        } catch (NumberFormatException e) {
            throw new TargetException("Target '" + target + "' asks for too many steps; give a smaller number.");
        }
    }

    /**
     * Splits {@code from:to} (offline runs and history). Empty when {@code text} has no colon;
     * either side may be empty (meaning base, respectively heads).
     */
    public static Optional<TargetRange> range(String text) {
        if (text == null || !text.contains(":")) {
            return Optional.empty();
        }
        String trimmed = text.trim();
        int colon = trimmed.indexOf(':');
        if (trimmed.indexOf(':', colon + 1) >= 0) {
            throw new TargetException("Range '" + trimmed + "' has more than one ':'; write from:to, from: or :to.");
        }
        return Optional.of(new TargetRange(trimmed.substring(0, colon).trim(), trimmed.substring(colon + 1).trim()));
    }
}
