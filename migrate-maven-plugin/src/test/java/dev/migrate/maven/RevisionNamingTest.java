package dev.migrate.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.MigrateException;
import dev.migrate.graph.RevisionDescriptor;
import java.util.List;
import org.junit.jupiter.api.Test;

class RevisionNamingTest {

    private static RevisionDescriptor revision(String id, String className) {
        return new RevisionDescriptor(id, List.of(), List.of(), List.of(), "", className);
    }

    @Test
    void idsAreTwelveLowercaseHexDigits() {
        for (int i = 0; i < 100; i++) {
            assertTrue(RevisionNaming.newId(List.of()).matches("[0-9a-f]{12}"));
        }
    }

    @Test
    void classNamesComeFromTheMessage() {
        assertEquals("AddTicketPriority", RevisionNaming.className("add ticket priority", "ae1027a6acf0"));
        assertEquals("BackfillResolutionMinutes", RevisionNaming.className("backfill resolution_minutes!", "ae1027a6acf0"));
        assertEquals("Revision2faForUsers", RevisionNaming.className("2fa for users", "ae1027a6acf0"));
        assertEquals("RevisionAe1027a6acf0", RevisionNaming.className("", "ae1027a6acf0"));
    }

    @Test
    void packageIsTheOneExistingRevisionsShare() {
        assertEquals("com.acme.db", RevisionNaming.packageName(null,
                List.of(revision("a", "com.acme.db.CreateUsers"), revision("b", "com.acme.db.Outer$Nested")), "org.x"));
        assertEquals("org.x", RevisionNaming.packageName("org.x", List.of(revision("a", "com.acme.db.CreateUsers")), "org.y"));
    }

    @Test
    void packageMustBeGivenWhenItCannotBeInferred() {
        MigrateException none = assertThrows(MigrateException.class, () -> RevisionNaming.packageName(null, List.of(), "org.acme"));
        assertEquals("There are no revisions yet, so the package of the new one is unknown. Set it with"
                + " -Dmigrate.package=org.acme.db.", none.getMessage());
        MigrateException several = assertThrows(MigrateException.class, () -> RevisionNaming.packageName(" ",
                List.of(revision("a", "com.a.A"), revision("b", "com.b.B")), "org.acme"));
        assertEquals("The existing revisions are in several packages (com.a, com.b). Choose one with"
                + " -Dmigrate.package=<package>.", several.getMessage());
    }

    @Test
    void theFirstRevisionsSuggestedPackageIsTheArchetypesGroupIdDotDb() {
        assertEquals("org.acme.db", RevisionNaming.suggestedPackage("org.acme"));
        assertEquals("com.example.db", RevisionNaming.suggestedPackage("my-company"));
        assertEquals("com.example.db", RevisionNaming.suggestedPackage(null));
        assertEquals("No revisions yet: the project has no @Revision class, so migrate:upgrade has nothing to do and"
                + " leaves the database as it is. Write the first with `mvn migrate:revision -Dmigrate.message=\"create users\""
                + " -Dmigrate.package=org.acme.db`, then run `mvn compile migrate:upgrade`.",
                AbstractMigrateMojo.noRevisionsYetInProject("upgrade", RevisionNaming.suggestedPackage("org.acme")));
    }

    @Test
    void messagesWithoutLettersOrDigitsFallBackToTheId() {
        assertEquals("RevisionAe1027a6acf0", RevisionNaming.className("!!! ---", "ae1027a6acf0"));
        assertEquals("RevisionAe1027a6acf0", RevisionNaming.className("   ", "ae1027a6acf0"));
    }

    @Test
    void accentedLettersLoseTheirAccentsInsteadOfSplittingWords() {
        assertEquals("SayHiODejaVu", RevisionNaming.className("say \"hi\" \\o/ */ déjà vu – 日本語", "ae1027a6acf0"));
        assertEquals("CreeLesCategoriesDeProduits", RevisionNaming.className("crée les catégories de produits", "ae1027a6acf0"));
        assertEquals("RevisionAe1027a6acf0", RevisionNaming.className("日本語", "ae1027a6acf0"));
    }

    @Test
    void aLongMessageGivesANameOfWholeWordsWithinTheLimit() {
        // 80 words would be a 320-character file name, which file systems refuse (255 bytes).
        String name = RevisionNaming.className("word ".repeat(80), "ae1027a6acf0");
        assertEquals("Word".repeat(15), name);
        assertEquals(RevisionNaming.MAX_CLASS_NAME, name.length());
        assertEquals("AddTheColumnsThatTheReportingTeamAskedForInTheQuarterly",
                RevisionNaming.className("add the columns that the reporting team asked for in the quarterly review of 2026",
                        "ae1027a6acf0"));
        // One word longer than the limit is cut.
        assertEquals("A" + "b".repeat(RevisionNaming.MAX_CLASS_NAME - 1), RevisionNaming.className("a" + "b".repeat(100), "x"));
    }

    @Test
    void classNamesNeverShadowTypesRevisionSourcesUse() {
        // "class" or "int" are keywords only in lower case; the class name is capitalized.
        assertEquals("Int", RevisionNaming.className("int", "ae1027a6acf0"));
        // A class named Override or String in the package would break every revision next to it.
        assertEquals("RevisionOverride", RevisionNaming.className("override", "ae1027a6acf0"));
        assertEquals("RevisionString", RevisionNaming.className("string", "ae1027a6acf0"));
        assertEquals("RevisionClass", RevisionNaming.className("class", "ae1027a6acf0"));
        assertEquals("RevisionRevision", RevisionNaming.className("revision", "ae1027a6acf0"));
        assertEquals("RevisionOperations", RevisionNaming.className("operations", "ae1027a6acf0"));
    }

    @Test
    void packageMustBeAJavaPackageName() {
        MigrateException e = assertThrows(MigrateException.class,
                () -> RevisionNaming.packageName("1com.class", List.of(), "org.acme"));
        assertEquals("migrate.package is '1com.class', which is not a Java package name: each dot-separated part must"
                + " be a Java identifier and not a keyword. Example: -Dmigrate.package=com.example.db.",
                e.getMessage());
    }
}
