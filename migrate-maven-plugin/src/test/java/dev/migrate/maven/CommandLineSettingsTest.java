package dev.migrate.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.MigrateException;

import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** Settings read from the command line: switches (any text but "true" is false to Maven), empty values, labels. */
class CommandLineSettingsTest {

    @Test
    void aParentPomSaysWhereTheGoalRunsInsteadOfAskingForARevision() {
        assertEquals("Skipping migrate:upgrade in parent: a project of packaging pom compiles no classes, so it holds"
                + " no revisions; the goal runs in the modules that hold them (mvn -pl <module> compile migrate:upgrade"
                + " runs it in one).", AbstractMigrateMojo.pomProjectSkip("pom", "parent", "upgrade"));
        assertNull(AbstractMigrateMojo.pomProjectSkip("jar", "db", "upgrade"));
        assertNull(AbstractMigrateMojo.pomProjectSkip("war", "app", "revision"));
    }


    @Test
    void aPomUrlPropertyNamingAnUnsetVariableSaysWhichInsteadOfNoDatabase() {
        // The quickstart's -Ppostgres profile: <migrate.url>${env.DATABASE_URL}</migrate.url>, DATABASE_URL unset.
        Properties pom = new Properties();
        pom.setProperty("migrate.url", "${env.DATABASE_URL}");
        JdbcUrl left = AbstractMigrateMojo.leftUnresolved(pom);
        MigrateException e = assertThrows(MigrateException.class, () -> left.resolved("migrate.url"));
        assertEquals("migrate.url is '${env.DATABASE_URL}', which holds an expression Maven could not resolve (an"
                + " environment variable or property that is not set). Set it, or give the JDBC URL itself.", e.getMessage());
        pom.setProperty("migrate.url", "jdbc:h2:./target/app");
        assertNull(AbstractMigrateMojo.leftUnresolved(pom));
        assertNull(AbstractMigrateMojo.leftUnresolved(new Properties()));
    }


    private static Properties properties(String key, String value) {
        Properties properties = new Properties();
        properties.setProperty(key, value);
        return properties;
    }

    @Test
    void trueAndFalseInAnyCaseAreFine() {
        assertNull(AbstractMigrateMojo.notASwitch(properties("migrate.sql", "true")));
        assertNull(AbstractMigrateMojo.notASwitch(properties("migrate.sql", "FALSE")));
        assertNull(AbstractMigrateMojo.notASwitch(new Properties()));
    }

    @Test
    void otherTextIsRejectedNamingTheSwitch() {
        assertEquals("migrate.sql is 'yes', which is neither true nor false. Write -Dmigrate.sql (or"
                + " -Dmigrate.sql=true) to switch it on, or leave it out.",
                AbstractMigrateMojo.notASwitch(properties("migrate.sql", "yes")));
        assertEquals("migrate.purge is '', which is neither true nor false. Write -Dmigrate.purge (or"
                + " -Dmigrate.purge=true) to switch it on, or leave it out.",
                AbstractMigrateMojo.notASwitch(properties("migrate.purge", "")));
    }

    @Test
    void settingGivenEmptyIsRejectedNotDefaulted() {
        MigrateException e = assertThrows(MigrateException.class,
                () -> AbstractMigrateMojo.rejectEmptyProperties(properties("migrate.versionTable", "")));
        assertEquals("migrate.versionTable is given but empty (-Dmigrate.versionTable=), often an unset shell variable."
                + " Give it a value, or leave the property out.", e.getMessage());
        // An empty migrate.user may mean "not the POM's user"; it stays allowed.
        AbstractMigrateMojo.rejectEmptyProperties(properties("migrate.user", ""));
    }

    @Test
    void branchLabelIsCheckedBeforeAnySourceIsWritten() {
        assertEquals(java.util.List.of("reporting"), dev.migrate.graph.RevisionPlacement.branchLabels(" reporting "));
        MigrateException e = assertThrows(MigrateException.class, () -> dev.migrate.graph.RevisionPlacement.branchLabels("bad@label"));
        assertEquals("migrate.branchLabel is 'bad@label', which is not a valid branch label: it contains '@', which"
                + " targets use (none of @ - + : is allowed). Branch labels follow the rule for ids (no white space, none"
                + " of @ - + :, not head, heads or base); choose another, e.g. -Dmigrate.branchLabel=reporting.",
                e.getMessage());
    }

    @Test
    void everyBooleanParameterOfEveryGoalIsCheckedAsASwitch() throws Exception {
        // -Dmigrate.autogenerate=yes once wrote a plain revision and exited 0: Maven reads "yes" as false.
        Set<String> booleans = propertiesOfType("boolean");
        assertTrue(booleans.contains("migrate.autogenerate") && booleans.size() >= 10, booleans.toString());
        Set<String> unchecked = new TreeSet<>(booleans);
        unchecked.removeAll(AbstractMigrateMojo.SWITCHES);
        assertEquals(Set.of(), unchecked, "boolean parameters missing from AbstractMigrateMojo.SWITCHES");
    }

    @Test
    void newerSettingsGivenEmptyAreRejectedNotDefaulted() {
        for (String property : java.util.List.of("migrate.database", "migrate.template", "migrate.lockTimeout",
                "migrate.ddlLockTimeout", "migrate.parallel", "migrate.namingStrategy", "migrate.renames", "migrate.lint",
                "migrate.lint.failOn", "migrate.tenants", "migrate.tenantQuery", "migrate.range", "migrate.package",
                "migrate.head")) {
            MigrateException e = assertThrows(MigrateException.class,
                    () -> AbstractMigrateMojo.rejectEmptyProperties(properties(property, " ")));
            assertEquals(property + " is given but empty (-D" + property + "=), often an unset shell variable."
                    + " Give it a value, or leave the property out.", e.getMessage());
        }
        assertEquals("migrate.allowEmpty is 'maybe', which is neither true nor false. Write -Dmigrate.allowEmpty (or"
                + " -Dmigrate.allowEmpty=true) to switch it on, or leave it out.",
                AbstractMigrateMojo.notASwitch(properties("migrate.allowEmpty", "maybe")));
    }

    @Test
    void aUrlWithAnExpressionMavenCouldNotResolveIsRejectedMasked() {
        // <url>${env.DB_URL}</url> with DB_URL unset reaches the plugin as that very text.
        MigrateException e = assertThrows(MigrateException.class,
                () -> JdbcUrl.of("jdbc:postgresql://db/${env.DB_NAME}?password=secret").resolved("migrate.url"));
        assertEquals("migrate.url is 'jdbc:postgresql://db/${env.DB_NAME}?password=***', which holds an expression Maven"
                + " could not resolve (an environment variable or property that is not set). Set it, or give the JDBC URL"
                + " itself.", e.getMessage());
        assertEquals("jdbc:h2:mem:x", JdbcUrl.of("jdbc:h2:mem:x").resolved("migrate.url").value());
    }

    @Test
    void aMigratePropertyNoGoalReadsIsRejectedWithTheClosestSettings() {
        java.util.List<String> known = java.util.List.of("migrate.target", "migrate.range", "migrate.lint",
                "migrate.lint.failOn", "migrate.password");
        Properties typo = properties("migrate.tagret", "base");
        typo.setProperty("migrate.lint.failon", "warning");
        typo.setProperty("maven.repo.local", "/tmp/m2"); // not ours: left alone
        MigrateException e = assertThrows(MigrateException.class, () -> UnknownSettings.reject(typo, known));
        assertEquals("-Dmigrate.lint.failon is not a setting of migrate, so it would be ignored. Did you mean"
                + " 'migrate.lint.failOn'? -Dmigrate.tagret is not a setting of migrate, so it would be ignored. Did you"
                + " mean 'migrate.target'? Correct or remove it; `mvn migrate:help -Ddetail` lists every setting.",
                e.getMessage());
        Properties fine = properties("migrate.lint", "all");
        fine.setProperty("migrate.password", "x");
        UnknownSettings.reject(fine, known);
    }

    @Test
    void anUnknownRevisionNamesTheSettingItCameFrom() {
        dev.migrate.graph.RevisionGraph graph = dev.migrate.graph.RevisionGraph.of(java.util.List.of(
                new dev.migrate.graph.RevisionDescriptor("a1", java.util.List.of(), java.util.List.of(), java.util.List.of(),
                        "", "app.A1")));
        MigrateException e = assertThrows(MigrateException.class, () -> AbstractRevisionWriterMojo.fromSetting(
                "migrate.dependsOn", () -> dev.migrate.graph.RevisionPlacement.in(graph).dependencies(java.util.List.of("nosuch"))));
        assertTrue(e.getMessage().startsWith("migrate.dependsOn: Unknown revision or branch label 'nosuch'."), e.getMessage());
    }

    /** The user properties ({@code ${migrate.x}}) of the parameters of {@code type}, over every goal in plugin.xml. */
    private static Set<String> propertiesOfType(String type) throws Exception {
        Path descriptor = Path.of("target/classes/META-INF/maven/plugin.xml");
        Element root = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(descriptor.toFile())
                .getDocumentElement();
        Set<String> properties = new TreeSet<>();
        NodeList configurations = root.getElementsByTagName("configuration");
        for (int i = 0; i < configurations.getLength(); i++) {
            NodeList children = configurations.item(i).getChildNodes();
            for (int j = 0; j < children.getLength(); j++) {
                Node child = children.item(j);
                if (child instanceof Element parameter && type.equals(parameter.getAttribute("implementation"))
                        && parameter.getTextContent().startsWith("${migrate.")) {
                    String text = parameter.getTextContent();
                    properties.add(text.substring(2, text.length() - 1));
                }
            }
        }
        return properties;
    }
    @Test
    void autogenerateAndItsOptionsGoTogetherAndNotWithOfflineSql() {
        java.util.Properties sqlToo = new java.util.Properties();
        sqlToo.setProperty("migrate.sql", "true");
        assertEquals("migrate.autogenerate compares the entities with the database, so it connects, and migrate.sql"
                + " (offline, no connection) cannot go with it. Leave out -Dmigrate.sql; the revision's SQL script comes"
                + " afterwards from mvn compile migrate:upgrade -Dmigrate.sql.", RevisionMojo.notWithAutogenerate(sqlToo, true));
        assertEquals(null, RevisionMojo.notWithAutogenerate(sqlToo, false), "a plain revision never connects anyway");

        java.util.Properties renames = new java.util.Properties();
        renames.setProperty("migrate.renames", "tickets.state:tickets.status");
        assertEquals(null, RevisionMojo.notWithAutogenerate(renames, true));
        assertEquals("migrate.renames applies only to autogenerate, which is off, so it would be ignored. Add"
                + " -Dmigrate.autogenerate, or leave out -Dmigrate.renames.", RevisionMojo.notWithAutogenerate(renames, false));
        java.util.Properties offSwitch = new java.util.Properties();
        offSwitch.setProperty("migrate.allowEmpty", "false");
        assertEquals(null, RevisionMojo.notWithAutogenerate(offSwitch, false));
    }
}
