String log = new File(basedir, 'build.log').getText('UTF-8')
String source = new File(basedir, 'src/main/java/it/db/CreateAppUser.java').toString()
String expected = source + ' declares a @Revision, but ' + new File(basedir, 'target/classes') + ' holds no revision' +
        ' index (not compiled yet, or after `mvn clean`). Run `mvn compile` first, e.g. `mvn compile migrate:revision`'
assert log.contains(expected) : 'build.log lacks: ' + expected
assert !log.contains('\tat dev.migrate') : 'a stack trace reached the log'
def sources = []
new File(basedir, 'src/main/java').eachFileRecurse { if (it.name.endsWith('.java')) sources << it.name }
assert sources == ['CreateAppUser.java'] : 'revision wrote a new base: ' + sources
