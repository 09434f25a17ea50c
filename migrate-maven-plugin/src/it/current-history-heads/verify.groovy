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

expect(log, '[INFO] Current revision of jdbc:h2:')
expect(log, '/target/db/it: 3a4f5c6d7e80, create ticket')
expect(log, '[INFO] 3a4f5c6d7e80 -> ae1027a6acf0 (head), add ticket priority')
expect(log, '[INFO] 1975ea83b712 -> 3a4f5c6d7e80 (current), create ticket')
expect(log, '[INFO] <base> -> 1975ea83b712, create app_user')
expect(log, '[INFO] No branch points: the revisions form a single line.')
expect(log, '[INFO] Revision ID: 3a4f5c6d7e80\n')
expect(log, '[INFO] Revises: 1975ea83b712')
expect(log, '[INFO] Children: ae1027a6acf0')
expect(log, '[INFO] Class: it.db.CreateTicket')
expect(log, '[INFO] Message: create ticket')

def json = new JsonSlurper()
def current = json.parse(new File(basedir, 'target/current.json'))
assert current.goal == 'current'
assert current.current*.id == ['3a4f5c6d7e80']
assert current.current[0].known && !current.current[0].head && current.current[0].className == 'it.db.CreateTicket'

def history = json.parse(new File(basedir, 'target/history.json'))
assert history.range == 'base:heads'
assert history.revisions*.id == ['ae1027a6acf0', '3a4f5c6d7e80', '1975ea83b712']
assert history.revisions*.current == [false, true, false]

def heads = json.parse(new File(basedir, 'target/heads.json'))
assert heads.heads*.id == ['ae1027a6acf0'] && heads.heads[0].revises == ['3a4f5c6d7e80']

def show = json.parse(new File(basedir, 'target/show.json'))
assert show.revision.id == '3a4f5c6d7e80' && show.revision.children == ['ae1027a6acf0'] && show.revision.message == 'create ticket'
