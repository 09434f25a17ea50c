package dev.migrate.maven;

import dev.migrate.dialect.MaskedUrl;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.codehaus.plexus.configuration.PlexusConfiguration;

/**
 * Makes a {@code -Dmigrate.*} on the command line win over the same setting in the plugin's
 * {@code <configuration>}. Maven's own rule is the reverse (an explicit element beats the property
 * it defaults to), so {@code -Dmigrate.url=...} against a POM with {@code <url>} silently ran on the
 * POM's database. Before the Mojo is configured, every element whose parameter reads a
 * {@code migrate.*} property given on the command line is pointed back at that property.
 */
final class CommandLineOverrides {

    /**
     * One setting the command line replaced.
     *
     * @param property      the user property, e.g. {@code migrate.url}
     * @param element       the configuration element it replaced, e.g. {@code url}
     * @param configured    the element's text in the POM (an expression stays unevaluated)
     * @param commandLine   the command line's value
     */
    record Override(String property, String element, String configured, String commandLine) {

        /** One line for the log; URLs masked, so a password in either never shows. */
        String describe() {
            return "-D" + property + "=" + MaskedUrl.mask(commandLine) + " from the command line replaces <" + element
                    + ">" + MaskedUrl.mask(configured) + "</" + element + "> of the plugin configuration.";
        }
    }

    private CommandLineOverrides() {
    }

    /**
     * Points each element of {@code configuration} whose parameter reads a {@code migrate.*} property
     * set in {@code userProperties} back at that property, and returns what it replaced.
     *
     * @param configuration the Mojo's merged configuration (POM elements and the descriptor's defaults)
     * @param expressions   each parameter's name and its expression, e.g. {@code url -> ${migrate.url}}
     */
    static List<Override> apply(PlexusConfiguration configuration, Map<String, String> expressions,
            Properties userProperties) {
        List<Override> replaced = new ArrayList<>();
        if (configuration == null || userProperties == null) {
            return replaced;
        }
        for (Map.Entry<String, String> parameter : expressions.entrySet()) {
            String property = propertyOf(parameter.getValue());
            String commandLine = property == null ? null : userProperties.getProperty(property);
            PlexusConfiguration element = configuration.getChild(parameter.getKey(), false);
            if (commandLine == null || element == null || element.getChildCount() > 0) {
                continue;
            }
            String configured = element.getValue(null);
            if (configured == null || configured.equals(parameter.getValue())) {
                continue; // not set in the POM: Maven reads the property anyway
            }
            element.setValue(parameter.getValue());
            if (!configured.trim().equals(commandLine.trim())) {
                replaced.add(new Override(property, parameter.getKey(), configured, commandLine));
            }
        }
        return replaced;
    }

    /** {@code migrate.url} for {@code ${migrate.url}}; null for anything else. */
    private static String propertyOf(String expression) {
        if (expression == null || !expression.startsWith("${migrate.") || !expression.endsWith("}")) {
            return null;
        }
        String property = expression.substring(2, expression.length() - 1);
        return property.contains("$") || property.contains("{") ? null : property;
    }
}
