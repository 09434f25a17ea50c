package dev.migrate.benchmarks.harness;

/**
 * What the suite measures, with the label and unit the report prints. The CPU rows (the client
 * process tree's user + system time, not the database server's) are there because a shared
 * machine stretches wall time far more than CPU time.
 */
public enum Metric {
    FLOOR_PROCESS("Physical floor: plain JDBC, cold `java` process (wall)", Unit.SECONDS),
    FLOOR_INSIDE("Physical floor: time inside that process (`main` to last commit)", Unit.SECONDS),
    FLYWAY_MVN("Flyway: `mvn flyway:migrate` (cold, empty database)", Unit.SECONDS),
    MIGRATE_MVN_UPGRADE("migrate: `mvn migrate:upgrade` (cold, empty database)", Unit.SECONDS),
    MIGRATE_MVN_NOOP("migrate: `mvn migrate:upgrade` at head (no-op)", Unit.SECONDS),
    MVN_VALIDATE("bare `mvn validate` of the same project", Unit.SECONDS),
    MIGRATE_MVN_SQL("migrate: `mvn migrate:upgrade -Dmigrate.sql` (offline script)", Unit.SECONDS),
    MIGRATE_UPGRADE("migrate: `Migrator.upgrade(\"head\")` in process, empty database", Unit.SECONDS),
    MIGRATE_NOOP("migrate: `Migrator.upgrade(\"head\")` in process at head (no-op)", Unit.SECONDS),
    MIGRATE_DOWNGRADE("migrate: `Migrator.downgrade(\"base\")` in process", Unit.SECONDS),
    MIGRATE_SQL("migrate: `Migrator.upgradeSql(\"head\")` in process (offline)", Unit.SECONDS),
    MIGRATE_PEAK_HEAP("migrate: peak heap of `Migrator.upgrade` (run with `-Xmx150m`)", Unit.MIB),
    MIGRATE_RSS("migrate: peak RSS of that process", Unit.MIB),
    FLOOR_RSS("Physical floor: peak RSS of its process", Unit.MIB),
    FLOOR_PROCESS_CPU("CPU (user+sys) of the floor process", Unit.SECONDS),
    FLYWAY_MVN_CPU("CPU (user+sys) of `mvn flyway:migrate`", Unit.SECONDS),
    MIGRATE_MVN_UPGRADE_CPU("CPU (user+sys) of `mvn migrate:upgrade`", Unit.SECONDS),
    MIGRATE_MVN_NOOP_CPU("CPU (user+sys) of no-op `mvn migrate:upgrade`", Unit.SECONDS),
    MVN_VALIDATE_CPU("CPU (user+sys) of bare `mvn validate`", Unit.SECONDS),
    MIGRATE_MVN_SQL_CPU("CPU (user+sys) of `mvn migrate:upgrade -Dmigrate.sql`", Unit.SECONDS),
    FLOOR_INSIDE_CPU("CPU of the floor process from `main` to last commit", Unit.SECONDS),
    MIGRATE_UPGRADE_CPU("CPU of the JVM during `Migrator.upgrade(\"head\")`", Unit.SECONDS),
    MIGRATE_NOOP_CPU("CPU of the JVM during no-op `Migrator.upgrade(\"head\")`", Unit.SECONDS),
    MIGRATE_DOWNGRADE_CPU("CPU of the JVM during `Migrator.downgrade(\"base\")`", Unit.SECONDS),
    MIGRATE_SQL_CPU("CPU of the JVM during `Migrator.upgradeSql(\"head\")`", Unit.SECONDS);

    /** How a value prints. */
    public enum Unit { SECONDS, MIB }

    private final String label;
    private final Unit unit;

    Metric(String label, Unit unit) {
        this.label = label;
        this.unit = unit;
    }

    public String label() {
        return label;
    }

    public Unit unit() {
        return unit;
    }
}
