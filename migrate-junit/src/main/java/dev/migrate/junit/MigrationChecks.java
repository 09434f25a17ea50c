package dev.migrate.junit;

import dev.migrate.Migrator;
import dev.migrate.RunResult;
import dev.migrate.check.CheckFinding;
import dev.migrate.check.CheckOptions;
import dev.migrate.check.HistoryCheck;
import dev.migrate.dialect.SchemaSnapshot;
import dev.migrate.graph.RevisionDescriptor;
import dev.migrate.graph.RevisionGraph;
import dev.migrate.lint.FailOn;
import dev.migrate.lint.LintFinding;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.AssertionFailedError;

/**
 * The checks every migration history should pass (pytest-alembic's built-in tests). Each check
 * that runs revisions works on a new, empty database of its own and drops it afterwards, so checks
 * neither see each other nor the {@link MigrationTester}'s database. A failing check throws an
 * {@link AssertionFailedError} whose message names the revision and says what to do.
 *
 * <pre>{@code
 * @Test void history(MigrationChecks checks) { checks.singleHead(); checks.stairway(); checks.roundTrip(); }
 *
 * @Test void safe(MigrationChecks checks) { checks.lint(); }
 *
 * @TestFactory Stream<DynamicTest> revisions(MigrationChecks checks) { return checks.perRevision(); }
 * }</pre>
 */
public final class MigrationChecks {

    private final RevisionSet revisions;
    private final Supplier<DatabaseSession> scratch;
    private final TestSettings settings;
    private final String lintUrl;
    private final Timings timings = new Timings();

    MigrationChecks(RevisionSet revisions, Supplier<DatabaseSession> scratch, TestSettings settings, String lintUrl) {
        this.revisions = revisions;
        this.scratch = scratch;
        this.settings = settings;
        this.lintUrl = lintUrl;
    }

    /**
     * The history has one head, or only heads from {@code allowed}. Two heads usually mean two
     * developers added revisions to the same parent; the message names them and the fix.
     */
    public void singleHead(String... allowed) {
        // The rule is migrate:check's (one head); only the allowed heads are this check's own.
        List<String> heads = HistoryCheck.graphFindings(revisions.graph()).stream()
                .flatMap(finding -> finding.revisions().stream()).toList();
        if (heads.isEmpty() || Set.of(allowed).containsAll(heads)) {
            return;
        }
        throw new AssertionFailedError("The revision history has " + heads.size() + " heads: "
                + heads.stream().map(revisions::describe).collect(Collectors.joining(", "))
                + ". Merge them into one with mvn migrate:merge"
                + (allowed.length == 0 ? "" : ", or add the intended ones to singleHead(" + Arrays.toString(allowed) + ")") + ".");
    }

    /** Upgrades an empty database from base to every head, one revision at a time; names the revision that fails. */
    public void upgradeAll() {
        try (DatabaseSession session = scratch.get()) {
            upgradeEach(session);
            Set<String> applied = Set.copyOf(session.current());
            if (!applied.equals(revisions.graph().heads())) {
                throw new AssertionFailedError("After upgrading every revision the version table says " + applied
                        + " instead of the heads " + revisions.graph().heads() + ". Check the version table ("
                        + settings.versionTable() + ") and the revisions' revises/dependsOn.");
            }
        }
    }

    /**
     * For every revision in order: upgrade to it, downgrade one step, upgrade again. Fails naming the
     * revision whose upgrade or downgrade fails, whose downgrade does not restore the schema as it was
     * before its upgrade, or whose second upgrade gives a different schema; the difference is printed.
     */
    public void stairway() {
        try (DatabaseSession session = scratch.get()) {
            new Stairway(session, timings).climb();
        }
    }

    /**
     * Upgrades base → heads → base → heads: downgrading everything must leave an empty schema, and
     * the second upgrade must give exactly the schema of the first; differences are printed.
     */
    public void roundTrip() {
        try (DatabaseSession session = scratch.get()) {
            SchemaSnapshot empty = session.snapshot();
            timed(() -> session.upgrade("heads"), "Upgrading from base to heads");
            SchemaSnapshot first = session.snapshot();
            timed(() -> session.downgrade("base"), "Downgrading from heads to base");
            SchemaSnapshot base = session.snapshot();
            if (!base.equals(empty)) {
                throw new AssertionFailedError("Downgrading from heads to base does not remove everything the upgrade"
                        + " created (+ left behind):" + System.lineSeparator() + empty.diff(base)
                        + "Run stairway() to find the revision whose downgrade leaves it behind.");
            }
            timed(() -> session.upgrade("heads"), "Upgrading again from base to heads");
            SchemaSnapshot second = session.snapshot();
            if (!second.equals(first)) {
                throw new AssertionFailedError("The schema after base -> heads -> base -> heads differs from the first"
                        + " upgrade to heads (- first upgrade only, + second upgrade only):" + System.lineSeparator()
                        + first.diff(second) + "Run stairway() to find the revision responsible.");
            }
        }
    }

    /**
     * Lints every revision for unsafe operations (docs/LINT.md), each judged as if it were deployed
     * alone, as {@code mvn migrate:check} does offline; fails listing every ERROR finding, in the
     * form {@code ERROR [MG100] <id> <Class>: ... (docs/LINT.md#mg100)}. A revision that is unsafe
     * on purpose carries {@code @AllowUnsafe(value, reason)}. The rules are those of the test's
     * database: MariaDB/MySQL's on such a server, PostgreSQL's on PostgreSQL and on embedded H2
     * (which usually stands in for PostgreSQL).
     */
    public void lint() {
        lint(FailOn.ERROR);
    }

    /** {@link #lint()} failing on the findings {@code failOn} names ({@code WARNING}: warnings too). */
    public void lint(FailOn failOn) {
        Migrator.Builder builder = Migrator.builder().classLoader(settings.classLoader()).revisions(revisions.revisions())
                .database(revisions.database(), revisions.database().isEmpty()).versionTable(settings.versionTable());
        if (lintUrl != null) {
            builder.url(lintUrl); // for its dialect only: an offline check connects to nothing
        }
        Migrator migrator = builder.build();
        List<String> failing = migrator.check(CheckOptions.offline()).lint().stream().map(CheckFinding.Lint::finding)
                .filter(failOn::fails).map(LintFinding::line).toList();
        if (!failing.isEmpty()) {
            throw new AssertionFailedError("The lint found " + failing.size() + " unsafe operation(s):"
                    + System.lineSeparator() + String.join(System.lineSeparator(), failing) + System.lineSeparator()
                    + "Use the safe form each line names, or mark a revision that is unsafe on purpose with"
                    + " @AllowUnsafe(value = \"MG1xx\", reason = \"...\").");
        }
    }

    /**
     * The database behind {@code dataSource} (an application's, or a test fixture's) has every
     * revision applied; fails listing the pending ones.
     */
    public void noPending(DataSource dataSource) {
        Migrator migrator = Migrator.builder().dataSource(dataSource).classLoader(settings.classLoader())
                .revisions(revisions.revisions())
                    .database(revisions.database(), revisions.database().isEmpty()).versionTable(settings.versionTable()).build();
        List<String> current = migrator.current();
        Optional<CheckFinding> position = HistoryCheck.position(revisions.graph(), current);
        if (position.orElse(null) instanceof CheckFinding.UnknownRevision unknown) {
            throw new AssertionFailedError("The database " + dataSource + " is at " + unknown.unknown()
                    + ", which the code does not know. Merge the branch that added it, or stamp the database.");
        }
        if (position.orElse(null) instanceof CheckFinding.Pending pending) {
            throw new AssertionFailedError("The database " + dataSource + " is at " + (current.isEmpty() ? "base" : current)
                    + " and " + pending.pending().size() + " revision(s) are pending: "
                    + pending.pending().stream().map(id -> RevisionSet.describe(revisions.graph().find(id).orElseThrow()))
                            .collect(Collectors.joining(", "))
                    + ". Run mvn migrate:upgrade against it.");
        }
    }

    /**
     * Fails naming every revision whose upgrade or downgrade took longer than {@code limit} in the
     * checks run so far by this test class; when none ran yet, upgrades an empty database to the
     * heads and back to base to measure.
     */
    public void slowerThan(Duration limit) {
        if (timings.all().isEmpty()) {
            try (DatabaseSession session = scratch.get()) {
                upgradeEach(session);
                timed(() -> session.downgrade("base"), "Downgrading from heads to base");
            }
        }
        Map<String, RevisionTiming> slowest = new LinkedHashMap<>();
        for (RevisionTiming timing : timings.all()) {
            if (timing.duration().compareTo(limit) > 0) {
                slowest.merge(timing.revision() + timing.direction(), timing,
                        (a, b) -> a.duration().compareTo(b.duration()) >= 0 ? a : b);
            }
        }
        if (!slowest.isEmpty()) {
            throw new AssertionFailedError(slowest.size() + " revision step(s) took longer than " + limit.toMillis() + " ms: "
                    + slowest.values().stream().sorted(Comparator.comparing(RevisionTiming::duration).reversed())
                            .map(t -> t.describe() + " " + revisions.describe(t.revision()))
                            .collect(Collectors.joining(", "))
                    + ". Batch large data changes (op.batchedUpdate) or build indexes concurrently.");
        }
    }

    /** Every revision's upgrade and downgrade time measured by this test class's checks so far. */
    public List<RevisionTiming> timings() {
        return timings.all();
    }

    /**
     * Every check as dynamic tests for a {@code @TestFactory}: the single-head check, the lint, one stairway
     * step per revision (named by its id and message, so the report lists the revision that fails),
     * then the round trip. The steps share one database; after a failed step the later ones are
     * reported as aborted, since they would build on a broken schema.
     *
     * @param allowedHeads heads the single-head test accepts, as in {@link #singleHead(String...)}
     */
    public Stream<DynamicTest> perRevision(String... allowedHeads) {
        RevisionGraph graph = revisions.graph();
        StairwayRun run = new StairwayRun(scratch, timings, graph.revisions().size());
        Stream<DynamicTest> steps = graph.revisions().stream()
                .map(r -> DynamicTest.dynamicTest(RevisionSet.describe(r), () -> run.step(r)));
        return Stream.of(Stream.of(DynamicTest.dynamicTest("single head", () -> singleHead(allowedHeads)),
                DynamicTest.dynamicTest("lint", this::lint)), steps,
                Stream.of(DynamicTest.dynamicTest("round trip", this::roundTrip))).flatMap(s -> s);
    }

    private void upgradeEach(DatabaseSession session) {
        for (RevisionDescriptor revision : revisions.graph().revisions()) {
            timed(() -> session.upgrade(revision.id()), "Revision " + RevisionSet.describe(revision) + " fails to upgrade"
                    + " (upgrading an empty database one revision at a time)");
        }
    }

    private void timed(Supplier<RunResult> action, String failure) {
        RunResult result;
        try {
            result = action.get();
        } catch (RuntimeException e) {
            throw new AssertionFailedError(failure + ": " + e.getMessage(), e);
        }
        timings.record(result);
    }
}
