package dev.migrate.lint;

/**
 * What one {@code execute(sql)} statement does, as far as the lint rules are concerned: the same
 * facts the typed operations give, so the same rules fire. A {@link SqlReader} turns SQL text into
 * these; table names are as the database reads them (unquoted folded to lower case, schema-qualified
 * when written so).
 */
public sealed interface SqlFact {

    record CreateIndex(String table, String name, boolean concurrently) implements SqlFact {
    }

    /** {@code table} may be null: DROP INDEX does not name it. */
    record DropIndex(String table, String name, boolean concurrently) implements SqlFact {
    }

    record SetNotNull(String table, String column) implements SqlFact {
    }

    /** {@code type} is the new type as written, for example {@code varchar(200)} or {@code bigint}. */
    record AlterColumnType(String table, String column, String type) implements SqlFact {
    }

    /**
     * @param kind       FOREIGN KEY, CHECK, UNIQUE or PRIMARY KEY; COLUMN CHECK for a CHECK written on a column the same
     *                   ALTER TABLE adds (PostgreSQL checks every row, MariaDB none)
     * @param condition  a CHECK's condition, else null
     * @param usingIndex UNIQUE / PRIMARY KEY USING INDEX an index built before
     */
    record AddConstraint(String table, String name, String kind, String condition, boolean notValid, boolean usingIndex)
            implements SqlFact {
    }

    record ValidateConstraint(String table, String name) implements SqlFact {
    }

    record DropConstraint(String table, String name) implements SqlFact {
    }

    /** MariaDB/MySQL's {@code DROP PRIMARY KEY}. */
    record DropPrimaryKey(String table) implements SqlFact {
    }

    /**
     * {@code type} as written; {@code notNull} as declared; {@code defaultSql} or null; {@code valuePerRow}
     * for an identity or AUTO_INCREMENT column, which fills every existing row with a value of its own.
     */
    record AddColumn(String table, String column, String type, boolean notNull, String defaultSql, boolean valuePerRow)
            implements SqlFact {

        public AddColumn(String table, String column, String type, boolean notNull, String defaultSql) {
            this(table, column, type, notNull, defaultSql, false);
        }
    }

    record DropTable(String table) implements SqlFact {
    }

    record DropColumn(String table, String column) implements SqlFact {
    }

    record RenameColumn(String table, String column, String newName) implements SqlFact {
    }

    record RenameTable(String table, String newName) implements SqlFact {
    }

    /** @param ifNotExists {@code CREATE TABLE IF NOT EXISTS}: a no-op when the table is there, which then stays what it was */
    record CreateTable(String table, boolean ifNotExists) implements SqlFact {
        public CreateTable(String table) {
            this(table, false);
        }
    }

    /**
     * The end of one statement of an {@code execute(sql)} text, from a reader that knows where statements end: the
     * facts between two are one statement's (one ALTER TABLE's actions, which MariaDB runs with one algorithm).
     */
    record StatementEnd() implements SqlFact {
    }

    /** MariaDB's {@code CREATE OR REPLACE TABLE}: the table of that name, if there is one, is dropped first. */
    record ReplaceTable(String table) implements SqlFact {
    }

    /**
     * UPDATE, DELETE or INSERT on a table.
     *
     * @param everyRow an UPDATE or DELETE without a WHERE clause: it changes every row in one statement
     */
    record Dml(String table, boolean everyRow) implements SqlFact {

        /** A data change the lint does not know to touch every row (an INSERT, or one with a WHERE). */
        public Dml(String table) {
            this(table, false);
        }
    }

    /**
     * TRUNCATE of one table (a statement naming several gives one each).
     *
     * @param cascade {@code TRUNCATE ... CASCADE}: every table with a foreign key to it is emptied too
     */
    record Truncate(String table, boolean cascade) implements SqlFact {

        public Truncate(String table) {
            this(table, false);
        }
    }

    /**
     * PostgreSQL's {@code ALTER DOMAIN domain ADD [CONSTRAINT name] CHECK (...) [NOT VALID]}: without NOT VALID,
     * every column of the domain's type, in every table, is checked.
     */
    record AddDomainConstraint(String domain, String name, boolean notValid) implements SqlFact {
    }

    /** PostgreSQL's {@code ALTER TABLE parent ATTACH PARTITION partition FOR VALUES ... | DEFAULT}. */
    record AttachPartition(String parent, String partition) implements SqlFact {
    }

    /** {@code SET [LOCAL | SESSION] name = value} (or {@code TO value}); {@code name} lower case, {@code value} unquoted. */
    record Setting(String name, String value) implements SqlFact {
    }

    /** {@code BEGIN}, {@code START TRANSACTION}, {@code COMMIT}, {@code ROLLBACK}, {@code END}, upper case. */
    record TransactionControl(String statement) implements SqlFact {
    }

    /** MariaDB/MySQL's {@code ALGORITHM=INSTANT|NOCOPY|INPLACE|COPY|DEFAULT} on an ALTER TABLE, upper case. */
    record Algorithm(String table, String algorithm) implements SqlFact {
    }

    /**
     * A PostgreSQL statement that PostgreSQL refuses inside a transaction block ("cannot run inside a
     * transaction block"): {@code VACUUM}, {@code REINDEX ... CONCURRENTLY}, {@code CLUSTER} without a table,
     * {@code CREATE/DROP DATABASE}.
     *
     * @param statement the statement's command, for example {@code VACUUM FULL} or {@code REINDEX CONCURRENTLY}
     * @param table     the table it names, or null
     */
    record OutsideTransactionOnly(String statement, String table) implements SqlFact {
    }

    /**
     * A PostgreSQL statement that rewrites a whole table, or blocks it for the length of a scan or an index
     * build, under a lock that stops reads or writes: {@code CLUSTER}, {@code REINDEX} (not concurrently),
     * {@code REFRESH MATERIALIZED VIEW} (not concurrently), {@code ALTER TABLE ... SET TABLESPACE / SET LOGGED /
     * SET UNLOGGED}.
     *
     * @param statement the command as findings name it, for example {@code CLUSTER} or {@code SET LOGGED}
     * @param table     the table, index or materialized view it names
     */
    record WholeTableRewrite(String statement, String table) implements SqlFact {
    }

    /** {@code LOCK [TABLE] t [IN mode MODE]}; {@code mode} upper case, ACCESS EXCLUSIVE when not written. */
    record LockTable(String table, String mode) implements SqlFact {
    }

    /** PostgreSQL's {@code ALTER TYPE type ADD VALUE 'value'}. */
    record AddEnumValue(String type, String value) implements SqlFact {
    }

    /**
     * DDL that takes a brief lock on an existing table without reading its rows: {@code CREATE TRIGGER},
     * {@code ALTER TABLE ... ENABLE/DISABLE TRIGGER}.
     */
    record BriefTableLock(String table, String statement) implements SqlFact {
    }

    /** {@code DROP SCHEMA s CASCADE} (also drops every table in it); MariaDB's DROP SCHEMA is DROP DATABASE. */
    record DropSchema(String schema, boolean cascade) implements SqlFact {
    }

    /** {@code DROP DATABASE name}. */
    record DropDatabase(String name) implements SqlFact {
    }

    /**
     * A generated (computed) column added to a table: {@code stored} when its values are written to the
     * rows ({@code STORED}, MariaDB's {@code PERSISTENT}), so every existing row gets one.
     */
    record AddGeneratedColumn(String table, String column, String type, boolean stored) implements SqlFact {
    }

    /** MariaDB/MySQL's {@code ALTER TABLE t CONVERT TO CHARACTER SET cs}: every text column changes type. */
    record ConvertCharset(String table, String charset) implements SqlFact {
    }

    /** MariaDB/MySQL's FULLTEXT or SPATIAL index ({@code kind}), added by CREATE or ALTER TABLE ... ADD. */
    record SpecialIndex(String table, String name, String kind) implements SqlFact {
    }

    /** MariaDB/MySQL's table rebuilds: {@code OPTIMIZE TABLE}, {@code ALTER TABLE ... FORCE}, {@code ENGINE=}. */
    record RebuildTable(String table, String statement) implements SqlFact {
    }

    /** MariaDB/MySQL's {@code LOCK=NONE|SHARED|EXCLUSIVE|DEFAULT} on an ALTER TABLE, upper case. */
    record LockOption(String table, String lock) implements SqlFact {
    }

    /** Understood and harmless for every rule (a comment, a query, a grant). */
    record Harmless() implements SqlFact {
    }
}
