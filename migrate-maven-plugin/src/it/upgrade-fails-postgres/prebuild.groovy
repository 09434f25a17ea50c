import groovy.json.JsonSlurper
import java.sql.Connection

// Only runs when CI provides PostgreSQL (selector.groovy); the URL carries the user.
Connection pg() {
    new org.postgresql.Driver().connect(System.getenv('MIGRATE_TEST_POSTGRES_URL') , new Properties())
}

def db = pg()
try {
    db.createStatement().execute('DROP SCHEMA IF EXISTS migrate_it_fail CASCADE')
    db.createStatement().execute('CREATE SCHEMA migrate_it_fail')
} finally {
    db.close()
}
true
