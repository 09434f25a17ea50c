package dev.migrate.benchmarks.autogenerate;

import dev.migrate.Migrator;
import dev.migrate.autogenerate.AutogenerateOptions;
import dev.migrate.autogenerate.AutogenerateResult;
import dev.migrate.autogenerate.ModelRequest;
import dev.migrate.autogenerate.ModelSchema;
import dev.migrate.autogenerate.ModelSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;

/**
 * Autogenerate in one JVM, without Maven: what {@code mvn migrate:revision -Dmigrate.autogenerate}
 * does once the project's classes are loaded (read the entities with the model reader on the class
 * path, then compare them with the database at head), timed per phase, the first run (cold: class
 * loading and JIT included) apart from the median of the rest. The database's schema is read while
 * the entities are, as in the plugin, so the compare phase is the part the entity read does not
 * hide. bench/autogenerate-maven.sh runs it on the project it generates, whose classes,
 * dependencies and migrate-hibernate are on the class path.
 *
 * <pre>
 * java -cp ... dev.migrate.benchmarks.autogenerate.AutogenerateInProcess CLASSES_DIR JDBC_URL [RUNS] [cached]
 * </pre>
 * With {@code cached}, the model's snapshot is remembered between runs as the plugin does
 * ({@link AutogenerateOptions#withModelCache}, in a fresh temporary directory): the first run
 * builds the model in the database, the later ones read it from the file.
 */
public final class AutogenerateInProcess {

    private AutogenerateInProcess() {
    }

    public static void main(String[] args) throws IOException {
        Path classes = Path.of(args[0]);
        String url = args[1];
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        boolean cached = args.length > 3 && args[3].equals("cached");
        AutogenerateOptions options = cached
                ? AutogenerateOptions.defaults().withModelCache(Files.createTempDirectory("migrate-model-cache"))
                : AutogenerateOptions.defaults();
        List<String> entities = Files.readAllLines(classes.resolve("META-INF/migrate/entities.list")).stream()
                .map(String::trim).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        ClassLoader loader = AutogenerateInProcess.class.getClassLoader();
        ModelSource source = ServiceLoader.load(ModelSource.class, loader).stream().map(ServiceLoader.Provider::get)
                .filter(s -> s.isAvailable(loader)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no model reader (migrate-hibernate) on the class path"));
        String database = url.split(":")[1];
        List<double[]> times = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            // As the plugin does it: the model is read inside autogenerate, while the database's
            // schema is read beside it; "compare" is what the read does not hide.
            long start = System.nanoTime();
            long[] readTook = new long[1];
            AutogenerateResult result = Migrator.builder().url(url).classLoader(loader).build()
                    .autogenerate(connected -> {
                        long readStart = System.nanoTime();
                        ModelSchema model = source.read(new ModelRequest(loader, entities, database, "jpa", null)
                                .forDatabase(connected));
                        readTook[0] = System.nanoTime() - readStart;
                        return model;
                    }, options);
            long compared = System.nanoTime();
            long read = start + readTook[0];
            if (!result.isEmpty()) {
                throw new IllegalStateException("the database is at head with these entities, yet autogenerate found "
                        + result.changes().size() + " changes, e.g. " + result.changes().get(0).describe());
            }
            times.add(new double[] {(read - start) / 1e9, (compared - read) / 1e9});
            System.out.printf(Locale.ROOT, "run %d: read %d entities %.2f s, compare with the database %.2f s%n", run + 1,
                    entities.size(), times.get(run)[0], times.get(run)[1]);
        }
        List<double[]> warm = times.subList(1, times.size());
        System.out.printf(Locale.ROOT, "in process%s, %d entities: first run %.2f s (read %.2f + compare %.2f); later runs,"
                + " median %.2f s (read %.2f + compare %.2f)%n", cached ? " with the model cache" : "", entities.size(),
                times.get(0)[0] + times.get(0)[1],
                times.get(0)[0], times.get(0)[1], median(warm, 0) + median(warm, 1), median(warm, 0), median(warm, 1));
    }

    private static double median(List<double[]> times, int phase) {
        if (times.isEmpty()) {
            return Double.NaN;
        }
        double[] values = times.stream().mapToDouble(t -> t[phase]).sorted().toArray();
        return values[values.length / 2];
    }
}
