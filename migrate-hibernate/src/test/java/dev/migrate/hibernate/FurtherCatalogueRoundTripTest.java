package dev.migrate.hibernate;

import dev.migrate.hibernate.fixtures.further.Alert;
import dev.migrate.hibernate.fixtures.further.Badge;
import dev.migrate.hibernate.fixtures.further.Asset;
import dev.migrate.hibernate.fixtures.further.Certificate;
import dev.migrate.hibernate.fixtures.further.Channel;
import dev.migrate.hibernate.fixtures.further.Device;
import dev.migrate.hibernate.fixtures.further.EmailChannel;
import dev.migrate.hibernate.fixtures.further.Enrolment;
import dev.migrate.hibernate.fixtures.further.Gizmo;
import dev.migrate.hibernate.fixtures.further.Laptop;
import dev.migrate.hibernate.fixtures.further.Milestone;
import dev.migrate.hibernate.fixtures.further.Notice;
import dev.migrate.hibernate.fixtures.further.Organisation;
import dev.migrate.hibernate.fixtures.further.OrganisationSummary;
import dev.migrate.hibernate.fixtures.further.Person;
import dev.migrate.hibernate.fixtures.further.PersonDetail;
import dev.migrate.hibernate.fixtures.further.Project;
import dev.migrate.hibernate.fixtures.further.Reminder;
import dev.migrate.hibernate.fixtures.further.Roster;
import dev.migrate.hibernate.fixtures.further.Server;
import dev.migrate.hibernate.fixtures.further.SmsChannel;
import dev.migrate.hibernate.fixtures.further.Team;
import dev.migrate.hibernate.fixtures.further.TemperatureConverter;
import dev.migrate.hibernate.fixtures.further.Ticketing;
import dev.migrate.hibernate.fixtures.further.Timebox;
import dev.migrate.hibernate.fixtures.further.Widget;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link CatalogueRoundTripTest}'s round trip (autogenerate from empty, upgrade, same schema as
 * Hibernate's export, no change after, downgrade to empty) over the mappings of
 * {@code fixtures.further}: those the first two catalogues leave out. The list names an
 * auto-applied {@code @Converter} and the package's {@code package-info} (a generator) beside the
 * entities, as migrate-processor lists them (and Spring Boot's scan registers them).
 */
class FurtherCatalogueRoundTripTest {

    static final List<String> FURTHER = Stream.concat(Stream.of(Project.class, Milestone.class, Organisation.class, Team.class,
            Person.class, PersonDetail.class, Notice.class, Alert.class, Reminder.class, Asset.class, Device.class,
            Laptop.class, Channel.class, EmailChannel.class, SmsChannel.class, OrganisationSummary.class, Gizmo.class,
            Widget.class, Badge.class, Roster.class, Enrolment.class, Ticketing.class, Certificate.class,
            Server.class, TemperatureConverter.class)
            .map(Class::getName),
            // The package's own annotations (its generator), listed as migrate-processor lists them.
            Stream.of(Badge.class.getPackageName() + ".package-info")).toList();

    /** With a Duration as an interval, which Hibernate maps on H2 and PostgreSQL only (MariaDB: see the model's error). */
    static final List<String> WITH_INTERVAL = Stream.concat(FURTHER.stream(), Stream.of(Timebox.class.getName())).toList();

    /** @param naming Spring Boot's naming strategies ({@code spring}) or Hibernate's defaults ({@code jpa}) */
    @ParameterizedTest
    @ValueSource(strings = {"spring", "jpa"})
    void onH2(String naming) throws SQLException {
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        CatalogueRoundTripTest.roundTrip("h2", naming, WITH_INTERVAL,
                name -> "jdbc:h2:mem:hib_further_" + name + "_" + id + ";DB_CLOSE_DELAY=-1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"spring", "jpa"})
    void onPostgres(String naming) throws SQLException {
        GeneratedRevisions.onServer("postgresql", "MIGRATE_TEST_POSTGRES_URL", " WITH (FORCE)", "hib_further",
                newDatabase -> CatalogueRoundTripTest.roundTrip("postgresql", naming, WITH_INTERVAL, newDatabase));
    }

    @ParameterizedTest
    @ValueSource(strings = {"spring", "jpa"})
    void onMariaDb(String naming) throws SQLException {
        GeneratedRevisions.onServer("mariadb", "MIGRATE_TEST_MARIADB_URL", "", "hib_further",
                newDatabase -> CatalogueRoundTripTest.roundTrip("mariadb", naming, FURTHER, newDatabase));
    }
}
