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

expect(log, ' declares a @Revision, but ' + new File(basedir, 'target/classes') + ' holds no revision index (not compiled'
        + ' yet, or after `mvn clean`). Run `mvn compile` first, e.g. `mvn compile migrate:upgrade`')
def up = new File(basedir, 'target/migrate/upgrade.sql').getText('UTF-8')
assert up.contains('CREATE TABLE app_user (id INT PRIMARY KEY, name VARCHAR(100) NOT NULL)')
assert up.contains('ALTER TABLE ticket ADD COLUMN priority INT')
assert up.indexOf('CREATE TABLE app_user') < up.indexOf('CREATE TABLE ticket')
// The script is in the log too, whole, right after its heading.
expect(log, '[INFO] Offline SQL of migrate:upgrade:')
assert log.substring(log.indexOf('Offline SQL of migrate:upgrade:')).contains('ALTER TABLE ticket ADD COLUMN priority INT')
expect(log, 'Wrote the offline SQL of migrate:upgrade to ')
expect(log, '(no database was touched).')

def down = new File(basedir, 'target/down.sql').getText('UTF-8')
assert down.contains('ALTER TABLE ticket DROP COLUMN priority')
assert down.contains('DROP TABLE ticket')
assert !down.contains('DROP TABLE app_user')

assert !new File(basedir, 'target/db').exists() : 'offline mode must not open the database'

def single = new File(basedir, 'target/single.sql').getText('UTF-8')
// From base the version table's creation comes first, in its own transaction; then the revisions share one.
assert single.count('BEGIN;') == 2 : single
assert single.count('COMMIT;') == 2 : single
assert single.lastIndexOf('BEGIN;') < single.indexOf('CREATE TABLE app_user') : single
assert single.lastIndexOf('COMMIT;') > single.lastIndexOf('ALTER TABLE ticket ADD COLUMN priority INT') : single
assert up.count('BEGIN;') > 1 : 'by default each revision has its own transaction'
