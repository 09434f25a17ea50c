package dev.migrate.graph;

import static dev.migrate.graph.Graphs.graph;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Resolving ids, prefixes and labels without a database, and the errors a user sees. */
class TargetResolutionTest {

    private final RevisionGraph graph = graph("ae1027a6acf", "ae10ff000001 <- ae1027a6acf",
            "1975ea83b712 <- ae10ff000001 label=reporting", "27c6a30d7c24 <- 1975ea83b712", "abc <- ae1027a6acf");

    private String error(Runnable action) {
        return assertThrows(TargetException.class, action::run).getMessage();
    }

    @Test
    void idPrefixAndLabel() {
        assertEquals("1975ea83b712", graph.revision("1975").id());
        assertEquals("1975ea83b712", graph.revision("reporting").id());
        assertEquals("27c6a30d7c24", graph.revision("reporting@head").id());
        assertEquals("1975ea83b712", graph.revision("27c6a30d7c24-1").id());
        assertEquals("abc", graph.revision("abc").id());
        assertEquals(List.of("27c6a30d7c24", "abc"), graph.resolve("heads"));
        assertEquals(List.of(), graph.resolve("base"));
    }

    @Test
    void aCountFromTheCurrentRevisionIsNoOneRevision() {
        // show, revision and merge resolve one revision without reading a database.
        assertEquals("'+1' counts up from the database's current revision; here it must name one revision. Give a"
                + " revision id, a unique prefix, a branch label, head, or a count from a named revision such as"
                + " <id>+1 or head-1.", error(() -> graph.revision("+1")));
        assertEquals("'+2' counts up from the database's current revision; here it must name one revision. Give a"
                + " revision id, a unique prefix, a branch label, head, or a count from a named revision such as"
                + " <id>+1 or head-1.", error(() -> graph.revision("+2")));
    }

    @Test
    void ambiguousPrefixListsTheCandidates() {
        assertEquals("Revision prefix 'ae10' is ambiguous: it starts 2 revision ids (ae1027a6acf, ae10ff000001)."
                + " Give more characters of the id.", error(() -> graph.revision("ae10")));
    }

    @Test
    void prefixOfABranchLabelNamesItsRevision() {
        // Alembic's partial lookup runs over its map's keys, branch labels included.
        assertEquals("1975ea83b712", graph.revision("repo").id());
        assertEquals("27c6a30d7c24", graph.revision("repo@head").id());
        RevisionGraph close = graph("ab12 label=ab1x", "cd13 <- ab12 label=ab1label");
        // ab12 matches by its id and by its label ab1x: one candidate.
        assertEquals("ab12", close.revision("ab1x").id());
        assertEquals("Revision prefix 'ab1' is ambiguous: it starts 2 revision ids or branch labels (ab12,"
                + " ab1label). Give more characters of the id.", error(() -> close.revision("ab1")));
    }

    @Test
    void unknownRevisionSuggestsClosestIds() {
        assertEquals("Unknown revision or branch label '1975ea83b713'. Did you mean '1975ea83b712'? Run"
                + " 'mvn migrate:history' to list the revisions.", error(() -> graph.upgradePlan(List.of(), "1975ea83b713")));
        assertEquals("Unknown revision or branch label 'reportimg'. Did you mean 'reporting'? Run 'mvn"
                + " migrate:history' to list the revisions.", error(() -> graph.revision("reportimg")));
    }

    @Test
    void shortUnknownPrefixExplainsTheFourCharacterRule() {
        // Like Alembic: prefixes only match ids longer than three characters, so "ab" does not find "abc".
        assertEquals("Unknown revision or branch label 'ab'. Did you mean 'abc'? A partial id matches only ids longer than"
                + " three characters; give the whole id. Run 'mvn migrate:history' to list the revisions.",
                error(() -> graph.revision("ab")));
    }

    @Test
    void keywordInTheWrongCaseSaysTargetsAreCaseSensitive() {
        assertEquals("Unknown revision or branch label 'HEAD'. Targets are case-sensitive: write 'head'.",
                error(() -> graph.revision("HEAD")));
    }

    @Test
    void shortTargetThatStartsNoIdIsJustUnknown() {
        assertEquals("Unknown revision or branch label 'zzz'. Run 'mvn migrate:history' to list the revisions.",
                error(() -> graph.revision("zzz")));
    }

    @Test
    void unknownBranch() {
        assertEquals("Unknown branch 'reportng': no branch label or revision has that name. Did you mean"
                + " 'reporting'? Run 'mvn migrate:branches' to list the branches.",
                error(() -> graph.upgradePlan(List.of(), "reportng@head")));
    }

    @Test
    void headWithSeveralHeads() {
        assertEquals("Target 'head' is ambiguous: there are 2 heads (27c6a30d7c24, abc). Use 'heads' for all of"
                + " them, 'label@head' for one branch, a revision id, or run 'mvn migrate:merge' to join them into"
                + " one head.", error(() -> graph.revision("head")));
    }

    @Test
    void labelHeadWithSeveralHeads() {
        RevisionGraph forked = graph("a label=lib", "b <- a", "c <- a");
        assertEquals("Target 'lib@head' is ambiguous: branch 'lib' has 2 heads (b, c). Give one of them by id, use"
                + " 'lib@heads' for all of them, or run 'mvn migrate:merge' to join them.",
                error(() -> forked.upgradePlan(List.of(), "lib@head")));
    }

    @Test
    void unknownVersionRow() {
        assertEquals("The version table contains '1975ea83b71', which is not a known revision. Did you mean"
                + " '1975ea83b712'? The database was upgraded by newer code or the revision was deleted: build the"
                + " project that contains it, or rewrite the table with stamp (migrate.purge=true) if that revision"
                + " was deleted.",
                error(() -> graph.upgradePlan(List.of("1975ea83b71"), "heads")));
    }

    @Test
    void wrongDirections() {
        assertEquals("Target '-1' moves down, but upgrade only moves up. Use downgrade -1, or upgrade +N.",
                error(() -> graph.upgradePlan(List.of("abc"), "-1")));
        assertEquals("Target '+1' moves up, but downgrade only moves down. Use upgrade +1, or downgrade -N.",
                error(() -> graph.downgradePlan(List.of("abc"), "+1")));
    }

    @Test
    void baseIsNotARevision() {
        assertEquals("'base' names no revision (it is base, before the first revision, or beyond the ends of the"
                + " history). Give a revision id, prefix or branch label.", error(() -> graph.revision("base")));
    }

    @Test
    void childrenOfUnknownId() {
        assertEquals("Unknown revision or branch label 'nope'. Run 'mvn migrate:history' to list the revisions.",
                error(() -> graph.children("nope")));
    }

    @Test
    void ancestorsDescendantsAndLabels() {
        assertEquals(java.util.Set.of("ae1027a6acf", "ae10ff000001"), graph.ancestors("1975ea83b712"));
        assertEquals(java.util.Set.of("27c6a30d7c24"), graph.descendants("1975ea83b712"));
        assertEquals(java.util.Map.of("reporting", "1975ea83b712"), graph.branchLabels());
        // The label runs down to the branch point ae1027a6acf, which it does not include.
        assertEquals(java.util.Set.of("reporting"), graph.branchLabels("ae10ff000001"));
        assertEquals(java.util.Set.of(), graph.branchLabels("ae1027a6acf"));
    }
}
