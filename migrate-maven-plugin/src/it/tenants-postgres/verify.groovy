import java.sql.Connection

Connection pg() {
    new org.postgresql.Driver().connect(System.getenv('MIGRATE_TEST_POSTGRES_URL'), new Properties())
}

String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('[INFO] migrate:upgrade over 50 tenants, 4 at once.')
assert log.contains('[INFO] 50 tenants: 49 upgraded, 0 already there, 1 failed, 0 not run, in ')
assert log =~ /\[ERROR\]   it_tenant_17  FAILED at 1975ea83b712: .*3a4f5c6d7e80/
assert log.contains('1 of 50 tenants failed: it_tenant_17: ')
assert log.contains(' The other tenants are consistent; fix the cause and run the goal again')
// current across tenants: who lags, and by how much
assert log.contains('[INFO]   it_tenant_17  at 1975ea83b712 (1 revision behind)')
assert log.contains('[INFO]   it_tenant_03  at 3a4f5c6d7e80 (head)')

def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/current.json'))
assert json.goal == 'current'
assert json.tenants.size() == 50
def lagging = json.tenants.find { it.tenant == 'it_tenant_17' }
assert lagging.current == ['1975ea83b712'] && lagging.behind == 1 && lagging.status == 'BEHIND'
assert json.tenants.count { it.behind == 0 } == 49

// check over tenants: a table, the lagging tenant as an error, then one failure
assert log =~ /\[INFO\]   tenant\s+state\s+current\s+pending/
assert log =~ /\[ERROR\]   it_tenant_17\s+BEHIND\s+1975ea83b712\s+1 pending: 3a4f5c6d7e80/
assert log =~ /\[INFO\]   it_tenant_03\s+AT_HEAD\s+3a4f5c6d7e80\s+-/
assert log.contains('[INFO] 50 tenants: 49 at head, 1 behind, 0 at unknown revisions, 0 unreadable, in ')
assert log.contains('migrate:check found 1 of 50 tenants not at head: it_tenant_17 (behind) (listed above).')
def check = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/check.json'))
assert check.goal == 'check' && !check.passed && check.findings == []
def behindTenant = check.tenants.find { it.tenant == 'it_tenant_17' }
assert behindTenant.status == 'BEHIND' && behindTenant.pending == ['3a4f5c6d7e80'] && behindTenant.behind == 1
assert check.tenants.count { it.status == 'AT_HEAD' } == 49

// the re-run after the fix touches only the failed tenant
assert log.contains('[INFO] 50 tenants: 1 upgraded, 49 already there, 0 failed, 0 not run, in ')
def upgrade = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/upgrade.json'))
assert upgrade.goal == 'upgrade' && upgrade.target == 'head' && upgrade.success
assert upgrade.tenants.count { it.status == 'UNCHANGED' } == 49
def fixed = upgrade.tenants.find { it.tenant == 'it_tenant_17' }
assert fixed.status == 'APPLIED' && fixed.before == ['1975ea83b712'] && fixed.current == ['3a4f5c6d7e80']
assert fixed.revisions*.id == ['3a4f5c6d7e80'] && fixed.revisions[0].direction == 'up'
def after = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/check-after.json'))
assert after.passed && after.tenants.every { it.status == 'AT_HEAD' }
assert log.contains('every tenant at it.')

// edited after it ran: stopped per tenant with validateOnUpgrade, a warning per tenant without
assert log.contains('[INFO] 50 tenants: 0 upgraded, 0 already there, 50 failed, 0 not run, in ')
assert log =~ /\[ERROR\]   it_tenant_05  FAILED at 3a4f5c6d7e80: migrate\.validateOnUpgrade: 1 applied revision was edited since it ran here, so nothing was run: 1975ea83b712 \(it\.db\.CreateAppUser\)/
assert log =~ /\[WARNING\] Tenant it_tenant_05: Revision 1975ea83b712 \(it\.db\.CreateAppUser\) was edited after it was applied here on /
assert log.findAll(/\[WARNING\] Tenant it_tenant_\d\d: Revision 1975ea83b712/).size() == 50
assert log.contains('[INFO] 50 tenants: 0 upgraded, 50 already there, 0 failed, 0 not run, in ')

assert log =~ /\[ERROR\]   it_tenant_05\s+AT_HEAD\s+3a4f5c6d7e80\s+edited since applied: 1975ea83b712/
assert log.contains('[INFO] 50 tenants: 50 at head, 0 behind, 0 at unknown revisions, 0 unreadable, 50 with edited revisions, in ')
assert log.contains('migrate:check found 50 of 50 tenants not at head or with revisions edited since they ran there: it_tenant_00 (edited: 1975ea83b712), ')
def checkEdited = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/check-edited.json'))
assert !checkEdited.passed && checkEdited.tenants.every { it.status == 'AT_HEAD' && it.edited == ['1975ea83b712'] }
assert after.tenants.every { it.edited == [] }

def db = pg()
try {
    (0..<50).each { i ->
        def schema = String.format('it_tenant_%02d', i)
        def rows = []
        def result = db.createStatement().executeQuery("SELECT version_num FROM ${schema}.migrate_version")
        while (result.next()) { rows << result.getString(1) }
        assert rows == ['3a4f5c6d7e80'] : schema
    }
    (0..<50).each { i ->
        db.createStatement().execute(String.format('DROP SCHEMA it_tenant_%02d CASCADE', i))
    }
} finally {
    db.close()
}
true
