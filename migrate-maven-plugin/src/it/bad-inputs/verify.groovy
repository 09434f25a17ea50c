// Every bad input ends in one BUILD FAILURE whose message says what is wrong and what to do.
String log = new File(basedir, 'build.log').getText('UTF-8')
void expect(String log, String text) {
    assert log.contains(text) : "build.log lacks: " + text
}

expect(log, ' declares a @Revision, but ')
expect(log, ' holds no revision index (not compiled yet, or after `mvn clean`). Run `mvn compile` first, e.g. `mvn compile migrate:heads`')
expect(log, 'Cannot connect to 127.0.0.1:1 (jdbc:postgresql://127.0.0.1:1/app?user=app&password=***) as user \'app\':'
        + ' nothing accepts connections on 127.0.0.1:1 (connection refused) (SQLState 08001). Check the host and port in'
        + ' migrate.url, and that the database server is running there.')
// -X prints each parameter; the URL's password is masked there too.
expect(log, '(f) url = jdbc:postgresql://127.0.0.1:1/app?user=app&password=***')
expect(log, '[WARNING] migrate.url carries a password. migrate masks it in its output, but a command line is visible')
expect(log, 'The database password is set in more than one place: in migrate.url and by migrate.password,'
        + ' MIGRATE_PASSWORD or the settings.xml <server> of migrate.serverId.')
expect(log, "No dialect supports the URL 'jdbc:postgres://localhost/app' (migrate.url). Did you mean jdbc:postgresql:?")
expect(log, "Unknown revision or branch label 'nosuch'.")
expect(log, "migrate.lockTimeout is 'abc', which is not a duration. Write it like 60s, 500ms, 2m, 1h or PT1M.")
expect(log, 'migrate.versionTable is given but empty (-Dmigrate.versionTable=), often an unset shell variable. Give it a value,'
        + ' or leave the property out.')
expect(log, 'migrate:downgrade needs a target: set migrate.target, e.g. -Dmigrate.target=-1')
expect(log, '/pom.xml/heads.json (migrate.outputFile): ')
expect(log, 'Nothing to merge: the code has a single head (7c8d9e0f1a2b).')
expect(log, "migrate.package is '1db.class', which is not a Java package name")
expect(log, "Revision '7c8d9e0f1a2b' (it.db.FailingRevision) threw IllegalStateException in upgrade(): owner lookup"
        + ' not written yet.')
expect(log, "migrate.sql is 'yes', which is neither true nor false. Write -Dmigrate.sql (or -Dmigrate.sql=true) to"
        + ' switch it on, or leave it out.')

assert !log.contains('S3cret-URL-5150') : 'a password in migrate.url must never be printed, -X included'
assert !log.contains('S3cret-PROP-5150') : 'migrate.password must never be printed, -X included'
assert !log.contains('failed unexpectedly') : 'every bad input has its own message'

// Chunks start at each run's "Scanning for projects" and at the version banner -X prints first.
// Without -X Maven prints no stack trace: our messages stand alone (-X implies -e, so the -X runs,
// Maven's own preamble included, may show some).
assert (log =~ /BUILD (FAILURE|SUCCESS)/).size() == 15 : 'every step ran'
List<String> chunks = log.split(/(?=\[INFO\] Scanning for projects\.\.\.)|(?=Apache Maven \d)/) as List
// From each run's first migrate goal on: before it, Maven's own download warnings (a fresh IT repository has no
// checksums for the artifacts it copies from the local one) print theirs.
chunks.findAll { !it.contains('[DEBUG]') }.collect { it.contains('--- migrate-maven-plugin:') ? it.substring(it.indexOf('--- migrate-maven-plugin:')) : it }.each { chunk ->
    assert !(chunk =~ /(?m)^(\t|    )at /) : 'a stack trace without -e:\n' + chunk
}
// The invoker fails a script that returns anything but true or null.
true
