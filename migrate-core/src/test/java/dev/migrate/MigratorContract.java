package dev.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.graph.Direction;
import dev.migrate.ops.ColumnType;
import dev.migrate.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The facade end to end on a real database, through the real graph. Each test uses its own
 * version table (and tables named after it), so tests in one class share a database safely.
 */
abstract class MigratorContract {

    final List<MigrationEvent> events = new ArrayList<>();

    Migrator migrator(TestDatabase database, String versionTable, RevisionList revisions) {
        return Migrator.builder().url(database.url()).user(database.user()).password(database.password())
                .versionTable(versionTable).revisions(revisions.all()).listener(events::add).build();
    }

    static RevisionList linear(String prefix) {
        return new RevisionList()
                .add("a1", "", op -> op.createTable(prefix + "_ticket", t -> t
                        .column("id", ColumnType.BIGINT, c -> c.primaryKey())
                        .column("title", ColumnType.varchar(200), c -> c.notNull())), op -> op.dropTable(prefix + "_ticket"))
                .add("b2", "a1", op -> op.addColumn(prefix + "_ticket", "priority", ColumnType.INTEGER),
                        op -> op.dropColumn(prefix + "_ticket", "priority"))
                .add("c3", "b2", op -> op.createIndex(prefix + "_ticket_title", prefix + "_ticket", "title"),
                        op -> op.dropIndex(prefix + "_ticket_title", prefix + "_ticket"));
    }

    static List<String> rows(TestDatabase database, String versionTable) throws SQLException {
        return database.strings("SELECT \"version_num\" FROM \"" + versionTable + "\" ORDER BY 1");
    }

    private static void insertRow(TestDatabase database, String versionTable, String row) throws SQLException {
        try (java.sql.Connection connection = database.connect();
                java.sql.Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO \"" + versionTable + "\" (\"version_num\") VALUES ('" + row + "')");
        }
    }

    @Test
    void aRowBelowAnotherIsReportedAndDeletedWithTheFirstRevision(TestDatabase database) throws SQLException {
        Migrator migrator = migrator(database, "overlap_version", linear("overlap"));
        migrator.upgrade("b2");
        insertRow(database, "overlap_version", "a1"); // by hand: a1 lies below b2
        events.clear();

        RunResult result = migrator.upgrade("head");

        assertEquals(List.of("c3"), rows(database, "overlap_version"));
        assertEquals(List.of("c3"), result.headsAfter());
        assertEquals(List.of(new MigrationEvent.RedundantVersionRows(java.util.Map.of("a1", "b2"), true)),
                events.stream().filter(e -> e instanceof MigrationEvent.RedundantVersionRows).toList());
        assertEquals("The version table's row a1 lies below its row b2 (one row per applied head is Alembic's rule, so"
                + " it is redundant); this upgrade deletes the redundant row in its first revision's transaction.",
                events.stream().filter(e -> e instanceof MigrationEvent.RedundantVersionRows).findFirst().orElseThrow()
                        .describe());
    }

    @Test
    void downgradeMinusOneFromTwoHeadsWarnsAndGoesDownTheFirstRowsBranch(TestDatabase database) throws SQLException {
        // Alembic 1.8.1 on this graph from rows c3, d4: warns "downgrade -1 from multiple heads is
        // ambiguous; this usage will be disallowed in a future release", runs "downgrade c3 -> b2",
        // and leaves rows b2, d4.
        Migrator migrator = migrator(database, "two_heads_version", new RevisionList()
                .sql("a1", "", "SELECT 1", "SELECT 1").sql("b2", "a1", "SELECT 1", "SELECT 1")
                .sql("c3", "b2", "SELECT 1", "SELECT 1").sql("d4", "a1", "SELECT 1", "SELECT 1"));
        migrator.upgrade("heads");
        events.clear();

        RunResult result = migrator.downgrade("-1");

        assertEquals(List.of("b2", "d4"), rows(database, "two_heads_version"));
        assertEquals(List.of("b2", "d4"), result.headsAfter().stream().sorted().toList());
        List<MigrationEvent> warnings = events.stream().filter(MigrationEvent::isWarning).toList();
        assertEquals(1, warnings.size(), warnings.toString());
        assertEquals("Downgrade -1 from several heads (c3, d4) is ambiguous: it counts down from c3, the first row of"
                + " the version table. Name the branch to be sure: c3@-1 or d4@-1 (Alembic warns the same and will"
                + " refuse this in a future release).", warnings.get(0).describe());
    }

    @Test
    void stampIsRecordedInTheHistoryWithTheRowsBeforeAndAfter(TestDatabase database) {
        Migrator migrator = migrator(database, "stamp_hist_version", linear("stamp_hist"));
        migrator.upgrade("a1");
        migrator.stamp(List.of("c3"), false);
        migrator.stamp(List.of("base"), true);

        List<HistoryEntry> stamps = migrator.history().stream()
                .filter(entry -> entry.direction() == dev.migrate.graph.Direction.STAMP).toList();
        assertEquals(List.of("a1 -> c3", "c3 -> base"), stamps.stream().map(HistoryEntry::revision).toList());
        assertTrue(stamps.stream().allMatch(HistoryEntry::success));
        assertTrue(stamps.stream().allMatch(entry -> entry.checksum() == null));
        // A stamp ran no revision: the edited-revision check still sees a1 as applied by its upgrade.
        assertEquals(List.of(), migrator.changedRevisions());
    }

    @Test
    void aRowBelowAnotherAtHeadIsReportedAndKept(TestDatabase database) throws SQLException {
        Migrator migrator = migrator(database, "overlap_head_version", linear("overlap_head"));
        migrator.upgrade("head");
        insertRow(database, "overlap_head_version", "b2");
        events.clear();

        migrator.upgrade("head");

        assertEquals(List.of("b2", "c3"), rows(database, "overlap_head_version"));
        assertEquals(List.of(new MigrationEvent.RedundantVersionRows(java.util.Map.of("b2", "c3"), false)),
                events.stream().filter(e -> e instanceof MigrationEvent.RedundantVersionRows).toList());
        assertEquals(java.util.Map.of("b2", "c3"), migrator.redundantRows(migrator.current()));
    }

    @Test
    void currentAndHistoryOfASchemaNotCreatedYetAreEmpty(TestDatabase database) {
        Migrator migrator = Migrator.builder().url(database.url()).user(database.user()).password(database.password())
                .schema("not_created_yet").revisions(linear("nc").all()).build();
        assertEquals(List.of(), migrator.current());
        assertEquals(List.of(), migrator.history());
    }

    @Test
    void plainSqlOfARevisionLandsInTheConfiguredSchemaLikeTheTypedOperations(TestDatabase database)
            throws SQLException {
        RevisionList revisions = new RevisionList()
                .add("p1", "", op -> {
                    op.createTable("typed_t", t -> t.column("id", ColumnType.INTEGER));
                    op.execute("CREATE TABLE \"plain_t\" (\"id\" INT)");
                    op.execute("INSERT INTO \"plain_t\" (\"id\") SELECT \"id\" FROM \"typed_t\"");
                }, op -> {
                    op.execute("DROP TABLE \"plain_t\"");
                    op.dropTable("typed_t");
                });
        Migrator migrator = Migrator.builder().url(database.url()).user(database.user()).password(database.password())
                .schema("tenant_a").revisions(revisions.all()).build();
        migrator.upgrade("head");
        assertEquals(List.of("p1"), migrator.current());
        assertEquals(List.of("plain_t", "typed_t"), database.strings("SELECT table_name FROM information_schema.tables"
                + " WHERE table_schema = 'tenant_a' AND table_name IN ('plain_t', 'typed_t') ORDER BY table_name"));
        migrator.downgrade("base");
        assertEquals(List.of(), database.strings("SELECT table_name FROM information_schema.tables"
                + " WHERE table_schema = 'tenant_a' AND table_name IN ('plain_t', 'typed_t')"));
    }

    @Test
    void upgradeCurrentDowngradeStamp(TestDatabase database) throws SQLException {
        Migrator migrator = migrator(database, "lin_version", linear("lin"));
        assertEquals(List.of(), migrator.current());

        RunResult up = migrator.upgrade("head");
        assertEquals(List.of("a1", "b2", "c3"), up.applied().stream().map(AppliedRevision::id).toList());
        assertEquals(List.of("c3"), up.headsAfter());
        assertEquals(List.of("c3"), migrator.current());

        RunResult again = migrator.upgrade("head");
        assertEquals(List.of(), again.applied(), "already at head");
        assertTrue(events.stream().anyMatch(e -> e.describe().equals("Already at the target (c3); nothing to do")));

        RunResult down = migrator.downgrade("-2");
        assertEquals(List.of("c3", "b2"), down.applied().stream().map(AppliedRevision::id).toList());
        assertTrue(down.applied().stream().allMatch(a -> a.direction() == Direction.DOWN));
        assertEquals(List.of("a1"), rows(database, "lin_version"));

        RunResult stamped = migrator.stamp(List.of("c3"), false);
        assertEquals(List.of("a1"), stamped.headsBefore());
        assertEquals(List.of("c3"), rows(database, "lin_version"));
        migrator.stamp(List.of("a1"), false);

        migrator.upgrade("b2");
        assertEquals(List.of("b2"), migrator.current());
        assertEquals(List.of("c3"), migrator.upgradePlan("head").steps().stream().map(s -> s.revision().id()).toList());
        assertEquals(List.of("b2", "a1"), migrator.downgradePlan("base").steps().stream().map(s -> s.revision().id()).toList());
        migrator.downgrade("base");
        assertEquals(List.of(), rows(database, "lin_version"));
        // Stamps run nothing; their history rows name the version table before and after.
        assertEquals(List.of("a1", "b2", "c3", "c3", "b2", "a1 -> c3", "c3 -> a1", "b2", "b2", "a1"),
                migrator.history().stream().map(HistoryEntry::revision).toList());
    }

    @Test
    void branchAndMergeKeepAlembicsVersionRows(TestDatabase database) throws SQLException {
        RevisionList revisions = new RevisionList()
                .sql("m0", "", "CREATE TABLE \"bm_log\" (\"rev\" VARCHAR(10))", "DROP TABLE \"bm_log\"")
                .sql("left1", "m0", "INSERT INTO \"bm_log\" VALUES ('left1')", "DELETE FROM \"bm_log\" WHERE \"rev\" = 'left1'")
                .sql("right1", "m0", "INSERT INTO \"bm_log\" VALUES ('right1')", "DELETE FROM \"bm_log\" WHERE \"rev\" = 'right1'")
                .sql("merge2", "left1,right1", "INSERT INTO \"bm_log\" VALUES ('merge2')",
                        "DELETE FROM \"bm_log\" WHERE \"rev\" = 'merge2'");
        Migrator migrator = migrator(database, "bm_version", revisions);

        migrator.upgrade("left1");
        assertEquals(List.of("left1"), rows(database, "bm_version"));
        migrator.upgrade("right1");
        assertEquals(List.of("left1", "right1"), rows(database, "bm_version"), "a second branch gets its own row");
        RunResult merge = migrator.upgrade("heads");
        assertEquals(List.of("merge2"), merge.applied().stream().map(AppliedRevision::id).toList());
        assertEquals(List.of("merge2"), rows(database, "bm_version"), "the merge replaces both rows by one");

        // "-1" is ambiguous below a merge (Alembic refuses it too); naming a parent unmerges.
        assertThrows(MigrateException.class, () -> migrator.downgrade("-1"));
        migrator.downgrade("left1");
        assertEquals(List.of("left1", "right1"), rows(database, "bm_version"), "unmerging restores both rows");
        migrator.downgrade("m0");
        assertEquals(List.of("m0"), rows(database, "bm_version"));
        migrator.downgrade("base");
        assertEquals(List.of(), rows(database, "bm_version"));
        migrator.upgrade("heads");
        assertEquals(List.of("merge2"), rows(database, "bm_version"));
    }

    @Test
    void offlineDowngradeNeedsARange(TestDatabase database) {
        Migrator migrator = migrator(database, "off_version", linear("off"));
        MigrateException e = assertThrows(MigrateException.class, () -> migrator.downgradeSql("base"));
        assertEquals("Offline downgrade needs a range 'from:to' (migrate.target=base), because no database is read to know"
                + " where to start; for example -Dmigrate.target=head:base or -Dmigrate.target=<revision>:-1.", e.getMessage());
    }

    @Test
    void stampWithPurgeReplacesRowsTheGraphDoesNotKnow(TestDatabase database) throws SQLException {
        Migrator migrator = migrator(database, "purge_version", linear("purge"));
        migrator.stamp(List.of("a1"), false);
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO \"purge_version\" VALUES ('not_a_revision')");
        }
        RunResult result = migrator.stamp(List.of("b2"), true);
        assertEquals(List.of("a1", "not_a_revision"), result.headsBefore());
        assertEquals(List.of("b2"), rows(database, "purge_version"));
    }

    /** The same ids, but b2 adds a different column than the history recorded. */
    static RevisionList editedAfterwards(String prefix) {
        return new RevisionList()
                .add("a1", "", op -> op.createTable(prefix + "_ticket", t -> t
                        .column("id", ColumnType.BIGINT, c -> c.primaryKey())
                        .column("title", ColumnType.varchar(200), c -> c.notNull())), op -> op.dropTable(prefix + "_ticket"))
                .add("b2", "a1", op -> op.addColumn(prefix + "_ticket", "urgency", ColumnType.INTEGER),
                        op -> op.dropColumn(prefix + "_ticket", "urgency"))
                .add("c3", "b2", op -> op.createIndex(prefix + "_ticket_title", prefix + "_ticket", "title"),
                        op -> op.dropIndex(prefix + "_ticket_title", prefix + "_ticket"));
    }

    @Test
    void unchangedRevisionsReportNoChecksumChange(TestDatabase database) {
        Migrator migrator = migrator(database, "sum_same_version", linear("sum_same"));
        assertEquals(List.of(), migrator.changedRevisions(), "nothing applied yet");
        migrator.upgrade("head");
        assertEquals(List.of(), migrator(database, "sum_same_version", linear("sum_same")).changedRevisions());
    }

    @Test
    void revisionEditedAfterItWasAppliedIsReported(TestDatabase database) {
        migrator(database, "sum_edit_version", linear("sum_edit")).upgrade("head");
        List<ChangedRevision> changed = migrator(database, "sum_edit_version", editedAfterwards("sum_edit")).changedRevisions();
        assertEquals(List.of("b2"), changed.stream().map(ChangedRevision::id).toList());
        assertEquals("com.example.Rev_b2", changed.get(0).className());
        assertNotEquals(changed.get(0).appliedChecksum(), changed.get(0).currentChecksum());
    }

    @Test
    void revisionDowngradedAfterwardsIsNoLongerCompared(TestDatabase database) {
        migrator(database, "sum_down_version", linear("sum_down")).upgrade("head");
        migrator(database, "sum_down_version", linear("sum_down")).downgrade("a1");
        assertEquals(List.of(), migrator(database, "sum_down_version", editedAfterwards("sum_down")).changedRevisions());
    }

    /** op.dialect() names the dialect the revision is recorded for: run, downgrade and lint alike. */
    @Test
    void aRevisionSeesTheDatabaseItIsRecordedFor(TestDatabase database) throws SQLException {
        List<String> seen = new ArrayList<>();
        RevisionList revisions = new RevisionList()
                .add("a1", "", op -> op.createTable("seen_db", t -> t.column("name", ColumnType.varchar(20))),
                        op -> op.dropTable("seen_db"))
                .add("b2", "a1", op -> {
                    seen.add(op.dialect());
                    op.execute("INSERT INTO \"seen_db\" (\"name\") VALUES (?)", op.dialect());
                }, op -> {
                    seen.add(op.dialect());
                    op.execute("DELETE FROM \"seen_db\" WHERE \"name\" = ?", op.dialect());
                });
        Migrator migrator = migrator(database, "seen_db_version", revisions);

        migrator.upgrade("head");
        assertEquals(List.of(database.dialect()), database.strings("SELECT \"name\" FROM \"seen_db\""));
        migrator.downgrade("a1");
        assertEquals(List.of(), database.strings("SELECT \"name\" FROM \"seen_db\""));
        assertEquals(java.util.Set.of(database.dialect()), new java.util.HashSet<>(seen));

        seen.clear();
        migrator.lint(dev.migrate.lint.LintOptions.all());
        assertEquals(List.of(database.dialect()), seen);
    }

    /**
     * Built on a DataSource instead of a URL, the lint judges by the database behind it (it took
     * PostgreSQL's rules before, so a MariaDB application was told to use CONCURRENTLY).
     */
    @Test
    void withADataSourceTheLintJudgesForTheDatabaseBehindIt(TestDatabase database) {
        List<String> seen = new ArrayList<>();
        RevisionList revisions = new RevisionList().add("a1", "", op -> {
            seen.add(op.dialect());
            op.createTable("lint_ds", t -> t.column("name", ColumnType.varchar(20)));
        }, op -> op.dropTable("lint_ds"));
        javax.sql.DataSource dataSource = (javax.sql.DataSource) java.lang.reflect.Proxy.newProxyInstance(
                javax.sql.DataSource.class.getClassLoader(), new Class<?>[] {javax.sql.DataSource.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("getConnection")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    return database.connect();
                });
        Migrator migrator = Migrator.builder().dataSource(dataSource).versionTable("lint_ds_version")
                .revisions(revisions.all()).build();

        migrator.lint(dev.migrate.lint.LintOptions.all());
        migrator.lint(dev.migrate.lint.LintOptions.pending());
        assertEquals(List.of(database.dialect(), database.dialect()), seen);
    }
}
