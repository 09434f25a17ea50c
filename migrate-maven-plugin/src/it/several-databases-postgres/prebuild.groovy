import java.sql.Connection

Connection pg() {
    new org.postgresql.Driver().connect(System.getenv('MIGRATE_TEST_POSTGRES_URL'), new Properties())
}

def db = pg()
try {
    ['it_main', 'it_analytics'].each { schema ->
        db.createStatement().execute("DROP SCHEMA IF EXISTS ${schema} CASCADE")
        db.createStatement().execute("CREATE SCHEMA ${schema}")
    }
} finally {
    db.close()
}
true
