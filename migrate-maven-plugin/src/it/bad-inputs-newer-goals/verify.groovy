// Every bad input ends in one BUILD FAILURE whose message says what is wrong and what to do.
String log = new File(basedir, 'build.log').getText('UTF-8')
void expect(String log, String text) {
    assert log.contains(text) : "build.log lacks: " + text
}

expect(log, "migrate.autogenerate is 'yes', which is neither true nor false. Write -Dmigrate.autogenerate (or"
        + ' -Dmigrate.autogenerate=true) to switch it on, or leave it out.')
expect(log, 'migrate.namingStrategy is given but empty (-Dmigrate.namingStrategy=), often an unset shell variable.')
expect(log, "migrate.lint.failOn is 'bogus'; use error (the default), warning or never.")
expect(log, "-Dmigrate.lint.failon is not a setting of migrate, so it would be ignored. Did you mean 'migrate.lint.failOn'?"
        + " -Dmigrate.tagret is not a setting of migrate, so it would be ignored. Did you mean 'migrate.target'?")
expect(log, "migrate.parallel is 'abc', which is not a whole number of tenants.")
expect(log, 'migrate:stamp works on one database and does not run over tenants, but migrate.tenants or migrate.tenantQuery is set.')
expect(log, 'migrate.sql works on one database and does not run over tenants')
expect(log, 'migrate:history works on one database and does not run over tenants')
assert log =~ /(?m)on project bad-inputs-newer-goals: migrate\.tenantQuery failed: Syntax error in SQL statement .*\(SQLState 42001\)\. Give a query/
// Maven leaves a plugin parameter whose environment variable is unset empty.
expect(log, "The <database> 'main' in <databases> has no <url> (or it names an environment variable or property that is not set); give its JDBC URL.")
expect(log, '(f) tenants = jdbc:postgresql://127.0.0.1:1/x?password=***')
expect(log, 'The tenant jdbc:postgresql://127.0.0.1:1/x?password=*** failed: Cannot connect to 127.0.0.1:1')
// The tenant's URL is migrate.tenants', and the advice says so.
expect(log, 'Check the host and port in migrate.tenants, and that the database server is running there.')

assert !log.contains('S3cret-TENANT-5150') : 'a password in migrate.tenants must never be printed, -X included'
assert !log.contains('failed unexpectedly') : 'every bad input has its own message'
// The bad revision inputs wrote nothing; the tenants stamp and the typo'd upgrade changed nothing (still at head).
def sources = new File(basedir, 'src/main/java/it/db').list().sort()
assert sources == ['CreateAppUser.java', 'CreateTicket.java'] : sources
assert !new File(basedir, 'target/migrate/upgrade.sql').exists() : 'no offline script without its tenants'

assert (log =~ /BUILD (FAILURE|SUCCESS)/).size() == 11 : 'every step ran'
List<String> chunks = log.split(/(?=\[INFO\] Scanning for projects\.\.\.)|(?=Apache Maven \d)/) as List
// From each run's first migrate goal on: before it, Maven's own download warnings (a fresh IT repository has no
// checksums for the artifacts it copies from the local one) print theirs.
chunks.findAll { !it.contains('[DEBUG]') }.collect { it.contains('--- migrate-maven-plugin:') ? it.substring(it.indexOf('--- migrate-maven-plugin:')) : it }.each { chunk ->
    assert !(chunk =~ /(?m)^(\t|    )at /) : 'a stack trace without -e:\n' + chunk
    assert !chunk.contains('Caused by:') : 'a stack trace without -e:\n' + chunk
}
true
