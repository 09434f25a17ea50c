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

expect(log, '[INFO] Stamped 3a4f: the version table said base and now says 3a4f5c6d7e80. No revision was run.')
expect(log, '[INFO] Stamped head (purged first): the version table said 3a4f5c6d7e80 and now says ae1027a6acf0. No revision was run.')

def db = h2(basedir)
try {
    assert versions(db) == ['ae1027a6acf0']
    assert !hasTable(db, 'app_user') : 'stamp must not run any revision'
    // Each stamp leaves an audit row: who moved the version table by hand, when, from what to what.
    def history = db.createStatement().executeQuery(
            'SELECT "revision", "direction", "success", "executed_by" FROM "migrate_history" ORDER BY "id"')
    def rows = []
    while (history.next()) { rows << [history.getString(1), history.getString(2), history.getBoolean(3), history.getString(4)] }
    assert rows == [['base -> 3a4f5c6d7e80', 'stamp', true, 'SA'], ['3a4f5c6d7e80 -> ae1027a6acf0', 'stamp', true, 'SA']]
} finally {
    db.close()
}
