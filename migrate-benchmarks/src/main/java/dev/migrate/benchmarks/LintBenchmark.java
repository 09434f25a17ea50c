package dev.migrate.benchmarks;

import dev.migrate.Migration;
import dev.migrate.Migrator;
import dev.migrate.Operations;
import dev.migrate.graph.RevisionDescriptor;
import dev.migrate.index.IndexedRevision;
import dev.migrate.lint.LintOptions;
import dev.migrate.ops.ColumnType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Times {@code Migrator.lint(LintOptions.all())} over 1,000 revisions in process: recording every
 * revision's upgrade through its factory and applying the rules (a table every tenth revision, then
 * columns, indexes, type changes, constraints and SQL statements on it). Median and range of 15
 * runs after warm-up, wall milliseconds.
 *
 * <pre>
 * mvn -q -o -pl migrate-benchmarks -am package -DskipTests
 * java -cp migrate-annotations/target/classes:migrate-core/target/classes:migrate-lint-sql/target/classes:$HOME/.m2/repository/com/github/jsqlparser/jsqlparser/5.3/jsqlparser-5.3.jar:migrate-benchmarks/target/classes \
 *     dev.migrate.benchmarks.LintBenchmark
 * </pre>
 * Without the two migrate-lint-sql entries it times core's built-in regular-expression reader.
 * <pre>
 * </pre>
 */
public final class LintBenchmark {

    private static final int REVISIONS = 1_000;

    private LintBenchmark() {
    }

    public static void main(String[] args) {
        Migrator migrator = Migrator.builder().revisions(history(REVISIONS)).build();
        int findings = migrator.lint(LintOptions.all()).size();
        for (int i = 0; i < 5; i++) {
            migrator.lint(LintOptions.all());
        }
        double[] runs = new double[15];
        for (int i = 0; i < runs.length; i++) {
            long start = System.nanoTime();
            migrator.lint(LintOptions.all());
            runs[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(runs);
        System.out.printf("lint %d revisions (%d findings, execute(sql) read by %s): median %.1f ms (%.1f-%.1f)%n",
                REVISIONS, findings, dev.migrate.lint.SqlReader.discovered().name(),
                runs[runs.length / 2], runs[0], runs[runs.length - 1]);
    }

    private static List<IndexedRevision> history(int size) {
        List<IndexedRevision> revisions = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String table = "t" + (i / 10);
            int step = i % 10;
            Consumer<Operations> upgrade = op -> {
                switch (step) {
                    case 0 -> op.createTable(table, t -> {
                        t.column("id", ColumnType.BIGINT, c -> c.identity().primaryKey());
                        t.column("name", ColumnType.varchar(100));
                    });
                    case 1 -> op.addColumn(table, "note", ColumnType.TEXT);
                    case 2 -> op.createIndex("ix_" + table + "_name", table, "name");
                    case 3 -> op.alterColumn(table, "name", c -> c.type(ColumnType.TEXT));
                    case 4 -> op.addCheck("ck_" + table, table, "note IS NOT NULL", c -> c.notValid());
                    case 5 -> op.validateConstraint("ck_" + table, table);
                    case 6 -> op.alterColumn(table, "note", c -> c.notNull());
                    case 7 -> op.execute("UPDATE " + table + " SET note = 'x' WHERE note IS NULL");
                    case 8 -> op.execute("CREATE INDEX CONCURRENTLY ix_" + table + "_note ON " + table + " (note)");
                    default -> op.renameColumn(table, "note", "remark");
                }
            };
            String id = String.format("r%05d", i);
            List<String> revises = i == 0 ? List.of() : List.of(String.format("r%05d", i - 1));
            revisions.add(new IndexedRevision(new RevisionDescriptor(id, revises, List.of(), List.of(), "rev " + i,
                    "bench.Rev" + i), () -> new Migration() {
                        @Override
                        public void upgrade(Operations op) {
                            upgrade.accept(op);
                        }

                        @Override
                        public void downgrade(Operations op) {
                        }
                    }));
        }
        return revisions;
    }
}
