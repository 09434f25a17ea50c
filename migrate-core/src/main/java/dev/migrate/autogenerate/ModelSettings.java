package dev.migrate.autogenerate;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The application's own settings for the library that reads its model, as the application hands
 * them to it at start-up: for Hibernate ORM its {@code hibernate.*} settings, whatever a Spring Boot
 * application's {@code spring.jpa.properties.*} or a {@code persistence.xml} unit says. Some of
 * them change the schema the application's own export writes
 * ({@code hibernate.globally_quoted_identifiers}, {@code hibernate.validator.apply_to_ddl}), so the
 * model must be read with them.
 *
 * @param values  setting name to value, in the order read
 * @param origins setting name to where it was read ({@code classpath:application.yml, key
 *                spring.jpa.properties.hibernate.default_schema}), for messages that name the file
 *                and key at fault
 */
public record ModelSettings(Map<String, String> values, Map<String, String> origins) {

    private static final ModelSettings NONE = new ModelSettings(Map.of(), Map.of());

    public ModelSettings {
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
        origins = Map.copyOf(origins);
    }

    /** No settings: the model is read with the library's defaults. */
    public static ModelSettings none() {
        return NONE;
    }

    /** {@code values}, each from {@code origin} (settings given in code, for example). */
    public static ModelSettings of(Map<String, String> values, String origin) {
        Map<String, String> origins = new LinkedHashMap<>();
        values.keySet().forEach(key -> origins.put(key, origin + ", key " + key));
        return new ModelSettings(values, origins);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** Where {@code key} was read, for a message: a file and its key. */
    public String origin(String key) {
        return origins.getOrDefault(key, "the setting " + key);
    }

    /** These settings without {@code keys} (the naming strategies when {@code migrate.namingStrategy} is set). */
    public ModelSettings without(Collection<String> keys) {
        Map<String, String> kept = new LinkedHashMap<>(values);
        Map<String, String> keptOrigins = new LinkedHashMap<>(origins);
        keys.forEach(kept::remove);
        keys.forEach(keptOrigins::remove);
        return new ModelSettings(kept, keptOrigins);
    }

    /** The settings' origins, distinct, in order: for a log line saying what was read. */
    public java.util.List<String> files() {
        return origins.values().stream().map(origin -> origin.split(", key ", 2)[0]).distinct().toList();
    }
}
