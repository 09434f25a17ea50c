// Names as the model reader gives them for H2 (upper case, as H2 folds unquoted names).
// The revision autogenerate wrote: typed operations, tables before the foreign key, one file only (the second run
// found no change and wrote nothing); the database has the tables.
def written = new File(basedir, 'src/main/java/it/db').listFiles().findAll { it.name.endsWith('.java') }
assert written.size() == 1 : "expected one generated revision, found ${written*.name}"
String source = written[0].text
assert source.contains('op.createTable("AGENTS", t -> {') : source
assert source.contains('op.createTable("TICKETS", t -> {') : source
assert source.contains('op.createIndex("IX_TICKETS_TITLE", "TICKETS", "TITLE");') : source
int table = source.indexOf('op.createTable("TICKETS"')
int key = source.indexOf('op.addForeignKey(')
assert key > table : source
assert source.contains('op.dropTable("AGENTS");') : source
// Written from revision.java.template: the team's header and import, the generated code at the body's place.
assert source.startsWith('/*\n * Copyright Acme Corp.') : source
assert source.contains('import java.util.Objects;') : source
assert source.contains('    public void upgrade(Operations op) {\n        // REVIEW: ') || source.contains('    public void upgrade(Operations op) {\n        op.createTable(') : source

// The model's snapshot, remembered for the runs after the first (one file per server and database).
def snapshots = new File(basedir, 'target/migrate').listFiles().findAll { it.name ==~ /model-[0-9a-f]{16}\.snapshot/ }
assert snapshots.size() == 1 : "expected one model snapshot in target/migrate, found ${snapshots*.name}"

String log = new File(basedir, 'build.log').text
assert log.contains('No changes detected between the entities and the database; nothing written') : log
// The model read is remembered: the last run's entities were not read again, as only revisions were compiled since.
def reads = new File(basedir, 'target/migrate').listFiles().findAll { it.name ==~ /model-read-[0-9a-f]{16}\.cache/ }
assert reads.size() == 1 : "expected one remembered model read in target/migrate, found ${reads*.name}"
assert log.contains("the project's classes, class path and settings are unchanged since the last run, so the model is"
        + " the one remembered in target/migrate") : log
// Hibernate's start-up chatter (its version, "Database info", the dialect note) stays out of the build log.
assert !log.contains('HHH') : log

def properties = new Properties()
properties.setProperty('user', 'sa')
properties.setProperty('password', '')
def db = new org.h2.Driver().connect("jdbc:h2:${basedir}/target/db/it;IFEXISTS=TRUE", properties)
try {
    def tables = []
    def rows = db.metaData.getTables(null, null, '%', ['TABLE'] as String[])
    while (rows.next()) { tables << rows.getString('TABLE_NAME') }
    assert tables.containsAll(['AGENTS', 'TICKETS']) : tables
    def schemas = []
    def all = db.createStatement().executeQuery('SELECT SCHEMA_NAME FROM INFORMATION_SCHEMA.SCHEMATA')
    while (all.next()) { schemas << all.getString(1) }
    assert !schemas.any { it.toLowerCase().startsWith('migrate_autogen_') } : schemas
} finally {
    db.close()
}
true
