import groovy.json.JsonSlurper
import java.sql.Connection

// Reads the test's H2 file database directly, with the driver the plugin ships.
Connection h2(File basedir, String password = '') {
    def properties = new Properties()
    properties.setProperty('user', 'sa')
    properties.setProperty('password', password)
    new org.h2.Driver().connect("jdbc:h2:${basedir}/target/db/it;IFEXISTS=TRUE", properties)
}

// The dialect quotes identifiers, so the version table's name keeps its case; find it as it is.
List<String> versions(Connection db) {
    def tables = db.metaData.getTables(null, null, '%', null)
    String table = null
    while (tables.next()) {
        if (tables.getString('TABLE_NAME').equalsIgnoreCase('migrate_version')) { table = tables.getString('TABLE_NAME') }
    }
    assert table != null : 'no migrate_version table'
    String column = table == 'migrate_version' ? '"version_num"' : 'version_num'
    def rows = []
    def result = db.createStatement().executeQuery("SELECT ${column} FROM \"${table}\" ORDER BY 1")
    while (result.next()) { rows << result.getString(1) }
    rows
}

boolean hasColumn(Connection db, String table, String column) {
    db.metaData.getColumns(null, null, table.toUpperCase(), column.toUpperCase()).next()
}

boolean hasTable(Connection db, String table) {
    db.metaData.getTables(null, null, table.toUpperCase(), null).next()
}

String log = new File(basedir, 'build.log').getText('UTF-8')
void expect(String log, String text) {
    assert log.contains(text) : "build.log lacks: " + text
}

File sources = new File(basedir, 'src/main/java/it/db')
String id(File file) {
    def matcher = file.getText('UTF-8') =~ /id = "([0-9a-f]{12})"/
    assert matcher.find() : "no id in " + file
    matcher.group(1)
}
File ticket = new File(sources, 'CreateTicket.java')
File report = new File(sources, 'CreateReport.java')
File merge = new File(sources, 'MergeReporting.java')
assert ticket.isFile() && report.isFile() && merge.isFile()

String ticketId = id(ticket)
String reportId = id(report)
String mergeId = id(merge)
assert ticket.getText('UTF-8').contains('revises = "1975ea83b712"')
assert report.getText('UTF-8').contains('branchLabels = "reporting"')
def parents = [ticketId, reportId].sort()
assert merge.getText('UTF-8').contains('revises = {\n                "' + parents[0] + '",\n                "' + parents[1] + '"\n        }')

expect(log, "[INFO] Wrote src/main/java/it/db/CreateTicket.java: revision ${ticketId} revises 1975ea83b712.")
expect(log, "[INFO] Wrote src/main/java/it/db/MergeReporting.java: merge revision ${mergeId} revises ${parents[0]}, ${parents[1]}.")
expect(log, '[INFO] migrate:check passed: 4 revisions, one head (' + mergeId + '), database up to date.')

def db = h2(basedir)
try {
    assert versions(db) == [mergeId]
} finally {
    db.close()
}
