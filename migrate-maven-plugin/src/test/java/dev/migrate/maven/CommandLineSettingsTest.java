package dev.migrate.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.migrate.MigrateException;

import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Settings read from the command line: switches (any text but "true" is false to Maven), empty values, labels. */
class CommandLineSettingsTest {

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
}
