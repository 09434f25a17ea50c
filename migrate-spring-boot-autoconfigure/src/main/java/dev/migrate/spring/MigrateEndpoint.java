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
 * last rows of migrate's history, as Flyway's {@code flyway} endpoint shows its state.
 */
@Endpoint(id = "migrate")
public class MigrateEndpoint {

    private static final int HISTORY_ROWS = 20;

    private final Migrator migrator;

    public MigrateEndpoint(Migrator migrator) {
        this.migrator = migrator;
    }

    @ReadOperation
    public Map<String, Object> migrate() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("current", migrator.current());
        state.put("heads", List.copyOf(migrator.heads()));
        state.put("pending", migrator.upgradePlan("heads").steps().stream().map(step -> Map.of(
                "revision", step.revision().id(), "message", step.revision().message())).toList());
        List<HistoryEntry> history = migrator.history();
        state.put("history", history.subList(Math.max(0, history.size() - HISTORY_ROWS), history.size()));
        return state;
    }
}
