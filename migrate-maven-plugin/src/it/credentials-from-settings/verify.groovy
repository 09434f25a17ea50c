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

expect(log, '[INFO] Upgraded ae1027a6acf0 add ticket priority (')
expect(log, 'The database password is set in more than one place: the settings.xml <server> \'it-db\''
        + ' (migrate.serverId) and the migrate.password property. Keep exactly one;')
expect(log, "migrate.serverId is 'no-such-server' but settings.xml has no <server> with that <id>. Add <server><id>no-such-server</id>")
expect(log, '(f) serverId = it-db')
assert !log.contains('it-server-Secret-42') : 'the password must never be logged, -X included'

// The database was created with the server's credentials, so only they open it.
def db = h2(basedir, 'it-server-Secret-42')
try {
    assert versions(db) == ['ae1027a6acf0']
} finally {
    db.close()
}
