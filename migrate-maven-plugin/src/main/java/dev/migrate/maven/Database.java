package dev.migrate.maven;

import dev.migrate.MigrateException;
import java.util.List;

/**
 * One entry of the plugin's {@code <databases>}: a database with a history of its own (the
 * revisions whose {@code @Revision(database = ...)} names it; the first entry also takes the
 * revisions that name none).
 *
 * <pre>{@code
 * <databases>
 *   <database><name>main</name><url>${env.MAIN_DB_URL}</url><serverId>main-db</serverId></database>
 *   <database><name>analytics</name><url>${env.ANALYTICS_DB_URL}</url><passwordEnv>ANALYTICS_PASSWORD</passwordEnv></database>
 * </databases>
 * }</pre>
 *
 * <p>Maven fills the fields; {@link #toString()} masks the URL, since {@code -X} prints it.
 */
public class Database {

    /** The name revisions use in {@code @Revision(database = ...)} and {@code -Dmigrate.database} selects. */
    String name;

    /** The JDBC URL. */
    JdbcUrl url;

    /** The database user, or none. */
    String user;

    /** A settings.xml {@code <server>} holding user and password, or none. */
    String serverId;

    /** The name of an environment variable holding the password (the variable's value is never printed). */
    String passwordEnv;

    /** The schema of migrate's tables; default: the goal's {@code migrate.schema}. */
    String schema;

    /** The version table; default: the goal's {@code migrate.versionTable}. */
    String versionTable;

    /** For Maven. */
    public Database() {
    }

    Database(String name, String url) {
        this.name = name;
        this.url = JdbcUrl.of(url);
    }

    /** Where this entry's URL is set, as messages name it: {@code <url> of database 'main'}. */
    String urlSetting() {
        return "<url> of database '" + name + "'";
    }

    /** Where this entry's user and password are set: its {@code <user>}, {@code <serverId>} and {@code <passwordEnv>}. */
    CredentialPlaces credentialPlaces() {
        return CredentialPlaces.entry(name, passwordEnv);
    }

    @Override
    public String toString() {
        return "Database[name=" + name + ", url=" + url + ", user=" + user + ", serverId=" + serverId + ", passwordEnv="
                + passwordEnv + ", schema=" + schema + ", versionTable=" + versionTable + "]";
    }

    /**
     * The configured databases a goal works on: all of them in order, or the one {@code wanted}
     * names; checks the entries and that every database a revision names is configured.
     *
     * @param configured the non-empty {@code <databases>}
     * @param url        {@code migrate.url}, which must not be set beside them
     * @param oneOnly    the goal writes a revision of one history and needs {@code wanted} when several are listed
     */
    static java.util.List<Database> select(java.util.List<Database> configured, JdbcUrl url, String wanted, boolean oneOnly,
            String goal, java.util.List<dev.migrate.graph.RevisionDescriptor> revisions) {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        for (Database entry : configured) {
            if (entry.name == null || entry.name.isBlank()) {
                throw new MigrateException("Every <database> in <databases> needs a <name> (what @Revision(database = ...)"
                        + " and -Dmigrate.database use); the one with url " + entry.url + " has none.");
            }
            if (entry.url == null) {
                throw new MigrateException("The <database> '" + entry.name.trim() + "' in <databases> has no <url> (or it"
                        + " names an environment variable or property that is not set); give its JDBC URL.");
            }
            entry.name = entry.name.trim();
            if (!names.add(entry.name)) {
                throw new MigrateException("<databases> lists '" + entry.name + "' twice; give each database one entry.");
            }
        }
        if (url != null) {
            throw new MigrateException("Both migrate.url (" + url + ") and <databases> are set. With several databases,"
                    + " give each its <url> in <databases> and select one with -Dmigrate.database=NAME.");
        }
        for (dev.migrate.graph.RevisionDescriptor revision : revisions) {
            if (!revision.database().isEmpty() && !names.contains(revision.database())) {
                throw new MigrateException("Revision '" + revision.id() + "' (" + revision.origin() + ") names database '"
                        + revision.database() + "', which <databases> does not list (" + String.join(", ", names)
                        + "). Add it to <databases>, or fix @Revision(database = ...).");
            }
        }
        if (wanted == null || wanted.isBlank()) {
            if (oneOnly && configured.size() > 1) {
                throw new MigrateException("migrate:" + goal + " writes a revision of one database's history; choose"
                        + " it with -Dmigrate.database=NAME (one of: " + String.join(", ", names) + ").");
            }
            return List.copyOf(configured);
        }
        return configured.stream().filter(d -> d.name.equals(wanted.trim())).findFirst().map(List::of)
                .orElseThrow(() -> new MigrateException("migrate.database is '" + wanted.trim() + "', which <databases>"
                        + " does not list. Choose one of: " + String.join(", ", names) + "."));
    }
}
