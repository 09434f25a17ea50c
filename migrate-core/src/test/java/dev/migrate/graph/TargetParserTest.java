package dev.migrate.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The target grammar, parsed without a graph. */
class TargetParserTest {

    @Test
    void symbols() {
        assertEquals(new Target.Head("head", null), TargetParser.parse("head"));
        assertEquals(new Target.Heads("heads", null), TargetParser.parse(" heads "));
        assertEquals(new Target.Base("base", null), TargetParser.parse("base"));
        assertEquals(new Target.Revision("ae10", null, "ae10"), TargetParser.parse("ae10"));
    }

    @Test
    void branchForms() {
        assertEquals(new Target.Head("lib@head", "lib"), TargetParser.parse("lib@head"));
        assertEquals(new Target.Heads("lib@heads", "lib"), TargetParser.parse("lib@heads"));
        assertEquals(new Target.Base("lib@base", "lib"), TargetParser.parse("lib@base"));
        assertEquals(new Target.Revision("lib@ae10", "lib", "ae10"), TargetParser.parse("lib@ae10"));
    }

    @Test
    void zeroStepsFromTheCurrentRevisionIsRejected() {
        TargetException plus = assertThrows(TargetException.class, () -> TargetParser.parse("+0"));
        assertEquals("Target '+0' moves zero steps. Give +1 or more to upgrade, -1 or more to downgrade, or a"
                + " revision id.", plus.getMessage());
        assertThrows(TargetException.class, () -> TargetParser.parse("-0"));
        // Zero steps from a named revision is that revision.
        assertEquals(new Target.Relative("ae10+0", null, "ae10", 0), TargetParser.parse("ae10+0"));
    }

    @Test
    void relativeForms() {
        assertEquals(new Target.Relative("+2", null, null, 2), TargetParser.parse("+2"));
        assertEquals(new Target.Relative("-1", null, null, -1), TargetParser.parse("-1"));
        assertEquals(new Target.Relative("ae10+2", null, "ae10", 2), TargetParser.parse("ae10+2"));
        assertEquals(new Target.Relative("ae10-3", null, "ae10", -3), TargetParser.parse("ae10-3"));
        assertEquals(new Target.Relative("lib@+1", "lib", null, 1), TargetParser.parse("lib@+1"));
        assertEquals(new Target.Relative("lib@-2", "lib", null, -2), TargetParser.parse("lib@-2"));
        assertEquals(new Target.Relative("lib@head-1", "lib", "head", -1), TargetParser.parse("lib@head-1"));
        assertEquals(new Target.Relative("base+2", null, "base", 2), TargetParser.parse("base+2"));
    }

    @Test
    void visitorReachesEachKind() {
        TargetVisitor<String> kind = new TargetVisitor<>() {
            public String head(Target.Head t) {
                return "head";
            }

            public String heads(Target.Heads t) {
                return "heads";
            }

            public String base(Target.Base t) {
                return "base";
            }

            public String revision(Target.Revision t) {
                return "revision";
            }

            public String relative(Target.Relative t) {
                return "relative";
            }
        };
        assertEquals("relative", TargetParser.parse("x@-1").accept(kind));
        assertEquals("revision", TargetParser.parse("x@y").accept(kind));
    }

    @Test
    void errors() {
        assertEquals("The target is empty. Give head, heads, base, a revision id, label@head, +N or -N"
                + " (migrate.target).", assertThrows(TargetException.class, () -> TargetParser.parse(" ")).getMessage());
        assertEquals("Target 'a:b' is a range; ranges from:to are accepted only by offline runs (migrate.sql) and"
                + " history (migrate.range). Give a single target.",
                assertThrows(TargetException.class, () -> TargetParser.parse("a:b")).getMessage());
        assertEquals("Target 'lib@' is incomplete: write label@head, label@base or label@<revision>.",
                assertThrows(TargetException.class, () -> TargetParser.parse("lib@")).getMessage());
        assertEquals("Target '+99999999999' asks for too many steps; give a smaller number.",
                assertThrows(TargetException.class, () -> TargetParser.parse("+99999999999")).getMessage());
    }

    @Test
    void ranges() {
        assertEquals(Optional.of(new TargetRange("ae10", "")), TargetParser.range("ae10:"));
        assertEquals("base", TargetParser.range(":ae10").orElseThrow().fromOrBase());
        assertEquals("heads", TargetParser.range("ae10:").orElseThrow().toOrHeads());
        assertEquals(Optional.empty(), TargetParser.range("head"));
        assertEquals("Range 'a:b:c' has more than one ':'; write from:to, from: or :to.",
                assertThrows(TargetException.class, () -> TargetParser.range("a:b:c")).getMessage());
    }

    @Test
    void idRuleAndGeneratedIds() {
        assertTrue(RevisionIds.isValid("ae1027a6acf"));
        assertEquals(Optional.of("it contains '+', which targets use (none of @ - + : is allowed)"),
                RevisionIds.violation("a+b"));
        assertEquals(Optional.of("'heads' is a reserved word in targets (head, heads and base are not allowed)"),
                RevisionIds.violation("heads"));
        String generated = RevisionIds.generate();
        assertTrue(generated.matches("[0-9a-f]{12}"), generated);
        assertTrue(RevisionIds.isValid(generated));
    }

    @Test
    void closestIds() {
        assertEquals(java.util.List.of("abcd", "abce"), ClosestIds.suggest("abcf", java.util.List.of("abcd", "abce", "zzzz")));
        assertEquals(java.util.List.of("ae1027a6acf"), ClosestIds.suggest("ae10", java.util.List.of("ae1027a6acf", "1975")));
        assertEquals(" Did you mean 'a', 'b' or 'c'?", ClosestIds.didYouMean(java.util.List.of("a", "b", "c")));
        assertEquals("", ClosestIds.didYouMean("q", java.util.List.of("zzzzzz")));
    }
}
