package dev.migrate.hibernate;

import dev.migrate.autogenerate.ModelSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which of the application's settings reach Hibernate while migrate reads the entities: all that
 * shape the mapping (quoting, {@code hibernate.validator.apply_to_ddl}, the default schema and
 * catalog, time zone storage, preferred JDBC types, id structure naming, column ordering and any
 * other), none that would open a connection or start run-time services (connection pools, caches,
 * transactions, JNDI), and none of those migrate sets itself: the dialect is the one of the database
 * compared, no schema action runs, and no JDBC metadata is read.
 */
final class ApplicationSettingsFilter {

    private static final Set<String> OWNED = Set.of(
            "hibernate.dialect", "hibernate.boot.allow_jdbc_metadata_access", "hibernate.temp.use_jdbc_metadata_defaults",
            "hibernate.hbm2ddl.auto", "hibernate.hbm2ddl.halt_on_error", "hibernate.hbm2ddl.create_namespaces",
            "jakarta.persistence.database-product-name", "jakarta.persistence.database-product-version",
            "jakarta.persistence.database-major-version", "jakarta.persistence.database-minor-version",
            "hibernate.session_factory_name", "hibernate.session_factory_name_is_jndi",
            "hibernate.archive.scanner", "hibernate.archive.autodetection");

    private static final List<String> RUN_TIME = List.of(
            "hibernate.connection.", "jakarta.persistence.jdbc.", "javax.persistence.jdbc.",
            "hibernate.cache.", "jakarta.persistence.sharedCache.", "javax.persistence.sharedCache.",
            "hibernate.hikari.", "hibernate.c3p0.", "hibernate.agroal.", "hibernate.proxool.", "hibernate.jndi.",
            "hibernate.transaction.", "jakarta.persistence.transactionType", "hibernate.hbm2ddl.scripts.",
            "jakarta.persistence.schema-generation.", "javax.persistence.schema-generation.",
            "hibernate.hbm2ddl.import_files", "hibernate.javax.cache.", "hibernate.resource.beans.");

    private ApplicationSettingsFilter() {
    }

    /** The settings to apply before migrate's own, in their order. */
    static Map<String, String> forMetadata(ModelSettings settings) {
        Map<String, String> kept = new LinkedHashMap<>();
        settings.values().forEach((key, value) -> {
            if (!OWNED.contains(key) && RUN_TIME.stream().noneMatch(key::startsWith)
                    && !key.equals(dev.migrate.autogenerate.ApplicationSettings.PHYSICAL_NAMING)
                    && !key.equals(dev.migrate.autogenerate.ApplicationSettings.IMPLICIT_NAMING)) {
                kept.put(key, value);
            }
        });
        return kept;
    }
}
