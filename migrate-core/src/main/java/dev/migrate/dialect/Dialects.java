package dev.migrate.dialect;

import dev.migrate.MigrateException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
        throw new MigrateException("No dialect supports the URL '" + MaskedUrl.mask(jdbcUrl) + "' (migrate.url). "
                + hint(jdbcUrl, prefixes) + "Supported URLs start with " + String.join(", ", prefixes)
                + ", for example jdbc:postgresql://localhost:5432/app or jdbc:h2:./target/app.");
    }

    /** Why the URL is not taken, when a common slip explains it. */
    private static String hint(String jdbcUrl, List<String> prefixes) {
        String url = jdbcUrl == null ? "" : jdbcUrl.trim();
        if (!url.regionMatches(true, 0, "jdbc:", 0, 5)) {
            return "A JDBC URL starts with 'jdbc:'. ";
        }
        String lower = url.toLowerCase(Locale.ROOT);
        for (String prefix : prefixes) {
            if (lower.startsWith(prefix) && !url.startsWith(prefix)) {
                return "Write the prefix " + prefix + " in lower case. ";
            }
        }
        if (lower.startsWith("jdbc:postgres:") || lower.startsWith("jdbc:pgsql:") || lower.startsWith("jdbc:pg:")) {
            return "Did you mean jdbc:postgresql:? ";
        }
        int end = url.indexOf(':', 5);
        String vendor = end > 5 ? url.substring(0, end + 1) : url;
        return "migrate has no dialect for " + MaskedUrl.mask(vendor) + " databases. ";
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
