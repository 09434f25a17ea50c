package dev.migrate.maven;

import java.io.File;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The goals that report what there is ({@code current}, {@code history}, {@code heads},
 * {@code branches}, {@code show}): each can also write its result as JSON.
 */
public abstract class AbstractQueryMojo extends AbstractMigrateMojo {

    /**
     * Also write the result as JSON to this file (schema in JSON.md). Default: none.
     * Example: {@code -Dmigrate.outputFile=target/heads.json}.
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
