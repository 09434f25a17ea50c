package dev.migrate.hibernate;

import static dev.migrate.hibernate.GeneratedRevisions.migrator;
import static dev.migrate.hibernate.GeneratedRevisions.autogenerate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.autogenerate.AutogenerateResult;
import dev.migrate.autogenerate.Change;
import dev.migrate.autogenerate.ConnectedDatabase;
import dev.migrate.autogenerate.ModelRequest;
import dev.migrate.autogenerate.ModelSchema;
import dev.migrate.autogenerate.ModelSettings;
import dev.migrate.dialect.SchemaSnapshot;
import dev.migrate.hibernate.fixtures.catalogue.Animal;
import dev.migrate.hibernate.fixtures.catalogue.Article;
import dev.migrate.hibernate.fixtures.catalogue.ArticleComment;
import dev.migrate.hibernate.fixtures.catalogue.Attachment;
import dev.migrate.hibernate.fixtures.catalogue.Author;
import dev.migrate.hibernate.fixtures.catalogue.Booking;
import dev.migrate.hibernate.fixtures.catalogue.Car;
import dev.migrate.hibernate.fixtures.catalogue.CardPayment;
import dev.migrate.hibernate.fixtures.catalogue.CashPayment;
import dev.migrate.hibernate.fixtures.catalogue.Category;
import dev.migrate.hibernate.fixtures.catalogue.Course;
import dev.migrate.hibernate.fixtures.catalogue.Customer;
import dev.migrate.hibernate.fixtures.catalogue.CustomerProfile;
import dev.migrate.hibernate.fixtures.catalogue.Document;
import dev.migrate.hibernate.fixtures.catalogue.Employee;
import dev.migrate.hibernate.fixtures.catalogue.Dog;
import dev.migrate.hibernate.fixtures.catalogue.Invoice;
import dev.migrate.hibernate.fixtures.catalogue.LongNames;
import dev.migrate.hibernate.fixtures.catalogue.Manager;
import dev.migrate.hibernate.fixtures.catalogue.Measurement;
import dev.migrate.hibernate.fixtures.catalogue.MemberCard;
import dev.migrate.hibernate.fixtures.catalogue.OrderLine;
import dev.migrate.hibernate.fixtures.catalogue.Payment;
import dev.migrate.hibernate.fixtures.catalogue.Receipt;
import dev.migrate.hibernate.fixtures.catalogue.Room;
import dev.migrate.hibernate.fixtures.catalogue.Shipment;
import dev.migrate.hibernate.fixtures.catalogue.StockItem;
import dev.migrate.hibernate.fixtures.catalogue.Subscription;
import dev.migrate.hibernate.fixtures.catalogue.Truck;
import dev.migrate.hibernate.fixtures.catalogue.Vehicle;
import dev.migrate.index.IndexedRevision;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 14's "no false changes" over the catalogue of mappings users really write
 * ({@code fixtures.catalogue}), all in one round trip per database (H2, PostgreSQL, MariaDB) and
 * naming (Spring Boot's, and Hibernate's defaults, whose camel case MariaDB stores as written):
 * from an empty database, autogenerate a revision (only additions) and apply it by upgrade; the
 * schema equals the one Hibernate's own schema export creates for the same entities in a fresh
 * database; autogenerate then reports no change at all, neither against that database nor
 * against Hibernate's; the revision's downgrade leaves the database empty.
 */
class CatalogueRoundTripTest {

    static final List<String> CATALOGUE = Stream.of(Customer.class, CustomerProfile.class, Course.class,
            Payment.class, CardPayment.class, CashPayment.class, Vehicle.class, Car.class, Truck.class, Document.class,
            Invoice.class, Receipt.class, OrderLine.class, Shipment.class, Room.class, Booking.class, Measurement.class, Author.class,
            Article.class, ArticleComment.class, Attachment.class, Animal.class, Dog.class, Category.class, MemberCard.class,
            Subscription.class, StockItem.class, Employee.class, Manager.class, LongNames.class)
            .map(Class::getName).toList();

    /** @param naming Spring Boot's naming strategies ({@code spring}) or Hibernate's defaults ({@code jpa}) */
    @ParameterizedTest
    @ValueSource(strings = {"spring", "jpa"})
    void onH2(String naming) throws SQLException {
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        roundTrip("h2", naming, CATALOGUE, name -> "jdbc:h2:mem:hib_cat_" + name + "_" + id + ";DB_CLOSE_DELAY=-1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"spring", "jpa"})
    void onPostgres(String naming) throws SQLException {
        onServer("postgresql", naming, "MIGRATE_TEST_POSTGRES_URL", " WITH (FORCE)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"spring", "jpa"})
    void onMariaDb(String naming) throws SQLException {
        onServer("mariadb", naming, "MIGRATE_TEST_MARIADB_URL", "");
    }

    /** A round trip in databases created on the server for this run and dropped after it. */
    private static void onServer(String database, String naming, String variable, String forceDrop) throws SQLException {
        GeneratedRevisions.onServer(database, variable, forceDrop, "hib_cat",
                newDatabase -> roundTrip(database, naming, CATALOGUE, newDatabase));
    }

    /**
     * @param entities    the entity classes' names
     * @param newDatabase a fresh, empty database's URL for a name
     */
    static void roundTrip(String database, String naming, List<String> entities, Function<String, String> newDatabase)
            throws SQLException {
        roundTrip(database, naming, entities, ModelSettings.none(), newDatabase);
    }

    /** As above, with the application's Hibernate {@code settings} for the model and for Hibernate's export. */
    static void roundTrip(String database, String naming, List<String> entities, ModelSettings settings,
                          Function<String, String> newDatabase) throws SQLException {
        String url = newDatabase.apply("migrate");
        List<IndexedRevision> revisions = new ArrayList<>();
        ModelRequest request = new ModelRequest(GeneratedRevisions.class.getClassLoader(), entities, database, naming, null)
                .withSettings(settings);
        Function<ConnectedDatabase, ModelSchema> model = connected -> new HibernateModelSource().read(request.forDatabase(connected));

        AutogenerateResult generated = autogenerate(url, revisions, model);
        assertTrue(generated.changes().stream().allMatch(c -> c instanceof Change.TableAdded
                || c instanceof Change.ForeignKeyAdded || c instanceof Change.IndexAdded || c instanceof Change.SequenceAdded
                || c instanceof Change.UniqueAdded || c instanceof Change.CheckAdded),
                () -> generated.changes().stream().map(Change::describe).toList().toString());
        revisions.add(GeneratedRevisions.revision("c1", null, "catalogue", generated));
        migrator(url, revisions).upgrade("head");

        String exportUrl = newDatabase.apply("export");
        Map<String, String> exportSettings = new LinkedHashMap<>(settings.values());
        exportSettings.put("hibernate.hbm2ddl.auto", "create-only");
        exportSettings.put("hibernate.hbm2ddl.halt_on_error", "true");
        GeneratedRevisions.startHibernate(database, exportUrl, entities, naming, exportSettings);
        SchemaSnapshot byHibernate = GeneratedRevisions.comparable(database, GeneratedRevisions.snapshot(exportUrl));
        SchemaSnapshot byMigrate = GeneratedRevisions.comparable(database, GeneratedRevisions.snapshot(url));
        assertFalse(byHibernate.isEmpty());
        assertEquals(byHibernate, byMigrate, () -> byHibernate.diff(byMigrate).toString());

        assertEquals(List.of(), autogenerate(url, revisions, model).changes().stream().map(Change::describe).toList(),
                "autogenerate finds changes right after applying its own revision");
        // A project that adopts migrate on the schema Hibernate created (ddl-auto) has nothing to generate either.
        assertEquals(List.of(), autogenerate(exportUrl, List.of(), model).changes().stream().map(Change::describe).toList(),
                "autogenerate finds changes against the schema Hibernate's export created");

        migrator(url, revisions).downgrade("base");
        SchemaSnapshot emptied = GeneratedRevisions.snapshot(url);
        assertTrue(emptied.isEmpty(), () -> "the revision's downgrade left " + emptied);
    }
}
