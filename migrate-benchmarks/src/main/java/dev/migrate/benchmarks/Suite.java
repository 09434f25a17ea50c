package dev.migrate.benchmarks;

import dev.migrate.benchmarks.BenchConfig.Scenario;
import dev.migrate.benchmarks.floor.JdbcFloor;
import dev.migrate.benchmarks.harness.Measurements;
import dev.migrate.benchmarks.harness.Metric;
import dev.migrate.benchmarks.harness.PostgresServer;
import dev.migrate.benchmarks.harness.ProcessRunner;
import dev.migrate.benchmarks.harness.ProcessRunner.Outcome;
import dev.migrate.benchmarks.harness.ResultLines;
import dev.migrate.benchmarks.history.FlywayProjectWriter;
import dev.migrate.benchmarks.history.GeneratedRevision;
import dev.migrate.benchmarks.history.MigrateProjectWriter;
import dev.migrate.benchmarks.history.SupportDeskHistory;
import dev.migrate.benchmarks.inprocess.InProcessRun;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the measured scenarios for one history size. Every scenario is a cold child process (a
 * {@code java} or an {@code mvn}) against a database made fresh for it, so each figure includes
 * what a user pays on the command line; in-process figures come from inside the child.
 */
final class Suite {

    private static final Map<String, String> FLYWAY_ENVIRONMENT = Map.of("REDGATE_DISABLE_TELEMETRY", "true");

    private final BenchConfig config;
    private final PostgresServer server;
    private final Measurements measurements;
    private int logCounter;

    Suite(BenchConfig config, PostgresServer server, Measurements measurements) {
        this.config = config;
        this.server = server;
        this.measurements = measurements;
    }

    /** Generates the history of {@code size}, writes both projects and compiles the migrate one. */
    void prepare(int size) throws IOException, InterruptedException {
        List<GeneratedRevision> history = SupportDeskHistory.generate(size);
        new FlywayProjectWriter(config.flywayVersion(), BenchConfig.POSTGRES_DRIVER_VERSION).write(flywayProject(size), history);
        new MigrateProjectWriter(config.migrateVersion(), BenchConfig.POSTGRES_DRIVER_VERSION).write(migrateProject(size), history);
        if (needsCompiledRevisions()) {
            mvn(migrateProject(size), false, "clean", "compile");
        }
    }

    /** One round over every enabled scenario; {@code record} false for warm-up rounds (run online). */
    void round(int size, boolean record) throws Exception {
        boolean offline = record;
        if (config.runs(Scenario.FLOOR)) {
            floor(size, record);
        }
        if (config.runs(Scenario.FLYWAY)) {
            String url = server.freshDatabase("bench_flyway");
            Outcome run = run(flywayProject(size), FLYWAY_ENVIRONMENT, mvnCommand(offline, "flyway:migrate", "-Dflyway.url=" + url));
            store(record, Metric.FLYWAY_MVN, Metric.FLYWAY_MVN_CPU, size, run);
        }
        if (config.runs(Scenario.VALIDATE)) {
            store(record, Metric.MVN_VALIDATE, Metric.MVN_VALIDATE_CPU, size, mvn(migrateProject(size), offline, "validate"));
        }
        if (config.runs(Scenario.MVN_UPGRADE)) {
            String url = server.freshDatabase("bench_mvn");
            store(record, Metric.MIGRATE_MVN_UPGRADE, Metric.MIGRATE_MVN_UPGRADE_CPU, size,
                    mvn(migrateProject(size), offline, "migrate:upgrade", "-Dmigrate.url=" + url));
            store(record, Metric.MIGRATE_MVN_NOOP, Metric.MIGRATE_MVN_NOOP_CPU, size,
                    mvn(migrateProject(size), offline, "migrate:upgrade", "-Dmigrate.url=" + url));
        }
        if (config.runs(Scenario.MVN_SQL)) {
            Outcome run = mvn(migrateProject(size), offline, "migrate:upgrade", "-Dmigrate.sql", "-Dmigrate.url=" + server.urlFor("bench_none"));
            store(record, Metric.MIGRATE_MVN_SQL, Metric.MIGRATE_MVN_SQL_CPU, size, run);
        }
        inProcess(size, record);
    }

    private void floor(int size, boolean record) throws Exception {
        String url = server.freshDatabase("bench_floor");
        Outcome run = run(Path.of("."), Map.of(), javaCommand(List.of(), JdbcFloor.class, url,
                flywayProject(size).resolve(FlywayProjectWriter.MIGRATIONS).toString()));
        Map<String, Double> results = ResultLines.parse(run.lines());
        store(record, Metric.FLOOR_PROCESS, Metric.FLOOR_PROCESS_CPU, size, run);
        store(record, Metric.FLOOR_INSIDE, size, results.get("floor.sqlSeconds"));
        store(record, Metric.FLOOR_INSIDE_CPU, size, results.get("floor.sqlCpuSeconds"));
        store(record, Metric.FLOOR_RSS, size, results.get("floor.rssMib"));
    }

    private void inProcess(int size, boolean record) throws Exception {
        List<String> classes = List.of(migrateProject(size).resolve("target/classes").toString());
        if (config.runs(Scenario.IN_PROCESS)) {
            String url = server.freshDatabase("bench_inprocess");
            Map<String, Double> results = ResultLines.parse(run(Path.of("."), Map.of(),
                    javaCommand(classes, InProcessRun.class, "online", url, String.valueOf(size))).lines());
            store(record, Metric.MIGRATE_UPGRADE, size, results.get("migrate.upgradeSeconds"));
            store(record, Metric.MIGRATE_NOOP, size, results.get("migrate.noopSeconds"));
            store(record, Metric.MIGRATE_DOWNGRADE, size, results.get("migrate.downgradeSeconds"));
            store(record, Metric.MIGRATE_UPGRADE_CPU, size, results.get("migrate.upgradeCpuSeconds"));
            store(record, Metric.MIGRATE_NOOP_CPU, size, results.get("migrate.noopCpuSeconds"));
            store(record, Metric.MIGRATE_DOWNGRADE_CPU, size, results.get("migrate.downgradeCpuSeconds"));
        }
        if (config.runs(Scenario.IN_PROCESS_SQL)) {
            Map<String, Double> results = ResultLines.parse(run(Path.of("."), Map.of(),
                    javaCommand(classes, InProcessRun.class, "offline", server.urlFor("bench_none"), String.valueOf(size))).lines());
            store(record, Metric.MIGRATE_SQL, size, results.get("migrate.sqlSeconds"));
            store(record, Metric.MIGRATE_SQL_CPU, size, results.get("migrate.sqlCpuSeconds"));
        }
        if (config.runs(Scenario.MEMORY) && size == config.memorySize()) {
            String url = server.freshDatabase("bench_memory");
            List<String> command = javaCommand(classes, InProcessRun.class, "memory", url, String.valueOf(size));
            command.add(1, "-Xmx150m");
            Map<String, Double> results = ResultLines.parse(run(Path.of("."), Map.of(), command).lines());
            store(record, Metric.MIGRATE_PEAK_HEAP, size, results.get("migrate.peakHeapMib"));
            store(record, Metric.MIGRATE_RSS, size, results.get("migrate.rssMib"));
        }
    }

    /** Drops the databases the rounds made. */
    void cleanUp() throws SQLException {
        for (String name : List.of("bench_floor", "bench_flyway", "bench_mvn", "bench_inprocess", "bench_memory")) {
            server.dropDatabase(name);
        }
    }

    private boolean needsCompiledRevisions() {
        return config.runs(Scenario.MVN_UPGRADE) || config.runs(Scenario.MVN_SQL) || config.runs(Scenario.IN_PROCESS)
                || config.runs(Scenario.IN_PROCESS_SQL) || config.runs(Scenario.MEMORY);
    }

    private void store(boolean record, Metric wall, Metric cpu, int size, Outcome outcome) {
        store(record, wall, size, outcome.seconds());
        if (outcome.cpuSeconds() >= 0) {
            store(record, cpu, size, outcome.cpuSeconds());
        }
    }

    private void store(boolean record, Metric metric, int size, Double value) {
        if (value == null) {
            throw new IllegalStateException("the child process printed no result for " + metric);
        }
        if (record) {
            measurements.add(metric, size, value);
        }
    }

    private Outcome mvn(Path project, boolean offline, String... goals) throws IOException, InterruptedException {
        return run(project, Map.of(), mvnCommand(offline, goals));
    }

    private List<String> mvnCommand(boolean offline, String... goals) {
        List<String> command = new ArrayList<>(List.of("mvn", "-B"));
        if (offline) {
            command.add("-o");
        }
        if (config.repoLocal() != null) {
            command.add("-Dmaven.repo.local=" + config.repoLocal());
        }
        command.addAll(List.of(goals));
        return command;
    }

    private List<String> javaCommand(List<String> extraClassPath, Class<?> main, String... args) {
        List<String> classPath = new ArrayList<>(extraClassPath);
        classPath.add(System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", String.join(File.pathSeparator, classPath), main.getName()));
        command.addAll(List.of(args));
        return command;
    }

    private Outcome run(Path directory, Map<String, String> environment, List<String> command) throws IOException, InterruptedException {
        Path log = config.workDirectory().resolve("logs").resolve(String.format("%04d.log", ++logCounter));
        return ProcessRunner.run(command, directory, environment, log);
    }

    private Path flywayProject(int size) {
        return config.workDirectory().resolve("n" + size).resolve("flyway");
    }

    private Path migrateProject(int size) {
        return config.workDirectory().resolve("n" + size).resolve("migrate");
    }
}
