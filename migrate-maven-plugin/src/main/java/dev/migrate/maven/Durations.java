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

    private Durations() {
    }

    /** The duration {@code value} of the setting {@code property}; null when the value is blank. */
    static Duration parse(String property, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim().toLowerCase(Locale.ROOT);
        Matcher simple = SIMPLE.matcher(text);
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
        try {
            return Duration.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new MigrateException(property + " is '" + value + "', which is not a duration."
                    + " Write it like 60s, 500ms, 2m, 1h or PT1M.");
        }
    }
}
