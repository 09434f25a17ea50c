package dev.migrate.dialect;

import dev.migrate.testing.PostgresDatabaseExtension;
import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;

/** Schema snapshots read from a real PostgreSQL. */
@ExtendWith(PostgresDatabaseExtension.class)
class PostgresSchemaSnapshotTest extends SchemaSnapshotContract {

    @Override
    Dialect dialect() {
        return new PostgresDialect();
    }

    @Override
    List<String> expectedTicketColumns() {
        return List.of(
                "id int8 NOT NULL IDENTITY",
                "title varchar(200) NOT NULL",
                "price numeric(10,2) DEFAULT 0",
                "assignee_id int8");
    }

    @Override
    List<String> expectedUpgradeDiff() {
        return List.of(
                "~ column ticket.title: varchar(200) NOT NULL -> varchar(200)",
                "+ column ticket.note varchar(10) NOT NULL DEFAULT 'n'::character varying",
                "- constraint ticket.ticket_price_positive CHECK ((price >= (0)::numeric))",
                "+ index ticket.ix_ticket_price UNIQUE (price)",
                "+ table tag");
    }
}
