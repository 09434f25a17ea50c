import java.sql.Connection

Connection pg() {
    new org.postgresql.Driver().connect(System.getenv('MIGRATE_TEST_POSTGRES_URL'), new Properties())
}

def db = pg()
try {
    (0..<50).each { i ->
        def schema = String.format('it_tenant_%02d', i)
        db.createStatement().execute("DROP SCHEMA IF EXISTS ${schema} CASCADE")
        db.createStatement().execute("CREATE SCHEMA ${schema}")
    }
    // The second revision (create ticket) fails in this tenant only.
    db.createStatement().execute('CREATE TABLE it_tenant_17.ticket (id INT)')
} finally {
    db.close()
}
true
