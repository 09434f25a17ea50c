import java.sql.Connection

def holder = System.getProperties().remove('migrate.it.lockHolder')
holder?.close()

String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('[INFO] Waiting for another migrate run to release the lock on "lock_it_version" (up to 2 s, migrate.lockTimeout)')
assert log.contains('[INFO] BUILD FAILURE')
assert log.contains('Gave up after waiting 2000 ms for the migrate lock on "lock_it_version": another migrate run on this'
        + " database holds it (held by session pid ")
assert log.contains(" (application 'it-lock-holder', client ")
assert log.contains('This run changed nothing. Let that run finish, or raise migrate.lockTimeout (for example -Dmigrate.lockTimeout=5m).')
assert !log.contains('[INFO] Upgraded ')
// No Java stack trace without -e (in our goal's output: Maven's own download warnings may carry one).
String goalOutput = log.substring(log.indexOf('--- migrate-maven-plugin:'))
assert !goalOutput.readLines().any { it.trim().startsWith('at ') || it.startsWith('Caused by') || it.contains('Exception:') }

// Nothing was created: migrate's tables come after the lock.
Connection db = new org.postgresql.Driver().connect(System.getenv('MIGRATE_TEST_POSTGRES_URL'), new Properties())
try {
    assert !db.metaData.getTables(null, 'migrate_it_lock', 'lock_it_version', null).next()
    assert !db.metaData.getTables(null, 'migrate_it_lock', 'account', null).next()
} finally {
    db.close()
}
