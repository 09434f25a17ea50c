package dev.migrate.maven;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.descriptor.Parameter;
import org.codehaus.plexus.classworlds.realm.ClassRealm;
import org.codehaus.plexus.component.configurator.BasicComponentConfigurator;
import org.codehaus.plexus.component.configurator.ComponentConfigurationException;
import org.codehaus.plexus.component.configurator.ConfigurationListener;
import org.codehaus.plexus.component.configurator.converters.AbstractConfigurationConverter;
import org.codehaus.plexus.component.configurator.converters.lookup.ConverterLookup;
import org.codehaus.plexus.component.configurator.expression.ExpressionEvaluationException;
import org.codehaus.plexus.component.configurator.expression.ExpressionEvaluator;
import org.codehaus.plexus.configuration.PlexusConfiguration;

/**
 * Maven's basic configurator plus two converters: {@code migrate.url} becomes a {@link JdbcUrl}
 * (and {@code migrate.tenants} a {@link TenantList}) directly from its text. Without it Maven would build the value through a setter and print the raw
 * URL, password included, at {@code -X}; with it the only debug line is {@code (f) url = } and the
 * masked URL. It also lets a {@code -Dmigrate.*} on the command line win over the same setting in the
 * POM (see {@link CommandLineOverrides}). Every goal names it with {@code @Mojo(configurator = "migrate")}; it is registered in
 * {@code META-INF/plexus/components.xml}.
 */
public class MigrateConfigurator extends BasicComponentConfigurator {

    /** The hint the Mojos use. */
    static final String HINT = "migrate";

    public MigrateConfigurator() {
        converterLookup.registerConverter(new TextConverter<>(JdbcUrl.class, "url",
                "the JDBC URL as text, e.g. <url>jdbc:postgresql://localhost:5432/app</url>", JdbcUrl::of));
        converterLookup.registerConverter(new TextConverter<>(TenantList.class, "tenants",
                "the tenants as text, comma-separated, e.g. <tenants>acme,globex</tenants>", TenantList::of));
        converterLookup.registerConverter(new StrictBooleanConverter());
    }

    @Override
    public void configureComponent(Object component, PlexusConfiguration configuration, ExpressionEvaluator evaluator,
            ClassRealm realm, ConfigurationListener listener) throws ComponentConfigurationException {
        List<CommandLineOverrides.Override> overrides = commandLineWins(configuration, evaluator);
        super.configureComponent(component, configuration, evaluator, realm, listener);
        if (component instanceof AbstractMigrateMojo mojo) {
            mojo.commandLineOverrides = overrides;
        }
    }

    private static List<CommandLineOverrides.Override> commandLineWins(PlexusConfiguration configuration,
            ExpressionEvaluator evaluator) {
        Object session;
        Object execution;
        try {
            session = evaluator.evaluate("${session}");
            execution = evaluator.evaluate("${mojoExecution}");
        } catch (ExpressionEvaluationException e) {
            return List.of();
        }
        if (!(session instanceof MavenSession mavenSession) || !(execution instanceof MojoExecution mojoExecution)
                || mojoExecution.getMojoDescriptor() == null || mojoExecution.getMojoDescriptor().getParameters() == null) {
            return List.of(); // not run by Maven (a unit test): nothing to override
        }
        Map<String, String> expressions = new LinkedHashMap<>();
        for (Parameter parameter : mojoExecution.getMojoDescriptor().getParameters()) {
            expressions.put(parameter.getName(), parameter.getExpression());
        }
        return CommandLineOverrides.apply(configuration, expressions, mavenSession.getUserProperties());
    }

    /**
     * Text (a literal or a {@code ${...}} expression) to a value built from it, without notifying any
     * listener: Maven's listener prints what it is given at {@code -X}, and these values may carry
     * passwords (a JDBC URL, a tenant list of URLs).
     */
    static final class TextConverter<T> extends AbstractConfigurationConverter {
        private final Class<T> type;
        private final String element;
        private final String example;
        private final Function<String, T> parse;

        /** @param example how the element is written, for the message when it has child elements */
        TextConverter(Class<T> type, String element, String example, Function<String, T> parse) {
            this.type = type;
            this.element = element;
            this.example = example;
            this.parse = parse;
        }

        @Override
        public boolean canConvert(Class<?> candidate) {
            return type.equals(candidate);
        }

        @Override
        public Object fromConfiguration(ConverterLookup lookup, PlexusConfiguration configuration, Class<?> candidate,
                Class<?> enclosingType, ClassLoader loader, ExpressionEvaluator evaluator,
                ConfigurationListener listener) throws ComponentConfigurationException {
            if (configuration.getChildCount() > 0) {
                throw new ComponentConfigurationException(configuration, "<" + element + "> takes " + example + ".");
            }
            Object value = fromExpression(configuration, evaluator);
            return value == null ? null : parse.apply(value.toString());
        }
    }

    /**
     * A switch written in the POM as anything but true or false ({@code <autogenerate>yes</autogenerate>})
     * fails, where Maven's own converter would read it as false and run the goal without it. A value
     * from an expression ({@code ${migrate.autogenerate}}) is left to Maven: the command line's
     * switches are checked with their property's name ({@link AbstractMigrateMojo}).
     */
    static final class StrictBooleanConverter extends AbstractConfigurationConverter {

        @Override
        public boolean canConvert(Class<?> type) {
            return type == boolean.class || type == Boolean.class;
        }

        @Override
        public Object fromConfiguration(ConverterLookup lookup, PlexusConfiguration configuration, Class<?> type,
                Class<?> enclosingType, ClassLoader loader, ExpressionEvaluator evaluator,
                ConfigurationListener listener) throws ComponentConfigurationException {
            String written = configuration.getValue();
            Object value = fromExpression(configuration, evaluator);
            if (value == null) {
                return null;
            }
            String text = value.toString().trim();
            boolean literal = written != null && !written.contains("${");
            if (literal && !text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
                throw new ComponentConfigurationException(configuration, "<" + configuration.getName() + "> is '" + text
                        + "', which is neither true nor false. Write <" + configuration.getName() + ">true</"
                        + configuration.getName() + "> or false, or leave it out.");
            }
            return value instanceof Boolean ? value : Boolean.valueOf(text);
        }
    }
}
