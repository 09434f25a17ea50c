import java.sql.Connection

// Reads the test's H2 file database directly, with the driver the plugin ships.
Connection h2(File basedir) {
    def properties = new Properties()
    properties.setProperty('user', 'sa')
    properties.setProperty('password', '')
    new org.h2.Driver().connect("jdbc:h2:${basedir}/db/it;IFEXISTS=TRUE", properties)
}

List<String> versions(Connection db) {
    def rows = []
    def result = db.createStatement().executeQuery('SELECT "version_num" FROM "migrate_version" ORDER BY 1')
    while (result.next()) { rows << result.getString(1) }
    rows
}

String log = new File(basedir, 'build.log').getText('UTF-8')
void expect(String log, String text) {
    assert log.contains(text) : "build.log lacks: " + text
}

// Alembic 1.8.1 on this graph: "downgrade -1 from multiple heads is ambiguous; this usage will be
// disallowed in a future release", then "Running downgrade ae1027a6acf0 -> 3a4f5c6d7e80".
expect(log, '[WARNING] Downgrade -1 from several heads (ae1027a6acf0, c0ffee000001) is ambiguous: it counts down'
        + ' from ae1027a6acf0, the first row of the version table. Name the branch to be sure: ae1027a6acf0@-1 or'
        + ' c0ffee000001@-1 (Alembic warns the same and will refuse this in a future release).')
expect(log, '[INFO] Downgraded ae1027a6acf0 add ticket priority (')

// Alembic: "Can't locate revision identified by 'ae1027a6acf0'" from current, upgrade, downgrade and stamp.
String unknown = "The version table contains 'ae1027a6acf0', which is not a known revision. The database was upgraded" +
        " by newer code or the revision was deleted: build the project that contains it, or rewrite the table with" +
        " stamp (migrate.purge=true) if that revision was deleted."
assert log.count('[ERROR] Failed to execute goal') == 5 : 'current, upgrade, downgrade, stamp and current over tenants fail'
assert log.count(unknown) >= 4 : 'each failure names the unknown revision'
// current lists what it knows before it fails.
expect(log, ': c0ffee000001 (head), create audit')
expect(log, "[WARNING] The version table contains ae1027a6acf0, which the code does not know (the database was" +
        " upgraded by newer code, or the revision was deleted), so the history below does not show it.")
expect(log, '[INFO] 1975ea83b712 -> 3a4f5c6d7e80 (head), create ticket')
expect(log, '[INFO] 1975ea83b712 -> c0ffee000001 (head) (current), create audit')
expect(log, "Stamped heads (purged first): the version table said ae1027a6acf0, c0ffee000001 and now says" +
        " 3a4f5c6d7e80, c0ffee000001.")
expect(log, '[INFO]   PUBLIC  at ae1027a6acf0, c0ffee000001 (ae1027a6acf0: a revision the code does not know)')
expect(log, '[INFO] 1 tenant: 0 at head, 0 behind, 1 at unknown revisions, 0 unreadable, in ')
expect(log, '1 tenant is at a revision the code does not know: PUBLIC (ae1027a6acf0). Its database was upgraded by' +
        ' newer code or the revision was deleted: build the project that contains it, or stamp each such tenant on its' +
        ' own (its schema in migrate.schema, or its URL) with migrate.purge=true.')
assert !log.contains('at dev.migrate.') : 'a user error must not print a stack trace without -e'

def db = h2(basedir)
try {
    assert versions(db) == ['3a4f5c6d7e80', 'c0ffee000001']
} finally {
    db.close()
}
