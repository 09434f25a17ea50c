import java.sql.Connection

String log = new File(basedir, 'build.log').getText('UTF-8')
void expect(String log, String text) {
    assert log.contains(text) : "build.log lacks: " + text
}

// Step 2: one line, the database untouched (ae10 not run).
expect(log, 'migrate.validateOnUpgrade: 1 applied revision was edited since it ran here, so nothing was run:'
        + ' 3a4f5c6d7e80 (it.db.CreateTicket). Restore each as it was and put the change into a new revision'
        + ' (`mvn migrate:revision`).')
// Step 3: a warning naming the revision, then the upgrade.
assert log =~ /\[WARNING\] Revision 3a4f5c6d7e80 \(it\.db\.CreateTicket\) was edited after it was applied here on \S+: its SQL no longer matches the checksum recorded then, and upgrade does not run it again\./
assert log.count('[WARNING] Revision 3a4f5c6d7e80') == 1
assert log.indexOf('validateOnUpgrade: 1 applied') < log.indexOf('[INFO] Upgraded ae1027a6acf0')

def properties = new Properties()
properties.setProperty('user', 'sa')
properties.setProperty('password', '')
Connection db = new org.h2.Driver().connect("jdbc:h2:${basedir}/target/db/it;IFEXISTS=TRUE", properties)
try {
    def result = db.createStatement().executeQuery('SELECT "version_num" FROM "migrate_version"')
    assert result.next() && result.getString(1) == 'ae1027a6acf0'
} finally {
    db.close()
}
