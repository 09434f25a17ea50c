package dev.migrate.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.codehaus.plexus.configuration.DefaultPlexusConfiguration;
import org.codehaus.plexus.configuration.PlexusConfiguration;
import org.junit.jupiter.api.Test;

/** A -Dmigrate.* on the command line wins over the POM's element, and the log line masks passwords. */
class CommandLineOverridesTest {

    private static final Map<String, String> EXPRESSIONS = new LinkedHashMap<>();

    static {
        EXPRESSIONS.put("url", "${migrate.url}");
        EXPRESSIONS.put("target", "${migrate.target}");
        EXPRESSIONS.put("versionTable", "${migrate.versionTable}");
        EXPRESSIONS.put("project", "${project}");
    }

    private static PlexusConfiguration configuration(String... nameValues) {
        PlexusConfiguration configuration = new DefaultPlexusConfiguration("configuration");
        for (int i = 0; i < nameValues.length; i += 2) {
            configuration.addChild(nameValues[i], nameValues[i + 1]);
        }
        return configuration;
    }

    @Test
    void commandLineReplacesThePomElementAndSaysSoWithPasswordsMasked() {
        PlexusConfiguration configuration = configuration(
                "url", "jdbc:postgresql://prod:5432/app?password=PomSecret",
                "target", "head",
                "versionTable", "${migrate.versionTable}");
        Properties commandLine = new Properties();
        commandLine.setProperty("migrate.url", "jdbc:postgresql://test:5432/app?password=CliSecret");
        commandLine.setProperty("migrate.versionTable", "other_version");

        List<CommandLineOverrides.Override> overrides = CommandLineOverrides.apply(configuration, EXPRESSIONS,
                commandLine);

        assertEquals("${migrate.url}", configuration.getChild("url").getValue());
        assertEquals("head", configuration.getChild("target").getValue());
        assertEquals(1, overrides.size());
        assertEquals("-Dmigrate.url=jdbc:postgresql://test:5432/app?password=*** from the command line replaces"
                + " <url>jdbc:postgresql://prod:5432/app?password=***</url> of the plugin configuration.",
                overrides.get(0).describe());
    }

    @Test
    void sameValueOnBothSidesIsNotReported() {
        PlexusConfiguration configuration = configuration("target", "head");
        Properties commandLine = new Properties();
        commandLine.setProperty("migrate.target", "head");
        assertEquals(List.of(), CommandLineOverrides.apply(configuration, EXPRESSIONS, commandLine));
    }
}
