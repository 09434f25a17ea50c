package dev.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Offline scripts through the facade and the real graph. The URL points at a port nothing
 * listens on: any attempt to connect would fail these tests.
 */
class MigratorOfflineTest {

    private static final String URL = "jdbc:postgresql://127.0.0.1:1/app?password=hidden";

    private final RevisionList revisions = new RevisionList()
            .sql("a1", "", "CREATE TABLE \"t\" (\"id\" INT)", "DROP TABLE \"t\"")
            .add("b2", "a1", op -> op.execute("INSERT INTO \"t\" VALUES (?)", 7), op -> op.execute("DELETE FROM \"t\" WHERE \"id\" = ?", 7))
            .sql("c3", "a1", "CREATE TABLE \"c\" (\"id\" INT)", "DROP TABLE \"c\"")
            .sql("m4", "b2,c3", "ALTER TABLE \"t\" ADD COLUMN \"c_id\" INT", "ALTER TABLE \"t\" DROP COLUMN \"c_id\"");

    private Migrator migrator() {
        return Migrator.builder().url(URL).revisions(revisions.all()).build();
    }

    @Test
    void upgradeFromBaseThroughABranchAndMerge() {
        // The graph orders the branches (Alembic's order); the first branch takes over a1's row.
        assertEquals("BEGIN;\n\n"
                + "CREATE TABLE IF NOT EXISTS \"migrate_version\" (\"version_num\" VARCHAR(255) NOT NULL,"
                + " CONSTRAINT \"migrate_version_pkc\" PRIMARY KEY (\"version_num\"));\n\n"
                + "COMMIT;\n\n"
                + "-- Running upgrade  -> a1, rev a1\n\nBEGIN;\n\n"
                + "CREATE TABLE \"t\" (\"id\" INT);\n\n"
                + "INSERT INTO \"migrate_version\" (\"version_num\") VALUES ('a1');\n\nCOMMIT;\n\n"
                + "-- Running upgrade a1 -> c3, rev c3\n\nBEGIN;\n\n"
                + "CREATE TABLE \"c\" (\"id\" INT);\n\n"
                + "UPDATE \"migrate_version\" SET \"version_num\" = 'c3' WHERE \"version_num\" = 'a1';\n\nCOMMIT;\n\n"
                + "-- Running upgrade a1 -> b2, rev b2\n\nBEGIN;\n\n"
                + "INSERT INTO \"t\" VALUES (7);\n\n"
                + "INSERT INTO \"migrate_version\" (\"version_num\") VALUES ('b2');\n\nCOMMIT;\n\n"
                + "-- Running upgrade b2, c3 -> m4, rev m4\n\nBEGIN;\n\n"
                + "ALTER TABLE \"t\" ADD COLUMN \"c_id\" INT;\n\n"
                + "DELETE FROM \"migrate_version\" WHERE \"version_num\" = 'b2';\n\n"
                + "UPDATE \"migrate_version\" SET \"version_num\" = 'm4' WHERE \"version_num\" = 'c3';\n\nCOMMIT;\n\n",
                migrator().upgradeSql("head"));
    }

    @Test
    void aMergeAndItsUndoWriteTheVersionTableWithAlembicsStatements() {
        // Alembic 1.8.1's offline script for these revisions: the merge deletes b2 and updates its
        // last parent c3 to m4; its downgrade updates m4 to c3 and inserts b2 (Alembic inserts first).
        String up = migrator().upgradeSql("c3:m4");
        assertEquals(List.of("INSERT INTO \"migrate_version\" (\"version_num\") VALUES ('b2');", "DELETE FROM \"migrate_version\" WHERE \"version_num\" = 'b2';",
                "UPDATE \"migrate_version\" SET \"version_num\" = 'm4' WHERE \"version_num\" = 'c3';"), versionLines(up));
        String down = migrator().downgradeSql("m4:c3");
        assertEquals(List.of("UPDATE \"migrate_version\" SET \"version_num\" = 'c3' WHERE \"version_num\" = 'm4';",
                "INSERT INTO \"migrate_version\" (\"version_num\") VALUES ('b2');"), versionLines(down));
    }

    private static List<String> versionLines(String script) {
        return script.lines().filter(line -> line.contains("\"migrate_version\"") && !line.startsWith("CREATE")).toList();
    }

    /** The safe unique key of a large table, offline: the index outside any transaction, then the takeover. */
    @Test
    void keyTakingOverAnIndexOffline() {
        RevisionList keyed = new RevisionList().add("k1", "", op -> {
            op.createIndex("uq_users_email_ix", "users", List.of("email"), ix -> ix.unique().concurrently());
            op.addUnique("uq_users_email", "users", List.of("email"), k -> k.usingIndex("uq_users_email_ix"));
        }, op -> op.dropConstraint("uq_users_email", "users"));
        Migrator postgres = Migrator.builder().url(URL).revisions(keyed.all()).build();
        String upgrade = postgres.upgradeSql("base:k1");
        assertEquals("-- Running upgrade  -> k1, rev k1\n\nBEGIN;\n\nCOMMIT;\n\n"
                + "CREATE UNIQUE INDEX CONCURRENTLY \"uq_users_email_ix\" ON \"users\" (\"email\");\n\n"
                + "BEGIN;\n\n"
                + "ALTER TABLE \"users\" ADD CONSTRAINT \"uq_users_email\" UNIQUE USING INDEX \"uq_users_email_ix\";\n\n"
                + "INSERT INTO \"migrate_version\" (\"version_num\") VALUES ('k1');\n\nCOMMIT;\n\n",
                upgrade.substring(upgrade.indexOf("-- Running")));
        assertEquals(true, postgres.downgradeSql("k1:base").contains("ALTER TABLE \"users\" DROP CONSTRAINT \"uq_users_email\";"));
        Migrator mariadb = Migrator.builder().url("jdbc:mariadb://127.0.0.1:1/app").revisions(keyed.all()).build();
        assertEquals(true, mariadb.upgradeSql("base:k1").contains("'ALTER TABLE `users` RENAME INDEX `uq_users_email_ix` TO `uq_users_email`'"));
    }

    @Test
    void singleTransactionScriptHasOneBeginAndOneCommit() {
        Migrator single = Migrator.builder().url(URL).revisions(revisions.all()).singleTransaction(true).build();
        assertEquals("-- Running upgrade a1 -> c3, rev c3\n\nBEGIN;\n\n"
                + "CREATE TABLE \"c\" (\"id\" INT);\n\n"
                + "UPDATE \"migrate_version\" SET \"version_num\" = 'c3' WHERE \"version_num\" = 'a1';\n\n"
                + "-- Running upgrade a1 -> b2, rev b2\n\n"
                + "INSERT INTO \"t\" VALUES (7);\n\n"
                + "INSERT INTO \"migrate_version\" (\"version_num\") VALUES ('b2');\n\n"
                + "-- Running upgrade b2, c3 -> m4, rev m4\n\n"
                + "ALTER TABLE \"t\" ADD COLUMN \"c_id\" INT;\n\n"
                + "DELETE FROM \"migrate_version\" WHERE \"version_num\" = 'b2';\n\n"
                + "UPDATE \"migrate_version\" SET \"version_num\" = 'm4' WHERE \"version_num\" = 'c3';\n\nCOMMIT;\n\n",
                single.upgradeSql("a1:m4"));
    }

    @Test
    void sqlFromToIsTheUpgradeScriptOfThatRange() {
        assertEquals(migrator().upgradeSql("a1:b2"), migrator().sql("a1", "b2"));
        assertEquals(migrator().upgradeSql("head"), migrator().sql("base", "head"));
    }

    @Test
    void upgradeRangeSkipsTheVersionTable() {
        assertEquals("-- Running upgrade a1 -> b2, rev b2\n\nBEGIN;\n\n"
                + "INSERT INTO \"t\" VALUES (7);\n\n"
                + "UPDATE \"migrate_version\" SET \"version_num\" = 'b2' WHERE \"version_num\" = 'a1';\n\nCOMMIT;\n\n",
                migrator().upgradeSql("a1:b2"));
    }

    @Test
    void downgradeRange() {
        assertEquals("-- Running downgrade b2 -> a1, rev b2\n\nBEGIN;\n\n"
                + "DELETE FROM \"t\" WHERE \"id\" = 7;\n\n"
                + "UPDATE \"migrate_version\" SET \"version_num\" = 'a1' WHERE \"version_num\" = 'b2';\n\nCOMMIT;\n\n",
                migrator().downgradeSql("b2:a1"));
    }

    @Test
    void stampFromBase() {
        assertEquals("BEGIN;\n\n"
                + "CREATE TABLE IF NOT EXISTS \"migrate_version\" (\"version_num\" VARCHAR(255) NOT NULL,"
                + " CONSTRAINT \"migrate_version_pkc\" PRIMARY KEY (\"version_num\"));\n\n"
                + "COMMIT;\n\n"
                + "BEGIN;\n\n"
                + "INSERT INTO \"migrate_version\" (\"version_num\") VALUES ('m4');\n\n"
                + "COMMIT;\n\n", migrator().stampSql(List.of("head"), false));
    }

    @Test
    void stampSeveralRangesFromOneStart() {
        // Alembic's test_sql_stamp_multi_rev_from_multi_start: the start's row becomes the first target.
        String sql = migrator().stampSql(List.of("a1:b2", "a1:c3"), false);
        assertEquals(false, sql.contains("CREATE TABLE"), sql);
        assertEquals(true, sql.contains("'a1'") && sql.contains("'b2'") && sql.contains("('c3')"), sql);
        assertEquals(sql, migrator().stampSql(List.of("a1:b2", "c3"), false));
    }

    @Test
    void stampRangesFromDifferentStartsOrWithPurgeAreRefused() {
        assertEquals("Offline stamp (migrate.sql) starts from one revision, but the ranges in migrate.target start"
                + " from 'a1' and 'b2'. Stamp one start at a time.", assertThrows(MigrateException.class,
                        () -> migrator().stampSql(List.of("a1:c3", "b2:m4"), false)).getMessage());
        assertEquals("migrate.purge cannot be combined with migrate.sql: an offline script does not read the version"
                + " table, so it has no rows to purge. Stamp online with migrate.purge, or give the start as a range"
                + " (for example -Dmigrate.target=<from>:<to>).",
                assertThrows(MigrateException.class, () -> migrator().stampSql(List.of("m4"), true)).getMessage());
    }

    @Test
    void offlineNeedsAUrl() {
        Migrator migrator = Migrator.builder().dataSource(new org.h2.jdbcx.JdbcDataSource()).revisions(revisions.all()).build();
        MigrateException e = assertThrows(MigrateException.class, () -> migrator.upgradeSql("head"));
        assertEquals("Offline SQL (migrate.sql) needs migrate.url to choose the SQL dialect, for example"
                + " jdbc:postgresql://host/db; no connection is opened.", e.getMessage());
    }

    @Test
    void aLintOnADataSourceThatCannotConnectSaysSo() {
        org.h2.jdbcx.JdbcDataSource missing = new org.h2.jdbcx.JdbcDataSource();
        missing.setURL("jdbc:h2:./target/no-such-dir/absent;IFEXISTS=TRUE");
        Migrator migrator = Migrator.builder().dataSource(missing).revisions(revisions.all()).build();
        MigrateException e = assertThrows(MigrateException.class, () -> migrator.lint(dev.migrate.lint.LintOptions.all()));
        // the lint connects once to learn the kind of database, and says so as every goal does
        assertEquals(true, e.getMessage().startsWith("Cannot get a connection from the configured DataSource: Database \""),
                e.getMessage());
        assertEquals(true, e.getMessage().endsWith("(SQLState 90146). Check the data source's settings."), e.getMessage());
    }

    @Test
    void builderNeverShowsThePassword() {
        String shown = Migrator.builder().url(URL).user("app").password("hidden").toString();
        assertEquals("Migrator.Builder[url=jdbc:postgresql://127.0.0.1:1/app?password=***, user=app, password=***,"
                + " schema=null, versionTable=migrate_version]", shown);
    }

    @Test
    void negativeTimeoutsNameTheSettingAndTheFix() {
        MigrateException lock = assertThrows(MigrateException.class,
                () -> Migrator.builder().lockTimeout(Duration.ofSeconds(-1)));
        assertEquals("migrate.lockTimeout is negative (-1000 ms); set it to zero or a positive duration, or leave it"
                + " out for the default.", lock.getMessage());
        MigrateException ddl = assertThrows(MigrateException.class,
                () -> Migrator.builder().ddlLockTimeout(Duration.ofMillis(-5)));
        assertEquals("migrate.ddlLockTimeout is negative (-5 ms); set it to zero or a positive duration, or leave it"
                + " out for the default.", ddl.getMessage());
    }

    /** A script is written for migrate.url's database, which op.dialect() names; no connection is opened. */
    @Test
    void aRevisionSeesTheDatabaseOfTheScript() {
        RevisionList branching = new RevisionList().add("d1", "",
                op -> op.execute(op.dialect().equals("mariadb") ? "SELECT TIMESTAMPDIFF(MINUTE, NOW(), NOW())"
                        : "SELECT '" + op.dialect() + "'"),
                op -> op.execute("SELECT 'down " + op.dialect() + "'"));
        assertEquals(List.of("postgresql", "h2", "mariadb"), List.of(URL, "jdbc:h2:mem:offline", "jdbc:mariadb://127.0.0.1:1/app")
                .stream().map(url -> {
                    Migrator migrator = Migrator.builder().url(url).revisions(branching.all()).build();
                    String up = migrator.upgradeSql("base:d1");
                    String down = migrator.downgradeSql("d1:base");
                    String name = down.substring(down.indexOf("SELECT 'down ") + 13, down.indexOf("';"));
                    assertEquals(true, up.contains(name.equals("mariadb") ? "SELECT TIMESTAMPDIFF(MINUTE, NOW(), NOW());"
                            : "SELECT '" + name + "';"), up);
                    return name;
                }).toList());
    }
}
