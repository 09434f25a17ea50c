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
     * @param kind       FOREIGN KEY, CHECK, UNIQUE or PRIMARY KEY
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

    record CreateTable(String table) implements SqlFact {
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

    /** TRUNCATE of one table (a statement naming several gives one each). */
    record Truncate(String table) implements SqlFact {
    }

    /** MariaDB/MySQL's {@code ALGORITHM=INSTANT|NOCOPY|INPLACE|COPY|DEFAULT} on an ALTER TABLE, upper case. */
    record Algorithm(String table, String algorithm) implements SqlFact {
    }

    /** Understood and harmless for every rule (a comment, a query, a grant). */
    record Harmless() implements SqlFact {
    }
}
