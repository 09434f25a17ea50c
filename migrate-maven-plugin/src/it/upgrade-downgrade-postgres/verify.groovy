import groovy.json.JsonSlurper
import java.sql.Connection

// Only runs when CI provides PostgreSQL (selector.groovy); the URL carries the user.
Connection pg() {
    new org.postgresql.Driver().connect(System.getenv('MIGRATE_TEST_POSTGRES_URL') + '&currentSchema=migrate_it_pg', new Properties())
}

String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('[INFO] Upgraded ae1027a6acf0 add ticket priority (')
assert log.contains('[INFO] Downgraded ae1027a6acf0 add ticket priority (')

def db = pg()
try {
    def rows = []
    def result = db.createStatement().executeQuery('SELECT version_num FROM migrate_it_pg.migrate_version')
    while (result.next()) { rows << result.getString(1) }
    assert rows == ['3a4f5c6d7e80']
    assert db.metaData.getTables(null, 'migrate_it_pg', 'ticket', null).next()
    assert !db.metaData.getColumns(null, 'migrate_it_pg', 'ticket', 'priority').next()
} finally {
    db.close()
}
