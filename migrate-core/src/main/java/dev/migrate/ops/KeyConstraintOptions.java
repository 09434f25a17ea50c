package dev.migrate.ops;

/**
 * The options of {@code op.addUnique(name, table, columns, k -> k.usingIndex("ix"))} and of
 * {@code op.addPrimaryKey(...)} in the same form.
 */
public final class KeyConstraintOptions {

    private String usingIndex;

    public KeyConstraintOptions() {
    }

    /**
     * Makes the constraint take over the unique index {@code indexName} over the same columns, built
     * before, typically with {@code ix -> ix.unique().concurrently()}: the safe way to add a unique or
     * primary key to a large table, as the constraint then builds no index of its own while the table
     * is locked. The index becomes the constraint's (renamed to the constraint's name where the
     * database renames it), so {@code op.dropConstraint(name, table)} removes both.
     *
     * <p>PostgreSQL: {@code ADD CONSTRAINT name UNIQUE | PRIMARY KEY USING INDEX indexName} (brief
     * lock; a primary key also makes its columns NOT NULL). MariaDB/MySQL, where a unique index already
     * is the unique constraint: {@code RENAME INDEX indexName TO name} after checking the index is
     * unique; a primary key replaces the index with {@code DROP INDEX indexName, ADD PRIMARY KEY},
     * which rebuilds the table. H2 (embedded, nothing to protect): drops the index and adds the
     * constraint with an index of its own, after making a primary key's columns NOT NULL; it does not
     * check that the index was unique, as the key it adds holds either way. Other databases
     * refuse the option with a message naming it.
     */
    public KeyConstraintOptions usingIndex(String indexName) {
        usingIndex = indexName == null ? "" : indexName;
        return this;
    }

    /** The index to take over, or null when the constraint builds its own. */
    public String usingIndex() {
        return usingIndex;
    }
}
