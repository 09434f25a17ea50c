package dev.migrate.dialect;

import dev.migrate.MigrateException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ServiceLoader;

/** Finds the database behind a JDBC URL among the {@link DialectProvider}s registered as services. */
public final class Dialects {

    private Dialects() {
    }

    /** The dialect whose provider claims {@code jdbcUrl}; the error lists every supported prefix. */
    public static Dialect forUrl(String jdbcUrl) {
        return provider(jdbcUrl, "No dialect supports the URL '" + MaskedUrl.mask(jdbcUrl) + "'. ").create();
    }

    /**
     * {@link #forUrl(String)} for a URL the user set in {@code setting}, which the error names:
     * {@code migrate.url}, {@code migrate.tenants}, {@code <url> of database 'main'}.
     */
    public static Dialect forUrl(String jdbcUrl, String setting) {
        return provider(jdbcUrl, "No dialect supports the URL '" + MaskedUrl.mask(jdbcUrl) + "' (" + setting + "). ").create();
    }

    /** The schema reader for {@code jdbcUrl}; the error lists every supported prefix. */
    public static SchemaIntrospector introspectorForUrl(String jdbcUrl) {
        return provider(jdbcUrl, "Cannot read the schema of '" + MaskedUrl.mask(jdbcUrl) + "': ").introspector();
    }

    /** The dialect for {@code jdbcUrl}, or empty when no provider claims it (no error: the caller has a fallback). */
    public static Optional<Dialect> find(String jdbcUrl) {
        for (DialectProvider provider : providers()) {
            if (claims(provider, jdbcUrl)) {
                return Optional.of(provider.create());
            }
        }
        return Optional.empty();
    }

    /** The first registered database's example URL, for messages: {@code jdbc:postgresql://localhost:5432/app}. */
    public static String exampleUrl() {
        for (DialectProvider provider : providers()) {
            return provider.exampleUrl();
        }
        return "jdbc:<database>://host/name";
    }

    private static DialectProvider provider(String jdbcUrl, String failure) {
        List<String> prefixes = new ArrayList<>();
        List<String> examples = new ArrayList<>();
        for (DialectProvider provider : providers()) {
            if (claims(provider, jdbcUrl)) {
                return provider;
            }
            prefixes.addAll(provider.urlPrefixes());
            examples.add(provider.exampleUrl());
        }
        throw new MigrateException(failure + hint(jdbcUrl, prefixes) + "Supported URLs start with "
                + String.join(", ", prefixes) + ", for example " + orList(examples) + ".");
    }

    /** "a, b or c". */
    private static String orList(List<String> items) {
        if (items.size() < 2) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " or " + items.get(items.size() - 1);
    }

    private static boolean claims(DialectProvider provider, String jdbcUrl) {
        return jdbcUrl != null && provider.urlPrefixes().stream().anyMatch(jdbcUrl::startsWith);
    }

    private static Iterable<DialectProvider> providers() {
        return ServiceLoader.load(DialectProvider.class, Dialects.class.getClassLoader());
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
        for (String prefix : prefixes) {
            // "jdbc:h2" or "jdbc:postgresql//db/app": a supported database whose prefix lost its colon.
            String bare = prefix.substring(0, prefix.length() - 1);
            if (lower.startsWith(bare) && !lower.startsWith(prefix)
                    && (lower.length() == bare.length() || !Character.isLetterOrDigit(lower.charAt(bare.length())))) {
                return "The URL is incomplete: write " + prefix + " (with its colon) followed by the database. ";
            }
        }
        if (lower.startsWith("jdbc:postgres:") || lower.startsWith("jdbc:pgsql:") || lower.startsWith("jdbc:pg:")) {
            return "Did you mean jdbc:postgresql:? ";
        }
        int end = url.indexOf(':', 5);
        String vendor = end > 5 ? url.substring(0, end + 1) : url;
        return "migrate has no dialect for " + MaskedUrl.mask(vendor) + " databases. ";
    }
}
