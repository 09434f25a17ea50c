package dev.migrate.hibernate;

import dev.migrate.autogenerate.ModelSettings;
import dev.migrate.hibernate.fixtures.keywords.Group;
import dev.migrate.hibernate.fixtures.keywords.User;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link CatalogueRoundTripTest}'s round trip with Hibernate settings applications set in
 * {@code spring.jpa.properties}: reserved words quoted ({@code hibernate.auto_quote_keyword}),
 * Hibernate 5's column order ({@code hibernate.column_ordering_strategy=legacy}) and a Duration as
 * an interval where the database has one.
 */
class SettingsRoundTripTest {

    private static final List<String> ENTITIES = List.of(User.class.getName(), Group.class.getName());

    private static final Map<String, String> SETTINGS = Map.of("hibernate.auto_quote_keyword", "true",
            "hibernate.column_ordering_strategy", "legacy");

    private static ModelSettings settings(String database) {
        Map<String, String> values = new java.util.LinkedHashMap<>(SETTINGS);
        if (!database.equals("mariadb")) {
            values.put("hibernate.type.preferred_duration_jdbc_type", "INTERVAL_SECOND");
        }
        return ModelSettings.of(values, "the test");
    }

    /** @param naming Spring Boot's naming strategies ({@code spring}) or Hibernate's defaults ({@code jpa}) */
    @ParameterizedTest
    @ValueSource(strings = {"spring", "jpa"})
    void onH2(String naming) throws SQLException {
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        CatalogueRoundTripTest.roundTrip("h2", naming, ENTITIES, settings("h2"),
                name -> "jdbc:h2:mem:hib_kw_" + name + "_" + id + ";DB_CLOSE_DELAY=-1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"spring", "jpa"})
    void onPostgres(String naming) throws SQLException {
        GeneratedRevisions.onServer("postgresql", "MIGRATE_TEST_POSTGRES_URL", " WITH (FORCE)", "hib_kw",
                newDatabase -> CatalogueRoundTripTest.roundTrip("postgresql", naming, ENTITIES, settings("postgresql"),
                        newDatabase));
    }

    @ParameterizedTest
    @ValueSource(strings = {"spring", "jpa"})
    void onMariaDb(String naming) throws SQLException {
        GeneratedRevisions.onServer("mariadb", "MIGRATE_TEST_MARIADB_URL", "", "hib_kw",
                newDatabase -> CatalogueRoundTripTest.roundTrip("mariadb", naming, ENTITIES, settings("mariadb"),
                        newDatabase));
    }
}
