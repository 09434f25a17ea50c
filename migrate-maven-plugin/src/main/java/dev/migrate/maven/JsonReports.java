package dev.migrate.maven;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.migrate.graph.RevisionDescriptor;
import dev.migrate.graph.RevisionGraph;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Collection;
import java.util.List;
import org.apache.maven.plugin.logging.Log;

/**
 * The JSON documents the query goals write with {@code -Dmigrate.outputFile=...}; the schema is
 * documented in {@code migrate-maven-plugin/JSON.md}. Every document has a {@code goal} field
 * naming the goal that wrote it.
 */
public final class JsonReports {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private JsonReports() {
    }

    /** Writes {@code report} to {@code file} (creating directories) and logs where it went. */
    static void write(File file, Object report, Log log) {
        try {
            Files.createDirectories(file.getAbsoluteFile().getParentFile().toPath());
            MAPPER.writeValue(file, report);
        } catch (IOException e) {
            throw OutputFiles.cannotWrite(file, e);
        }
        log.info("Wrote " + file);
    }

    /**
     * Writes a goal's report: to {@code file} when the goal runs for one database; with several
     * {@code <databases>}, into the document nesting each database's report under its name, which
     * {@link PerDatabase#write} writes once every database ran (or one failed).
     */
    static void write(File file, Object report, MigrateContext context) {
        if (context.perDatabase() != null) {
            context.perDatabase().add(context.databaseName(), file, report);
            return;
        }
        write(file, report, context.log());
    }

    /**
     * The JSON of a goal run for several databases: {@code {"goal": ..., "databases": {"main": {...},
     * "analytics": {...}}}}, each value the document the goal writes for one database.
     */
    static final class PerDatabase {
        private final String goal;
        private final java.util.Map<String, Object> reports = new java.util.LinkedHashMap<>();
        private File file;

        PerDatabase(String goal) {
            this.goal = goal;
        }

        synchronized void add(String database, File file, Object report) {
            this.file = file;
            reports.put(database, report);
        }

        /** Writes the document when any database wrote a report. */
        synchronized void write(Log log) {
            if (file != null) {
                JsonReports.write(file, new PerDatabaseReport(goal, reports), log);
            }
        }
    }

    /** {@code goal} run for several databases: each database's document under its name, in the order configured. */
    public record PerDatabaseReport(String goal, java.util.Map<String, Object> databases) {
    }

    /**
     * One revision as the JSON documents show it.
     *
     * @param id           the revision id
     * @param known        false when the database names a revision the code does not have (then only id is set)
     * @param message      the revision's message
     * @param className    the revision class's binary name
     * @param revises      direct parents
     * @param dependsOn    depends_on references
     * @param branchLabels branch labels
     * @param children     revisions that revise this one
     * @param head         true when nothing revises this revision
     * @param current      true when the database's version table holds this id (only when a database was read)
     */
    public record RevisionJson(String id, boolean known, String message, String className, List<String> revises,
            List<String> dependsOn, List<String> branchLabels, List<String> children, Boolean head, Boolean current) {

        static RevisionJson of(RevisionGraph graph, RevisionDescriptor revision, Collection<String> current,
                boolean databaseRead) {
            return new RevisionJson(revision.id(), true, revision.message(), revision.origin(), revision.revises(),
                    revision.dependsOn(), revision.branchLabels(), List.copyOf(graph.children(revision.id())),
                    graph.heads().contains(revision.id()), databaseRead ? current.contains(revision.id()) : null);
        }

        static RevisionJson unknown(String id) {
            return new RevisionJson(id, false, null, null, null, null, null, null, null, true);
        }
    }

    /**
     * {@code current}: the database's version-table rows, and the revisions that are applied only
     * because a row depends on them (Alembic's {@code current} lists both).
     */
    public record CurrentReport(String goal, String database, List<RevisionJson> current, List<RevisionJson> implied,
            List<InterruptedJson> interrupted) {
    }

    /**
     * A revision a run got part of the way through ({@code current}'s warning): its id, the direction
     * ({@code up}, {@code down}) and how many of its steps took effect; the next run resumes after them.
     */
    public record InterruptedJson(String id, String direction, int stepsDone) {

        static InterruptedJson of(dev.migrate.InterruptedRevision stopped) {
            return new InterruptedJson(stopped.revision(), stopped.direction().name().toLowerCase(java.util.Locale.ROOT),
                    stopped.stepsDone());
        }
    }

    /** {@code heads}: the revisions nothing revises. */
    public record HeadsReport(String goal, List<RevisionJson> heads) {
    }

    /** {@code branches}: the revisions with two or more children. */
    public record BranchesReport(String goal, List<RevisionJson> branchPoints) {
    }

    /** {@code history}: the revisions of a range, newest first. */
    public record HistoryReport(String goal, String range, List<RevisionJson> revisions) {
    }

    /** {@code show}: the revision shown (the first, when the target names several) and every one shown. */
    public record ShowReport(String goal, RevisionJson revision, List<RevisionJson> revisions) {
    }

    /** {@code check}: every finding, and whether the gate passed. */
    public record CheckReport(String goal, boolean passed, boolean databaseChecked, List<Finding> findings) {
    }

    /**
     * One problem {@code check} found.
     *
     * @param kind        {@code MULTIPLE_HEADS}, {@code PENDING}, {@code UNKNOWN_REVISION}, {@code CHANGED_CHECKSUM},
     *                    {@code MODEL_DRIFT}, {@code LINT} (JSON.md says what each one's {@code revisions} hold)
     * @param message     the sentence logged for it
     * @param revisions   the revision ids involved
     * @param differences MODEL_DRIFT only: one line per difference between entities and database; else empty
     * @param rule        LINT only: the rule id, for example {@code MG103}
     * @param severity    LINT only: {@code ERROR}, {@code WARNING} or {@code INFO}
     * @param revision    LINT only: the revision's id
     * @param operation   LINT only: the operation, for example {@code alterColumn tickets.priority}
     */
    public record Finding(String kind, String message, List<String> revisions, List<String> differences, String rule,
            String severity, String revision, String operation) {

        public Finding(String kind, String message, List<String> revisions) {
            this(kind, message, revisions, List.of());
        }

        public Finding(String kind, String message, List<String> revisions, List<String> differences) {
            this(kind, message, revisions, differences, null, null, null, null);
        }

        /** The JSON form of a finding of {@code Migrator.check}. */
        static Finding of(dev.migrate.check.CheckFinding finding) {
            if (finding instanceof dev.migrate.check.CheckFinding.Lint lint) {
                return lint(lint.finding());
            }
            if (finding instanceof dev.migrate.check.CheckFinding.ModelDrift drift) {
                return new Finding(drift.kind(), drift.message(), List.of(), drift.differences());
            }
            return new Finding(finding.kind(), finding.message(), finding.revisions());
        }

        static Finding lint(dev.migrate.lint.LintFinding finding) {
            return new Finding("LINT", finding.line(), List.of(finding.revision()), List.of(), finding.rule(),
                    finding.severity().name(), finding.revision(), finding.operation());
        }
    }

    /**
     * A goal over tenants: one entry per tenant, in the order listed.
     *
     * @param target  the target of {@code upgrade}/{@code downgrade}; null for {@code current}
     * @param success false when any tenant failed
     * @param summary the summary line the log ends with
     */
    public record TenantsReport(String goal, String target, boolean success, String summary, List<TenantJson> tenants) {

        static TenantsReport of(String goal, dev.migrate.tenant.TenantReport report,
                java.util.function.ToIntFunction<List<String>> behind) {
            return of(goal, null, report, behind);
        }

        static TenantsReport of(String goal, String target, dev.migrate.tenant.TenantReport report,
                java.util.function.ToIntFunction<List<String>> behind) {
            boolean run = !"current".equals(goal);
            return new TenantsReport(goal, target, report.failures().isEmpty(), TenantGoal.summary(goal, report, behind),
                    report.outcomes().stream()
                    .map(o -> {
                        boolean failed = o.status() == dev.migrate.tenant.TenantOutcome.Status.FAILED;
                        boolean notRun = o.status() == dev.migrate.tenant.TenantOutcome.Status.NOT_RUN;
                        Integer pending = failed || notRun ? null : behind.applyAsInt(o.after());
                        // For current, what matters is whether the tenant lags; for upgrade/downgrade, what was done.
                        String status = failed || run ? o.status().name() : pending == 0 ? "AT_HEAD" : "BEHIND";
                        dev.migrate.tenant.TenantOutcome.FailedAt at = o.failedAt();
                        return new TenantJson(o.tenant().name(), status, run && !notRun && !failed ? o.before() : null,
                                o.after(), pending,
                                run && !notRun ? o.revisions().stream().map(r -> new RunReport.Step(r.id(),
                                        r.direction().name().toLowerCase(java.util.Locale.ROOT), r.duration().toMillis()))
                                        .toList() : null,
                                run && !notRun ? o.took().toMillis() : null,
                                o.failure(), at == null ? null : at.revision(), at == null ? null : at.statement(),
                                at == null ? null : at.sqlState());
                    })
                    .toList());
        }
    }

    /**
     * One tenant's state, or what a run did to it.
     *
     * @param status          {@code AT_HEAD} or {@code BEHIND} for {@code current}; {@code APPLIED}, {@code UNCHANGED},
     *                        {@code NOT_RUN} for a run; {@code FAILED} for either
     * @param before          a run's: the version table before it (left out for a failed or skipped tenant)
     * @param current         its version table's rows (after a run; after a failure, as far as it got)
     * @param behind          how many revisions it lacks to reach the heads (null when it could not be read or was not run)
     * @param revisions       a run's: every revision run to the end, also those committed before a failure
     * @param durationMs      a run's: how long the tenant took
     * @param failure         why it could not be read or migrated, else null
     * @param failedRevision  a failure inside a revision: its id
     * @param failedStatement that failure's statement
     * @param sqlState        that failure's SQLState
     */
    public record TenantJson(String tenant, String status, List<String> before, List<String> current, Integer behind,
            List<RunReport.Step> revisions, Long durationMs, String failure, String failedRevision, String failedStatement,
            String sqlState) {
    }

    /**
     * {@code check} over tenants: the code's findings, then where each tenant stands.
     *
     * @param passed   true when the code has one head and every tenant is at it
     * @param findings the code's own findings ({@code MULTIPLE_HEADS}), checked once for all tenants
     * @param summary  the summary line the log ends with
     * @param tenants  one entry per tenant, in the order listed
     */
    public record TenantsCheckReport(String goal, boolean passed, boolean databaseChecked, List<Finding> findings,
            String summary, List<TenantCheckJson> tenants) {

        static TenantsCheckReport of(dev.migrate.check.TenantCheckReport report) {
            return new TenantsCheckReport("check", report.passed(), true, TenantCheckGoal.findings(report.code()),
                    report.summary(), report.tenants().stream().map(TenantCheckJson::of).toList());
        }
    }

    /**
     * One tenant as {@code check} sees it.
     *
     * @param status  {@code AT_HEAD}, {@code BEHIND}, {@code UNKNOWN_REVISION} or {@code FAILED} (unreadable)
     * @param current its version table's rows
     * @param behind  how many revisions an upgrade to heads would run (BEHIND and AT_HEAD), else null
     * @param pending those revisions, in order (BEHIND); the rows the code does not know (UNKNOWN_REVISION)
     * @param failure why it could not be read, else null
     * @param edited  its applied revisions edited since they ran there (their checksum changed)
     */
    public record TenantCheckJson(String tenant, String status, List<String> current, Integer behind,
            List<String> pending, String failure, List<String> edited) {

        static TenantCheckJson of(dev.migrate.check.TenantCheck check) {
            dev.migrate.check.TenantCheck.State state = check.state();
            Integer behind = state == dev.migrate.check.TenantCheck.State.BEHIND
                    || state == dev.migrate.check.TenantCheck.State.AT_HEAD ? check.pending().size() : null;
            return new TenantCheckJson(check.tenant().name(), state.name(), check.current(), behind, check.pending(),
                    check.failure(), check.edited());
        }
    }
}
