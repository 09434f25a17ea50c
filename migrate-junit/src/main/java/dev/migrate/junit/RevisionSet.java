package dev.migrate.junit;

import dev.migrate.MigrateException;
import dev.migrate.graph.RevisionDescriptor;
import dev.migrate.graph.RevisionGraph;
import dev.migrate.index.IndexedRevision;
import dev.migrate.index.RevisionIndex;
import dev.migrate.index.RevisionIndexLoader;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The revisions a test class works with, and their graph (built on first use, so a test that only
 * needs a database does not depend on the history being valid).
 */
final class RevisionSet {

    private final List<IndexedRevision> revisions;
    private final String source;
    private final String database;
    private RevisionGraph graph;

    RevisionSet(List<IndexedRevision> revisions, String source) {
        this(revisions, source, "");
    }

    /** The revisions of {@code database}'s history ("" for the revisions that name none). */
    RevisionSet(List<IndexedRevision> revisions, String source, String database) {
        this.database = database == null ? "" : database.trim();
        this.revisions = revisions.stream().filter(r -> r.descriptor().belongsTo(this.database, this.database.isEmpty()))
                .toList();
        this.source = this.database.isEmpty() ? source : source + " (database '" + this.database + "')";
    }

    /** The database whose history this is; empty for the default. */
    String database() {
        return database;
    }

    /** The revisions {@code @MigrateTest(revisions)} lists, else every index on the test class's class path. */
    static RevisionSet forTestClass(Class<?> testClass, MigrateTest annotation) {
        if (annotation.revisions().length == 0) {
            return new RevisionSet(RevisionIndexLoader.load(testClass.getClassLoader()),
                    "the revision indexes on the class path of " + testClass.getName(), annotation.database());
        }
        List<IndexedRevision> all = new ArrayList<>();
        for (Class<? extends RevisionIndex> index : annotation.revisions()) {
            all.addAll(instantiate(index).revisions());
        }
        all.sort(Comparator.comparing(IndexedRevision::id).thenComparing(IndexedRevision::className));
        return new RevisionSet(all, "@MigrateTest(revisions) of " + testClass.getName(), annotation.database());
    }

    List<IndexedRevision> revisions() {
        return revisions;
    }

    /** The graph; an empty set or an invalid history is an error naming where the revisions came from. */
    synchronized RevisionGraph graph() {
        if (graph == null) {
            if (revisions.isEmpty()) {
                throw new MigrateException("No revisions found in " + source + ". Check that migrate-processor runs as an"
                        + " annotation processor in the module with the @Revision classes (mvn compile generates the index),"
                        + " or list indexes in @MigrateTest(revisions = ...).");
            }
            graph = RevisionGraph.of(revisions.stream().map(IndexedRevision::descriptor).collect(Collectors.toList()));
        }
        return graph;
    }

    /** {@code id (message, ClassName)} for messages. */
    String describe(String id) {
        return graph().find(id).map(RevisionSet::describe).orElse(id);
    }

    static String describe(RevisionDescriptor revision) {
        String simpleClass = revision.origin().substring(revision.origin().lastIndexOf('.') + 1);
        String details = revision.message().isEmpty() ? simpleClass : revision.message() + ", " + simpleClass;
        return details.isEmpty() ? revision.id() : revision.id() + " (" + details + ")";
    }

    private static RevisionIndex instantiate(Class<? extends RevisionIndex> index) {
        try {
            return index.getDeclaredConstructor().newInstance();
        } catch (NoSuchMethodException | InstantiationException | IllegalAccessException e) {
            throw new MigrateException("@MigrateTest(revisions) lists " + index.getName() + ", which cannot be instantiated ("
                    + e + "). Make it a public class (static if nested) with a public no-argument constructor.", e);
        } catch (InvocationTargetException e) {
            throw new MigrateException("@MigrateTest(revisions) lists " + index.getName() + ", whose constructor failed: "
                    + e.getCause(), e.getCause());
        }
    }
}
