package dev.migrate.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.codehaus.plexus.classworlds.realm.ClassRealm;
import org.codehaus.plexus.component.configurator.ComponentConfigurationException;
import org.codehaus.plexus.component.configurator.ConfigurationListener;
import org.codehaus.plexus.component.configurator.expression.ExpressionEvaluator;
import org.codehaus.plexus.configuration.DefaultPlexusConfiguration;
import org.codehaus.plexus.configuration.PlexusConfiguration;
import org.junit.jupiter.api.Test;

/**
 * Maven's {@code -X} prints what its configuration listener is told: {@code (f) name = value} for
 * fields and {@code (s) name = value} for setters. The configurator must tell it only the masked URL.
 */
class MigrateConfiguratorTest {

    private static final String SECRET = "S3cret-URL";
    private static final String URL = "jdbc:postgresql://db:5432/app?user=app&password=" + SECRET;

    /** Stands in for a Mojo: one JdbcUrl field, as in AbstractMigrateMojo. */
    public static final class Target {
        JdbcUrl url;
    }

    /** Records every line Maven's DebugConfigurationListener would print. */
    private static final class RecordingListener implements ConfigurationListener {
        final List<String> lines = new ArrayList<>();

        @Override
        public void notifyFieldChangeUsingSetter(String fieldName, Object value, Object target) {
            lines.add("(s) " + fieldName + " = " + value);
        }

        @Override
        public void notifyFieldChangeUsingReflection(String fieldName, Object value, Object target) {
            lines.add("(f) " + fieldName + " = " + value);
        }
    }

    private static final ExpressionEvaluator PROPERTIES = new ExpressionEvaluator() {
        @Override
        public Object evaluate(String expression) {
            return "${migrate.url}".equals(expression) ? URL : expression;
        }

        @Override
        public java.io.File alignToBaseDirectory(java.io.File file) {
            return file;
        }
    };

    private static Target configure(PlexusConfiguration url, RecordingListener listener) throws Exception {
        PlexusConfiguration configuration = new DefaultPlexusConfiguration("configuration");
        configuration.addChild(url);
        Target target = new Target();
        ClassRealm realm = new org.codehaus.plexus.classworlds.ClassWorld("test", Target.class.getClassLoader())
                .getRealm("test");
        new MigrateConfigurator().configureComponent(target, configuration, PROPERTIES, realm, listener);
        return target;
    }

    @Test
    void propertyExpressionBecomesTheUrlAndOnlyTheMaskedFormIsReported() throws Exception {
        RecordingListener listener = new RecordingListener();
        Target target = configure(new DefaultPlexusConfiguration("url", "${migrate.url}"), listener);
        assertEquals(URL, target.url.value());
        assertEquals(List.of("(f) url = jdbc:postgresql://db:5432/app?user=app&password=***"), listener.lines);
        listener.lines.forEach(line -> assertFalse(line.contains(SECRET), line));
    }

    @Test
    void literalUrlInThePomIsMaskedToo() throws Exception {
        RecordingListener listener = new RecordingListener();
        Target target = configure(new DefaultPlexusConfiguration("url", "jdbc:postgresql://app:" + SECRET + "@db/app"),
                listener);
        assertEquals("jdbc:postgresql://app:" + SECRET + "@db/app", target.url.value());
        assertEquals(List.of("(f) url = jdbc:postgresql://app:***@db/app"), listener.lines);
    }

    @Test
    void blankUrlIsNoUrl() throws Exception {
        assertNull(configure(new DefaultPlexusConfiguration("url", "  "), new RecordingListener()).url);
    }

    @Test
    void nestedElementsAreRejectedWithTheExpectedShape() {
        PlexusConfiguration nested = new DefaultPlexusConfiguration("url");
        nested.addChild("value", URL);
        ComponentConfigurationException e = assertThrows(ComponentConfigurationException.class,
                () -> configure(nested, new RecordingListener()));
        assertFalse(e.getMessage().contains(SECRET), e.getMessage());
        assertTrue(e.getMessage().contains("<url> takes the JDBC URL as text, e.g. <url>jdbc:postgresql://localhost:5432/app"
                + "</url>."), e.getMessage());
    }

    /** Stands in for a tenant goal: one TenantList field. */
    public static final class TenantTarget {
        TenantList tenants;
    }

    @Test
    void tenantsAreTextTooAndNestedElementsAreRejected() throws Exception {
        ClassRealm realm = new org.codehaus.plexus.classworlds.ClassWorld("test", TenantTarget.class.getClassLoader())
                .getRealm("test");
        PlexusConfiguration nested = new DefaultPlexusConfiguration("tenants");
        nested.addChild("tenant", "acme");
        PlexusConfiguration configuration = new DefaultPlexusConfiguration("configuration");
        configuration.addChild(nested);
        ComponentConfigurationException e = assertThrows(ComponentConfigurationException.class,
                () -> new MigrateConfigurator().configureComponent(new TenantTarget(), configuration, PROPERTIES, realm,
                        new RecordingListener()));
        assertTrue(e.getMessage().contains("<tenants> takes the tenants as text, comma-separated, e.g."
                + " <tenants>acme,globex</tenants>."), e.getMessage());

        PlexusConfiguration text = new DefaultPlexusConfiguration("configuration");
        text.addChild(new DefaultPlexusConfiguration("tenants", "acme,globex"));
        TenantTarget target = new TenantTarget();
        RecordingListener listener = new RecordingListener();
        new MigrateConfigurator().configureComponent(target, text, PROPERTIES, realm, listener);
        assertEquals(TenantList.of("acme,globex"), target.tenants);
    }

    @Test
    void knowsWhetherTheUrlCarriesAPassword() {
        assertEquals(true, new JdbcUrl(URL).hasPassword());
        assertEquals(true, new JdbcUrl("jdbc:postgresql://app:" + SECRET + "@db/app").hasPassword());
        assertEquals(false, new JdbcUrl("jdbc:postgresql://db:5432/app?user=app").hasPassword());
    }

    @Test
    void toStringMasks() {
        assertEquals("jdbc:h2:./target/app;PASSWORD=***", new JdbcUrl("jdbc:h2:./target/app;PASSWORD=" + SECRET).toString());
    }

    /** Stands in for a Mojo's switches. */
    public static final class SwitchTarget {
        boolean autogenerate;
        Boolean verbose;
    }

    private static SwitchTarget configureSwitch(String name, String text) throws Exception {
        ClassRealm realm = new org.codehaus.plexus.classworlds.ClassWorld("test", SwitchTarget.class.getClassLoader())
                .getRealm("test");
        PlexusConfiguration configuration = new DefaultPlexusConfiguration("configuration");
        configuration.addChild(new DefaultPlexusConfiguration(name, text));
        SwitchTarget target = new SwitchTarget();
        new MigrateConfigurator().configureComponent(target, configuration, PROPERTIES, realm, new RecordingListener());
        return target;
    }

    @Test
    void aSwitchWrittenInThePomMustBeTrueOrFalse() throws Exception {
        ComponentConfigurationException e = assertThrows(ComponentConfigurationException.class,
                () -> configureSwitch("autogenerate", "yes"));
        assertTrue(e.getMessage().contains("<autogenerate> is 'yes', which is neither true nor false. Write"
                + " <autogenerate>true</autogenerate> or false, or leave it out."), e.getMessage());
        assertThrows(ComponentConfigurationException.class, () -> configureSwitch("verbose", "1"));
        assertTrue(configureSwitch("autogenerate", "true").autogenerate);
        assertTrue(configureSwitch("autogenerate", " TRUE ").autogenerate);
        assertFalse(configureSwitch("autogenerate", "false").autogenerate);
        assertEquals(Boolean.TRUE, configureSwitch("verbose", "true").verbose);
    }
}
