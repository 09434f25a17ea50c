package dev.migrate.autogenerate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrate.Migrator;
import dev.migrate.testing.MariaDbDatabaseExtension;
import dev.migrate.testing.TestDatabase;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The version a model reader gets ({@link ConnectedDatabase#version()}) is the server's own, whichever
 * driver connects: Hibernate types a UUID as {@code uuid} from MariaDB 10.7 on, so 5.5 would change the model.
 */
@ExtendWith(MariaDbDatabaseExtension.class)
class MariaDbServerVersionTest {

    @Test
    void theModelReaderGetsTheServersOwnVersion(TestDatabase database) throws SQLException {
        String server = database.strings("SELECT VERSION()").get(0); // 10.11.9-MariaDB-...
        String[] parts = server.split("[.-]");
        AtomicReference<ConnectedDatabase> seen = new AtomicReference<>();
        Migrator.builder().url(database.url()).user(database.user()).password(database.password()).revisions(List.of())
                .build().autogenerate(connected -> {
                    seen.set(connected);
                    return new ModelSchema("test", List.of());
                }, AutogenerateOptions.defaults());
        DatabaseVersion version = seen.get().version();
        assertEquals(server, version.product());
        assertEquals(List.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1])), List.of(version.major(), version.minor()));
    }
}
