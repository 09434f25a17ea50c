package dev.migrate.spring;

import dev.migrate.MigrateException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Start-up stopped by migrate: its one-line message as the description, and what to do. */
public class MigrateFailureAnalyzer extends AbstractFailureAnalyzer<MigrateException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MigrateException cause) {
        if (cause instanceof TenantsFailedException) {
            return new FailureAnalysis("migrate stopped the application's start-up: " + cause.getMessage(),
                    "Fix the cause named for each failed tenant and start again: the tenants already at the target are"
                            + " left as they are and only those behind are upgraded. mvn migrate:check"
                            + " -Dmigrate.tenants=... shows where each tenant stands; migrate.mode=none starts without"
                            + " migrating.", cause);
        }
        return new FailureAnalysis("migrate stopped the application's start-up: " + cause.getMessage(),
                "Fix what the message names (mvn migrate:check shows every finding), or set migrate.mode=none to"
                        + " start without migrating.", cause);
    }
}
