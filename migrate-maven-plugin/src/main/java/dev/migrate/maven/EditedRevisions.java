package dev.migrate.maven;

import dev.migrate.ChangedRevision;
import dev.migrate.MigrateException;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.maven.plugin.logging.Log;

/**
 * Applied revisions edited since they ran, seen by {@code upgrade} before it runs anything (Flyway
 * validates on migrate too): one warning per revision, or, with {@code migrate.validateOnUpgrade},
 * one failure naming them all while the database is still untouched.
 */
final class EditedRevisions {

    private EditedRevisions() {
    }

    static void check(List<ChangedRevision> changed, boolean failOnAny, Log log) {
        check(changed, failOnAny, log, "");
    }

    /**
     * {@link #check(List, boolean, Log)} for one tenant of a tenant run, on its worker: its warnings
     * name it, and a failure stops only this tenant (the run reports it with the tenant's name).
     */
    static void checkTenant(dev.migrate.tenant.Tenant tenant, List<ChangedRevision> changed, boolean failOnAny, Log log) {
        check(changed, failOnAny, log, "Tenant " + tenant.name() + ": ");
    }

    private static void check(List<ChangedRevision> changed, boolean failOnAny, Log log, String prefix) {
        if (changed.isEmpty()) {
            return;
        }
        if (failOnAny) {
            throw new MigrateException("migrate.validateOnUpgrade: " + changed.size()
                    + (changed.size() == 1 ? " applied revision was" : " applied revisions were")
                    + " edited since it ran here, so nothing was run: "
                    + changed.stream().map(EditedRevisions::named).collect(Collectors.joining(", "))
                    + ". Restore each as it was and put the change into a new revision (`mvn migrate:revision`).");
        }
        for (ChangedRevision revision : changed) {
            log.warn(prefix + warning(revision));
        }
    }

    /** One line per edited revision. */
    static String warning(ChangedRevision revision) {
        return "Revision " + named(revision) + " was edited after it was applied here on " + revision.appliedAt()
                + ": its SQL no longer matches the checksum recorded then, and upgrade does not run it again."
                + " Restore it and put the change into a new revision; -Dmigrate.validateOnUpgrade makes this an error.";
    }

    private static String named(ChangedRevision revision) {
        return revision.id() + " (" + revision.className() + ")";
    }
}
