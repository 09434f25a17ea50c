import java.sql.Connection

Connection pg() {
    new org.postgresql.Driver().connect(System.getenv('MIGRATE_TEST_POSTGRES_URL'), new Properties())
}

String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('[INFO] migrate:upgrade over 50 tenants, 4 at once.')
assert log.contains('[INFO] 50 tenants: 49 upgraded, 0 already there, 1 failed, 0 not run, in ')
assert log =~ /\[ERROR\]   it_tenant_17  FAILED at 1975ea83b712: .*3a4f5c6d7e80/
assert log.contains('1 of 50 tenants failed: it_tenant_17. The other tenants are consistent;')
// current across tenants: who lags, and by how much
assert log.contains('[INFO]   it_tenant_17  at 1975ea83b712 (1 revision behind)')
assert log.contains('[INFO]   it_tenant_03  at 3a4f5c6d7e80 (head)')

def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/current.json'))
assert json.goal == 'current'
assert json.tenants.size() == 50
def lagging = json.tenants.find { it.tenant == 'it_tenant_17' }
assert lagging.current == ['1975ea83b712'] && lagging.behind == 1 && lagging.status == 'BEHIND'
assert json.tenants.count { it.behind == 0 } == 49

def db = pg()
try {
    (0..<50).each { i ->
        def schema = String.format('it_tenant_%02d', i)
        def rows = []
        def result = db.createStatement().executeQuery("SELECT version_num FROM ${schema}.migrate_version")
        while (result.next()) { rows << result.getString(1) }
        assert rows == (i == 17 ? ['1975ea83b712'] : ['3a4f5c6d7e80']) : schema
    }
    (0..<50).each { i ->
        db.createStatement().execute(String.format('DROP SCHEMA it_tenant_%02d CASCADE', i))
    }
} finally {
    db.close()
}
true
