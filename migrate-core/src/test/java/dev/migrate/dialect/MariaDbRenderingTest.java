package dev.migrate.dialect;

import static dev.migrate.dialect.RenderedSql.sql;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrate.dialect.mariadb.MariaDbDialect;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Golden SQL of the MariaDB forms that have no direct equivalent of PostgreSQL's. */
class MariaDbRenderingTest {

    private final Dialect dialect = new MariaDbDialect();

    /** A unique index is the unique constraint here: renamed, after the server finds it unique. */
    @Test
    void alterSequenceSpellsNoCycleAsOneWord() {
        assertEquals(List.of("ALTER SEQUENCE `shop`.`seq_a` INCREMENT BY 20 START WITH 100",
                "ALTER SEQUENCE `shop`.`seq_a` MAXVALUE 99 RESTART WITH 5 NOCYCLE",
                "ALTER SEQUENCE `shop`.`seq_a` CYCLE"), sql(dialect, "shop", op -> {
                    op.alterSequence("seq_a", s -> s.incrementBy(20).startWith(100));
                    op.alterSequence("seq_a", s -> s.maxValue(99).restartWith(5).cycle(false));
                    op.alterSequence("seq_a", s -> s.cycle(true));
                }));
    }

    @Test
    void aUniqueKeyTakesOverTheIndexByRenamingIt() {
        assertEquals(List.of("SET @migrate_ddl = IF(EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE"
                        + " TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'users' AND INDEX_NAME = 'uq_email_ix' AND NON_UNIQUE = 0),"
                        + " 'ALTER TABLE `users` RENAME INDEX `uq_email_ix` TO `uq_email`',"
                        + " 'SIGNAL SQLSTATE ''42000'' SET MESSAGE_TEXT = ''addUnique uq_email on users: usingIndex uq_email_ix"
                        + " is not a unique index of users''')",
                "PREPARE migrate_ddl FROM @migrate_ddl",
                "EXECUTE migrate_ddl"),
                sql(dialect, null, op -> op.addUnique("uq_email", "users", List.of("email"), k -> k.usingIndex("uq_email_ix"))));
    }

    /** InnoDB clusters a table by its primary key, so the key replaces the index in one statement. */
    @Test
    void aPrimaryKeyReplacesTheIndexInOneStatement() {
        assertEquals(List.of("ALTER TABLE `shop`.`users` DROP INDEX `users_id_ix`, ADD CONSTRAINT `users_pkey` PRIMARY KEY (`id`)"),
                sql(dialect, "shop", op -> op.addPrimaryKey("users_pkey", "users", List.of("id"), k -> k.usingIndex("users_id_ix"))));
    }

    /** As Hibernate's export creates sequences here. */
    @Test
    void aSequenceWithoutCacheIsNocache() {
        assertEquals(List.of("CREATE SEQUENCE `shop`.`seq_a` START WITH 1 INCREMENT BY 50 NOCACHE"),
                sql(dialect, "shop", op -> op.createSequence("seq_a", s -> s.startWith(1).incrementBy(50).noCache())));
    }

    /**
     * A check named after its column and reading only it goes on the column (MariaDB then names it
     * after the column and keeps it the column's, as for Hibernate's export); any other stays the table's.
     */
    @Test
    void aColumnsOwnCheckIsWrittenOnTheColumn() {
        assertEquals(List.of("CREATE TABLE `ticket` (\n    `priority` INTEGER NOT NULL CHECK (`priority` between 0 and 2),\n"
                        + "    `low` INTEGER,\n    `high` INTEGER,\n    CONSTRAINT `high` CHECK (`high` > `low`),\n"
                        + "    CONSTRAINT `ck_low` CHECK (`low` >= 0)\n)"),
                sql(dialect, null, op -> op.createTable("ticket", t -> t
                        .column("priority", dev.migrate.ops.ColumnType.INTEGER, c -> c.notNull())
                        .column("low", dev.migrate.ops.ColumnType.INTEGER)
                        .column("high", dev.migrate.ops.ColumnType.INTEGER)
                        .check("priority", "`priority` between 0 and 2")
                        .check("high", "`high` > `low`")
                        .check("ck_low", "`low` >= 0"))));
    }

    /** A table's comment is a table option; an empty one is none, so removing writes ''. */
    @Test
    void aTableCommentIsATableOption() {
        assertEquals(List.of("ALTER TABLE `shop`.`ticket` COMMENT = 'Support''s tickets'",
                        "ALTER TABLE `shop`.`ticket` COMMENT = ''"),
                sql(dialect, "shop", op -> {
                    op.setTableComment("ticket", "Support's tickets");
                    op.dropTableComment("ticket");
                }));
    }

    /**
     * A column's comment changes only by restating the column: MODIFY COLUMN built on the server from
     * information_schema, with the new comment (quoted twice: once for the statement, once for the
     * expression that builds it) and everything else as it is.
     */
    @Test
    void aColumnCommentRestatesTheColumnAsItIs() {
        String kept = "CONCAT(COLUMN_TYPE, IF(COLLATION_NAME IS NULL, '', CONCAT(' COLLATE ', COLLATION_NAME))),"
                + " IF(IS_NULLABLE = 'YES', ' NULL', ' NOT NULL'),"
                + " IF(COLUMN_DEFAULT IS NULL OR COLUMN_DEFAULT = 'NULL', '', CONCAT(' DEFAULT ', COLUMN_DEFAULT)),"
                + " IF(EXTRA LIKE '%auto_increment%', ' AUTO_INCREMENT', ''), ";
        // A check written on the column is part of it: restated with it.
        String keptCheck = ", IFNULL((SELECT CONCAT(' CHECK (', k.CHECK_CLAUSE, ')') FROM information_schema.CHECK_CONSTRAINTS k"
                + " WHERE k.CONSTRAINT_SCHEMA = COLUMNS.TABLE_SCHEMA AND k.TABLE_NAME = COLUMNS.TABLE_NAME"
                + " AND k.CONSTRAINT_NAME = COLUMNS.COLUMN_NAME AND k.LEVEL = 'Column'), ''))";
        String lookup = " FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'ticket'"
                + " AND COLUMN_NAME = 'title'),"
                + " 'SIGNAL SQLSTATE ''42S22'' SET MESSAGE_TEXT = ''alterColumn ticket.title: no such column''')";
        assertEquals(List.of("SET @migrate_ddl = COALESCE((SELECT CONCAT('ALTER TABLE `ticket` MODIFY COLUMN `title` ', "
                        + kept + "' COMMENT ''What it''''s about'''" + keptCheck + lookup,
                "PREPARE migrate_ddl FROM @migrate_ddl",
                "EXECUTE migrate_ddl"),
                sql(dialect, null, op -> op.alterColumn("ticket", "title", c -> c.comment("What it's about"))));
        assertEquals("SET @migrate_ddl = COALESCE((SELECT CONCAT('ALTER TABLE `ticket` MODIFY COLUMN `title` ', "
                        + kept + "''" + keptCheck + lookup,
                sql(dialect, null, op -> op.alterColumn("ticket", "title", c -> c.dropComment())).get(0));
    }

    /** A schema is a database here. */
    @Test
    void schemasAreDatabases() {
        assertEquals(List.of("CREATE DATABASE `audit`", "DROP DATABASE `audit`"), sql(dialect, "shop", op -> {
            op.createSchema("audit");
            op.dropSchema("audit");
        }));
    }
}
