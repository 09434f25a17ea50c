package dev.migrate.dialect;

import dev.migrate.MigrateException;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Finds the dialect for a JDBC URL. */
public final class Dialects {

    private Dialects() {
    }

    /** The dialect whose provider claims {@code jdbcUrl}; the error lists every supported prefix. */
    public static Dialect forUrl(String jdbcUrl) {
        List<String> prefixes = new ArrayList<>();
        for (DialectProvider provider : ServiceLoader.load(DialectProvider.class, Dialects.class.getClassLoader())) {
            if (jdbcUrl != null && jdbcUrl.startsWith(provider.urlPrefix())) {
                return provider.create();
            }
            prefixes.add(provider.urlPrefix());
        }
        throw new MigrateException("No dialect supports the URL '" + MaskedUrl.mask(jdbcUrl) + "'. Supported URLs start with "
                + String.join(", ", prefixes) + ". Set migrate.url to one of those.");
    }

    /** PostgreSQL's provider. */
    public static final class PostgresProvider implements DialectProvider {
        @Override
        public String urlPrefix() {
            return "jdbc:postgresql:";
        }

        @Override
        public Dialect create() {
            return new PostgresDialect();
        }
    }

    /** H2's provider. */
    public static final class H2Provider implements DialectProvider {
        @Override
        public String urlPrefix() {
            return "jdbc:h2:";
        }

        @Override
        public Dialect create() {
            return new H2Dialect();
        }
    }
}
