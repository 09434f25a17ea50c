package dev.migrate.engine;

import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.SqlStatement;
import dev.migrate.graph.Direction;
import dev.migrate.graph.PlanStep;
import dev.migrate.index.IndexedRevision;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each revision's SQL rendered once per tenant run and reused for every tenant, so the client's
 * cost per tenant does not include creating the revision, recording its operations and rendering
 * them: what is left per tenant is swapping the tenant's schema name into the statements.
 *
 * <p>How: a revision is rendered once against a placeholder schema; for a tenant the placeholder is
 * replaced by the tenant's schema name. The statements, and so the checksums in each tenant's
 * history, are exactly those of rendering for the tenant's schema directly (names stay
 * schema-qualified, as in a single-schema run; the session's search path is set to the tenant's
 * schema as well, for the revisions' plain SQL). The first tenant proves it: its statements are
 * also rendered directly and compared, and a revision whose two renderings differ, or that runs
 * code ({@code withConnection}, batched updates), is rendered per tenant as before.
 */
public final class RenderCache {

    /** Lower-case letters, digits and underscores, so every dialect writes it as it is, quoted or not. */
    static final String PLACEHOLDER = "migrate_tenant_schema_7f3a9c";

    private final ConcurrentHashMap<Key, Optional<List<SqlStatement>>> templates = new ConcurrentHashMap<>();

    private record Key(String revision, Direction direction, String dialect, boolean schemaQualified) {
    }

    /** The rendering of {@code step} for {@code schema} (null: the connection's default schema). */
    RenderedRevision render(IndexedRevision revision, PlanStep step, Dialect dialect, String schema) {
        Key key = new Key(revision.id(), step.direction(), dialect.name(), schema != null);
        Optional<List<SqlStatement>> template = templates.computeIfAbsent(key,
                k -> template(revision, step, dialect, schema));
        if (template.isEmpty()) {
            return RenderedRevision.render(revision, step, dialect, schema);
        }
        List<SqlStatement> statements = schema == null ? template.get() : substitute(template.get(), schema);
        return new RenderedRevision(revision, step, List.of(new Work.Statements(statements)));
    }

    /** How many revisions (per direction) are rendered once and shared; for tests. */
    int shared() {
        return (int) templates.values().stream().filter(Optional::isPresent).count();
    }

    /** The placeholder rendering, or empty when the revision must be rendered per tenant. */
    private static Optional<List<SqlStatement>> template(IndexedRevision revision, PlanStep step, Dialect dialect,
            String schema) {
        RenderedRevision once = RenderedRevision.render(revision, step, dialect, schema == null ? null : PLACEHOLDER);
        List<SqlStatement> statements = new ArrayList<>();
        for (Work work : once.work()) {
            if (!(work instanceof Work.Statements plain)) {
                return Optional.empty(); // code runs per tenant: a callback may depend on state it set
            }
            statements.addAll(plain.statements());
        }
        if (schema == null) {
            return Optional.of(List.copyOf(statements));
        }
        // Proof on this tenant: the swapped statements must be exactly what rendering for it gives.
        List<SqlStatement> direct = new ArrayList<>();
        RenderedRevision.render(revision, step, dialect, schema).work()
                .forEach(work -> direct.addAll(((Work.Statements) work).statements()));
        return direct.equals(substitute(statements, schema)) ? Optional.of(List.copyOf(statements)) : Optional.empty();
    }

    private static List<SqlStatement> substitute(List<SqlStatement> template, String schema) {
        List<SqlStatement> result = new ArrayList<>(template.size());
        for (SqlStatement statement : template) {
            List<Object> parameters = new ArrayList<>(statement.parameters().size());
            for (Object parameter : statement.parameters()) {
                parameters.add(parameter instanceof String text ? text.replace(PLACEHOLDER, schema) : parameter);
            }
            result.add(new SqlStatement(statement.sql().replace(PLACEHOLDER, schema), parameters,
                    statement.runsOutsideTransaction()));
        }
        return result;
    }
}
