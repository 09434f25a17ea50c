package dev.migrate.index;

import dev.migrate.MigrateException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/** Loads and combines every {@link RevisionIndex} visible to a class loader. */
public final class RevisionIndexLoader {

    private RevisionIndexLoader() {
    }

    /**
     * All revisions of all indexes on {@code loader}'s class path, sorted by id for a stable order.
     * Duplicates across indexes are left in place: building the graph reports them with both
     * classes named.
     */
    public static List<IndexedRevision> load(ClassLoader loader) {
        List<IndexedRevision> all = new ArrayList<>();
        try {
            for (RevisionIndex index : ServiceLoader.load(RevisionIndex.class, loader)) {
                all.addAll(index.revisions());
            }
        } catch (ServiceConfigurationError e) {
            throw new MigrateException("A revision index on the class path cannot be loaded (" + e.getMessage()
                    + "). Recompile the project that contains it (mvn clean compile) so the index matches its classes.", e);
        }
        all.sort(Comparator.comparing(IndexedRevision::id).thenComparing(IndexedRevision::className));
        return List.copyOf(all);
    }
}
