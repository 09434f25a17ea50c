package dev.migrate.graph;

import java.util.List;

/**
 * One thing wrong with a set of revisions (unknown parent, duplicate id, cycle, ...). Both the
 * annotation processor and the run time print {@link #message()}, so a compile error and a
 * run-time error read alike. {@link #blame()} says which annotation attribute value of which
 * revision to point at.
 */
public interface GraphProblem {

    /** A complete sentence naming the revisions involved and the fix. */
    String message();

    /** Where the problem is: one entry per revision (and attribute value) to report it on. */
    List<Blame> blame();

    /** The annotation attribute a problem is reported on. */
    enum Attribute {
        ID,
        REVISES,
        DEPENDS_ON,
        BRANCH_LABELS
    }

    /**
     * A place to report a problem on.
     *
     * @param revision  the revision whose annotation is at fault (its origin names the class)
     * @param attribute the attribute at fault
     * @param value     the offending value inside that attribute, or null for the attribute as a whole
     */
    record Blame(RevisionDescriptor revision, Attribute attribute, String value) {
    }
}
