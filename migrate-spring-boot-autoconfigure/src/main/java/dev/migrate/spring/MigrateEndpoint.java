package dev.migrate.spring;

import dev.migrate.HistoryEntry;
import dev.migrate.Migrator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * {@code /actuator/migrate}: the database's current revisions, the revisions still pending, and the
 * last rows of migrate's history, as Flyway's {@code flyway} endpoint shows its state; with tenants,
 * each tenant's current revision and state.
 */
@Endpoint(id = "migrate")
public class MigrateEndpoint {

    private static final int HISTORY_ROWS = 20;

    private final Migrator migrator;
    private final MigrateTenants tenants;

    public MigrateEndpoint(Migrator migrator) {
        this(migrator, new MigrateProperties());
    }

    /** With {@code migrate.tenants} or {@code migrate.tenant-query} set, the endpoint shows each tenant. */
    public MigrateEndpoint(Migrator migrator, MigrateProperties properties) {
        this.migrator = migrator;
        this.tenants = new MigrateTenants(properties);
    }

    /**
     * The data source's schema: {@code current}, {@code heads}, {@code unknown} (rows the code does not know,
     * only when there are some), {@code pending}, {@code edited} (applied
     * revisions edited since they ran: {@code revision}, {@code class}, {@code appliedAt}), {@code history}. With
     * tenants: {@code heads}, {@code findings} (the code's own, e.g. several heads), {@code tenants} (per
     * tenant {@code tenant}, {@code current}, {@code state} AT_HEAD, BEHIND, UNKNOWN_REVISION or FAILED,
     * {@code pending}, and {@code unknown} or {@code failure} where they apply) and {@code summary}.
     */
    @ReadOperation
    public Map<String, Object> migrate() {
        if (tenants.configured()) {
            return tenants.state(migrator);
        }
        Map<String, Object> state = new LinkedHashMap<>();
        List<String> current = migrator.current();
        state.put("current", current);
        state.put("heads", List.copyOf(migrator.heads()));
        // Rows the code does not know (newer code upgraded the database): named, as the tenants' UNKNOWN_REVISION,
        // where a plan from them would fail the whole read; nothing is pending from there.
        List<String> unknown = migrator.graph().unknown(current);
        if (!unknown.isEmpty()) {
            state.put("unknown", unknown);
        }
        state.put("pending", !unknown.isEmpty() ? List.of() : migrator.graph().upgradePlan(current, "heads").steps().stream()
                .map(step -> Map.of("revision", step.revision().id(), "message", step.revision().message())).toList());
        // Applied revisions edited since they ran: what migrate.validate-on-upgrade=false only warned about.
        state.put("edited", migrator.changedRevisions().stream().map(revision -> Map.of("revision", revision.id(),
                "class", revision.className(), "appliedAt", String.valueOf(revision.appliedAt()))).toList());
        // Revisions a start-up (or mvn) got part of the way through before it failed or was killed; the next run resumes them.
        state.put("interrupted", migrator.interrupted().stream().map(stopped -> Map.of("revision", stopped.revision(),
                "direction", stopped.direction().name().toLowerCase(java.util.Locale.ROOT), "stepsDone",
                stopped.stepsDone())).toList());
        List<HistoryEntry> history = migrator.history();
        state.put("history", history.subList(Math.max(0, history.size() - HISTORY_ROWS), history.size()));
        return state;
    }
}
