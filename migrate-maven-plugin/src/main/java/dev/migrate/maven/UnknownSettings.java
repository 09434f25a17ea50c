package dev.migrate.maven;

import dev.migrate.MigrateException;
import dev.migrate.graph.ClosestIds;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.Parameter;
import org.apache.maven.plugin.descriptor.PluginDescriptor;

/**
 * {@code -Dmigrate.*} properties that no goal of the plugin reads. Maven ignores them, so a typo runs
 * with the default instead: {@code -Dmigrate.tagret=base} upgrades to head. A property that another
 * goal reads is fine ({@code mvn migrate:upgrade migrate:check -Dmigrate.lint=all}).
 */
final class UnknownSettings {

    /** Read by migrate without being a parameter: the password at run time, migrate-junit's test database. */
    private static final Set<String> READ_ELSEWHERE = Set.of(Credentials.PASSWORD_PROPERTY, "migrate.test.url");

    private UnknownSettings() {
    }

    /** The user properties of every parameter of every goal in {@code plugin} ({@code ${migrate.target}} → migrate.target). */
    static Set<String> of(PluginDescriptor plugin) {
        Set<String> known = new TreeSet<>(READ_ELSEWHERE);
        for (MojoDescriptor mojo : plugin.getMojos()) {
            for (Parameter parameter : mojo.getParameters() == null ? List.<Parameter>of() : mojo.getParameters()) {
                String expression = parameter.getExpression();
                if (expression != null && expression.startsWith("${migrate.") && expression.endsWith("}")) {
                    known.add(expression.substring(2, expression.length() - 1));
                }
            }
        }
        return known;
    }

    /** A name differing only in case alone, else the names closest after the common {@code migrate.}. */
    private static List<String> closest(String name, Collection<String> known) {
        List<String> sameLetters = known.stream().filter(name::equalsIgnoreCase).toList();
        if (!sameLetters.isEmpty()) {
            return sameLetters;
        }
        List<String> settings = known.stream().map(k -> k.substring(k.indexOf('.') + 1)).toList();
        return ClosestIds.suggest(name.substring(name.indexOf('.') + 1), settings).stream()
                .map(setting -> "migrate." + setting).toList();
    }

    /** Fails naming every {@code migrate.*} user property not in {@code known}, with the closest known names. */
    static void reject(Properties userProperties, Collection<String> known) {
        if (userProperties == null) {
            return;
        }
        Set<String> unknown = new TreeSet<>();
        for (String name : userProperties.stringPropertyNames()) {
            if (name.startsWith("migrate.") && !known.contains(name)) {
                unknown.add(name);
            }
        }
        if (unknown.isEmpty()) {
            return;
        }
        StringBuilder message = new StringBuilder();
        for (String name : unknown) {
            message.append(message.length() == 0 ? "" : " ").append("-D").append(name)
                    .append(" is not a setting of migrate, so it would be ignored.")
                    .append(ClosestIds.didYouMean(closest(name, known)));
        }
        throw new MigrateException(message.append(" Correct or remove it; `mvn migrate:help -Ddetail` lists every setting.")
                .toString());
    }
}
