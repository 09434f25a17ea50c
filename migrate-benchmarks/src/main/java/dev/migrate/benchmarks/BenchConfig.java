package dev.migrate.benchmarks;

import dev.migrate.benchmarks.harness.PostgresServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The suite's settings, from {@code RunAll}'s arguments.
 *
 * @param sizes          history sizes to measure ({@code --sizes 100,1000})
 * @param runs           measured rounds ({@code --runs 5})
 * @param warmups        unmeasured rounds first, run online so Maven resolves what it lacks ({@code --warmups 1})
 * @param memorySize     size whose peak memory is measured ({@code --memory-size 1000}; 0 = none)
 * @param scenarios      what to run ({@code --scenarios floor,flyway,...}; default all)
 * @param adminUrl       PostgreSQL admin URL ({@code MIGRATE_TEST_POSTGRES_URL} or the default)
 * @param repoLocal      private Maven repository for the generated projects ({@code --repo-local}), or null for ~/.m2
 * @param workDirectory  where generated projects and logs go ({@code --work})
 * @param output         the markdown table ({@code --out})
 * @param document       {@code docs/PERFORMANCE.md} to update between its markers ({@code --update-doc}), or null
 * @param migrateVersion version of the migrate artifacts the generated project uses
 * @param flywayVersion  version of Flyway's Maven plugin and PostgreSQL module
 * @param command        the command line to print in the report
 */
public record BenchConfig(List<Integer> sizes, int runs, int warmups, int memorySize, Set<Scenario> scenarios,
                          String adminUrl, Path repoLocal, Path workDirectory, Path output, Path document,
                          String migrateVersion, String flywayVersion, String command) {

    public static final String FLYWAY_VERSION = "13.12.0";
    public static final String POSTGRES_DRIVER_VERSION = "42.7.13";
    public static final String MIGRATE_VERSION = "0.1.0-SNAPSHOT";

    /** What the suite can measure; each can be left out. */
    public enum Scenario { FLOOR, FLYWAY, VALIDATE, MVN_UPGRADE, MVN_SQL, IN_PROCESS, IN_PROCESS_SQL, MEMORY }

    public BenchConfig {
        sizes = List.copyOf(sizes);
        scenarios = Set.copyOf(scenarios);
    }

    /** Parses {@code --name value} pairs; unknown names are an error that lists the known ones. */
    public static BenchConfig parse(String[] args) {
        List<Integer> sizes = List.of(100, 1_000);
        int runs = 5;
        int warmups = 1;
        int memorySize = 1_000;
        Set<Scenario> scenarios = EnumSet.allOf(Scenario.class);
        Path repo = null;
        Path work = Path.of("target/bench");
        Path out = null;
        Path doc = null;
        String command = "java dev.migrate.benchmarks.RunAll " + String.join(" ", args);
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + args[i] + " needs a value");
            }
            String value = args[i + 1];
            switch (args[i]) {
                case "--sizes" -> sizes = Arrays.stream(value.split(",")).map(String::trim).map(Integer::valueOf).toList();
                case "--runs" -> runs = Integer.parseInt(value);
                case "--warmups" -> warmups = Math.max(1, Integer.parseInt(value));
                case "--memory-size" -> memorySize = Integer.parseInt(value);
                case "--scenarios" -> scenarios = scenarios(value);
                case "--repo-local" -> repo = Path.of(value).toAbsolutePath();
                case "--work" -> work = Path.of(value);
                case "--out" -> out = Path.of(value);
                case "--update-doc" -> doc = Path.of(value);
                case "--command" -> command = value;
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; known: --sizes --runs --warmups"
                        + " --memory-size --scenarios --repo-local --work --out --update-doc --command");
            }
        }
        work = work.toAbsolutePath();
        return new BenchConfig(sizes, runs, warmups, memorySize, scenarios, PostgresServer.fromEnvironment().adminUrl(),
                repo, work, out == null ? work.resolve("results.md") : out, doc, MIGRATE_VERSION, FLYWAY_VERSION, command);
    }

    private static Set<Scenario> scenarios(String list) {
        Set<Scenario> result = EnumSet.noneOf(Scenario.class);
        List<String> unknown = new ArrayList<>();
        for (String name : list.split(",")) {
            try {
                result.add(Scenario.valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_')));
            } catch (IllegalArgumentException e) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown scenarios " + unknown + "; known: " + Arrays.toString(Scenario.values()));
        }
        return result;
    }

    public boolean runs(Scenario scenario) {
        return scenarios.contains(scenario);
    }
}
