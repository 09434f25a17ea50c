import java.sql.Connection

Connection admin() {
    new org.mariadb.jdbc.Driver().connect(System.getenv('MIGRATE_TEST_MARIADB_URL'), new Properties())
}

List<String> strings(Connection db, String sql) {
    def values = []
    def rows = db.createStatement().executeQuery(sql)
    while (rows.next()) { values << rows.getString(1) }
    values
}

String log = new File(basedir, 'build.log').getText('UTF-8')
// 1: every tenant tried; the two that failed each named with the revision they stopped at and their reason.
assert log.contains('[INFO] migrate:upgrade over 4 tenants, 2 at once.')
assert log.contains('[INFO] 4 tenants: 2 upgraded, 0 already there, 2 failed, 0 not run, in ')
['migrate_it_mt_2', 'migrate_it_mt_4'].each { tenant ->
    assert log =~ /\[ERROR\]   ${tenant}  FAILED at 51c0a2e7b913: Revision '7d2e94f0a6b1' \(it.db.CreateTickets\) failed during upgrade: .*Table 'ticket' already exists/
}
assert log =~ /\[INFO\]   migrate_it_mt_1  applied 2 revisions, now at 7d2e94f0a6b1/
assert log =~ /\[INFO\]   migrate_it_mt_3  applied 2 revisions, now at 7d2e94f0a6b1/
assert log.contains("mariadb commits DDL implicitly, so the revision's first 1 statement(s) took effect")
assert log.contains('2 of 4 tenants failed: migrate_it_mt_2, migrate_it_mt_4 (each listed above with its reason).')
assert !log.contains('\tat dev.migrate.')
assert !log.contains('[WARNING] Error: ')
// 3: the re-run after the fix finishes the two failed tenants only (each resuming after its first statement:
// the history shows one failed and one successful attempt, and ticket_tag was not created twice).
assert log.contains('[INFO] 4 tenants: 2 upgraded, 2 already there, 0 failed, 0 not run, in ')
assert log =~ /\[INFO\]   migrate_it_mt_2  applied 1 revision, now at 7d2e94f0a6b1/
def upgrade = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/upgrade.json'))
assert upgrade.success
assert upgrade.tenants*.status == ['UNCHANGED', 'APPLIED', 'UNCHANGED', 'APPLIED']
assert upgrade.tenants.findAll { it.status == 'APPLIED' }.every { it.before == ['51c0a2e7b913'] && it.revisions*.id == ['7d2e94f0a6b1'] }

def db = admin()
try {
    (1..4).each { i ->
        assert strings(db, "SELECT version_num FROM migrate_it_mt_${i}.migrate_version") == ['7d2e94f0a6b1']
        assert strings(db, "SELECT revision FROM migrate_it_mt_${i}.migrate_progress") == []
    }
    assert strings(db, "SELECT CONCAT(revision, ' ', success) FROM migrate_it_mt_2.migrate_history ORDER BY id") ==
            ['51c0a2e7b913 1', '7d2e94f0a6b1 0', '7d2e94f0a6b1 1']
} finally {
    (1..4).each { i -> db.createStatement().execute("DROP DATABASE IF EXISTS migrate_it_mt_${i}") }
    db.close()
}
true
