package dev.migrate.hibernate;

import dev.migrate.hibernate.fixtures.postgres.Ledger;
import dev.migrate.hibernate.fixtures.wider.Archive;
import dev.migrate.hibernate.fixtures.wider.Assignment;
import dev.migrate.hibernate.fixtures.wider.Country;
import dev.migrate.hibernate.fixtures.wider.Gadget;
import dev.migrate.hibernate.fixtures.wider.Incident;
import dev.migrate.hibernate.fixtures.wider.Postmortem;
import dev.migrate.hibernate.fixtures.wider.Responder;
import dev.migrate.hibernate.fixtures.wider.Rota;
import dev.migrate.hibernate.fixtures.wider.Shelf;
import dev.migrate.hibernate.fixtures.wider.Signup;
import dev.migrate.hibernate.fixtures.wider.Ticket;
import dev.migrate.hibernate.fixtures.wider.Warehouse;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link CatalogueRoundTripTest}'s round trip (autogenerate from empty, upgrade, same schema as
 * Hibernate's export, no change after, downgrade to empty) over the mappings of
 * {@code fixtures.wider}: those the first catalogue leaves out.
 */
class WiderCatalogueRoundTripTest {

    static final List<String> WIDER = Stream.of(Gadget.class, Country.class, Warehouse.class, Shelf.class, Ticket.class,
            Incident.class, Postmortem.class, Responder.class, Signup.class, Archive.class, Assignment.class, Rota.class).map(Class::getName).toList();

    /** @param naming Spring Boot's naming strategies ({@code spring}) or Hibernate's defaults ({@code jpa}) */
    @ParameterizedTest
    @ValueSource(strings = {"spring", "jpa"})
    void onH2(String naming) throws SQLException {
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        CatalogueRoundTripTest.roundTrip("h2", naming, WIDER,
                name -> "jdbc:h2:mem:hib_wide_" + name + "_" + id + ";DB_CLOSE_DELAY=-1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"spring", "jpa"})
    void onPostgres(String naming) throws SQLException {
        GeneratedRevisions.onServer("postgresql", "MIGRATE_TEST_POSTGRES_URL", " WITH (FORCE)", "hib_wide",
                newDatabase -> CatalogueRoundTripTest.roundTrip("postgresql", naming, WIDER, newDatabase));
    }

    /** PostgreSQL's own spellings ({@code fixtures.postgres}), which the other databases do not take. */
    @ParameterizedTest
    @ValueSource(strings = {"spring", "jpa"})
    void postgresSpellingsOnPostgres(String naming) throws SQLException {
        GeneratedRevisions.onServer("postgresql", "MIGRATE_TEST_POSTGRES_URL", " WITH (FORCE)", "hib_wide",
                newDatabase -> CatalogueRoundTripTest.roundTrip("postgresql", naming, List.of(Ledger.class.getName()),
                        newDatabase));
    }

    @ParameterizedTest
    @ValueSource(strings = {"spring", "jpa"})
    void onMariaDb(String naming) throws SQLException {
        GeneratedRevisions.onServer("mariadb", "MIGRATE_TEST_MARIADB_URL", "", "hib_wide",
                newDatabase -> CatalogueRoundTripTest.roundTrip("mariadb", naming, WIDER, newDatabase));
    }
}
