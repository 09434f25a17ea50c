import java.sql.Connection

// Only runs when CI provides PostgreSQL (selector.groovy); the URL carries the user.
Connection pg() {
    new org.postgresql.Driver().connect(System.getenv('MIGRATE_TEST_POSTGRES_URL') + '&currentSchema=migrate_it_fail', new Properties())
}

String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('[INFO] Upgraded 0a1b2c3d4e5f create account (')
assert log.contains('[INFO] BUILD FAILURE')
// Revision, statement, the database's message and SQLState, and where the database stands.
assert log.contains("[ERROR] Failed to execute goal dev.migrate:migrate-maven-plugin:") 
assert log.contains("Revision '9f8e7d6c5b4a' (it.db.BrokenBackfill) failed during upgrade: ERROR: relation \"no_such_table\" does not exist")
assert log.contains('[ERROR]   statement: INSERT INTO no_such_table (id) SELECT id FROM account')
assert log.contains('[ERROR]   SQLState: 42P01, vendor code: 0')
assert log.contains("[ERROR] The revision's transaction was rolled back; earlier revisions stay applied and the version table is at 0a1b2c3d4e5f. Fix the revision and run upgrade again.")
// No Java stack trace without -e (in our goal's output: Maven's own download warnings may carry one).
String goalOutput = log.substring(log.indexOf('--- migrate-maven-plugin:'))
assert !goalOutput.readLines().any { it.trim().startsWith('at ') || it.startsWith('Caused by') || it.contains('Exception:') }

def db = pg()
try {
    def strings = { String sql ->
        def rows = []
        def result = db.createStatement().executeQuery(sql)
        while (result.next()) { rows << result.getString(1) }
        rows
    }
    assert strings('SELECT version_num FROM migrate_version') == ['0a1b2c3d4e5f']
    assert strings("SELECT revision || ':' || success FROM migrate_history ORDER BY started") ==
            ['0a1b2c3d4e5f:true', '9f8e7d6c5b4a:false']
    // Transactional DDL: nothing of the failed revision remains.
    assert !db.metaData.getTables(null, 'migrate_it_fail', 'audit', null).next()
    assert strings('SELECT COUNT(*) FROM account') == ['0']
} finally {
    db.close()
}
