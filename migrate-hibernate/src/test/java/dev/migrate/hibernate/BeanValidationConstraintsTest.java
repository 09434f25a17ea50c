package dev.migrate.hibernate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.hibernate.fixtures.wider.Signup;
import java.util.Map;
import java.util.function.Consumer;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.mapping.Column;
import org.junit.jupiter.api.Test;

/**
 * Bean Validation's constraints reach the model as they reach the application's schema: with a
 * provider on the class path and Hibernate's switches at their defaults, and only then.
 */
class BeanValidationConstraintsTest {

    @Test
    void aProviderOnTheClassPathMakesTheConstraintsDdl() {
        withSignup(Map.of(), getClass().getClassLoader(), metadata -> {
            assertFalse(column(metadata, "firstName").isNullable(), "@NotBlank is not null");
            assertEquals(50L, column(metadata, "firstName").getLength(), "@Size(max = 50) is the length");
            assertEquals(8 + 2, column(metadata, "deposit").getPrecision(), "@Digits(integer = 8, fraction = 2)");
            assertEquals(2, column(metadata, "seats").getCheckConstraints().size(), "@Min and @Max");
        });
    }

    @Test
    void withoutJakartaValidationOnTheProjectsClassPathNothingChanges() {
        withSignup(Map.of(), ClassLoader.getPlatformClassLoader(), BeanValidationConstraintsTest::untouched);
    }

    @Test
    void hibernatesOwnSwitchesTurnItOff() {
        withSignup(Map.of("hibernate.validator.apply_to_ddl", "false"), getClass().getClassLoader(),
                BeanValidationConstraintsTest::untouched);
        withSignup(Map.of("jakarta.persistence.validation.mode", "none"), getClass().getClassLoader(),
                BeanValidationConstraintsTest::untouched);
        withSignup(Map.of("jakarta.persistence.validation.mode", "callback"), getClass().getClassLoader(),
                BeanValidationConstraintsTest::untouched);
    }

    private static void untouched(Metadata metadata) {
        assertTrue(column(metadata, "firstName").isNullable());
        assertNotEquals(Long.valueOf(50), column(metadata, "firstName").getLength());
        assertTrue(column(metadata, "seats").getCheckConstraints().isEmpty());
    }

    private static void withSignup(Map<String, Object> settings, ClassLoader projectClasses, Consumer<Metadata> test) {
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder()
                .applySetting("hibernate.dialect", MetadataReader.dialect("h2"))
                .applySetting("hibernate.boot.allow_jdbc_metadata_access", "false")
                .build();
        try {
            Metadata metadata = new MetadataSources(registry).addAnnotatedClass(Signup.class).buildMetadata();
            BeanValidationConstraints.apply(metadata, settings, projectClasses);
            test.accept(metadata);
        } finally {
            StandardServiceRegistryBuilder.destroy(registry);
        }
    }

    private static Column column(Metadata metadata, String name) {
        return metadata.getEntityBinding(Signup.class.getName()).getTable().getColumns().stream()
                .filter(c -> c.getName().equals(name)).findFirst().orElseThrow();
    }
}
