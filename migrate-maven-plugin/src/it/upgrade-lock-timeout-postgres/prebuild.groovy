import java.nio.ByteBuffer
import java.security.MessageDigest
import java.sql.Connection

// Only runs when CI provides PostgreSQL (selector.groovy); the URL carries the user.
Connection pg() {
    new org.postgresql.Driver().connect(System.getenv('MIGRATE_TEST_POSTGRES_URL'), new Properties())
}

def db = pg()
try {
    db.createStatement().execute('DROP SCHEMA IF EXISTS migrate_it_lock CASCADE')
    db.createStatement().execute('CREATE SCHEMA migrate_it_lock')
} finally {
    db.close()
}

// Someone else holds the run lock of "lock_it_version" (its key is pinned: SHA-256 of the qualified
// name, first 8 bytes) for the whole build; verify.groovy lets go of it.
byte[] digest = MessageDigest.getInstance('SHA-256').digest('migrate:"lock_it_version"'.getBytes('UTF-8'))
long key = ByteBuffer.wrap(digest, 0, 8).getLong()
def holder = pg()
holder.createStatement().execute("SET application_name = 'it-lock-holder'")
def lock = holder.prepareStatement('SELECT pg_advisory_lock(?)')
lock.setLong(1, key)
lock.executeQuery().close()
System.getProperties().put('migrate.it.lockHolder', holder)
true
