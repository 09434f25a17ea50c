package dev.migrate.tenant;

import dev.migrate.AppliedRevision;
import dev.migrate.MigrateException;
import dev.migrate.MigrationEvent;
import dev.migrate.MigrationListener;
import dev.migrate.RevisionFailedException;
import dev.migrate.RunResult;
import dev.migrate.dialect.MaskedUrl;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One history applied to many tenants. Each tenant is an ordinary migrate run (its own connection,
 * version table, history and lock), so a failure in one tenant leaves the others as consistent as a
 * single-database run leaves its database: every tenant is tried (unless {@code failFast}), the
 * report lists each tenant's outcome, and a re-run touches only the tenants that are behind.
 *
 * <pre>{@code
 * TenantRun run = new TenantRun(4, false, System.out::println);
 * TenantReport report = migrator.upgradeTenants(Tenant.parse("acme,globex"), "head", run);
 * }</pre>
 */
public final class TenantRun {

    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

    private final int parallel;
    private final boolean failFast;
    private final Consumer<String> progress;
    private final Duration progressEvery;

    /**
     * @param parallel  how many tenants run at once, at least 1; each holds one connection plus its lock's
     * @param failFast  stop starting tenants after the first failure
     * @param progress  receives a progress line every few seconds on long runs
     */
    public TenantRun(int parallel, boolean failFast, Consumer<String> progress) {
        this(parallel, failFast, progress, PROGRESS_EVERY);
    }

    /** As above, with a progress line every {@code progressEvery} (tests use a short one). */
    TenantRun(int parallel, boolean failFast, Consumer<String> progress, Duration progressEvery) {
        if (parallel < 1) {
            throw new MigrateException("migrate.parallel is " + parallel + "; give how many tenants may run at once, "
                    + "1 or more, e.g. -Dmigrate.parallel=4.");
        }
        this.parallel = parallel;
        this.failFast = failFast;
        this.progress = Objects.requireNonNull(progress, "progress");
        this.progressEvery = Objects.requireNonNull(progressEvery, "progressEvery");
    }

    /** How many tenants run at once. */
    public int parallel() {
        return parallel;
    }

    /**
     * This run with one tenant at a time, for a database whose sessions cannot run DDL at once; says
     * {@code why} on the progress line first.
     */
    public TenantRun oneAtATime(String why) {
        progress.accept(why);
        return new TenantRun(1, failFast, progress, progressEvery);
    }

    /**
     * What a run does to one tenant (on a worker thread): upgrade, downgrade, or read its version
     * table; {@code events} records the tenant's finished revisions for its outcome.
     */
    @FunctionalInterface
    public interface TenantAction {
        RunResult apply(Tenant tenant, MigrationListener events);
    }

    /**
     * Runs {@code action} for every tenant, up to {@code parallel} at once.
     *
     * @param currentOf reads a tenant's version table, to report where a failed tenant was left
     */
    public TenantReport run(List<Tenant> tenants, TenantAction action, Function<Tenant, List<String>> currentOf) {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(currentOf, "currentOf");
        if (tenants.isEmpty()) {
            throw new MigrateException("No tenants to migrate: migrate.tenants is empty or migrate.tenantQuery returned "
                    + "no rows.");
        }
        long started = System.nanoTime();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(Math.min(parallel, tenants.size()), runnable -> {
            Thread thread = new Thread(runnable, "migrate-tenant");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<TenantOutcome>> futures = new ArrayList<>();
            for (Tenant tenant : tenants) {
                futures.add(workers.submit(() -> {
                    if (stop.get()) {
                        return new TenantOutcome(tenant, TenantOutcome.Status.NOT_RUN, List.of(), List.of(), 0, null,
                                Duration.ZERO);
                    }
                    TenantOutcome outcome = runOne(tenant, action, currentOf);
                    if (outcome.status() == TenantOutcome.Status.FAILED) {
                        failed.incrementAndGet();
                        if (failFast) {
                            stop.set(true);
                        }
                    }
                    done.incrementAndGet();
                    return outcome;
                }));
            }
            List<TenantOutcome> outcomes = new ArrayList<>();
            long nextProgress = System.nanoTime() + progressEvery.toNanos();
            for (Future<TenantOutcome> future : futures) {
                while (true) {
                    try {
                        outcomes.add(future.get(Math.max(1, nextProgress - System.nanoTime()),
                                java.util.concurrent.TimeUnit.NANOSECONDS));
                        break;
                    } catch (java.util.concurrent.TimeoutException slow) {
                        nextProgress = System.nanoTime() + progressEvery.toNanos();
                        double seconds = (System.nanoTime() - started) / 1e9;
                        progress.accept(String.format(java.util.Locale.ROOT,
                                "Tenants: %d of %d done, %d failed, %.1f tenants/s", done.get(), tenants.size(),
                                failed.get(), done.get() / Math.max(seconds, 0.001)));
                    }
                }
            }
            return new TenantReport(outcomes, Duration.ofNanos(System.nanoTime() - started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigrateException("The tenant run was interrupted; tenants that had started finish or roll back "
                    + "their current revision. Run it again to bring the rest to the target.", e);
        } catch (ExecutionException e) {
            // runOne catches everything a tenant can throw; reaching here is a bug in migrate.
            throw new IllegalStateException("A tenant's run failed unexpectedly", e.getCause());
        } finally {
            workers.shutdownNow();
        }
    }

    private TenantOutcome runOne(Tenant tenant, TenantAction action, Function<Tenant, List<String>> currentOf) {
        long started = System.nanoTime();
        FinishedRevisions finished = new FinishedRevisions();
        try {
            RunResult result = action.apply(tenant, finished);
            int applied = result.applied().size();
            return new TenantOutcome(tenant, applied == 0 ? TenantOutcome.Status.UNCHANGED : TenantOutcome.Status.APPLIED,
                    result.headsBefore(), result.headsAfter(), applied, null, Duration.ofNanos(System.nanoTime() - started),
                    result.applied(), null);
        } catch (RuntimeException e) {
            List<String> after = List.of();
            try {
                after = currentOf.apply(tenant);
            } catch (RuntimeException unreachable) {
                // The tenant's database is gone or refused us; the failure message says so already.
            }
            String message = e instanceof MigrateException ? e.getMessage()
                    : e.getClass().getSimpleName() + ": " + e.getMessage();
            TenantOutcome.FailedAt failedAt = e instanceof RevisionFailedException failed
                    ? new TenantOutcome.FailedAt(failed.revision(), failed.statement(), failed.sqlState()) : null;
            return new TenantOutcome(tenant, TenantOutcome.Status.FAILED, List.of(), after, finished.revisions.size(),
                    tenant.url() == null ? message : message.replace(tenant.url(), MaskedUrl.mask(tenant.url())),
                    Duration.ofNanos(System.nanoTime() - started), finished.revisions, failedAt);
        }
    }

    /**
     * The revisions one tenant finished, in order: a failed run's result is an exception, so the
     * revisions it committed before failing are known only from its events.
     */
    private static final class FinishedRevisions implements MigrationListener {
        private final List<AppliedRevision> revisions = new ArrayList<>();
        private final java.util.Map<String, String> messages = new java.util.HashMap<>();

        @Override
        public void on(MigrationEvent event) {
            if (event instanceof MigrationEvent.RevisionStarted started) {
                messages.put(started.id(), started.message());
            } else if (event instanceof MigrationEvent.RevisionFinished done) {
                revisions.add(new AppliedRevision(done.id(), messages.getOrDefault(done.id(), ""), done.direction(),
                        done.duration()));
            }
        }
    }
}
