import java.sql.Connection

// Only runs when CI provides MariaDB (selector.groovy); the URL carries the user.
Connection admin() {
    new org.mariadb.jdbc.Driver().connect(System.getenv('MIGRATE_TEST_MARIADB_URL'), new Properties())
}

def db = admin()
try {
    db.createStatement().execute('DROP DATABASE IF EXISTS migrate_it_maria')
    db.createStatement().execute('CREATE DATABASE migrate_it_maria')
} finally {
    db.close()
}
true
