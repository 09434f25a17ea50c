package dev.migrate.hibernate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.migrate.MigrateException;
import dev.migrate.autogenerate.ModelRequest;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An entity Hibernate refuses: one line with Hibernate's reason and, where it leaves it out, the cause's. */
class EntityFailuresTest {

    @Test
    void aConverterWhoseConstructorThrowsNamesTheCause() {
        MigrateException e = assertThrows(MigrateException.class, () -> new HibernateModelSource().read(new ModelRequest(
                getClass().getClassLoader(), List.of(Converted.class.getName()), "h2", "jpa", null)));
        String message = e.getMessage();
        assertEquals(true, message.startsWith("Hibernate could not read the entities: "), message);
        assertEquals(true, message.contains("(because of IllegalStateException: no converter today)"), message);
        assertEquals(true, message.endsWith(". Fix the mapping it names (the same error would stop the application at"
                + " start-up)."), message);
    }

    @Test
    void aCauseAlreadyInTheMessageIsNotRepeated() {
        RuntimeException failure = new RuntimeException("Could not build: bad column\n  at line 3",
                new IllegalArgumentException("bad column"));
        assertEquals("Could not build: bad column at line 3", MetadataReader.reason(failure));
        assertEquals("Unable to load class [a.B] (because of IllegalStateException: static boom)", MetadataReader.reason(
                new RuntimeException("Unable to load class [a.B]", new ExceptionInInitializerError(
                        new IllegalStateException("static boom")))));
    }

    @Entity
    @Table(name = "converted")
    public static class Converted {
        @Id
        private Long id;

        @Convert(converter = Refusing.class)
        private String shape;
    }

    public static class Refusing implements AttributeConverter<String, Integer> {
        public Refusing() {
            throw new IllegalStateException("no converter today");
        }

        @Override
        public Integer convertToDatabaseColumn(String value) {
            return 0;
        }

        @Override
        public String convertToEntityAttribute(Integer value) {
            return "";
        }
    }
}
