package dev.migrate.spring;

import dev.migrate.Migrator;

/**
 * What happens at start-up, when the default (upgrade, or validate, as {@code migrate.mode} says)
 * is not what an application wants: declare a bean of this type, e.g. to stamp a database that an
 * older tool created, or to upgrade only on one instance. It replaces the tenant run of
 * {@code migrate.tenants} too: a strategy for tenants calls {@link Migrator#upgradeTenants} itself.
 */
@FunctionalInterface
public interface MigrateStrategy {

    /** Migrates (or checks) the application's database; a {@link dev.migrate.MigrateException} stops start-up. */
    void migrate(Migrator migrator);
}
