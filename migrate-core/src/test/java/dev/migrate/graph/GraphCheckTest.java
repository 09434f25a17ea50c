package dev.migrate.graph;

import static dev.migrate.graph.Graphs.descriptors;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.graph.GraphProblem.Attribute;
import dev.migrate.graph.GraphProblem.Blame;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link RevisionGraph#check}: every problem, its message and where to report it. */
class GraphCheckTest {

    private static List<GraphProblem> check(String... lines) {
        return RevisionGraph.check(descriptors(lines));
    }

    private static GraphProblem single(String... lines) {
        List<GraphProblem> problems = check(lines);
        assertEquals(1, problems.size(), () -> "problems: " + problems);
        return problems.get(0);
    }

    private static String origins(List<Blame> blame) {
        return String.join(" ", blame.stream()
                .map(b -> b.revision().origin() + "/" + b.attribute() + "/" + b.value()).toList());
    }

    @Test
    void validGraphHasNoProblems() {
        assertTrue(check("a", "b <- a", "c <- a label=x", "m <- b,c depends=x").isEmpty());
    }

    @Test
    void unknownParentWithSuggestion() {
        GraphProblem problem = single("abcd", "b <- abce");
        assertEquals("Revision 'b' (test.b) revises 'abce', which is not a known revision. Did you mean 'abcd'?"
                + " Fix the value in revises, or add the missing revision.", problem.message());
        assertEquals("test.b/REVISES/abce", origins(problem.blame()));
    }

    @Test
    void unknownDependencyWithoutSuggestion() {
        GraphProblem problem = single("a", "b <- a depends=zzzzzz");
        assertEquals("Revision 'b' (test.b) depends on 'zzzzzz', which is neither a known revision nor a branch"
                + " label. Fix the value in dependsOn, or add the missing revision.", problem.message());
        assertEquals("test.b/DEPENDS_ON/zzzzzz", origins(problem.blame()));
    }

    @Test
    void duplicateIdBlamesEveryClass() {
        List<RevisionDescriptor> revisions = List.of(
                new RevisionDescriptor("a", List.of(), List.of(), List.of(), "", "com.example.First"),
                new RevisionDescriptor("a", List.of(), List.of(), List.of(), "", "com.example.Second"));
        List<GraphProblem> problems = RevisionGraph.check(revisions);
        assertEquals(1, problems.size());
        assertEquals("Revision id 'a' is used by 2 revisions: com.example.First, com.example.Second. Each revision"
                + " needs its own id; give all but one of them a new id (mvn migrate:revision generates one) and"
                + " fix the revises/dependsOn that refer to it.", problems.get(0).message());
        assertEquals("com.example.First/ID/a com.example.Second/ID/a", origins(problems.get(0).blame()));
    }

    @Test
    void duplicateBranchLabel() {
        GraphProblem problem = single("a label=x", "b <- a label=x");
        assertEquals("Branch label 'x' is declared by 2 revisions: 'a' (test.a), 'b' (test.b). A label names exactly"
                + " one branch; rename or remove all but one of them.", problem.message());
        assertEquals("test.a/BRANCH_LABELS/x test.b/BRANCH_LABELS/x", origins(problem.blame()));
    }

    @Test
    void branchLabelEqualToAnId() {
        GraphProblem problem = single("a", "b <- a label=a");
        assertEquals("Branch label 'a' of revision 'b' (test.b) is also the id of revision 'a' (test.a). A label"
                + " must differ from every revision id; rename the label.", problem.message());
        assertEquals("test.b/BRANCH_LABELS/a", origins(problem.blame()));
    }

    @Test
    void revisesItself() {
        GraphProblem problem = single("a <- a");
        assertEquals("Revision 'a' (test.a) revises itself. Remove 'a' from revises; a revision comes after other"
                + " revisions, never after itself.", problem.message());
        assertEquals("test.a/REVISES/a", origins(problem.blame()));
    }

    @Test
    void dependsOnItself() {
        GraphProblem problem = single("a <- base depends=a");
        assertEquals("Revision 'a' (test.a) depends on itself. Remove 'a' from dependsOn; a revision comes after"
                + " other revisions, never after itself.", problem.message());
        assertEquals("test.a/DEPENDS_ON/a", origins(problem.blame()));
    }

    @Test
    void invalidIds() {
        List<RevisionDescriptor> revisions = new java.util.ArrayList<>(descriptors("a-1", "head", "x:y"));
        revisions.add(2, new RevisionDescriptor("with space", List.of(), List.of(), List.of(), "", "test.Space"));
        revisions.add(new RevisionDescriptor("", List.of(), List.of(), List.of(), "", "test.Empty"));
        List<GraphProblem> problems = RevisionGraph.check(revisions);
        assertEquals(5, problems.size());
        assertEquals("Revision id 'a-1' (test.a-1) is not valid: it contains '-', which targets use (none of @ - +"
                + " : is allowed). Use letters, digits and underscores, for example a generated id such as"
                + " '3f1c2a9b7d10' (mvn migrate:revision generates one).", problems.get(0).message());
        assertTrue(problems.get(1).message().contains("'head' is a reserved word in targets (head, heads and base"
                + " are not allowed)"), problems.get(1).message());
        assertTrue(problems.get(2).message().contains("it contains white space"));
        assertTrue(problems.get(3).message().contains("it contains ':'"));
        assertTrue(problems.get(4).message().contains("it is empty"));
        assertEquals("test.a-1/ID/a-1", origins(problems.get(0).blame()));
    }

    @Test
    void invalidBranchLabel() {
        GraphProblem problem = single("a label=my@label");
        assertEquals("Branch label 'my@label' of revision 'a' (test.a) is not valid: it contains '@', which targets"
                + " use (none of @ - + : is allowed). Branch labels follow the rule for ids (no white space, none of"
                + " @ - + :, not head, heads or base); rename the label.", problem.message());
        assertEquals("test.a/BRANCH_LABELS/my@label", origins(problem.blame()));
    }

    @Test
    void cyclePrintsThePathAndBlamesEachRevision() {
        GraphProblem problem = single("a", "b <- a,d", "c <- b", "d <- c");
        assertEquals("Revisions form a cycle: b -> d -> c -> b (each revises or depends on the next). A history"
                + " needs a start; remove one of these references. Revisions in the cycle: 'b' (test.b), 'd' (test.d),"
                + " 'c' (test.c).", problem.message());
        assertEquals("test.b/REVISES/d test.d/REVISES/c test.c/REVISES/b", origins(problem.blame()));
    }

    @Test
    void cycleThroughDependsOnAndLabel() {
        assertTrue(single("a <- base depends=c", "b <- a", "c <- b") instanceof GraphProblem.Cycle);
        GraphProblem viaLabel = single("a <- base depends=lib", "b <- a", "c <- b label=lib");
        assertEquals("Revisions form a cycle: a -> c -> b -> a (each revises or depends on the next). A history"
                + " needs a start; remove one of these references. Revisions in the cycle: 'a' (test.a), 'c' (test.c),"
                + " 'b' (test.b).", viaLabel.message());
        assertEquals("test.a/DEPENDS_ON/lib test.c/REVISES/b test.b/REVISES/a", origins(viaLabel.blame()));
    }

    @Test
    void collectsAllProblemsAtOnce() {
        List<GraphProblem> problems = check("a", "a", "b <- nope", "c <- c", "d <- e", "e <- d", "f label=a");
        assertEquals(List.of("DuplicateId", "DuplicateBranchLabel", "UnknownReference", "SelfReference", "Cycle"),
                problems.stream().map(p -> p.getClass().getSimpleName()).toList());
    }

    @Test
    void ofThrowsOneExceptionListingEveryProblem() {
        RevisionGraphException e = assertThrows(RevisionGraphException.class,
                () -> RevisionGraph.of(descriptors("a", "b <- x", "c <- y")));
        assertEquals(2, e.problems().size());
        assertEquals(e.problems().get(0).message() + System.lineSeparator() + e.problems().get(1).message(),
                e.getMessage());
    }

    @Test
    void visitorDispatchesOnTheKind() {
        GraphProblem problem = single("a <- a");
        String kind = problem.accept(new GraphProblem.Visitor<>() {
            public String invalidId(GraphProblem.InvalidId p) {
                return "invalid";
            }

            public String duplicateId(GraphProblem.DuplicateId p) {
                return "duplicate";
            }

            public String duplicateBranchLabel(GraphProblem.DuplicateBranchLabel p) {
                return "label";
            }

            public String selfReference(GraphProblem.SelfReference p) {
                return "self " + p.attribute();
            }

            public String unknownReference(GraphProblem.UnknownReference p) {
                return "unknown";
            }

            public String cycle(GraphProblem.Cycle p) {
                return "cycle";
            }

            public String crossDatabaseReference(GraphProblem.CrossDatabaseReference p) {
                return "cross";
            }
        });
        assertEquals("self " + Attribute.REVISES, kind);
    }

    @Test
    void aRevisionMayNotReviseOrDependOnAnotherDatabasesHistory() {
        RevisionDescriptor main = new RevisionDescriptor("m1", List.of(), List.of(), List.of("core"), "", "app.M1");
        RevisionDescriptor analytics = new RevisionDescriptor("a1", List.of(), List.of(), List.of(), "", "app.A1", "analytics");
        RevisionDescriptor wrong = new RevisionDescriptor("a2", List.of("m1"), List.of("core"), List.of(), "", "app.A2",
                "analytics");
        List<GraphProblem> problems = RevisionGraph.check(List.of(main, analytics, wrong));
        assertEquals(List.of(
                "Revision 'a2' (app.A2) of database 'analytics' revises 'm1', which belongs to database (default). Each"
                        + " database has its own history: name a revision of 'analytics' in revises, or move the revision"
                        + " to (default) with @Revision(database = \"\").",
                "Revision 'a2' (app.A2) of database 'analytics' depends on 'core', which belongs to database (default)."
                        + " Each database has its own history: name a revision of 'analytics' in dependsOn, or move the"
                        + " revision to (default) with @Revision(database = \"\")."),
                problems.stream().map(GraphProblem::message).toList());
        assertEquals(List.of(), RevisionGraph.check(List.of(main, analytics)));
        assertEquals(List.of("a1"), RevisionGraph.ofDatabase(List.of(main, analytics), "analytics", false).stream()
                .map(RevisionDescriptor::id).toList());
        assertEquals(List.of("m1"), RevisionGraph.ofDatabase(List.of(main, analytics), "main", true).stream()
                .map(RevisionDescriptor::id).toList());
    }
}
