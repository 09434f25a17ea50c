package dev.migrate.maven;

import java.io.File;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The goals that change the version table ({@code upgrade}, {@code downgrade}, {@code stamp}):
 * online they run and report what ran; with {@code migrate.sql} they write the SQL script instead.
 */
public abstract class AbstractRunMojo extends AbstractMigrateMojo {

    /**
     * Offline mode: write the SQL script to {@code target/migrate/<goal>.sql} (or {@code migrate.outputFile})
     * and log it, without opening a connection; {@code downgrade} needs a range target {@code from:to}.
     * Default {@code false}. Examples: {@code -Dmigrate.sql}, {@code -Dmigrate.sql -Dmigrate.target=ae1027a6acf0:base}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "migrate.sql", defaultValue = "false")
    protected boolean sql;

    /**
     * With {@code migrate.sql}: the file the script is written to. Default {@code target/migrate/<goal>.sql}
     * ({@code upgrade.sql}, {@code downgrade.sql}, {@code stamp.sql}). Online: the run's result as JSON
     * (revisions run, durations, version table before and after, the failure), written on failure too.
     * Example: {@code -Dmigrate.outputFile=release/upgrade.sql}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "migrate.outputFile")
    protected File outputFile;

    @Override
    protected File outputFile() {
        return outputFile;
    }

}
