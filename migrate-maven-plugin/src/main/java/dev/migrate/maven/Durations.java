package dev.migrate.maven;

import dev.migrate.MigrateException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the duration settings ({@code 60s}, {@code 500ms}, {@code 2m}, {@code 1h}, or ISO-8601 {@code PT1M}). */
final class Durations {

    private static final Pattern SIMPLE = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");
    // Far longer than any wait makes sense, and short enough for every driver's int seconds.
    private static final Duration LONGEST = Duration.ofDays(1);

    private Durations() {
    }

    /** The duration {@code value} of the setting {@code property}; null when the value is blank. */
    static Duration parse(String property, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim().toLowerCase(Locale.ROOT);
        Duration duration = read(property, value, text);
        if (duration.isNegative()) {
            throw new MigrateException(property + " is '" + value + "', a negative duration. Give zero or a positive"
                    + " duration like 60s, or leave it out for the default.");
        }
        if (duration.compareTo(LONGEST) > 0) {
            throw new MigrateException(property + " is '" + value + "', longer than a day. Give a duration like 60s,"
                    + " 10m or 1h.");
        }
        return duration;
    }

    private static Duration read(String property, String value, String text) {
        Matcher simple = SIMPLE.matcher(text);
        try {
            if (simple.matches()) {
                long amount = Long.parseLong(simple.group(1));
                String unit = simple.group(2) == null ? "s" : simple.group(2);
                return switch (unit) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    case "h" -> Duration.ofHours(amount);
                    default -> Duration.ofSeconds(amount);
                };
            }
            return Duration.parse(value.trim());
        } catch (NumberFormatException | ArithmeticException e) {
            throw new MigrateException(property + " is '" + value + "', a number too large for a duration. Give a"
                    + " duration like 60s, 10m or 1h.");
        } catch (DateTimeParseException e) {
            if (text.startsWith("-") && SIMPLE.matcher(text.substring(1).trim()).matches()) {
                throw new MigrateException(property + " is '" + value + "', a negative duration. Give zero or a"
                        + " positive duration like 60s, or leave it out for the default.");
            }
            throw new MigrateException(property + " is '" + value + "', which is not a duration."
                    + " Write it like 60s, 500ms, 2m, 1h or PT1M.");
        }
    }
}
