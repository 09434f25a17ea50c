package com.example.supportdesk.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrate.junit.MigrateTest;
import dev.migrate.junit.MigrationTester;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The backfill of {@code add resolution minutes}, whose SQL differs by database ({@code op.dialect()}):
 * each database computes the same minutes. A class of its own, so its rows meet no other test's.
 */
@MigrateTest
class ResolutionMinutesTest {

    @Test
    void resolvedTicketsAreBackfilledAndOpenOnesLeftEmpty(MigrationTester t) {
        t.upgrade("c2e5f7a91b34"); // just before "add resolution minutes"
        t.execute("INSERT INTO users (email, display_name) VALUES ('ada@example.com', 'Ada')");
        t.execute("INSERT INTO tickets (subject, requester_id, created_at, resolved_at) VALUES "
                + "('printer on fire', 1, TIMESTAMP '2026-01-05 09:00:00', TIMESTAMP '2026-01-05 11:30:00'), "
                + "('VPN down', 1, TIMESTAMP '2026-01-05 09:00:00', NULL)");

        t.upgrade("d3f6a8b02c45");
        assertEquals(Arrays.asList(150, null), t.query("SELECT resolution_minutes FROM tickets ORDER BY id"));
    }
}
