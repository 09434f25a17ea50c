package dev.migrate.benchmarks;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a realistic set of revision classes for {@link ProcessorBenchmark}: a main chain, and
 * every 100 revisions a labelled side branch of three that a merge revision joins back, so the
 * graph has branch points, merges, labels and a single head.
 */
final class RevisionSources {

    private static final int BRANCH_EVERY = 100;
    private static final int BRANCH_LENGTH = 3;

    private RevisionSources() {
    }

    static List<File> write(Path directory, int count) throws IOException {
        Path pkg = Files.createDirectories(directory.resolve("bench/db"));
        List<File> files = new ArrayList<>();
        String previous = null;
        int written = 0;
        while (written < count) {
            String id = id(written);
            if (written > 0 && written % BRANCH_EVERY == 0 && count - written > BRANCH_LENGTH + 1) {
                String branchHead = previous;
                for (int b = 0; b < BRANCH_LENGTH; b++) {
                    String branchId = id(written);
                    String label = b == 0 ? ", branchLabels = \"side" + written + "\"" : "";
                    files.add(write(pkg, written++, branchId, "\"" + branchHead + "\"" + label));
                    branchHead = branchId;
                }
                String mergeId = id(written);
                files.add(write(pkg, written++, mergeId, "{\"" + previous + "\", \"" + branchHead + "\"}"));
                previous = mergeId;
                continue;
            }
            files.add(write(pkg, written++, id, previous == null ? "{}" : "\"" + previous + "\""));
            previous = id;
        }
        return files;
    }

    private static String id(int n) {
        return String.format(Locale.ROOT, "%012x", 0xbe0000000000L + n);
    }

    private static File write(Path pkg, int n, String id, String revises) throws IOException {
        String name = String.format(Locale.ROOT, "V%04d_ChangeTable", n);
        String source = "package bench.db;\n\n"
                + "import dev.migrate.Migration;\n"
                + "import dev.migrate.Operations;\n"
                + "import dev.migrate.annotation.Revision;\n\n"
                + "@Revision(id = \"" + id + "\", revises = " + revises + ", message = \"change table " + n + "\")\n"
                + "public class " + name + " implements Migration {\n"
                + "    @Override\n"
                + "    public void upgrade(Operations op) {\n"
                + "        op.execute(\"CREATE TABLE t" + n + " (id BIGINT PRIMARY KEY, name VARCHAR(100))\");\n"
                + "        op.execute(\"CREATE INDEX t" + n + "_name ON t" + n + " (name)\");\n"
                + "    }\n\n"
                + "    @Override\n"
                + "    public void downgrade(Operations op) {\n"
                + "        op.execute(\"DROP TABLE t" + n + "\");\n"
                + "    }\n"
                + "}\n";
        Path file = pkg.resolve(name + ".java");
        Files.writeString(file, source);
        return file.toFile();
    }
}
