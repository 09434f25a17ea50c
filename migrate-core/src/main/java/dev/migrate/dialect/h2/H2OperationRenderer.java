package dev.migrate.dialect.h2;

import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.OperationRenderer;
import dev.migrate.dialect.SqlStatement;
import dev.migrate.ops.AddConstraint;
import dev.migrate.ops.ColumnType;
import dev.migrate.ops.CreateIndex;
import dev.migrate.ops.DropIndex;
import dev.migrate.ops.QualifiedName;
import dev.migrate.ops.TableConstraint;
import java.util.ArrayList;
import java.util.List;

/**
 * H2's differences from the standard rendering. {@code concurrently()} renders a normal index
 * build: H2 runs embedded, with no concurrent writers for CONCURRENTLY to protect, so the same
 * revision can serve PostgreSQL in production and H2 in tests. Partial and expression indexes
 * and {@code USING} have no H2 equivalent and fail with a message.
 */
public class H2OperationRenderer extends OperationRenderer {

    public H2OperationRenderer(Dialect dialect, String schema) {
        super(dialect, schema);
    }

    /** TEXT would be a CLOB in H2, which cannot be compared or indexed; VARCHAR without length behaves like PostgreSQL's TEXT. */
    @Override
    protected String basicType(ColumnType.Basic type) {
        return type == ColumnType.Basic.TEXT ? "CHARACTER VARYING" : super.basicType(type);
    }

    @Override
    protected void checkIndexOptions(CreateIndex operation) {
        String subject = "createIndex " + operation.name();
        if (operation.where() != null) {
            throw unsupported(subject, "where", "H2 has no partial indexes; remove where(...) to index all rows");
        }
        if (operation.keys().stream().anyMatch(key -> key.expression())) {
            throw unsupported(subject, "expression", "H2 indexes columns only; index a generated column instead");
        }
    }

    @Override
    protected boolean concurrently(boolean requested) {
        return false;
    }

    /** H2 puts an unqualified index into the session's schema, not the table's, so qualify it. */
    @Override
    protected String indexName(String name, QualifiedName table) {
        return dialect.qualify(effectiveSchema(table), name);
    }

    /**
     * H2 cannot hand an index over to a constraint: ADD CONSTRAINT would borrow the unique index
     * without owning it, so a later dropConstraint would leave the index behind (and the index could
     * not be dropped while the constraint uses it). So the index goes and the constraint builds its
     * own: the end state of a plain addUnique/addPrimaryKey, which is PostgreSQL's after USING INDEX.
     * A primary key's columns are set NOT NULL first, as PostgreSQL does, so a NULL fails before the
     * index is dropped. H2 runs embedded, with no concurrent writers for the rebuild to block. Unlike
     * PostgreSQL, an index that is not unique is accepted: the constraint added holds either way.
     */
    @Override
    protected List<SqlStatement> takeOverIndex(AddConstraint operation) {
        String table = table(operation.table());
        List<SqlStatement> statements = new ArrayList<>();
        if (operation.constraint() instanceof TableConstraint.PrimaryKey key) {
            for (String column : key.columns()) {
                statements.add(SqlStatement.of("ALTER TABLE " + table + " ALTER COLUMN " + quote(column) + " SET NOT NULL"));
            }
        }
        statements.addAll(visitDropIndex(new DropIndex(operation.usingIndex(), operation.table(), false, false)));
        statements.add(SqlStatement.of("ALTER TABLE " + table + " ADD " + constraint(operation.constraint())));
        return statements;
    }

    @Override
    protected String rowIdColumn() {
        return "_ROWID_";
    }
}
