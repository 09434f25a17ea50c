import java.sql.Connection

// Reads the test's H2 file database directly, with the driver the plugin ships.
Connection h2(File basedir) {
    def properties = new Properties()
    properties.setProperty('user', 'sa')
    properties.setProperty('password', '')
    new org.h2.Driver().connect("jdbc:h2:${basedir}/target/db/it;IFEXISTS=TRUE", properties)
}

String log = new File(basedir, 'build.log').getText('UTF-8')
void expect(String log, String text) {
    assert log.contains(text) : "build.log lacks: " + text
}

// The two bad templates: each named, nothing written.
expect(log, "on project revision-from-template: migrate.template is 'src/main/migrate/nosuch.template', but ${new File(basedir, 'src/main/migrate/nosuch.template')} does not exist. ")
expect(log, 'on project revision-from-template: migrate.template src/main/migrate/unknown.java.template, line 10: unknown placeholder ${description}. ')
File sources = new File(basedir, 'src/main/java/it/db')
assert !new File(sources, 'Missing.java').exists()
assert !new File(sources, 'Unknown.java').exists()

String id(File file) {
    def matcher = file.getText('UTF-8') =~ /id = "([0-9a-f]{12})"/
    assert matcher.find() : "no id in " + file
    matcher.group(1)
}
File priority = new File(sources, 'AddPriority.java')
File report = new File(sources, 'CreateReport.java')
File merge = new File(sources, 'MergeReport.java')
assert priority.isFile() && report.isFile() && merge.isFile()
[priority, report, merge].each { file ->
    String text = file.getText('UTF-8')
    assert text.startsWith('/*\n * Copyright Acme Corp. Licensed under the Apache License, Version 2.0.\n */\npackage it.db;\n') : text
    assert text.contains('import java.util.Objects;') : text
    assert text.contains('static final String OWNER') : text
    // Compiled by the build's own javac, processor included.
    assert new File(basedir, 'target/classes/it/db/' + file.name.replace('.java', '.class')).isFile()
}
String priorityText = priority.getText('UTF-8')
assert priorityText.contains(' * add_priority\n') : priorityText
assert priorityText.contains('revises 1975ea83b712; written 20') : priorityText
assert priorityText.contains('    public void upgrade(Operations op) {\n        // Describe the change with the typed operations, e.g.\n') : priorityText

String priorityId = id(priority)
String reportId = id(report)
String mergeId = id(merge)
def parents = [priorityId, reportId].sort()
assert merge.getText('UTF-8').contains("revises ${parents[0]}, ${parents[1]};")
expect(log, "[INFO] Wrote src/main/java/it/db/MergeReport.java: merge revision ${mergeId} revises ${parents[0]}, ${parents[1]}.")
expect(log, '[INFO] migrate:check passed: 4 revisions, one head (' + mergeId + '), database up to date.')

def db = h2(basedir)
try {
    def result = db.createStatement().executeQuery('SELECT "version_num" FROM "migrate_version"')
    def rows = []
    while (result.next()) { rows << result.getString(1) }
    assert rows == [mergeId]
} finally {
    db.close()
}
