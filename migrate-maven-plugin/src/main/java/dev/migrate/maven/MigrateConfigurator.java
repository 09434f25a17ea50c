package dev.migrate.maven;

import org.codehaus.plexus.component.configurator.BasicComponentConfigurator;
import org.codehaus.plexus.component.configurator.ComponentConfigurationException;
import org.codehaus.plexus.component.configurator.ConfigurationListener;
import org.codehaus.plexus.component.configurator.converters.AbstractConfigurationConverter;
import org.codehaus.plexus.component.configurator.converters.lookup.ConverterLookup;
import org.codehaus.plexus.component.configurator.expression.ExpressionEvaluator;
import org.codehaus.plexus.configuration.PlexusConfiguration;

/**
 * Maven's basic configurator plus one converter: {@code migrate.url} becomes a {@link JdbcUrl}
 * directly from its text. Without it Maven would build the value through a setter and print the raw
 * URL, password included, at {@code -X}; with it the only debug line is {@code (f) url = } and the
 * masked URL. Every goal names it with {@code @Mojo(configurator = "migrate")}; it is registered in
 * {@code META-INF/plexus/components.xml}.
 */
public class MigrateConfigurator extends BasicComponentConfigurator {

    /** The hint the Mojos use. */
    static final String HINT = "migrate";

    public MigrateConfigurator() {
        converterLookup.registerConverter(new JdbcUrlConverter());
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
}
