package dev.migrate.maven;

import dev.migrate.autogenerate.ModelRequest;
import dev.migrate.autogenerate.ModelSchema;
import dev.migrate.autogenerate.ModelSource;
import dev.migrate.ops.Operation;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A model reader for the plugin's tests: available only to a project whose classes hold the
 * marker resource, so it never stands in for Hibernate elsewhere; it returns {@link #model}.
 */
public final class MarkedModelSource implements ModelSource {

    static final String MARKER = "dev/migrate/maven/marked-model-source";

    static volatile List<Operation> model = List.of();

    /** How often a model was read (rather than remembered by the model read cache). */
    static final AtomicInteger reads = new AtomicInteger();

    @Override
    public String name() {
        return "marked test model";
    }

    @Override
    public boolean isAvailable(ClassLoader projectClasses) {
        return projectClasses.getResource(MARKER) != null;
    }

    @Override
    public ModelSchema read(ModelRequest request) {
        reads.incrementAndGet();
        return new ModelSchema(name(), model);
    }
}
