import java.sql.Connection

Connection pg() {
    new org.postgresql.Driver().connect(System.getenv('MIGRATE_TEST_POSTGRES_URL'), new Properties())
}

List<String> versions(Connection db, String schema) {
    def rows = []
    def result = db.createStatement().executeQuery("SELECT version_num FROM ${schema}.migrate_version")
    while (result.next()) { rows << result.getString(1) }
    rows
}

String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('[INFO] == database main (')
assert log.contains('[INFO] == database analytics (')
assert log.contains('[INFO] Upgraded 3a4f5c6d7e80 create ticket (')
assert log.contains('[INFO] Upgraded b2c3d4e5f6a7 add resolved count (')
assert log.contains('[INFO] Downgraded b2c3d4e5f6a7 add resolved count (')
assert !log.contains('Downgraded 3a4f5c6d7e80')

// JSON nests each database's document under its name
def upgrade = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/upgrade.json'))
assert upgrade.goal == 'upgrade' && upgrade.databases.keySet() as List == ['main', 'analytics']
assert upgrade.databases.main.success && upgrade.databases.main.after == ['3a4f5c6d7e80']
assert upgrade.databases.analytics.goal == 'upgrade' && upgrade.databases.analytics.revisions*.id.contains('b2c3d4e5f6a7')
def current = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/current.json'))
assert current.databases.main.current*.id == ['3a4f5c6d7e80']
assert current.databases.analytics.current*.id == ['a1b2c3d4e5f6']

def db = pg()
try {
    assert versions(db, 'it_main') == ['3a4f5c6d7e80']
    assert versions(db, 'it_analytics') == ['a1b2c3d4e5f6']
    assert db.metaData.getTables(null, 'it_main', 'ticket', null).next()
    assert !db.metaData.getTables(null, 'it_main', 'daily_facts', null).next()
    assert db.metaData.getTables(null, 'it_analytics', 'daily_facts', null).next()
    assert !db.metaData.getColumns(null, 'it_analytics', 'daily_facts', 'resolved').next()
    ['it_main', 'it_analytics'].each { db.createStatement().execute("DROP SCHEMA ${it} CASCADE") }
} finally {
    db.close()
}
true
