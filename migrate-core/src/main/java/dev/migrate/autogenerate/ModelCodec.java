package dev.migrate.autogenerate;

import static dev.migrate.autogenerate.CodecStreams.count;
import static dev.migrate.autogenerate.CodecStreams.required;
import static dev.migrate.autogenerate.CodecStreams.string;

import dev.migrate.ops.AddConstraint;
import dev.migrate.ops.Column;
import dev.migrate.ops.ColumnType;
import dev.migrate.ops.CreateIndex;
import dev.migrate.ops.CreateSequence;
import dev.migrate.ops.CreateTable;
import dev.migrate.ops.IndexKey;
import dev.migrate.ops.Operation;
import dev.migrate.ops.QualifiedName;
import dev.migrate.ops.ReferentialAction;
import dev.migrate.ops.ServerDefault;
import dev.migrate.ops.TableConstraint;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link ModelSchema} as bytes and back, for {@link ModelReadCache}: the operations a model
 * source returns (sequences, tables with their columns and constraints, indexes, added
 * constraints). A plain format of our own, as {@link SnapshotCodec}'s: reading a file creates
 * nothing but these values, and a model holding anything else is not encoded at all (it is read
 * again next time) rather than encoded in part.
 */
final class ModelCodec {

    /** Raised when the operation records change. */
    private static final int FORMAT = 1;

    private static final int CREATE_TABLE = 1;
    private static final int CREATE_INDEX = 2;
    private static final int CREATE_SEQUENCE = 3;
    private static final int ADD_CONSTRAINT = 4;

    private ModelCodec() {
    }

    /** The model as bytes; null when it holds an operation or a value this format does not carry. */
    static byte[] encode(ModelSchema model) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(FORMAT);
            string(out, model.source());
            out.writeInt(model.operations().size());
            for (Operation operation : model.operations()) {
                if (!operation(out, operation)) {
                    return null;
                }
            }
        } catch (IOException e) {
            return null; // in memory: does not happen
        }
        return bytes.toByteArray();
    }

    /** The model {@code bytes} hold; an {@link IOException} when they are not one of this format. */
    static ModelSchema decode(byte[] bytes) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (in.readInt() != FORMAT) {
                throw new IOException("another format");
            }
            String source = required(in);
            List<Operation> operations = new ArrayList<>();
            for (int n = count(in); n > 0; n--) {
                operations.add(operation(in));
            }
            if (in.read() != -1) {
                throw new IOException("bytes after the model");
            }
            return new ModelSchema(source, operations);
        } catch (RuntimeException e) { // a record refusing a value: not a model this codec wrote
            throw new IOException(e.getMessage(), e);
        }
    }

    private static boolean operation(DataOutputStream out, Operation operation) throws IOException {
        if (operation instanceof CreateTable create) {
            out.writeInt(CREATE_TABLE);
            name(out, create.table());
            out.writeInt(create.columns().size());
            for (Column column : create.columns()) {
                string(out, column.name());
                if (!type(out, column.type()) || !serverDefault(out, column.serverDefault())) {
                    return false;
                }
                out.writeBoolean(column.nullable());
                out.writeBoolean(column.identity());
                string(out, column.comment());
            }
            out.writeInt(create.constraints().size());
            for (TableConstraint constraint : create.constraints()) {
                constraint(out, constraint);
            }
            string(out, create.comment());
            return true;
        }
        if (operation instanceof CreateIndex index) {
            out.writeInt(CREATE_INDEX);
            string(out, index.name());
            name(out, index.table());
            out.writeInt(index.keys().size());
            for (IndexKey key : index.keys()) {
                string(out, key.text());
                out.writeBoolean(key.expression());
            }
            out.writeBoolean(index.unique());
            string(out, index.where());
            out.writeBoolean(index.concurrently());
            return true;
        }
        if (operation instanceof CreateSequence sequence) {
            out.writeInt(CREATE_SEQUENCE);
            name(out, sequence.sequence());
            optionalLong(out, sequence.start());
            optionalLong(out, sequence.increment());
            out.writeBoolean(sequence.noCache());
            return true;
        }
        if (operation instanceof AddConstraint add) {
            out.writeInt(ADD_CONSTRAINT);
            name(out, add.table());
            constraint(out, add.constraint());
            out.writeBoolean(add.notValid());
            string(out, add.usingIndex());
            return true;
        }
        return false;
    }

    private static Operation operation(DataInputStream in) throws IOException {
        int kind = in.readInt();
        switch (kind) {
            case CREATE_TABLE -> {
                QualifiedName table = name(in);
                List<Column> columns = new ArrayList<>();
                for (int n = count(in); n > 0; n--) {
                    String name = required(in);
                    ColumnType type = type(in);
                    ServerDefault serverDefault = serverDefault(in);
                    boolean nullable = in.readBoolean();
                    boolean identity = in.readBoolean();
                    columns.add(new Column(name, type, nullable, serverDefault, identity, string(in)));
                }
                List<TableConstraint> constraints = new ArrayList<>();
                for (int n = count(in); n > 0; n--) {
                    constraints.add(constraint(in));
                }
                return new CreateTable(table, columns, constraints, string(in));
            }
            case CREATE_INDEX -> {
                String name = required(in);
                QualifiedName table = name(in);
                List<IndexKey> keys = new ArrayList<>();
                for (int n = count(in); n > 0; n--) {
                    keys.add(new IndexKey(required(in), in.readBoolean()));
                }
                boolean unique = in.readBoolean();
                String where = string(in);
                return new CreateIndex(name, table, keys, unique, where, in.readBoolean());
            }
            case CREATE_SEQUENCE -> {
                QualifiedName sequence = name(in);
                Long start = optionalLong(in);
                Long increment = optionalLong(in);
                return new CreateSequence(sequence, start, increment, in.readBoolean());
            }
            case ADD_CONSTRAINT -> {
                QualifiedName table = name(in);
                TableConstraint constraint = constraint(in);
                boolean notValid = in.readBoolean();
                return new AddConstraint(table, constraint, notValid, string(in));
            }
            default -> throw new IOException("no operation kind " + kind);
        }
    }

    private static boolean type(DataOutputStream out, ColumnType type) throws IOException {
        if (type instanceof ColumnType.Basic basic) {
            out.writeByte('B');
            string(out, basic.name());
        } else if (type instanceof ColumnType.Varchar varchar) {
            out.writeByte('V');
            out.writeInt(varchar.length());
        } else if (type instanceof ColumnType.Numeric numeric) {
            out.writeByte('N');
            out.writeInt(numeric.precision());
            out.writeInt(numeric.scale());
        } else if (type instanceof ColumnType.EnumCheck enumCheck) {
            out.writeByte('E');
            strings(out, enumCheck.values());
        } else if (type instanceof ColumnType.Sql sql) {
            out.writeByte('S');
            string(out, sql.definition());
        } else {
            return false;
        }
        return true;
    }

    private static ColumnType type(DataInputStream in) throws IOException {
        int kind = in.readByte();
        return switch (kind) {
            case 'B' -> ColumnType.Basic.valueOf(required(in));
            case 'V' -> new ColumnType.Varchar(in.readInt());
            case 'N' -> new ColumnType.Numeric(in.readInt(), in.readInt());
            case 'E' -> new ColumnType.EnumCheck(strings(in));
            case 'S' -> new ColumnType.Sql(required(in));
            default -> throw new IOException("no column type kind " + kind);
        };
    }

    /** Defaults as SQL text, or literal values of the kinds a model source gives; false for any other value. */
    private static boolean serverDefault(DataOutputStream out, ServerDefault serverDefault) throws IOException {
        if (serverDefault == null) {
            out.writeByte('-');
        } else if (serverDefault instanceof ServerDefault.Expression expression) {
            out.writeByte('X');
            string(out, expression.sql());
        } else if (serverDefault instanceof ServerDefault.Value value && literalKind(value.value()) != 0) {
            out.writeByte(literalKind(value.value()));
            string(out, value.value().toString());
        } else {
            return false;
        }
        return true;
    }

    private static byte literalKind(Object value) {
        if (value instanceof String) {
            return 's';
        }
        if (value instanceof Integer) {
            return 'i';
        }
        if (value instanceof Long) {
            return 'l';
        }
        if (value instanceof Boolean) {
            return 'b';
        }
        if (value instanceof BigDecimal) {
            return 'd';
        }
        return 0;
    }

    private static ServerDefault serverDefault(DataInputStream in) throws IOException {
        int kind = in.readByte();
        if (kind == '-') {
            return null;
        }
        String text = required(in);
        return switch (kind) {
            case 'X' -> new ServerDefault.Expression(text);
            case 's' -> new ServerDefault.Value(text);
            case 'i' -> new ServerDefault.Value(Integer.valueOf(text));
            case 'l' -> new ServerDefault.Value(Long.valueOf(text));
            case 'b' -> new ServerDefault.Value(Boolean.valueOf(text));
            case 'd' -> new ServerDefault.Value(new BigDecimal(text));
            default -> throw new IOException("no default kind " + kind);
        };
    }

    private static void constraint(DataOutputStream out, TableConstraint constraint) throws IOException {
        if (constraint instanceof TableConstraint.PrimaryKey key) {
            out.writeByte('P');
            string(out, key.name());
            strings(out, key.columns());
        } else if (constraint instanceof TableConstraint.Unique unique) {
            out.writeByte('U');
            string(out, unique.name());
            strings(out, unique.columns());
        } else if (constraint instanceof TableConstraint.Check check) {
            out.writeByte('C');
            string(out, check.name());
            string(out, check.condition());
        } else if (constraint instanceof TableConstraint.ForeignKey key) {
            out.writeByte('F');
            string(out, key.name());
            strings(out, key.columns());
            name(out, key.referencedTable());
            strings(out, key.referencedColumns());
            string(out, key.onDelete() == null ? null : key.onDelete().name());
            string(out, key.onUpdate() == null ? null : key.onUpdate().name());
        } else {
            throw new IllegalStateException("a constraint kind this format does not know: " + constraint);
        }
    }

    private static TableConstraint constraint(DataInputStream in) throws IOException {
        int kind = in.readByte();
        return switch (kind) {
            case 'P' -> new TableConstraint.PrimaryKey(string(in), strings(in));
            case 'U' -> new TableConstraint.Unique(string(in), strings(in));
            case 'C' -> new TableConstraint.Check(string(in), required(in));
            case 'F' -> new TableConstraint.ForeignKey(string(in), strings(in), name(in), strings(in), action(in), action(in));
            default -> throw new IOException("no constraint kind " + kind);
        };
    }

    private static ReferentialAction action(DataInputStream in) throws IOException {
        String name = string(in);
        return name == null ? null : ReferentialAction.valueOf(name);
    }

    private static void name(DataOutputStream out, QualifiedName name) throws IOException {
        string(out, name.schema());
        string(out, name.name());
    }

    private static QualifiedName name(DataInputStream in) throws IOException {
        String schema = string(in);
        return new QualifiedName(schema, required(in));
    }

    private static void optionalLong(DataOutputStream out, Long value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeLong(value);
        }
    }

    private static Long optionalLong(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readLong() : null;
    }

    private static void strings(DataOutputStream out, List<String> values) throws IOException {
        out.writeInt(values.size());
        for (String value : values) {
            string(out, value);
        }
    }

    private static List<String> strings(DataInputStream in) throws IOException {
        List<String> values = new ArrayList<>();
        for (int n = count(in); n > 0; n--) {
            values.add(required(in));
        }
        return values;
    }
}
