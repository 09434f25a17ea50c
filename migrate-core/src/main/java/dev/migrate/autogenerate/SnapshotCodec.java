package dev.migrate.autogenerate;

import static dev.migrate.autogenerate.CodecStreams.count;
import static dev.migrate.autogenerate.CodecStreams.required;
import static dev.migrate.autogenerate.CodecStreams.string;

import dev.migrate.dialect.ColumnSnapshot;
import dev.migrate.dialect.ConstraintSnapshot;
import dev.migrate.dialect.IndexSnapshot;
import dev.migrate.dialect.SchemaSnapshot;
import dev.migrate.dialect.SequenceSnapshot;
import dev.migrate.dialect.TableSnapshot;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link SchemaSnapshot} as bytes and back, for {@link ModelSnapshotCache}. A plain format of our
 * own (counts, flags and length-prefixed UTF-8 strings) rather than Java serialization: the records
 * stay free of {@code Serializable}, and reading a file cannot create anything but snapshot values.
 */
final class SnapshotCodec {

    /** Raised by the format's version when the snapshot records change. */
    private static final int FORMAT = 1;

    private SnapshotCodec() {
    }

    static byte[] encode(SchemaSnapshot snapshot) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(FORMAT);
            out.writeInt(snapshot.tables().size());
            for (TableSnapshot table : snapshot.tables()) {
                string(out, table.name());
                string(out, table.comment());
                out.writeInt(table.columns().size());
                for (ColumnSnapshot column : table.columns()) {
                    string(out, column.name());
                    string(out, column.type());
                    out.writeBoolean(column.nullable());
                    string(out, column.defaultValue());
                    string(out, column.comment());
                }
                out.writeInt(table.indexes().size());
                for (IndexSnapshot index : table.indexes()) {
                    string(out, index.name());
                    out.writeInt(index.columns().size());
                    for (String column : index.columns()) {
                        string(out, column);
                    }
                    out.writeBoolean(index.unique());
                    string(out, index.predicate());
                }
                out.writeInt(table.constraints().size());
                for (ConstraintSnapshot constraint : table.constraints()) {
                    out.writeInt(constraint.kind().ordinal());
                    string(out, constraint.name());
                    string(out, constraint.definition());
                    string(out, constraint.generatedName());
                }
            }
            out.writeInt(snapshot.sequences().size());
            for (SequenceSnapshot sequence : snapshot.sequences()) {
                string(out, sequence.name());
                out.writeLong(sequence.start());
                out.writeLong(sequence.increment());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in memory: does not happen
        }
        return bytes.toByteArray();
    }

    /** The snapshot {@code bytes} hold; an {@link IOException} when they are not one of this format. */
    static SchemaSnapshot decode(byte[] bytes) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (in.readInt() != FORMAT) {
                throw new IOException("another format");
            }
            List<TableSnapshot> tables = new ArrayList<>();
            for (int t = count(in); t > 0; t--) {
                String name = required(in);
                String comment = string(in);
                List<ColumnSnapshot> columns = new ArrayList<>();
                for (int c = count(in); c > 0; c--) {
                    columns.add(new ColumnSnapshot(required(in), required(in), in.readBoolean(), string(in), string(in)));
                }
                List<IndexSnapshot> indexes = new ArrayList<>();
                for (int i = count(in); i > 0; i--) {
                    String index = required(in);
                    List<String> keys = new ArrayList<>();
                    for (int k = count(in); k > 0; k--) {
                        keys.add(required(in));
                    }
                    indexes.add(new IndexSnapshot(index, keys, in.readBoolean(), string(in)));
                }
                List<ConstraintSnapshot> constraints = new ArrayList<>();
                ConstraintSnapshot.Kind[] kinds = ConstraintSnapshot.Kind.values();
                for (int k = count(in); k > 0; k--) {
                    int kind = in.readInt();
                    if (kind < 0 || kind >= kinds.length) {
                        throw new IOException("no constraint kind " + kind);
                    }
                    constraints.add(new ConstraintSnapshot(kinds[kind], string(in), required(in), string(in)));
                }
                tables.add(new TableSnapshot(name, columns, indexes, constraints, comment));
            }
            List<SequenceSnapshot> sequences = new ArrayList<>();
            for (int s = count(in); s > 0; s--) {
                sequences.add(new SequenceSnapshot(required(in), in.readLong(), in.readLong()));
            }
            if (in.read() != -1) {
                throw new IOException("bytes after the snapshot");
            }
            return new SchemaSnapshot(tables, sequences);
        } catch (RuntimeException e) { // a record refusing a value: not a snapshot this codec wrote
            throw new IOException(e.getMessage(), e);
        }
    }
}
