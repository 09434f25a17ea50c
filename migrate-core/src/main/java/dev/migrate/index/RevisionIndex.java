package dev.migrate.index;

import java.util.List;

/**
 * A list of revisions generated at compile time by {@code migrate-processor} and registered for
 * {@link java.util.ServiceLoader}, so that nothing scans the class path at run time. Every jar
 * (or output directory) with {@code @Revision} classes carries one; the run time combines them.
 */
public interface RevisionIndex {

    /** The revisions this index knows, in a stable order. */
    List<IndexedRevision> revisions();
}
