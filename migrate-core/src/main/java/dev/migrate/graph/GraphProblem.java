package dev.migrate.graph;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One thing wrong with a set of revisions (unknown parent, duplicate id, cycle, ...). Both the
 * annotation processor and the run time print {@link #message()}, so a compile error and a
 * run-time error read alike. {@link #blame()} says which annotation attribute value of which
 * revision to point at.
 */
public sealed interface GraphProblem permits GraphProblem.InvalidId, GraphProblem.DuplicateId,
        GraphProblem.DuplicateBranchLabel, GraphProblem.SelfReference, GraphProblem.UnknownReference,
        GraphProblem.Cycle, GraphProblem.CrossDatabaseReference {

    /** A complete sentence naming the revisions involved and the fix. */
    String message();

    /** Where the problem is: one entry per revision (and attribute value) to report it on. */
    List<Blame> blame();

    /** Dispatches on the kind of problem. */
    <R> R accept(Visitor<R> visitor);

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

    /** One method per kind of problem. */
    interface Visitor<R> {
        R invalidId(InvalidId problem);

        R duplicateId(DuplicateId problem);

        R duplicateBranchLabel(DuplicateBranchLabel problem);

        R selfReference(SelfReference problem);

        R unknownReference(UnknownReference problem);

        R cycle(Cycle problem);

        R crossDatabaseReference(CrossDatabaseReference problem);
    }

    /** "'id' (com.example.Class)", or just "'id'" when the origin is unknown. */
    static String describe(RevisionDescriptor revision) {
        return revision.origin().isEmpty()
                ? "'" + revision.id() + "'"
                : "'" + revision.id() + "' (" + revision.origin() + ")";
    }

    /**
     * An id or a branch label that breaks the id rule ({@link RevisionIds}).
     *
     * @param attribute {@link Attribute#ID} or {@link Attribute#BRANCH_LABELS}
     * @param reason    why the value breaks the rule
     */
    record InvalidId(RevisionDescriptor revision, Attribute attribute, String value, String reason)
            implements GraphProblem {

        @Override
        public String message() {
            if (attribute == Attribute.BRANCH_LABELS) {
                return "Branch label '" + value + "' of revision " + describe(revision) + " is not valid: " + reason
                        + ". Branch labels follow the rule for ids (no white space, none of @ - + :, not head, heads"
                        + " or base); rename the label.";
            }
            return "Revision id '" + value + "'" + (revision.origin().isEmpty() ? "" : " (" + revision.origin() + ")")
                    + " is not valid: " + reason + ". Use letters, digits and underscores, for example a generated"
                    + " id such as '3f1c2a9b7d10' (mvn migrate:revision generates one).";
        }

        @Override
        public List<Blame> blame() {
            return List.of(new Blame(revision, attribute, value));
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.invalidId(this);
        }
    }

    /** Two or more revisions with the same id. */
    record DuplicateId(String id, List<RevisionDescriptor> revisions) implements GraphProblem {

        public DuplicateId {
            revisions = List.copyOf(revisions);
        }

        @Override
        public String message() {
            String classes = revisions.stream()
                    .map(r -> r.origin().isEmpty() ? "(unnamed)" : r.origin())
                    .collect(Collectors.joining(", "));
            return "Revision id '" + id + "' is used by " + revisions.size() + " revisions: " + classes
                    + ". Each revision needs its own id; give all but one of them a new id"
                    + " (mvn migrate:revision generates one) and fix the revises/dependsOn that refer to it.";
        }

        @Override
        public List<Blame> blame() {
            return revisions.stream().map(r -> new Blame(r, Attribute.ID, id)).toList();
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.duplicateId(this);
        }
    }

    /**
     * A branch label declared by two or more revisions, or equal to a revision id.
     *
     * @param revisions the revisions declaring the label
     * @param idOwner   the revision whose id equals the label, or null
     */
    record DuplicateBranchLabel(String label, List<RevisionDescriptor> revisions, RevisionDescriptor idOwner)
            implements GraphProblem {

        public DuplicateBranchLabel {
            revisions = List.copyOf(revisions);
        }

        @Override
        public String message() {
            String declared = revisions.stream().map(GraphProblem::describe).collect(Collectors.joining(", "));
            if (idOwner != null) {
                return "Branch label '" + label + "' of revision " + declared + " is also the id of revision "
                        + describe(idOwner) + ". A label must differ from every revision id; rename the label.";
            }
            return "Branch label '" + label + "' is declared by " + revisions.size() + " revisions: " + declared
                    + ". A label names exactly one branch; rename or remove all but one of them.";
        }

        @Override
        public List<Blame> blame() {
            return revisions.stream().map(r -> new Blame(r, Attribute.BRANCH_LABELS, label)).toList();
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.duplicateBranchLabel(this);
        }
    }

    /**
     * A revision that revises or depends on itself.
     *
     * @param attribute {@link Attribute#REVISES} or {@link Attribute#DEPENDS_ON}
     */
    record SelfReference(RevisionDescriptor revision, Attribute attribute) implements GraphProblem {

        @Override
        public String message() {
            String verb = attribute == Attribute.DEPENDS_ON ? "depends on" : "revises";
            String name = attribute == Attribute.DEPENDS_ON ? "dependsOn" : "revises";
            return "Revision " + describe(revision) + " " + verb + " itself. Remove '" + revision.id() + "' from "
                    + name + "; a revision comes after other revisions, never after itself.";
        }

        @Override
        public List<Blame> blame() {
            return List.of(new Blame(revision, attribute, revision.id()));
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.selfReference(this);
        }
    }

    /**
     * A {@code revises} or {@code dependsOn} value that names no revision (and, for dependsOn, no label).
     *
     * @param suggestions the closest known ids, possibly empty
     */
    record UnknownReference(RevisionDescriptor revision, Attribute attribute, String value, List<String> suggestions)
            implements GraphProblem {

        public UnknownReference {
            suggestions = List.copyOf(suggestions);
        }

        @Override
        public String message() {
            boolean dependency = attribute == Attribute.DEPENDS_ON;
            String text = "Revision " + describe(revision) + (dependency ? " depends on '" : " revises '") + value
                    + (dependency ? "', which is neither a known revision nor a branch label." : "', which is not a known revision.");
            return text + ClosestIds.didYouMean(suggestions)
                    + " Fix the value in " + (dependency ? "dependsOn" : "revises") + ", or add the missing revision.";
        }

        @Override
        public List<Blame> blame() {
            return List.of(new Blame(revision, attribute, value));
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.unknownReference(this);
        }
    }

    /**
     * Revisions that revise or depend on each other in a circle.
     *
     * @param revisions the cycle in order: each revises (or depends on) the next, the last the first
     * @param blame     one entry per revision: the attribute and value pointing at the next one
     */
    record Cycle(List<RevisionDescriptor> revisions, List<Blame> blame) implements GraphProblem {

        public Cycle {
            revisions = List.copyOf(revisions);
            blame = List.copyOf(blame);
        }

        @Override
        public String message() {
            String path = revisions.stream().map(RevisionDescriptor::id).collect(Collectors.joining(" -> "))
                    + " -> " + revisions.get(0).id();
            String classes = revisions.stream().map(GraphProblem::describe).collect(Collectors.joining(", "));
            return "Revisions form a cycle: " + path + " (each revises or depends on the next). A history needs a"
                    + " start; remove one of these references. Revisions in the cycle: " + classes + ".";
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.cycle(this);
        }
    }

    /**
     * A revision that revises or depends on a revision (or branch label) of another database: each
     * database has a history of its own, applied through its own version table.
     *
     * @param target the revision the value names, in the other database
     */
    record CrossDatabaseReference(RevisionDescriptor revision, Attribute attribute, String value, RevisionDescriptor target)
            implements GraphProblem {

        @Override
        public String message() {
            return "Revision " + describe(revision) + " of database " + name(revision.database())
                    + (attribute == Attribute.DEPENDS_ON ? " depends on '" : " revises '") + value + "', which belongs to"
                    + " database " + name(target.database()) + ". Each database has its own history: name a revision of "
                    + name(revision.database()) + " in " + (attribute == Attribute.DEPENDS_ON ? "dependsOn" : "revises")
                    + ", or move the revision to " + name(target.database()) + " with @Revision(database = \""
                    + target.database() + "\").";
        }

        private static String name(String database) {
            return database.isEmpty() ? "(default)" : "'" + database + "'";
        }

        @Override
        public List<Blame> blame() {
            return List.of(new Blame(revision, attribute, value));
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.crossDatabaseReference(this);
        }
    }
}
