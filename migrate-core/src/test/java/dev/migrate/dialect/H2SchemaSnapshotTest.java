package dev.migrate.dialect;

import dev.migrate.testing.H2DatabaseExtension;
import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;

/** Schema snapshots read from an in-memory H2. */
@ExtendWith(H2DatabaseExtension.class)
class H2SchemaSnapshotTest extends SchemaSnapshotContract {

    @Override
    Dialect dialect() {
        return new H2Dialect();
    }

    @Override
    List<String> expectedTicketColumns() {
        return List.of(
                "id BIGINT NOT NULL IDENTITY",
                "title CHARACTER VARYING(200) NOT NULL",
                "price NUMERIC(10,2) DEFAULT 0",
                "assignee_id BIGINT");
    }

    @Override
    List<String> expectedUpgradeDiff() {
        return List.of(
                "~ column ticket.title: CHARACTER VARYING(200) NOT NULL -> CHARACTER VARYING(200)",
                "+ column ticket.note CHARACTER VARYING(10) NOT NULL DEFAULT 'n'",
                "- constraint ticket.ticket_price_positive CHECK \"price\" >= CAST(0 AS NUMERIC(1))",
                "+ index ticket.ix_ticket_price UNIQUE (price)",
                "+ table tag");
    }
}
