package dev.migrate.benchmarks.harness;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Renders a suite's measurements as markdown: one row per metric with median and [min–max] per
 * history size, then the goals with paired (same-round) ratios and differences.
 */
public final class MarkdownReport {

    /** A goal the issue sets: a paired comparison (or a single metric) and its limit. */
    private record Goal(String text, Metric measured, Metric baseline, Kind kind, double limit) {
    }

    private enum Kind { RATIO, DIFFERENCE, ABSOLUTE }

    private static final List<Goal> GOALS = List.of(
            new Goal("`mvn migrate:upgrade` / floor process", Metric.MIGRATE_MVN_UPGRADE, Metric.FLOOR_PROCESS, Kind.RATIO, 1.35),
            new Goal("`Migrator.upgrade` in process / floor inside its process", Metric.MIGRATE_UPGRADE, Metric.FLOOR_INSIDE, Kind.RATIO, 1.2),
            new Goal("no-op `mvn migrate:upgrade` − bare `mvn validate`", Metric.MIGRATE_MVN_NOOP, Metric.MVN_VALIDATE, Kind.DIFFERENCE, 0.5),
            new Goal("`mvn migrate:upgrade -Dmigrate.sql` − bare `mvn validate`", Metric.MIGRATE_MVN_SQL, Metric.MVN_VALIDATE, Kind.DIFFERENCE, 1.0),
            new Goal("`Migrator.upgradeSql` in process", Metric.MIGRATE_SQL, null, Kind.ABSOLUTE, 0.3),
            new Goal("peak heap in process", Metric.MIGRATE_PEAK_HEAP, null, Kind.ABSOLUTE, 150));

    private static final List<Goal> CONTEXT = List.of(
            new Goal("Flyway `mvn flyway:migrate` / floor process", Metric.FLYWAY_MVN, Metric.FLOOR_PROCESS, Kind.RATIO, 0),
            new Goal("`mvn migrate:upgrade` / Flyway `mvn flyway:migrate`", Metric.MIGRATE_MVN_UPGRADE, Metric.FLYWAY_MVN, Kind.RATIO, 0),
            new Goal("CPU: no-op `mvn migrate:upgrade` − bare `mvn validate`", Metric.MIGRATE_MVN_NOOP_CPU, Metric.MVN_VALIDATE_CPU,
                    Kind.DIFFERENCE, 0),
            new Goal("CPU: `mvn migrate:upgrade -Dmigrate.sql` − bare `mvn validate`", Metric.MIGRATE_MVN_SQL_CPU,
                    Metric.MVN_VALIDATE_CPU, Kind.DIFFERENCE, 0),
            new Goal("CPU: `mvn migrate:upgrade` − floor process (client side only)", Metric.MIGRATE_MVN_UPGRADE_CPU,
                    Metric.FLOOR_PROCESS_CPU, Kind.DIFFERENCE, 0),
            new Goal("CPU: `Migrator.upgrade` − floor inside its process (client side only)", Metric.MIGRATE_UPGRADE_CPU,
                    Metric.FLOOR_INSIDE_CPU, Kind.DIFFERENCE, 0));

    private MarkdownReport() {
    }

    /** The whole section: machine, command, results table, goals table. */
    public static String render(Measurements measurements, List<Integer> sizes, int goalSize, MachineInfo machine,
                                String flywayVersion, int runs, String command) {
        StringBuilder md = new StringBuilder();
        md.append("Measured ").append(machine.date()).append(" on ").append(machine.processors()).append(" cores, ")
                .append(machine.memory()).append(" memory, Java ").append(machine.java()).append(", ")
                .append(machine.maven()).append(", PostgreSQL ").append(machine.postgres()).append(", Flyway ")
                .append(flywayVersion).append("; load average at start ").append(machine.load()).append(".\n")
                .append("Median of ").append(runs).append(" runs, [min–max] beside it; every run from a fresh database.\n\n")
                .append("Command: `").append(command).append("`\n\n");
        results(md, measurements, sizes);
        md.append("\nGoals at N = ").append(goalSize).append(" (paired: each ratio or difference is taken within one round, ")
                .append("then summarized):\n\n");
        goals(md, measurements, goalSize);
        return md.toString();
    }

    private static void results(StringBuilder md, Measurements measurements, List<Integer> sizes) {
        md.append("| Measurement |");
        sizes.forEach(size -> md.append(" N = ").append(size).append(" |"));
        md.append("\n|---|");
        sizes.forEach(size -> md.append("---|"));
        md.append('\n');
        for (Metric metric : Metric.values()) {
            if (sizes.stream().allMatch(size -> measurements.values(metric, size).isEmpty())) {
                continue;
            }
            md.append("| ").append(metric.label()).append(" |");
            for (int size : sizes) {
                Optional<Summary> summary = measurements.summary(metric, size);
                md.append(' ').append(summary.map(s -> format(s, metric.unit())).orElse("—")).append(" |");
            }
            md.append('\n');
        }
    }

    private static void goals(StringBuilder md, Measurements measurements, int size) {
        md.append("| Goal | Measured | Limit | Met |\n|---|---|---|---|\n");
        for (Goal goal : GOALS) {
            Optional<Summary> value = evaluate(goal, measurements, size);
            md.append("| ").append(goal.text()).append(" | ").append(value.map(v -> format(goal, v)).orElse("not measured"))
                    .append(" | ").append(limit(goal)).append(" | ")
                    .append(value.map(v -> v.median() <= goal.limit() ? "yes" : "**no**").orElse("—")).append(" |\n");
        }
        for (Goal context : CONTEXT) {
            evaluate(context, measurements, size).ifPresent(v ->
                    md.append("| ").append(context.text()).append(" (context) | ").append(format(context, v)).append(" | | |\n"));
        }
    }

    private static Optional<Summary> evaluate(Goal goal, Measurements measurements, int size) {
        switch (goal.kind()) {
            case RATIO:
                return measurements.ratio(goal.measured(), goal.baseline(), size);
            case DIFFERENCE:
                return measurements.difference(goal.measured(), goal.baseline(), size);
            default:
                return measurements.summary(goal.measured(), size);
        }
    }

    private static String format(Goal goal, Summary value) {
        switch (goal.kind()) {
            case RATIO:
                return String.format(Locale.ROOT, "%.2fx [%.2f–%.2f]", value.median(), value.min(), value.max());
            case DIFFERENCE:
                return String.format(Locale.ROOT, "%+.2f s [%+.2f – %+.2f]", value.median(), value.min(), value.max());
            default:
                return format(value, goal.measured().unit());
        }
    }

    private static String limit(Goal goal) {
        switch (goal.kind()) {
            case RATIO:
                return String.format(Locale.ROOT, "≤ %.2fx", goal.limit());
            case DIFFERENCE:
                return String.format(Locale.ROOT, "≤ +%.1f s", goal.limit());
            default:
                return goal.measured().unit() == Metric.Unit.MIB
                        ? String.format(Locale.ROOT, "< %.0f MiB", goal.limit())
                        : String.format(Locale.ROOT, "< %.1f s", goal.limit());
        }
    }

    private static String format(Summary s, Metric.Unit unit) {
        return unit == Metric.Unit.MIB
                ? String.format(Locale.ROOT, "%.0f MiB [%.0f–%.0f]", s.median(), s.min(), s.max())
                : String.format(Locale.ROOT, "%.3f s [%.3f–%.3f]", s.median(), s.min(), s.max());
    }
}
