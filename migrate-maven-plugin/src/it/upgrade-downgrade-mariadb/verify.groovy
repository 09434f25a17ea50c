import java.sql.Connection

Connection db() {
    new org.mariadb.jdbc.Driver().connect('jdbc:mariadb://127.0.0.1:3306/migrate_it_maria?user=root', new Properties())
}

List<String> strings(Connection db, String sql) {
    def values = []
    def rows = db.createStatement().executeQuery(sql)
    while (rows.next()) { values << rows.getString(1) }
    values
}

String log = new File(basedir, 'build.log').getText('UTF-8')
// 1: the failure says which statements stayed and how to go on; the version table claims nothing it did not finish.
assert log.contains("mariadb commits DDL implicitly, so the revision's first 2 statement(s) took effect")
assert log.contains('  not applied: 3. ALTER TABLE tikcet ADD COLUMN priority INT (failed)')
assert log.contains('resumes at statement 3.')
assert !log.contains('\tat dev.migrate.')
// MariaDB Connector/J logs each server error as a warning; migrate expects some (its tables on the first run)
// and reports the failing statement itself, so neither comes twice.
assert !log.contains('[WARNING] Error: ')
// 2: resumed at the third statement, the first two not run again.
assert log.contains("7d2e94f0a6b1: resuming after its first 2 step(s)")
assert log.contains('[INFO] Upgraded 7d2e94f0a6b1 create tickets (')
// 3: one step down.
assert log.contains('[INFO] Downgraded 7d2e94f0a6b1 create tickets (')
// 4: current names the database and where it is.
assert log.contains('[INFO] Current revision of jdbc:mariadb://127.0.0.1:3306/migrate_it_maria?user=root: 51c0a2e7b913, create app_user')

def db = db()
try {
    assert strings(db, 'SELECT version_num FROM migrate_version') == ['51c0a2e7b913']
    def tables = strings(db, "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() ORDER BY 1")
    assert tables.contains('app_user')
    assert !tables.contains('ticket') && !tables.contains('ticket_tag')
    assert strings(db, 'SELECT revision FROM migrate_progress') == []
    // history: app_user up, the failed attempt, the resumed success, the downgrade
    assert strings(db, "SELECT CONCAT(revision, ' ', direction, ' ', success) FROM migrate_history ORDER BY id") ==
            ['51c0a2e7b913 up 1', '7d2e94f0a6b1 up 0', '7d2e94f0a6b1 up 1', '7d2e94f0a6b1 down 1']
} finally {
    db.close()
    def admin = new org.mariadb.jdbc.Driver().connect(System.getenv('MIGRATE_TEST_MARIADB_URL'), new Properties())
    try { admin.createStatement().execute('DROP DATABASE IF EXISTS migrate_it_maria') } finally { admin.close() }
}
true
