import groovy.json.JsonSlurper
import java.sql.Connection

// Reads the test's H2 file database directly, with the driver the plugin ships.
Connection h2(File basedir, String password = '') {
    def properties = new Properties()
    properties.setProperty('user', 'sa')
    properties.setProperty('password', password)
    new org.h2.Driver().connect("jdbc:h2:${basedir}/target/db/it;IFEXISTS=TRUE", properties)
}

// The dialect quotes identifiers, so the version table's name keeps its case; find it as it is.
List<String> versions(Connection db) {
    def tables = db.metaData.getTables(null, null, '%', null)
    String table = null
    while (tables.next()) {
        if (tables.getString('TABLE_NAME').equalsIgnoreCase('migrate_version')) { table = tables.getString('TABLE_NAME') }
    }
    assert table != null : 'no migrate_version table'
    String column = table == 'migrate_version' ? '"version_num"' : 'version_num'
    def rows = []
    def result = db.createStatement().executeQuery("SELECT ${column} FROM \"${table}\" ORDER BY 1")
    while (result.next()) { rows << result.getString(1) }
    rows
}

boolean hasColumn(Connection db, String table, String column) {
    db.metaData.getColumns(null, null, table.toUpperCase(), column.toUpperCase()).next()
}

boolean hasTable(Connection db, String table) {
    db.metaData.getTables(null, null, table.toUpperCase(), null).next()
}

String log = new File(basedir, 'build.log').getText('UTF-8')
void expect(String log, String text) {
    assert log.contains(text) : "build.log lacks: " + text
}

expect(log, '[INFO] Upgraded 1975ea83b712 create app_user (')
expect(log, '[INFO] Upgraded 3a4f5c6d7e80 create ticket (')
expect(log, '[INFO] Upgraded ae1027a6acf0 add ticket priority (')
assert log =~ /\[INFO\] Upgrade to head: 3 revisions in \d+ ms; the database is now at ae1027a6acf0\./
expect(log, '[INFO] Nothing to upgrade: the database is already at head (ae1027a6acf0).')

def db = h2(basedir)
try {
    assert versions(db) == ['ae1027a6acf0']
    assert hasColumn(db, 'ticket', 'priority')
    // The installed jars' manifests carry the version (Implementation-Version), not the 'development' fallback.
    def recorded = db.createStatement().executeQuery('SELECT DISTINCT "migrate_version" FROM "migrate_history"')
    def recordedVersions = []
    while (recorded.next()) { recordedVersions << recorded.getString(1) }
    assert recordedVersions == [migrateVersion] : 'migrate_history.migrate_version is ' + recordedVersions
} finally {
    db.close()
}
