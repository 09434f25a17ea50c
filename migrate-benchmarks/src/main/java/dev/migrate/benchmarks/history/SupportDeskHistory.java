package dev.migrate.benchmarks.history;

import dev.migrate.benchmarks.history.ChangeRules.Change;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Generates a realistic linear history of a customer-support desk: tables with keys and foreign
 * keys, added columns, indexes, check constraints, renames, small data changes and dropped indexes,
 * each with a downgrade. The same seed gives the same history, byte for byte.
 *
 * <pre>{@code
 * List<GeneratedRevision> history = SupportDeskHistory.generate(1_000);
 * }</pre>
 */
public final class SupportDeskHistory {

    /** The seed of the published figures; change it and the SQL changes. */
    public static final long DEFAULT_SEED = 20_261_125L;

    /** The kinds of revision, repeated in this order; two of twelve create a table. */
    private enum Kind {
        CREATE_TABLE, ADD_COLUMN, CREATE_INDEX, ADD_COLUMN_2, ADD_CHECK, CREATE_TABLE_2,
        INSERT_ROWS, RENAME_COLUMN, CREATE_INDEX_2, BACKFILL, DROP_INDEX, ADD_COLUMN_3
    }

    private final ChangeRules rules;
    private final Random ids;
    private final Set<String> usedIds = new HashSet<>();

    private SupportDeskHistory(long seed) {
        this.rules = new ChangeRules(new SchemaModel(new Random(seed)));
        this.ids = new Random(seed ^ 0x5DEECE66DL);
    }

    /** {@code count} revisions with the default seed. */
    public static List<GeneratedRevision> generate(int count) {
        return generate(count, DEFAULT_SEED);
    }

    /** {@code count} revisions, each revising the one before (a single linear branch). */
    public static List<GeneratedRevision> generate(int count, long seed) {
        if (count < 1) {
            throw new IllegalArgumentException("A history needs at least one revision, not " + count);
        }
        SupportDeskHistory generator = new SupportDeskHistory(seed);
        List<GeneratedRevision> history = new ArrayList<>(count);
        String parent = null;
        for (int n = 1; n <= count; n++) {
            Change change = generator.change(n);
            String id = generator.newId();
            history.add(new GeneratedRevision(n, id, parent, change.message(), change.upgrade(), change.downgrade()));
            parent = id;
        }
        return List.copyOf(history);
    }

    private Change change(int n) {
        Kind kind = Kind.values()[(n - 1) % Kind.values().length];
        return rule(kind, n).orElseGet(() -> rules.addColumn(n));
    }

    private Optional<Change> rule(Kind kind, int n) {
        switch (kind) {
            case CREATE_TABLE:
            case CREATE_TABLE_2:
                return Optional.of(rules.createTable(n));
            case CREATE_INDEX:
            case CREATE_INDEX_2:
                return rules.createIndex(n);
            case ADD_CHECK:
                return rules.addCheck(n);
            case INSERT_ROWS:
                return rules.insertRows(n);
            case RENAME_COLUMN:
                return rules.renameColumn();
            case BACKFILL:
                return rules.backfill();
            case DROP_INDEX:
                return rules.dropIndex();
            default:
                return Optional.empty();
        }
    }

    /** Twelve lowercase hex digits, like {@code mvn migrate:revision}; never repeated. */
    private String newId() {
        while (true) {
            String id = String.format(Locale.ROOT, "%012x", ids.nextLong() & 0xFFFF_FFFF_FFFFL);
            if (usedIds.add(id)) {
                return id;
            }
        }
    }
}
