package dev.migrate.hibernate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.MigrateException;
import dev.migrate.autogenerate.ApplicationSettings;
import dev.migrate.autogenerate.ModelRequest;
import dev.migrate.autogenerate.ModelSettings;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the application's configuration files become the settings autogenerate hands Hibernate:
 * Spring Boot's precedence between files, profiles and naming keys, and one line naming the file and
 * key for each bad input.
 */
class ApplicationSettingsTest {

    @TempDir
    Path classes;

    @Test
    void springJpaPropertiesPassVerbatimAndOnlyThey() throws IOException {
        write("application.properties", """
                spring.datasource.url=jdbc:postgresql://db/app
                spring.jpa.show-sql=true
                spring.jpa.properties.hibernate.globally_quoted_identifiers=true
                spring.jpa.properties.[hibernate.format_sql]=true
                """);
        assertEquals(Map.of("hibernate.globally_quoted_identifiers", "true", "hibernate.format_sql", "true"),
                springBoot(List.of()).values());
    }

    @Test
    void theNamingKeyWinsOverTheSameSettingInProperties() throws IOException {
        write("application.properties", """
                spring.jpa.properties.hibernate.physical_naming_strategy=com.acme.FromProperties
                spring.jpa.hibernate.naming.physicalStrategy=com.acme.FromNaming
                spring.jpa.properties.hibernate.implicit_naming_strategy=legacy-jpa
                """);
        ModelSettings settings = springBoot(List.of());
        assertEquals("com.acme.FromNaming", settings.values().get(ApplicationSettings.PHYSICAL_NAMING));
        assertEquals("legacy-jpa", settings.values().get(ApplicationSettings.IMPLICIT_NAMING));
        assertEquals("classpath:application.properties, key spring.jpa.hibernate.naming.physicalStrategy",
                settings.origin(ApplicationSettings.PHYSICAL_NAMING));
    }

    @Test
    void propertiesOverYamlConfigOverRootProfilesOverAll() throws IOException {
        write("application.yml", """
                spring:
                  profiles:
                    active: prod
                  jpa:
                    properties:
                      hibernate:
                        default_schema: from_yml
                        globally_quoted_identifiers: true
                        timezone.default_storage: NORMALIZE
                ---
                spring:
                  config:
                    activate:
                      on-profile: test
                  jpa.properties.hibernate.validator.apply_to_ddl: false
                ---
                spring:
                  config.activate.on-profile: prod
                  jpa.properties.hibernate.type.preferred_uuid_jdbc_type: CHAR
                """);
        write("application.properties", "spring.jpa.properties.hibernate.default_schema=from_properties\n");
        write("config/application.properties", "spring.jpa.properties.hibernate.timezone.default_storage=COLUMN\n");
        write("application-prod.properties", "spring.jpa.properties.hibernate.default_schema=${SCHEMA_NOT_SET:prod}\n");
        ModelSettings active = springBoot(List.of());
        assertEquals(Map.of("hibernate.default_schema", "prod", "hibernate.globally_quoted_identifiers", "true",
                "hibernate.timezone.default_storage", "COLUMN", "hibernate.type.preferred_uuid_jdbc_type", "CHAR"),
                active.values());
        assertEquals("classpath:application-prod.properties, key spring.jpa.properties.hibernate.default_schema",
                active.origin("hibernate.default_schema"));

        ModelSettings chosen = springBoot(List.of("test"));
        assertEquals("from_properties", chosen.values().get("hibernate.default_schema"));
        assertEquals("false", chosen.values().get("hibernate.validator.apply_to_ddl"));
        assertFalse(chosen.values().containsKey("hibernate.type.preferred_uuid_jdbc_type"));
    }

    /** A profile given on the command line that no file is written for is a typo, not a quiet fallback. */
    @Test
    void aGivenProfileWithoutAFileIsOneLine() throws IOException {
        write("application.yml", """
                spring.jpa.properties.hibernate.globally_quoted_identifiers: true
                ---
                spring.config.activate.on-profile: eu
                spring.jpa.properties.hibernate.default_schema: eu
                """);
        write("config/application-prod.properties", "spring.jpa.properties.hibernate.timezone.default_storage=COLUMN\n");
        assertEquals("eu", springBoot(List.of("prod", "eu")).values().get("hibernate.default_schema"));

        MigrateException e = assertThrows(MigrateException.class, () -> springBoot(List.of("prod", "staging")));
        assertEquals("migrate.springProfiles names profile 'staging', but the project's class path has no"
                + " application-staging.properties/.yml/.yaml (at its root or in config/) and no document with"
                + " spring.config.activate.on-profile: staging. Fix the profile's name, or leave it out (autogenerate"
                + " reads only these files).", e.getMessage());
        e = assertThrows(MigrateException.class, () -> springBoot(List.of("", " ")));
        assertEquals("migrate.springProfiles is ', ', which names no profile. Name the profiles comma-separated"
                + " (prod,eu), or leave migrate.springProfiles out for those spring.profiles.active names.", e.getMessage());
    }

    /** Hibernate replaces ${name} in its settings with a system property; one not set fails instead of a schema named ${...}. */
    @Test
    void persistenceXmlPlaceholdersAreSystemPropertiesOrOneLine() throws IOException {
        write("META-INF/persistence.xml", """
                <!DOCTYPE persistence>
                <persistence><persistence-unit name="app"><properties>
                  <property name="hibernate.default_schema" value="${user.name}_app"/>
                  <property name="hibernate.default_catalog" value="${MIGRATE_NOT_SET_CATALOG}"/>
                </properties></persistence-unit></persistence>
                """);
        MigrateException e;
        try (URLClassLoader loader = loader()) {
            e = assertThrows(MigrateException.class, () -> ApplicationSettings.persistenceUnit(loader));
        }
        assertEquals("classpath:META-INF/persistence.xml (persistence unit app), key hibernate.default_catalog is"
                + " ${MIGRATE_NOT_SET_CATALOG}, whose ${MIGRATE_NOT_SET_CATALOG} is not a system property here (Hibernate"
                + " replaces only those, and leaves the setting out otherwise). Set it (-DMIGRATE_NOT_SET_CATALOG=... on"
                + " the mvn command line, as the application's JVM gets it), or write the value itself.", e.getMessage());

        write("META-INF/persistence.xml", """
                <!DOCTYPE persistence>
                <persistence><persistence-unit name="app"><properties>
                  <property name="hibernate.default_schema" value="${user.name}_app"/>
                </properties></persistence-unit></persistence>
                """);
        try (URLClassLoader loader = loader()) {
            assertEquals(Map.of("hibernate.default_schema", System.getProperty("user.name") + "_app"),
                    ApplicationSettings.persistenceUnit(loader).values(), "a DOCTYPE is fine, as for the application");
        }
    }

    @Test
    void profilesWithoutSpringBootAreOneLine() throws IOException {
        MigrateException e;
        try (URLClassLoader loader = loader()) {
            e = assertThrows(MigrateException.class, () -> ApplicationSettings.of(loader, List.of("prod")));
        }
        assertEquals("migrate.springProfiles is 'prod', but Spring Boot is not on the project's class path, so"
                + " autogenerate reads META-INF/persistence.xml, which has no profiles. Leave out migrate.springProfiles.",
                e.getMessage());
    }

    @Test
    void unreadablePropertiesNameTheFileAndSayWhatToDo() throws IOException {
        write("application.properties", "spring.jpa.properties.hibernate.default_schema=\\u12\n");
        MigrateException e = assertThrows(MigrateException.class, () -> springBoot(List.of()));
        assertEquals("classpath:application.properties cannot be read: Malformed \\uxxxx encoding. Fix the file (the"
                + " application could not start with it either).", e.getMessage());
    }

    @Test
    void noConfigurationIsNoSettings() throws IOException {
        assertTrue(springBoot(List.of()).isEmpty());
        try (URLClassLoader loader = loader()) {
            assertTrue(ApplicationSettings.persistenceUnit(loader).isEmpty());
        }
    }

    @Test
    void unreadableYamlNamesTheFile() throws IOException {
        write("application.yml", "spring:\n  jpa:\n    properties: [unclosed\n");
        MigrateException e = assertThrows(MigrateException.class, () -> springBoot(List.of()));
        assertTrue(e.getMessage().startsWith("classpath:application.yml is not valid YAML: "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().contains(" at line 3, column "), "where, in plain words: " + e.getMessage());
        assertFalse(e.getMessage().contains("^") || e.getMessage().contains("'reader'"), e.getMessage());
    }

    @Test
    void unreadablePersistenceXmlNamesTheFile() throws IOException {
        write("META-INF/persistence.xml", "<persistence><persistence-unit name=\"a\">");
        MigrateException e;
        try (URLClassLoader loader = loader()) {
            e = assertThrows(MigrateException.class, () -> ApplicationSettings.persistenceUnit(loader));
        }
        assertTrue(e.getMessage().startsWith("classpath:META-INF/persistence.xml cannot be read: "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertFalse(e.getMessage().contains(".."), "one full stop: " + e.getMessage());
    }

    @Test
    void anUnsetPlaceholderNamesTheFileAndKey() throws IOException {
        write("application.properties", "spring.jpa.properties.hibernate.default_schema=${MIGRATE_NOT_SET_SCHEMA}\n");
        MigrateException e = assertThrows(MigrateException.class, () -> springBoot(List.of()));
        assertEquals("classpath:application.properties, key spring.jpa.properties.hibernate.default_schema is"
                + " ${MIGRATE_NOT_SET_SCHEMA}, whose ${MIGRATE_NOT_SET_SCHEMA} is not set here (not in the file, a system"
                + " property or the environment). Set it, or give a default: ${MIGRATE_NOT_SET_SCHEMA:value}.", e.getMessage());
    }

    @Test
    void anUnknownStrategyClassNamesTheFileAndKey() throws IOException {
        write("application.yml", """
                spring.jpa.hibernate.naming:
                  physical-strategy: com.acme.MissingNaming
                """);
        ModelSettings settings = springBoot(List.of());
        MigrateException e = assertThrows(MigrateException.class, () -> new HibernateModelSource().read(
                new ModelRequest(getClass().getClassLoader(), ApplicationSettingsRoundTripTest.ENTITIES, "h2", "spring", null)
                        .withSettings(settings)));
        assertEquals("classpath:application.yml, key spring.jpa.hibernate.naming.physical-strategy names"
                + " com.acme.MissingNaming, which is not a class on the project's class path. Fix the class name (the"
                + " application could not start with it either).", e.getMessage());
    }

    @Test
    void aStrategyWhoseConstructorFailsNamesTheFileKeyAndCause() throws IOException {
        write("application.properties", "spring.jpa.hibernate.naming.physical-strategy="
                + ThrowingNaming.class.getName() + "\n");
        ModelSettings settings = springBoot(List.of());
        MigrateException e = assertThrows(MigrateException.class, () -> new HibernateModelSource().read(
                new ModelRequest(getClass().getClassLoader(), ApplicationSettingsRoundTripTest.ENTITIES, "h2", "spring", null)
                        .withSettings(settings)));
        assertEquals("classpath:application.properties, key spring.jpa.hibernate.naming.physical-strategy names "
                + ThrowingNaming.class.getName() + ", whose constructor failed: IllegalStateException: no naming"
                + " today. Fix the constructor (the application could not start with it either).", e.getMessage());
    }

    /** {@code -Dmigrate.namingStrategy} naming a class Hibernate could not create either: one line each, no exception text. */
    @Test
    void aNamingStrategyClassThatCannotBeCreatedIsOneLine() {
        assertEquals("migrate.namingStrategy names " + ThrowingNaming.class.getName() + ", whose constructor failed:"
                + " IllegalStateException: no naming today. Fix the constructor.", namingFailure(ThrowingNaming.class));
        assertEquals("migrate.namingStrategy names " + AbstractNaming.class.getName() + ", which is abstract. Name a"
                + " concrete class with a public no-argument constructor.", namingFailure(AbstractNaming.class));
        assertEquals("migrate.namingStrategy names " + ConfiguredNaming.class.getName() + ", which has no public"
                + " no-argument constructor. Give it one.", namingFailure(ConfiguredNaming.class));
    }

    private String namingFailure(Class<?> strategy) {
        return assertThrows(MigrateException.class, () -> new HibernateModelSource().read(new ModelRequest(
                getClass().getClassLoader(), ApplicationSettingsRoundTripTest.ENTITIES, "h2", strategy.getName(), null)))
                .getMessage();
    }

    public static class ThrowingNaming extends org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl {
        public ThrowingNaming() {
            throw new IllegalStateException("no naming today");
        }
    }

    public abstract static class AbstractNaming extends org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl {
    }

    public static class ConfiguredNaming extends org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl {
        public ConfiguredNaming(String prefix) {
        }
    }

    @Test
    void aStrategyOfTheWrongKindNamesTheFileAndKey() throws IOException {
        write("application.properties", "spring.jpa.hibernate.naming.implicit-strategy="
                + "org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl\n");
        ModelSettings settings = springBoot(List.of());
        MigrateException e = assertThrows(MigrateException.class, () -> new HibernateModelSource().read(
                new ModelRequest(getClass().getClassLoader(), ApplicationSettingsRoundTripTest.ENTITIES, "h2", "spring", null)
                        .withSettings(settings)));
        assertEquals("classpath:application.properties, key spring.jpa.hibernate.naming.implicit-strategy names"
                + " org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl, which does not implement"
                + " org.hibernate.boot.model.naming.ImplicitNamingStrategy.", e.getMessage());
    }

    @Test
    void aBadSettingValueNamesTheFileItCameFrom() throws IOException {
        write("application.properties", "spring.jpa.properties.hibernate.timezone.default_storage=SOMEWHERE\n");
        ModelSettings settings = springBoot(List.of());
        MigrateException e = assertThrows(MigrateException.class, () -> new HibernateModelSource().read(
                new ModelRequest(getClass().getClassLoader(), ApplicationSettingsRoundTripTest.ENTITIES, "h2", "spring", null)
                        .withSettings(settings)));
        assertTrue(e.getMessage().contains("SOMEWHERE"), e.getMessage());
        assertTrue(e.getMessage().contains("read from classpath:application.properties"), e.getMessage());
    }

    /** The application's default schema places its tables as its own export does, over the compared schema (migrate.schema). */
    @Test
    void theApplicationsDefaultSchemaPlacesTheTables() throws IOException {
        write("application.properties", "spring.jpa.properties.hibernate.default_schema=app\n");
        ModelSettings settings = springBoot(List.of());
        List<String> elsewhere = tables(new ModelRequest(getClass().getClassLoader(), ApplicationSettingsRoundTripTest.ENTITIES,
                "postgresql", "spring", "public").withSettings(settings));
        assertEquals(List.of("app.support_ticket", "app.ticket_queue"), elsewhere);
        List<String> without = tables(new ModelRequest(getClass().getClassLoader(), ApplicationSettingsRoundTripTest.ENTITIES,
                "postgresql", "spring", "public"));
        assertEquals(List.of("public.support_ticket", "public.ticket_queue"), without);
    }

    private static List<String> tables(ModelRequest request) {
        return new HibernateModelSource().read(request).operations().stream()
                .filter(op -> op instanceof dev.migrate.ops.CreateTable)
                .map(op -> ((dev.migrate.ops.CreateTable) op).table().toString()).sorted().toList();
    }

    private void write(String name, String text) throws IOException {
        Path file = classes.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private ModelSettings springBoot(List<String> profiles) throws IOException {
        try (URLClassLoader loader = loader()) {
            return ApplicationSettings.springBoot(loader, profiles);
        }
    }

    private URLClassLoader loader() throws IOException {
        return new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
    }
}
