import java.sql.Connection

String log = new File(basedir, 'build.log').getText('UTF-8')
void expect(String log, String text) {
    assert log.contains(text) : "build.log lacks: " + text
}

assert !log.contains('PomSecret1') : 'the POM URL password reached the log'
expect(log, '[INFO] -Dmigrate.url=jdbc:h2:./target/db/cli from the command line replaces'
        + ' <url>jdbc:postgresql://prod.example:5432/app?user=app&password=***</url> of the plugin configuration.')
expect(log, '[INFO] -Dmigrate.target=3a4f from the command line replaces <target>head</target> of the plugin configuration.')
expect(log, '[INFO] Database jdbc:h2:./target/db/cli (user sa, version table migrate_version)')
// The database line comes before anything the run does.
assert log.indexOf('[INFO] Database jdbc:h2:') < log.indexOf('[INFO] Upgraded 1975ea83b712')

def properties = new Properties()
properties.setProperty('user', 'sa')
properties.setProperty('password', '')
Connection db = new org.h2.Driver().connect("jdbc:h2:${basedir}/target/db/cli;IFEXISTS=TRUE", properties)
try {
    def result = db.createStatement().executeQuery('SELECT "version_num" FROM "migrate_version"')
    assert result.next() && result.getString(1) == '3a4f5c6d7e80'
} finally {
    db.close()
}
