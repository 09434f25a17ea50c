package dev.migrate.autogenerate;

import dev.migrate.Operations;
import dev.migrate.ops.AddColumn;
import dev.migrate.ops.AddConstraint;
import dev.migrate.ops.AlterColumn;
import dev.migrate.ops.AlterSequence;
import dev.migrate.ops.BatchedUpdate;
import dev.migrate.ops.BulkInsert;
import dev.migrate.ops.Column;
import dev.migrate.ops.ColumnBuilder;
import dev.migrate.ops.CreateIndex;
import dev.migrate.ops.CreateSchema;
import dev.migrate.ops.CreateSequence;
import dev.migrate.ops.CreateTable;
import dev.migrate.ops.DropColumn;
import dev.migrate.ops.DropConstraint;
import dev.migrate.ops.DropIndex;
import dev.migrate.ops.DropSchema;
import dev.migrate.ops.DropSequence;
import dev.migrate.ops.DropTable;
import dev.migrate.ops.ExecuteSql;
import dev.migrate.ops.IndexKey;
import dev.migrate.ops.Operation;
import dev.migrate.ops.OperationVisitor;
import dev.migrate.ops.RenameTable;
import dev.migrate.ops.ServerDefault;
import dev.migrate.ops.TableComment;
import dev.migrate.ops.TableConstraint;
import dev.migrate.ops.WithConnection;
import java.util.List;

/**
 * Calls the {@link Operations} methods that record an operation equal to a given one: how a
 * generated list of operations is applied without writing it as source first (tests, tools, and
 * the same mapping the plugin writes as code).
 */
public final class OperationReplay implements OperationVisitor<Void> {

    private final Operations op;

    private OperationReplay(Operations op) {
        this.op = op;
    }

    /** Records {@code operations} on {@code op}, in order. */
    public static void replay(List<Operation> operations, Operations op) {
        OperationReplay replay = new OperationReplay(op);
        operations.forEach(operation -> operation.accept(replay));
    }

    /** The options a column builder needs to rebuild {@code column} (its name and type are given separately). */
    public static void options(Column column, ColumnBuilder c) {
        if (column.identity()) {
            c.identity();
        }
        if (!column.nullable() && !column.identity()) {
            c.notNull();
        }
        if (column.serverDefault() instanceof ServerDefault.Value value) {
            c.defaultValue(value.value());
        } else if (column.serverDefault() instanceof ServerDefault.Expression expression) {
            c.defaultSql(expression.sql());
        }
        if (column.comment() != null) {
            c.comment(column.comment());
        }
    }

    @Override
    public Void visitCreateTable(CreateTable operation) {
        op.createTable(operation.table().toString(), t -> {
            operation.columns().forEach(column -> t.column(column.name(), column.type(), c -> options(column, c)));
            for (TableConstraint constraint : operation.constraints()) {
                if (constraint instanceof TableConstraint.PrimaryKey pk) {
                    t.primaryKeyNamed(pk.name(), pk.columns().toArray(String[]::new));
                } else if (constraint instanceof TableConstraint.Unique unique) {
                    t.uniqueNamed(unique.name(), unique.columns().toArray(String[]::new));
                } else if (constraint instanceof TableConstraint.Check check) {
                    t.check(check.name(), check.condition());
                } else if (constraint instanceof TableConstraint.ForeignKey fk) {
                    var builder = t.foreignKey(fk.columns().toArray(String[]::new))
                            .references(fk.referencedTable().toString(), fk.referencedColumns().toArray(String[]::new))
                            .name(fk.name());
                    if (fk.onDelete() != null) {
                        builder.onDelete(fk.onDelete());
                    }
                    if (fk.onUpdate() != null) {
                        builder.onUpdate(fk.onUpdate());
                    }
                }
            }
            if (operation.comment() != null) {
                t.comment(operation.comment());
            }
        });
        return null;
    }

    @Override
    public Void visitDropTable(DropTable operation) {
        op.dropTable(operation.table().toString());
        return null;
    }

    @Override
    public Void visitRenameTable(RenameTable operation) {
        op.renameTable(operation.table().toString(), operation.newName());
        return null;
    }

    @Override
    public Void visitAddColumn(AddColumn operation) {
        Column column = operation.column();
        op.addColumn(operation.table().toString(), column.name(), column.type(), c -> {
            options(column, c);
            for (TableConstraint constraint : operation.constraints()) {
                if (constraint instanceof TableConstraint.PrimaryKey) {
                    c.primaryKey();
                } else if (constraint instanceof TableConstraint.Unique) {
                    c.unique();
                }
            }
        });
        return null;
    }

    @Override
    public Void visitDropColumn(DropColumn operation) {
        op.dropColumn(operation.table().toString(), operation.column());
        return null;
    }

    @Override
    public Void visitAlterColumn(AlterColumn operation) {
        op.alterColumn(operation.table().toString(), operation.column(), c -> {
            if (operation.type() != null) {
                c.type(operation.type());
            }
            if (operation.using() != null) {
                c.using(operation.using());
            }
            if (operation.nullable() != null) {
                if (operation.nullable()) {
                    c.nullable();
                } else {
                    c.notNull();
                }
            }
            if (operation.serverDefault() instanceof ServerDefault.Value value) {
                c.defaultValue(value.value());
            } else if (operation.serverDefault() instanceof ServerDefault.Expression expression) {
                c.defaultSql(expression.sql());
            }
            if (operation.dropDefault()) {
                c.dropDefault();
            }
            if (operation.comment() != null) {
                c.comment(operation.comment());
            }
            if (operation.dropComment()) {
                c.dropComment();
            }
            if (operation.newName() != null) {
                c.rename(operation.newName());
            }
        });
        return null;
    }

    @Override
    public Void visitTableComment(TableComment operation) {
        if (operation.comment() == null) {
            op.dropTableComment(operation.table().toString());
        } else {
            op.setTableComment(operation.table().toString(), operation.comment());
        }
        return null;
    }

    @Override
    public Void visitCreateIndex(CreateIndex operation) {
        // The leading columns as the column list, every later key in its place (a column after an expression too).
        List<IndexKey> keys = operation.keys();
        int leading = IndexKey.leadingColumns(keys);
        List<String> columns = keys.subList(0, leading).stream().map(IndexKey::text).toList();
        op.createIndex(operation.name(), operation.table().toString(), columns, ix -> {
            for (IndexKey key : keys.subList(leading, keys.size())) {
                if (key.expression()) {
                    ix.expression(key.text());
                } else {
                    ix.column(key.text());
                }
            }
            if (operation.unique()) {
                ix.unique();
            }
            if (operation.where() != null) {
                ix.where(operation.where());
            }
            if (operation.concurrently()) {
                ix.concurrently();
            }
        });
        return null;
    }

    @Override
    public Void visitDropIndex(DropIndex operation) {
        op.dropIndex(operation.name(), operation.table().toString(), ix -> {
            if (operation.concurrently()) {
                ix.concurrently();
            }
            if (operation.ifExists()) {
                ix.ifExists();
            }
        });
        return null;
    }

    @Override
    public Void visitAddConstraint(AddConstraint operation) {
        String table = operation.table().toString();
        TableConstraint constraint = operation.constraint();
        if (operation.usingIndex() != null && constraint instanceof TableConstraint.PrimaryKey pk) {
            op.addPrimaryKey(pk.name(), table, pk.columns(), k -> k.usingIndex(operation.usingIndex()));
        } else if (operation.usingIndex() != null && constraint instanceof TableConstraint.Unique unique) {
            op.addUnique(unique.name(), table, unique.columns(), k -> k.usingIndex(operation.usingIndex()));
        } else if (constraint instanceof TableConstraint.PrimaryKey pk) {
            op.addPrimaryKey(pk.name(), table, pk.columns().toArray(String[]::new));
        } else if (constraint instanceof TableConstraint.Unique unique) {
            op.addUnique(unique.name(), table, unique.columns().toArray(String[]::new));
        } else if (constraint instanceof TableConstraint.Check check) {
            if (operation.notValid()) {
                op.addCheck(check.name(), table, check.condition(), c -> c.notValid());
            } else {
                op.addCheck(check.name(), table, check.condition());
            }
        } else if (constraint instanceof TableConstraint.ForeignKey fk) {
            op.addForeignKey(fk.name(), table, fk.columns(), fk.referencedTable().toString(), fk.referencedColumns(), a -> {
                if (operation.notValid()) {
                    a.notValid();
                }
                if (fk.onDelete() != null) {
                    a.onDelete(fk.onDelete());
                }
                if (fk.onUpdate() != null) {
                    a.onUpdate(fk.onUpdate());
                }
            });
        }
        return null;
    }

    @Override
    public Void visitValidateConstraint(dev.migrate.ops.ValidateConstraint operation) {
        if (operation.ownTransaction()) {
            op.validateConstraint(operation.name(), operation.table().toString(), v -> v.inOwnTransaction());
        } else {
            op.validateConstraint(operation.name(), operation.table().toString());
        }
        return null;
    }

    @Override
    public Void visitDropConstraint(DropConstraint operation) {
        op.dropConstraint(operation.name(), operation.table().toString());
        return null;
    }

    @Override
    public Void visitCreateSequence(CreateSequence operation) {
        op.createSequence(operation.sequence().toString(), s -> {
            if (operation.start() != null) {
                s.startWith(operation.start());
            }
            if (operation.increment() != null) {
                s.incrementBy(operation.increment());
            }
            if (operation.noCache()) {
                s.noCache();
            }
        });
        return null;
    }

    @Override
    public Void visitAlterSequence(AlterSequence operation) {
        op.alterSequence(operation.sequence().toString(), s -> {
            if (operation.increment() != null) {
                s.incrementBy(operation.increment());
            }
            if (operation.minValue() != null) {
                s.minValue(operation.minValue());
            }
            if (operation.maxValue() != null) {
                s.maxValue(operation.maxValue());
            }
            if (operation.start() != null) {
                s.startWith(operation.start());
            }
            if (operation.restart() != null) {
                s.restartWith(operation.restart());
            }
            if (operation.cycle() != null) {
                s.cycle(operation.cycle());
            }
        });
        return null;
    }

    @Override
    public Void visitCreateSchema(CreateSchema operation) {
        op.createSchema(operation.name());
        return null;
    }

    @Override
    public Void visitDropSchema(DropSchema operation) {
        op.dropSchema(operation.name());
        return null;
    }

    @Override
    public Void visitDropSequence(DropSequence operation) {
        op.dropSequence(operation.sequence().toString());
        return null;
    }

    @Override
    public Void visitExecuteSql(ExecuteSql operation) {
        op.execute(operation.sql(), operation.parameters().toArray());
        return null;
    }

    @Override
    public Void visitBulkInsert(BulkInsert operation) {
        throw unsupported("bulkInsert");
    }

    @Override
    public Void visitBatchedUpdate(BatchedUpdate operation) {
        throw unsupported("batchedUpdate");
    }

    @Override
    public Void visitWithConnection(WithConnection operation) {
        throw unsupported("withConnection");
    }

    private static UnsupportedOperationException unsupported(String what) {
        return new UnsupportedOperationException(what + " is data work; autogenerate never produces it");
    }
}
