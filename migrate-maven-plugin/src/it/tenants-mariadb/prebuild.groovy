import java.sql.Connection

// Only runs when CI provides MariaDB (selector.groovy); the URL carries the user.
Connection admin() {
    new org.mariadb.jdbc.Driver().connect(System.getenv('MIGRATE_TEST_MARIADB_URL'), new Properties())
}

def db = admin()
try {
    (1..4).each { i ->
        db.createStatement().execute("DROP DATABASE IF EXISTS migrate_it_mt_${i}")
        db.createStatement().execute("CREATE DATABASE migrate_it_mt_${i}")
    }
    // The second revision's second statement (create ticket) fails in these tenants only.
    db.createStatement().execute('CREATE TABLE migrate_it_mt_2.ticket (id INT)')
    db.createStatement().execute('CREATE TABLE migrate_it_mt_4.ticket (id INT)')
} finally {
    db.close()
}
true
