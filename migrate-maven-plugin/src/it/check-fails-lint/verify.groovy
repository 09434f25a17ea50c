import groovy.json.JsonSlurper

String log = new File(basedir, 'build.log').getText('UTF-8')
void expect(String log, String text) {
    assert log.contains(text) : "build.log lacks: " + text
}

// Run 1: the plain CREATE INDEX on an existing table is an error and fails the build, in the issue's shape.
expect(log, '[ERROR] ERROR [MG100] 4c1a9e2b7d30 IndexTicketPriority: CREATE INDEX ix_tickets_priority blocks writes to'
        + ' tickets (SHARE lock) for the whole build; build it with ix -> ix.concurrently() (CREATE INDEX CONCURRENTLY)'
        + ' (docs/LINT.md#mg100)')
expect(log, 'migrate:check found 1 problem (listed above).')
// The reasoned suppression holds: the dropped column is not reported, in either run.
assert !log.contains('[MG108]') : 'the @AllowUnsafe(MG108) revision was reported'
// No ddlLockTimeout configured: a warning, which does not fail at failOn=error.
expect(log, '[WARNING] WARNING [MG113] 2b3c4d5e6f70 DropTicketNote: dropColumn tickets.note takes an ACCESS EXCLUSIVE lock')

def report = new JsonSlurper().parse(new File(basedir, 'target/check.json'))
assert !report.passed && !report.databaseChecked
def lint = report.findings.findAll { it.kind == 'LINT' }
assert lint*.rule == ['MG113', 'MG100']
def mg100 = lint.find { it.rule == 'MG100' }
assert mg100.severity == 'ERROR' && mg100.revision == '4c1a9e2b7d30'
assert mg100.operation == 'createIndex ix_tickets_priority on tickets'
assert mg100.message.startsWith('ERROR [MG100] 4c1a9e2b7d30 IndexTicketPriority: CREATE INDEX')

// Run 2: fixed, and only the warning is left: check passes.
def safe = new JsonSlurper().parse(new File(basedir, 'target/check-safe.json'))
assert safe.passed
assert safe.findings*.rule == ['MG113']
expect(log, 'migrate:check passed: 3 revisions, one head (4c1a9e2b7d30).')
