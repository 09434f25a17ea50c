package dev.migrate.spring;

import dev.migrate.MigrationEvent;
import dev.migrate.MigrationListener;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/** migrate's progress lines in the application's log (category {@code dev.migrate}). */
final class MigrateLogListener implements MigrationListener {

    private static final Log LOG = LogFactory.getLog("dev.migrate");

    @Override
    public void on(MigrationEvent event) {
        if (event.isWarning()) {
            LOG.warn(event.describe());
        } else {
            LOG.info(event.describe());
        }
    }
}
