package dev.migrate.benchmarks.history;

import dev.migrate.benchmarks.history.SchemaModel.Column;
import dev.migrate.benchmarks.history.SchemaModel.ColumnRef;
import dev.migrate.benchmarks.history.SchemaModel.Index;
import dev.migrate.benchmarks.history.SchemaModel.Table;
import dev.migrate.benchmarks.history.SupportDeskEntities.ColumnTemplate;
import dev.migrate.benchmarks.history.SupportDeskEntities.EntityTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One rule per kind of revision. Each rule reads the {@link SchemaModel}, returns the change with
 * its upgrade and downgrade SQL, and records the change in the model; a rule whose kind has no
 * possible target yet (no index to drop) returns empty and the generator adds a column instead.
 */
final class ChangeRules {

    /** A revision's content before it gets an id. */
    record Change(String message, List<String> upgrade, List<String> downgrade) {
    }

    private static final int MAX_IDENTIFIER = 63;

    private static final Map<String, String> RENAMES = Map.ofEntries(
            Map.entry("phone", "contact_phone"), Map.entry("locale", "preferred_locale"), Map.entry("time_zone", "tz_name"),
            Map.entry("vip", "is_vip"), Map.entry("source_channel", "channel"), Map.entry("due_at", "due_by"),
            Map.entry("reopened_count", "reopen_count"), Map.entry("sentiment_score", "sentiment"),
            Map.entry("external_ref", "external_id"), Map.entry("archived_at", "archived_on"),
            Map.entry("seat_count", "seats"), Map.entry("notes", "internal_notes"));

    private static final List<String> SEED_WORDS = List.of("billing", "bug", "feature", "refund", "outage", "onboarding",
            "priority", "security", "shipping", "account");

    private final SchemaModel schema;
    private int tablesCreated;

    ChangeRules(SchemaModel schema) {
        this.schema = schema;
    }

    /** Creates the next support-desk table, with an index on each foreign key. */
    Change createTable(int n) {
        List<EntityTemplate> all = SupportDeskEntities.ALL;
        EntityTemplate template = all.get(tablesCreated % all.size());
        int generation = tablesCreated / all.size();
        tablesCreated++;
        String suffix = generation == 0 ? "" : "_" + (generation + 1);
        Table table = new Table(template.name() + suffix, template, new ArrayList<>());
        List<String> definitions = new ArrayList<>(List.of("id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY"));
        List<String> upgrade = new ArrayList<>();
        for (ColumnTemplate column : template.columns()) {
            String definition = column.name() + " " + column.type()
                    + (column.constraints().isEmpty() ? "" : " " + column.constraints())
                    + (column.references() == null ? "" : " REFERENCES " + column.references() + suffix + " (id)");
            definitions.add(definition);
            table.columns().add(new Column(column.name(), column.type(), false));
        }
        upgrade.add("CREATE TABLE " + table.name() + " (" + String.join(", ", definitions) + ")");
        schema.addTable(table);
        for (Column column : table.columns()) {
            if (column.name.endsWith("_id")) {
                Index index = new Index(identifier("ix" + n + "_" + table.name() + "_" + column.name), table, column);
                upgrade.add("CREATE INDEX " + index.name() + " ON " + table.name() + " (" + column.name + ")");
                schema.addIndex(index);
            }
        }
        return new Change("create " + table.name(), upgrade, List.of("DROP TABLE " + table.name()));
    }

    /** Adds a nullable column to a random table. */
    Change addColumn(int n) {
        Table table = schema.randomTable();
        ColumnTemplate template = schema.pick(SupportDeskEntities.ADDED_COLUMNS);
        Column column = new Column(template.name() + "_" + n, template.type(), true);
        table.columns().add(column);
        return new Change("add " + column.name + " to " + table.name(),
                List.of("ALTER TABLE " + table.name() + " ADD COLUMN " + column.name + " " + column.type),
                List.of("ALTER TABLE " + table.name() + " DROP COLUMN " + column.name));
    }

    /** Indexes a column that has no index yet. */
    Optional<Change> createIndex(int n) {
        return schema.randomColumn(c -> !schema.isIndexed(c) && !c.type.equals("TEXT")).map(ref -> {
            Index index = new Index(identifier("ix" + n + "_" + ref.table().name() + "_" + ref.column().name), ref.table(), ref.column());
            schema.addIndex(index);
            return new Change("index " + ref.table().name() + " " + ref.column().name,
                    List.of(createIndexSql(index)), List.of("DROP INDEX " + index.name()));
        });
    }

    /** Drops a live index; the downgrade builds it again on the column's current name. */
    Optional<Change> dropIndex() {
        return schema.randomIndex().map(index -> {
            schema.removeIndex(index);
            return new Change("drop index " + index.name(), List.of("DROP INDEX " + index.name()), List.of(createIndexSql(index)));
        });
    }

    /** Adds a non-negative check on an integer column that has none. */
    Optional<Change> addCheck(int n) {
        return schema.randomColumn(c -> c.isInteger() && !c.checked && !c.name.endsWith("_id")).map(ref -> {
            ref.column().checked = true;
            String name = identifier("ck" + n + "_" + ref.table().name() + "_" + ref.column().name);
            return new Change("check " + ref.column().name + " on " + ref.table().name(),
                    List.of("ALTER TABLE " + ref.table().name() + " ADD CONSTRAINT " + name + " CHECK (" + ref.column().name + " >= 0)"),
                    List.of("ALTER TABLE " + ref.table().name() + " DROP CONSTRAINT " + name));
        });
    }

    /** Renames an added column once, to the name the team settled on. */
    Optional<Change> renameColumn() {
        return schema.randomColumn(c -> c.added && !c.renamed).map(ref -> {
            Column column = ref.column();
            String oldName = column.name;
            int cut = oldName.lastIndexOf('_');
            String newName = RENAMES.get(oldName.substring(0, cut)) + oldName.substring(cut);
            column.name = newName;
            column.renamed = true;
            String table = ref.table().name();
            return new Change("rename " + oldName + " on " + table,
                    List.of("ALTER TABLE " + table + " RENAME COLUMN " + oldName + " TO " + newName),
                    List.of("ALTER TABLE " + table + " RENAME COLUMN " + newName + " TO " + oldName));
        });
    }

    /** Inserts three reference rows into a table that takes them, and deletes them on downgrade. */
    Optional<Change> insertRows(int n) {
        return schema.randomTable(t -> t.template().seedable()).map(table -> {
            String column = table.template().columns().get(0).name();
            List<String> values = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                values.add("'" + SEED_WORDS.get((n + i) % SEED_WORDS.size()) + "-" + n + "'");
            }
            return new Change("seed " + table.name() + " rows",
                    List.of("INSERT INTO " + table.name() + " (" + column + ") VALUES (" + String.join("), (", values) + ")"),
                    List.of("DELETE FROM " + table.name() + " WHERE " + column + " IN (" + String.join(", ", values) + ")"));
        });
    }

    /** Backfills an added column, and empties what it filled on downgrade. */
    Optional<Change> backfill() {
        return schema.randomColumn(c -> c.added).map(ref -> {
            String table = ref.table().name();
            String column = ref.column().name;
            String value = defaultLiteral(ref.column().type);
            return new Change("backfill " + column + " on " + table,
                    List.of("UPDATE " + table + " SET " + column + " = " + value + " WHERE " + column + " IS NULL"),
                    List.of("UPDATE " + table + " SET " + column + " = NULL WHERE " + column + " = " + value));
        });
    }

    private static String createIndexSql(Index index) {
        return "CREATE INDEX " + index.name() + " ON " + index.table().name() + " (" + index.column().name + ")";
    }

    private static String defaultLiteral(String type) {
        switch (type) {
            case "INTEGER":
                return "0";
            case "BOOLEAN":
                return "false";
            case "TIMESTAMPTZ":
                return "TIMESTAMPTZ '2020-01-01 00:00:00+00'";
            default:
                return "'unknown'";
        }
    }

    /** PostgreSQL truncates identifiers at 63 bytes; the revision number comes first, so it stays unique. */
    private static String identifier(String name) {
        return name.length() <= MAX_IDENTIFIER ? name : name.substring(0, MAX_IDENTIFIER);
    }
}
