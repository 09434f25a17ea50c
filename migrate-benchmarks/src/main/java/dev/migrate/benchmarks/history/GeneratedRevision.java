package dev.migrate.benchmarks.history;

import java.util.List;
import java.util.Locale;

/**
 * One revision of a generated history. The same statements go into the migrate revision class,
 * the Flyway {@code V<n>__<desc>.sql} file and the JDBC floor, so the comparison is fair.
 *
 * @param number    1-based position in the history (Flyway's version)
 * @param id        the migrate revision id (12 lowercase hex digits, as {@code revision} makes)
 * @param revises   the parent's id, or null for the first revision
 * @param message   a short description, e.g. {@code create ticket}
 * @param upgrade   the statements of the upgrade, without trailing semicolons
 * @param downgrade the statements that reverse it
 */
public record GeneratedRevision(int number, String id, String revises, String message,
                                List<String> upgrade, List<String> downgrade) {

    public GeneratedRevision {
        upgrade = List.copyOf(upgrade);
        downgrade = List.copyOf(downgrade);
    }

    /** The message as an identifier fragment: {@code create_ticket}. */
    public String slug() {
        return message.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    }

    /** The Java class name, sortable by number: {@code R00042CreateTicket}. */
    public String className() {
        StringBuilder name = new StringBuilder(String.format(Locale.ROOT, "R%05d", number));
        for (String word : slug().split("_")) {
            if (!word.isEmpty()) {
                name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        return name.toString();
    }

    /** Flyway's file name: {@code V42__create_ticket.sql}. */
    public String flywayFileName() {
        return "V" + number + "__" + slug() + ".sql";
    }
}
