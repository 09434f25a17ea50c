package dev.migrate.maven;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.migrate.ops.AddColumn;
import dev.migrate.ops.AddConstraint;
import dev.migrate.ops.AlterColumn;
import dev.migrate.ops.AlterSequence;
import dev.migrate.ops.BatchedUpdate;
import dev.migrate.ops.BulkInsert;
import dev.migrate.ops.Column;
import dev.migrate.ops.ColumnType;
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
import dev.migrate.ops.OperationVisitor;
import dev.migrate.ops.ReferentialAction;
import dev.migrate.ops.RenameTable;
import dev.migrate.ops.ServerDefault;
import dev.migrate.ops.TableComment;
import dev.migrate.ops.TableConstraint;
import dev.migrate.ops.WithConnection;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * One typed operation as the Java statement that records it ({@code op.createTable("tickets", t -> { ... });}),
 * for generated revisions: compiling and running the statement records an operation equal to the given one.
 */
final class OperationCode implements OperationVisitor<CodeBlock> {

    private static final ClassName COLUMN_TYPE = ClassName.get(ColumnType.class);
    private static final ClassName ACTION = ClassName.get(ReferentialAction.class);
    private static final ClassName LIST = ClassName.get(List.class);

    static final OperationCode INSTANCE = new OperationCode();

    private OperationCode() {
    }

    @Override
    public CodeBlock visitCreateTable(CreateTable operation) {
        CodeBlock.Builder code = CodeBlock.builder().add("op.createTable($S, t -> {\n", operation.table().toString()).indent();
        for (Column column : operation.columns()) {
            code.add("t.column($S, $L$L);\n", column.name(), type(column.type()), columnOptions(column, List.of()));
        }
        for (TableConstraint constraint : operation.constraints()) {
            if (constraint instanceof TableConstraint.PrimaryKey pk) {
                code.add("t.primaryKeyNamed($S$L);\n", pk.name(), strings(pk.columns()));
            } else if (constraint instanceof TableConstraint.Unique unique) {
                code.add("t.uniqueNamed($S$L);\n", unique.name(), strings(unique.columns()));
            } else if (constraint instanceof TableConstraint.Check check) {
                code.add("t.check($S, $S);\n", check.name(), check.condition());
            } else if (constraint instanceof TableConstraint.ForeignKey fk) {
                code.add("t.foreignKey($L).references($S$L).name($S)$L;\n", strings(fk.columns()).substring(2),
                        fk.referencedTable().toString(), strings(fk.referencedColumns()), fk.name(), actions(fk, ""));
            }
        }
        if (operation.comment() != null) {
            code.add("t.comment($S);\n", operation.comment());
        }
        return code.unindent().add("});\n").build();
    }

    @Override
    public CodeBlock visitDropTable(DropTable operation) {
        return CodeBlock.of("op.dropTable($S);\n", operation.table().toString());
    }

    @Override
    public CodeBlock visitRenameTable(RenameTable operation) {
        return CodeBlock.of("op.renameTable($S, $S);\n", operation.table().toString(), operation.newName());
    }

    @Override
    public CodeBlock visitAddColumn(AddColumn operation) {
        Column column = operation.column();
        return CodeBlock.of("op.addColumn($S, $S, $L$L);\n", operation.table().toString(), column.name(), type(column.type()),
                columnOptions(column, operation.constraints()));
    }

    @Override
    public CodeBlock visitDropColumn(DropColumn operation) {
        return CodeBlock.of("op.dropColumn($S, $S);\n", operation.table().toString(), operation.column());
    }

    @Override
    public CodeBlock visitAlterColumn(AlterColumn operation) {
        if (operation.newName() != null && operation.type() == null && operation.nullable() == null
                && operation.serverDefault() == null && !operation.dropDefault() && operation.comment() == null
                && !operation.dropComment()) {
            return CodeBlock.of("op.renameColumn($S, $S, $S);\n", operation.table().toString(), operation.column(),
                    operation.newName());
        }
        CodeBlock.Builder calls = CodeBlock.builder();
        if (operation.type() != null) {
            calls.add(".type($L)", type(operation.type()));
        }
        if (operation.using() != null) {
            calls.add(".using($S)", operation.using());
        }
        if (operation.nullable() != null) {
            calls.add(operation.nullable() ? ".nullable()" : ".notNull()");
        }
        if (operation.serverDefault() != null) {
            calls.add(defaultCall(operation.serverDefault()));
        }
        if (operation.dropDefault()) {
            calls.add(".dropDefault()");
        }
        if (operation.comment() != null) {
            calls.add(".comment($S)", operation.comment());
        }
        if (operation.dropComment()) {
            calls.add(".dropComment()");
        }
        if (operation.newName() != null) {
            calls.add(".rename($S)", operation.newName());
        }
        return CodeBlock.of("op.alterColumn($S, $S, c -> c$L);\n", operation.table().toString(), operation.column(),
                calls.build());
    }

    @Override
    public CodeBlock visitTableComment(TableComment operation) {
        return operation.comment() == null
                ? CodeBlock.of("op.dropTableComment($S);\n", operation.table().toString())
                : CodeBlock.of("op.setTableComment($S, $S);\n", operation.table().toString(), operation.comment());
    }

    @Override
    public CodeBlock visitCreateIndex(CreateIndex operation) {
        List<IndexKey> keys = operation.keys();
        int leading = IndexKey.leadingColumns(keys);
        List<String> columns = keys.subList(0, leading).stream().map(IndexKey::text).toList();
        CodeBlock.Builder options = CodeBlock.builder();
        // Every key after the leading columns in its place: a column after an expression stays there.
        keys.subList(leading, keys.size()).forEach(k -> options.add(k.expression() ? ".expression($S)" : ".column($S)",
                k.text()));
        if (operation.unique()) {
            options.add(".unique()");
        }
        if (operation.where() != null) {
            options.add(".where($S)", operation.where());
        }
        if (operation.concurrently()) {
            options.add(".concurrently()");
        }
        CodeBlock built = options.build();
        if (built.isEmpty() && !columns.isEmpty()) {
            return CodeBlock.of("op.createIndex($S, $S$L);\n", operation.name(), operation.table().toString(), strings(columns));
        }
        return CodeBlock.of("op.createIndex($S, $S, $T.of($L), ix -> ix$L);\n", operation.name(), operation.table().toString(),
                LIST, strings(columns).isEmpty() ? "" : strings(columns).substring(2), built.isEmpty() ? CodeBlock.of("") : built);
    }

    @Override
    public CodeBlock visitDropIndex(DropIndex operation) {
        if (!operation.concurrently() && !operation.ifExists()) {
            return CodeBlock.of("op.dropIndex($S, $S);\n", operation.name(), operation.table().toString());
        }
        return CodeBlock.of("op.dropIndex($S, $S, ix -> ix$L$L);\n", operation.name(), operation.table().toString(),
                operation.concurrently() ? ".concurrently()" : "", operation.ifExists() ? ".ifExists()" : "");
    }

    @Override
    public CodeBlock visitAddConstraint(AddConstraint operation) {
        String table = operation.table().toString();
        TableConstraint constraint = operation.constraint();
        if (operation.usingIndex() != null) {
            return CodeBlock.of("op.$L($S, $S, $T.of($L), k -> k.usingIndex($S));\n",
                    constraint instanceof TableConstraint.PrimaryKey ? "addPrimaryKey" : "addUnique", constraint.name(), table,
                    LIST, strings(constraint.columns()).substring(2), operation.usingIndex());
        }
        if (constraint instanceof TableConstraint.PrimaryKey pk) {
            return CodeBlock.of("op.addPrimaryKey($S, $S$L);\n", pk.name(), table, strings(pk.columns()));
        } else if (constraint instanceof TableConstraint.Unique unique) {
            return CodeBlock.of("op.addUnique($S, $S$L);\n", unique.name(), table, strings(unique.columns()));
        } else if (constraint instanceof TableConstraint.Check check) {
            return operation.notValid()
                    ? CodeBlock.of("op.addCheck($S, $S, $S, c -> c.notValid());\n", check.name(), table, check.condition())
                    : CodeBlock.of("op.addCheck($S, $S, $S);\n", check.name(), table, check.condition());
        }
        TableConstraint.ForeignKey fk = (TableConstraint.ForeignKey) constraint;
        if (fk.onDelete() == null && fk.onUpdate() == null && !operation.notValid()) {
            return CodeBlock.of("op.addForeignKey($S, $S, $T.of($L), $S, $T.of($L));\n", fk.name(), table, LIST,
                    strings(fk.columns()).substring(2), fk.referencedTable().toString(), LIST,
                    strings(fk.referencedColumns()).substring(2));
        }
        return CodeBlock.of("op.addForeignKey($S, $S, $T.of($L), $S, $T.of($L), a -> a$L);\n", fk.name(), table, LIST,
                strings(fk.columns()).substring(2), fk.referencedTable().toString(), LIST,
                strings(fk.referencedColumns()).substring(2),
                CodeBlock.builder().add(actions(fk, "")).add(operation.notValid() ? ".notValid()" : "").build());
    }

    @Override
    public CodeBlock visitDropConstraint(DropConstraint operation) {
        return CodeBlock.of("op.dropConstraint($S, $S);\n", operation.name(), operation.table().toString());
    }

    @Override
    public CodeBlock visitValidateConstraint(dev.migrate.ops.ValidateConstraint operation) {
        return operation.ownTransaction()
                ? CodeBlock.of("op.validateConstraint($S, $S, v -> v.inOwnTransaction());\n", operation.name(),
                        operation.table().toString())
                : CodeBlock.of("op.validateConstraint($S, $S);\n", operation.name(), operation.table().toString());
    }

    @Override
    public CodeBlock visitCreateSequence(CreateSequence operation) {
        if (operation.start() == null && operation.increment() == null && !operation.noCache()) {
            return CodeBlock.of("op.createSequence($S);\n", operation.sequence().toString());
        }
        return CodeBlock.of("op.createSequence($S, s -> s$L$L$L);\n", operation.sequence().toString(),
                operation.start() == null ? "" : ".startWith(" + operation.start() + "L)",
                operation.increment() == null ? "" : ".incrementBy(" + operation.increment() + "L)",
                operation.noCache() ? ".noCache()" : "");
    }

    @Override
    public CodeBlock visitAlterSequence(AlterSequence operation) {
        return CodeBlock.of("op.alterSequence($S, s -> s$L$L$L$L$L$L);\n", operation.sequence().toString(),
                operation.increment() == null ? "" : ".incrementBy(" + operation.increment() + "L)",
                operation.minValue() == null ? "" : ".minValue(" + operation.minValue() + "L)",
                operation.maxValue() == null ? "" : ".maxValue(" + operation.maxValue() + "L)",
                operation.start() == null ? "" : ".startWith(" + operation.start() + "L)",
                operation.restart() == null ? "" : ".restartWith(" + operation.restart() + "L)",
                operation.cycle() == null ? "" : ".cycle(" + operation.cycle() + ")");
    }

    @Override
    public CodeBlock visitCreateSchema(CreateSchema operation) {
        return CodeBlock.of("op.createSchema($S);\n", operation.name());
    }

    @Override
    public CodeBlock visitDropSchema(DropSchema operation) {
        return CodeBlock.of("op.dropSchema($S);\n", operation.name());
    }

    @Override
    public CodeBlock visitDropSequence(DropSequence operation) {
        return CodeBlock.of("op.dropSequence($S);\n", operation.sequence().toString());
    }

    @Override
    public CodeBlock visitExecuteSql(ExecuteSql operation) {
        return CodeBlock.of("op.execute($S);\n", operation.sql());
    }

    @Override
    public CodeBlock visitBulkInsert(BulkInsert operation) {
        throw new IllegalArgumentException("autogenerate writes no data operations (bulkInsert)");
    }

    @Override
    public CodeBlock visitBatchedUpdate(BatchedUpdate operation) {
        throw new IllegalArgumentException("autogenerate writes no data operations (batchedUpdate)");
    }

    @Override
    public CodeBlock visitWithConnection(WithConnection operation) {
        throw new IllegalArgumentException("autogenerate writes no data operations (withConnection)");
    }

    /** {@code ColumnType.varchar(80)}, {@code ColumnType.BIGINT}, {@code ColumnType.sql("inet")}, ... */
    static CodeBlock type(ColumnType type) {
        return type.accept(new ColumnType.Visitor<>() {
            @Override
            public CodeBlock visitBasic(ColumnType.Basic basic) {
                return CodeBlock.of("$T.$L", COLUMN_TYPE, basic.name());
            }

            @Override
            public CodeBlock visitVarchar(ColumnType.Varchar varchar) {
                return CodeBlock.of("$T.varchar($L)", COLUMN_TYPE, varchar.length());
            }

            @Override
            public CodeBlock visitNumeric(ColumnType.Numeric numeric) {
                return CodeBlock.of("$T.numeric($L, $L)", COLUMN_TYPE, numeric.precision(), numeric.scale());
            }

            @Override
            public CodeBlock visitEnumCheck(ColumnType.EnumCheck check) {
                return CodeBlock.of("$T.enumOf($L)", COLUMN_TYPE, strings(check.values()).substring(2));
            }

            @Override
            public CodeBlock visitSql(ColumnType.Sql sql) {
                return CodeBlock.of("$T.sql($S)", COLUMN_TYPE, sql.definition());
            }
        });
    }

    /** {@code , c -> c.identity().notNull().defaultValue(0)}, or nothing when the column has no option. */
    private static CodeBlock columnOptions(Column column, List<TableConstraint> constraints) {
        CodeBlock.Builder calls = CodeBlock.builder();
        if (column.identity()) {
            calls.add(".identity()");
        }
        if (!column.nullable() && !column.identity()) {
            calls.add(".notNull()");
        }
        if (column.serverDefault() != null) {
            calls.add(defaultCall(column.serverDefault()));
        }
        for (TableConstraint constraint : constraints) {
            calls.add(constraint instanceof TableConstraint.PrimaryKey ? ".primaryKey()" : ".unique()");
        }
        if (column.comment() != null) {
            calls.add(".comment($S)", column.comment());
        }
        CodeBlock built = calls.build();
        return built.isEmpty() ? built : CodeBlock.of(", c -> c$L", built);
    }

    private static CodeBlock defaultCall(ServerDefault serverDefault) {
        if (serverDefault instanceof ServerDefault.Expression expression) {
            return CodeBlock.of(".defaultSql($S)", expression.sql());
        }
        Object value = ((ServerDefault.Value) serverDefault).value();
        if (value instanceof String text) {
            return CodeBlock.of(".defaultValue($S)", text);
        } else if (value instanceof Integer || value instanceof Boolean || value instanceof Short) {
            return CodeBlock.of(".defaultValue($L)", value);
        } else if (value instanceof Long number) {
            return CodeBlock.of(".defaultValue($LL)", number);
        } else if (value instanceof BigDecimal decimal) {
            return CodeBlock.of(".defaultValue(new $T($S))", BigDecimal.class, decimal.toPlainString());
        } else if (value instanceof Double || value instanceof Float) {
            return CodeBlock.of(".defaultValue($Ld)", value);
        }
        return CodeBlock.of(".defaultValue($T.parse($S))", value.getClass(), value.toString());
    }

    private static CodeBlock actions(TableConstraint.ForeignKey fk, String prefix) {
        CodeBlock.Builder code = CodeBlock.builder().add(prefix);
        if (fk.onDelete() != null) {
            code.add(".onDelete($T.$L)", ACTION, fk.onDelete().name());
        }
        if (fk.onUpdate() != null) {
            code.add(".onUpdate($T.$L)", ACTION, fk.onUpdate().name());
        }
        return code.build();
    }

    /** {@code , "a", "b"}: string literals, each after a comma, for varargs after other arguments. */
    private static String strings(List<String> values) {
        List<String> literals = new ArrayList<>();
        values.forEach(v -> literals.add(CodeBlock.of("$S", v).toString()));
        return literals.isEmpty() ? "" : ", " + String.join(", ", literals);
    }
}
