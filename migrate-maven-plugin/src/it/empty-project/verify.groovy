String log = new File(basedir, 'build.log').getText('UTF-8')
void expect(String log, String text) {
    assert log.contains(text) : "build.log lacks: " + text
}

for (goal in ['upgrade', 'current', 'heads', 'history', 'stamp']) {
    expect(log, '[INFO] No revisions yet: the project has no @Revision class, so migrate:' + goal + ' has nothing to do'
            + ' and leaves the database as it is. Write the first with `mvn migrate:revision -Dmigrate.message="create users" -Dmigrate.package=dev.migrate.it.db`,'
            + ' then run `mvn compile migrate:upgrade`.')
}
assert !log.contains('[ERROR]')
// Nothing touched the database: no version table was created (the H2 file does not even exist).
assert !new File(basedir, 'target/db/it.mv.db').exists()
// The first revision is a base.
assert log =~ /\[INFO\] Wrote src.main.java.\S+\.java: revision [0-9a-f]{12} \(a new base\)\./
