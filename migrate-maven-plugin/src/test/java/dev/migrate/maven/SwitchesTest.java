package dev.migrate.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Maven reads any text but "true" as false; -Dmigrate.sql=yes must not run online instead. */
class SwitchesTest {

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
}
