package dev.migrate.maven;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        converterLookup.registerConverter(new JdbcUrlConverter());
        converterLookup.registerConverter(new TenantListConverter());
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

    /** Text (a literal or a {@code ${...}} expression) to {@link JdbcUrl}, without notifying any listener. */
    static final class JdbcUrlConverter extends AbstractConfigurationConverter {

        @Override
        public boolean canConvert(Class<?> type) {
            return JdbcUrl.class.equals(type);
        }

        @Override
        public Object fromConfiguration(ConverterLookup lookup, PlexusConfiguration configuration, Class<?> type,
                Class<?> enclosingType, ClassLoader loader, ExpressionEvaluator evaluator,
                ConfigurationListener listener) throws ComponentConfigurationException {
            if (configuration.getChildCount() > 0) {
                throw new ComponentConfigurationException(configuration,
                        "<url> takes the JDBC URL as text, e.g. <url>jdbc:postgresql://localhost:5432/app</url>.");
            }
            Object value = fromExpression(configuration, evaluator);
            return value == null ? null : JdbcUrl.of(value.toString());
        }
    }

    /** Text to {@link TenantList}, likewise without notifying any listener: its URLs may carry passwords. */
    static final class TenantListConverter extends AbstractConfigurationConverter {

        @Override
        public boolean canConvert(Class<?> type) {
            return TenantList.class.equals(type);
        }

        @Override
        public Object fromConfiguration(ConverterLookup lookup, PlexusConfiguration configuration, Class<?> type,
                Class<?> enclosingType, ClassLoader loader, ExpressionEvaluator evaluator,
                ConfigurationListener listener) throws ComponentConfigurationException {
            if (configuration.getChildCount() > 0) {
                throw new ComponentConfigurationException(configuration,
                        "<tenants> takes the tenants as text, comma-separated, e.g. <tenants>acme,globex</tenants>.");
            }
            Object value = fromExpression(configuration, evaluator);
            return value == null ? null : TenantList.of(value.toString());
        }
    }
}
