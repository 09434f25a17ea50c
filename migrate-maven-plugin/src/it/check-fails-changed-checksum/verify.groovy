import groovy.json.JsonSlurper

String log = new File(basedir, 'build.log').getText('UTF-8')
void expect(String log, String text) {
    assert log.contains(text) : "build.log lacks: " + text
}

// Step 2: the untouched revisions pass.
expect(log, 'migrate:check passed: 2 revisions, one head (3a4f5c6d7e80), database up to date.')
// Step 3: the edited one is named, with what to do.
expect(log, '[ERROR] Revision 3a4f5c6d7e80 (it.db.CreateTicket) was changed after it was applied here on ')
expect(log, 'its SQL no longer matches the checksum recorded then. Restore the revision as it was and put the change into a new revision (`mvn migrate:revision`).')
expect(log, 'migrate:check found 1 problem (listed above).')
assert !log.contains('1975ea83b712 (it.db.CreateAppUser) was changed') : 'an unchanged revision must not be reported'

def report = new JsonSlurper().parse(new File(basedir, 'target/check.json'))
assert report.passed == false
assert report.findings*.kind == ['CHANGED_CHECKSUM']
assert report.findings[0].revisions == ['3a4f5c6d7e80']
