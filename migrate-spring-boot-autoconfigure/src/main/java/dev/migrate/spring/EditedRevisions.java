package dev.migrate.spring;

import dev.migrate.ChangedRevision;
import dev.migrate.MigrateException;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Applied revisions edited since they ran (their SQL no longer matches the checksum recorded then),
 * as start-up sees them before it runs anything, the way Flyway's Boot integration validates on
 * migrate: with {@code migrate.validate-on-upgrade} (the default) one failure naming them all while
 * the database is still untouched, else one warning per revision. The words follow the Maven
 * plugin's {@code migrate:upgrade}, with Boot's property names.
 */
final class EditedRevisions {

    private static final Log LOG = LogFactory.getLog("dev.migrate");

    private static final String PROPERTY = "migrate.validate-on-upgrade";

    private EditedRevisions() {
    }

    /** Upgrade of the data source's schema: fail naming every edited revision, or warn once for each. */
    static void check(List<ChangedRevision> changed, boolean failOnAny) {
        check(changed, failOnAny, "");
    }

    /**
     * {@link #check(List, boolean)} for one tenant, on its worker: its warnings name it, and a failure
     * stops only this tenant (the tenant run reports it under the tenant's name).
     */
    static void checkTenant(dev.migrate.tenant.Tenant tenant, List<ChangedRevision> changed, boolean failOnAny) {
        check(changed, failOnAny, "Tenant " + tenant.name() + ": ");
    }

    private static void check(List<ChangedRevision> changed, boolean failOnAny, String prefix) {
        if (changed.isEmpty()) {
            return;
        }
        if (failOnAny) {
            throw new MigrateException(PROPERTY + ": " + edited(changed) + ", so nothing was run. Restore each as it was"
                    + " and put the change into a new revision (`mvn migrate:revision`); " + PROPERTY
                    + "=false starts with a warning instead.");
        }
        for (ChangedRevision revision : changed) {
            LOG.warn(prefix + warning(revision));
        }
    }

    /**
     * {@code migrate.mode=validate}: an edited applied revision always fails validation (as Flyway's
     * validate fails on a checksum mismatch), whatever {@code migrate.validate-on-upgrade} says.
     */
    static void requireNone(List<ChangedRevision> changed) {
        if (!changed.isEmpty()) {
            throw new MigrateException("migrate.mode=validate: " + edited(changed) + ". Restore each as it was and put the"
                    + " change into a new revision (`mvn migrate:revision`).");
        }
    }

    /** "2 applied revisions were edited since they ran here: b1 (app.Rev_b1), b2 (app.Rev_b2)". */
    private static String edited(List<ChangedRevision> changed) {
        return changed.size() + (changed.size() == 1 ? " applied revision was edited since it ran here: "
                : " applied revisions were edited since they ran here: ")
                + changed.stream().map(EditedRevisions::named).collect(Collectors.joining(", "));
    }

    /** One line per edited revision. */
    static String warning(ChangedRevision revision) {
        return "Revision " + named(revision) + " was edited after it was applied here on " + revision.appliedAt()
                + ": its SQL no longer matches the checksum recorded then, and upgrade does not run it again."
                + " Restore it and put the change into a new revision; " + PROPERTY + "=true makes this an error.";
    }

    private static String named(ChangedRevision revision) {
        return revision.id() + " (" + revision.className() + ")";
    }
}
