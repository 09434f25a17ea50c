package dev.migrate.autogenerate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.dialect.ConstraintSnapshot;
import dev.migrate.dialect.SchemaSnapshot;
import dev.migrate.ops.ColumnType;
import dev.migrate.ops.CreateTable;
import dev.migrate.ops.DropConstraint;
import dev.migrate.ops.Operation;
import dev.migrate.testing.H2DatabaseExtension;
import dev.migrate.testing.TestDatabase;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(H2DatabaseExtension.class)
class H2AutogenerateTest extends AutogenerateContract {

    @Override
    protected List<String> schemaNames(TestDatabase database) throws SQLException {
        return database.strings("SELECT SCHEMA_NAME FROM INFORMATION_SCHEMA.SCHEMATA");
    }

    /**
     * A unique or check constraint written without a name (as Hibernate's export writes them) gets
     * one H2 makes up ({@code CONSTRAINT_8}), which the snapshot leaves out of comparisons; the
     * generated upgrade still drops it by that name, with no review note, and the downgrade adds it
     * back (under a name of its own).
     */
    @Test
    void constraintsH2NamedAreDroppedByTheNameH2Gave(TestDatabase database) throws SQLException {
        Scenario scenario = new Scenario(database, List.of());
        scenario.execute("CREATE TABLE %s.%s (%s BIGINT PRIMARY KEY, %s VARCHAR(10) UNIQUE, %s INTEGER CHECK (%s > 0))",
                "products", "id", "code", "price", "price");
        SchemaSnapshot before = scenario.snapshot();
        List<String> generatedNames = before.tables().get(0).constraints().stream()
                .filter(c -> c.kind() != ConstraintSnapshot.Kind.PRIMARY_KEY).map(ConstraintSnapshot::generatedName)
                .sorted().toList();
        assertEquals(2, generatedNames.size(), before::toString);
        assertTrue(generatedNames.stream().allMatch(n -> n.startsWith("CONSTRAINT_")), generatedNames::toString);

        List<Operation> model = List.of(CreateTable.of("products", t -> t
                .column("id", ColumnType.BIGINT, c -> c.primaryKey())
                .column("code", ColumnType.varchar(10))
                .column("price", ColumnType.INTEGER)));
        AutogenerateResult result = scenario.autogenerate(model, AutogenerateOptions.defaults());
        assertEquals(List.of(), result.notes(), () -> result.notes().toString());
        assertEquals(generatedNames, result.upgrade().stream().filter(DropConstraint.class::isInstance)
                .map(o -> ((DropConstraint) o).name()).sorted().toList());
        String previous = scenario.apply(result);
        assertEquals(List.of(), describe(scenario.autogenerate(model, AutogenerateOptions.defaults())));
        scenario.downgrade(previous);
        assertEquals(definitions(before), definitions(scenario.snapshot()));
    }

    private static List<String> definitions(SchemaSnapshot snapshot) {
        return snapshot.tables().get(0).constraints().stream().map(ConstraintSnapshot::definition).sorted().toList();
    }
}
