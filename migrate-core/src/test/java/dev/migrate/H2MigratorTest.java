package dev.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrate.testing.H2DatabaseExtension;
import dev.migrate.testing.TestDatabase;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(H2DatabaseExtension.class)
class H2MigratorTest extends MigratorContract {

    @Test
    void dataSourceGivesConnectionsAndTheDialect(TestDatabase database) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(database.url());
        dataSource.setUser(database.user());
        dataSource.setPassword(database.password());
        Migrator migrator = Migrator.builder().dataSource(dataSource).versionTable("ds_version")
                .revisions(linear("ds").all()).build();
        assertEquals(3, migrator.upgrade("head").applied().size());
        assertEquals(List.of("c3"), migrator.current());
    }
}
