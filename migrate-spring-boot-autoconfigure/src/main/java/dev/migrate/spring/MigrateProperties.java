package dev.migrate.spring;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code migrate.*}: how the application's database is migrated at start-up.
 */
@ConfigurationProperties(prefix = "migrate")
public class MigrateProperties {

    /** Whether to migrate at start-up at all. */
    private boolean enabled = true;

    /**
     * What start-up does: {@code upgrade} to the target (default), {@code validate} (fail start-up
     * when revisions are pending or the history is broken, change nothing) or {@code none}.
     */
    private Mode mode = Mode.UPGRADE;

    /** Where to upgrade to: {@code head} (default), {@code heads}, a revision id, {@code label@head}. */
    private String target = "head";

    /** The schema of migrate's tables; default: the connection's. */
    private String schema;

    /** The version table. */
    private String versionTable = "migrate_version";

    /** How long an instance waits for another instance's run lock before start-up fails. */
    private Duration lockTimeout = Duration.ofSeconds(60);

    /** The database's lock wait for each revision's statements (PostgreSQL lock_timeout); unset: wait. */
    private Duration ddlLockTimeout;

    /**
     * Fail start-up, before anything runs, when an applied revision was edited since it ran (its SQL
     * no longer matches the checksum recorded then), naming each; as Flyway's validate-on-migrate.
     * With tenants, per tenant: that tenant fails, the others go on. False: one warning per edited
     * revision, and the upgrade goes on. migrate.mode=validate fails on an edited revision either way.
     */
    private boolean validateOnUpgrade = true;

    /** One transaction for the whole run instead of one per revision. */
    private boolean singleTransaction;

    /**
     * Tenants to migrate instead of the application's one schema, comma-separated: schemas of the
     * application's database (schema per tenant) and/or JDBC URLs of databases of their own, with
     * their credentials in the URL. Each has its own version table, history and lock. With tenants
     * set, the data source's default schema is not migrated (as migrate:upgrade with migrate.tenants).
     * Default: none.
     */
    private List<String> tenants = new ArrayList<>();

    /**
     * A query on the application's data source whose first column lists the tenants, run at each
     * start, instead of migrate.tenants. Example: SELECT schema_name FROM public.tenants WHERE active.
     */
    private String tenantQuery;

    /**
     * With tenants: how many tenants are migrated at once, each with one connection plus its lock's
     * (from the data source's pool for schemas). On H2, keep 1: H2 serializes DDL.
     */
    private int parallel = 1;

    /**
     * With tenants: stop starting tenants after the first failure (the default tries every tenant,
     * then fails start-up once naming each failed one).
     */
    private boolean failFast;

    /** What start-up does with the database. */
    public enum Mode {
        /** Upgrade to {@code migrate.target}. */
        UPGRADE,
        /** Fail start-up when revisions are pending or the history is broken; change nothing. */
        VALIDATE,
        /** Do nothing (the migrator bean is still there). */
        NONE
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Mode getMode() {
        return mode;
    }

    public void setMode(Mode mode) {
        this.mode = mode;
    }

    public String getTarget() {
        return target;
    }

    public void setTarget(String target) {
        this.target = target;
    }

    public String getSchema() {
        return schema;
    }

    public void setSchema(String schema) {
        this.schema = schema;
    }

    public String getVersionTable() {
        return versionTable;
    }

    public void setVersionTable(String versionTable) {
        this.versionTable = versionTable;
    }

    public Duration getLockTimeout() {
        return lockTimeout;
    }

    public void setLockTimeout(Duration lockTimeout) {
        this.lockTimeout = notNegative(lockTimeout, "migrate.lock-timeout");
    }

    public Duration getDdlLockTimeout() {
        return ddlLockTimeout;
    }

    public void setDdlLockTimeout(Duration ddlLockTimeout) {
        this.ddlLockTimeout = notNegative(ddlLockTimeout, "migrate.ddl-lock-timeout");
    }

    public boolean isSingleTransaction() {
        return singleTransaction;
    }

    public void setSingleTransaction(boolean singleTransaction) {
        this.singleTransaction = singleTransaction;
    }

    public boolean isValidateOnUpgrade() {
        return validateOnUpgrade;
    }

    public void setValidateOnUpgrade(boolean validateOnUpgrade) {
        this.validateOnUpgrade = validateOnUpgrade;
    }

    public List<String> getTenants() {
        return tenants;
    }

    public void setTenants(List<String> tenants) {
        this.tenants = tenants;
    }

    public String getTenantQuery() {
        return tenantQuery;
    }

    public void setTenantQuery(String tenantQuery) {
        this.tenantQuery = tenantQuery;
    }

    public int getParallel() {
        return parallel;
    }

    public void setParallel(int parallel) {
        if (parallel < 1) {
            throw new IllegalArgumentException("migrate.parallel is " + parallel + "; give how many tenants may be"
                    + " migrated at once, 1 or more (e.g. migrate.parallel=4).");
        }
        this.parallel = parallel;
    }

    public boolean isFailFast() {
        return failFast;
    }

    public void setFailFast(boolean failFast) {
        this.failFast = failFast;
    }

    /*
     * Checked as Spring binds them: the start-up failure then names the property in the application's own
     * terms, with the file and line it came from (Spring Boot's bind failure analysis).
     */
    private static Duration notNegative(Duration timeout, String property) {
        if (timeout != null && timeout.isNegative()) {
            throw new IllegalArgumentException(property + " is negative (" + timeout.toMillis() + " ms); set it to zero"
                    + " or a positive duration (e.g. 30s), or leave it out for the default.");
        }
        return timeout;
    }
}
