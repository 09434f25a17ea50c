package dev.migrate.autogenerate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.ops.AddConstraint;
import dev.migrate.ops.Column;
import dev.migrate.ops.ColumnType;
import dev.migrate.ops.CreateIndex;
import dev.migrate.ops.CreateSequence;
import dev.migrate.ops.CreateTable;
import dev.migrate.ops.IndexKey;
import dev.migrate.ops.QualifiedName;
import dev.migrate.ops.ReferentialAction;
import dev.migrate.ops.RenameTable;
import dev.migrate.ops.ServerDefault;
import dev.migrate.ops.TableConstraint;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The model read cache's format, and the cache itself: what comes back is the model read, or it is read again. */
class ModelCodecTest {

    /** Every operation, column type, default and constraint kind a model source gives. */
    static final ModelSchema MODEL = new ModelSchema("Hibernate ORM 7.4.0.Final", List.of(
            new CreateSequence(new QualifiedName(null, "ticket_seq"), 1L, 50L, true),
            new CreateSequence(new QualifiedName("audit", "plain_seq"), null, null, false),
            new CreateTable(new QualifiedName(null, "tickets"), List.of(
                    new Column("id", ColumnType.BIGINT, false, null, true, null),
                    new Column("title", ColumnType.varchar(80), false, ServerDefault.value("none, 'quoted'"), false, "Überschrift"),
                    new Column("price", ColumnType.numeric(10, 2), true, ServerDefault.value(new BigDecimal("0.50")), false, null),
                    new Column("count", ColumnType.INTEGER, true, ServerDefault.value(3), false, null),
                    new Column("big", ColumnType.BIGINT, true, ServerDefault.value(4L), false, null),
                    new Column("open", ColumnType.BOOLEAN, true, ServerDefault.value(true), false, null),
                    new Column("status", ColumnType.enumOf("open", "closed"), true, ServerDefault.sql("'open'"), false, null),
                    new Column("payload", new ColumnType.Sql("jsonb"), true, null, false, null)),
                    List.of(new TableConstraint.PrimaryKey("pk_tickets", List.of("id")),
                            new TableConstraint.Unique("uk_title", List.of("title", "price")),
                            new TableConstraint.Check("ck_count", "count > 0"),
                            new TableConstraint.ForeignKey("fk_parent", List.of("big"), new QualifiedName("audit", "parents"),
                                    List.of("id"), ReferentialAction.CASCADE, null)),
                    "the tickets"),
            new CreateIndex("ix_title", new QualifiedName(null, "tickets"),
                    List.of(IndexKey.column("title"), IndexKey.expression("lower(title)")), true, "title IS NOT NULL", false),
            new AddConstraint(new QualifiedName(null, "tickets"), new TableConstraint.ForeignKey("fk_self", List.of("count"),
                    new QualifiedName(null, "tickets"), List.of("id"), ReferentialAction.SET_NULL, ReferentialAction.RESTRICT),
                    false, null)));

    @TempDir
    Path dir;

    @Test
    void aModelComesBackEqual() throws IOException {
        assertEquals(MODEL, ModelCodec.decode(ModelCodec.encode(MODEL)));
        ModelSchema empty = new ModelSchema("nothing", List.of());
        assertEquals(empty, ModelCodec.decode(ModelCodec.encode(empty)));
    }

    @Test
    void aModelThisFormatCannotCarryIsNotEncodedInPart() {
        assertNull(ModelCodec.encode(new ModelSchema("x", List.of(new RenameTable(new QualifiedName(null, "a"), "b")))));
        assertNull(ModelCodec.encode(new ModelSchema("x", List.of(new CreateTable(new QualifiedName(null, "t"), List.of(
                new Column("day", ColumnType.DATE, true, ServerDefault.value(LocalDate.of(2026, 1, 1)), false, null)),
                List.of(), null)))), "a literal default of a kind the format does not know");
    }

    @Test
    void bytesOfAnythingElseAreRefusedNotMisread() {
        byte[] encoded = ModelCodec.encode(MODEL);
        assertThrows(IOException.class, () -> ModelCodec.decode(new byte[0]));
        assertThrows(IOException.class, () -> ModelCodec.decode(new byte[] {0, 0, 0, 9}));
        assertThrows(IOException.class, () -> ModelCodec.decode(Arrays.copyOf(encoded, encoded.length - 3)));
        assertThrows(IOException.class, () -> ModelCodec.decode(Arrays.copyOf(encoded, encoded.length + 1)));
    }

    @Test
    void theCacheRemembersTheModelForTheSameInputsOnly() throws IOException {
        ModelReadCache cache = new ModelReadCache(dir.resolve("migrate"));
        AtomicInteger reads = new AtomicInteger();
        ModelRequest request = new ModelRequest(getClass().getClassLoader(), List.of("com.acme.Ticket"), "postgresql", "jpa", null);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Files.writeString(classes.resolve("Ticket.class"), "v1");
        ModelInputs inputs = ModelInputs.of(request).classPath(classes, path -> false).build();

        assertEquals(new ModelReadCache.Read(MODEL, false), cache.read(inputs, () -> read(reads)));
        assertEquals(new ModelReadCache.Read(MODEL, true), cache.read(inputs, () -> read(reads)));
        assertEquals(1, reads.get());

        for (ModelRequest other : List.of(request.withSettings(ModelSettings.of(java.util.Map.of("hibernate.x", "1"), "code")),
                new ModelRequest(request.classLoader(), List.of("com.acme.Ticket", "com.acme.Agent"), "postgresql", "jpa", null),
                new ModelRequest(request.classLoader(), request.entityClasses(), "postgresql", "spring", null),
                new ModelRequest(request.classLoader(), request.entityClasses(), "postgresql", "jpa", "app"),
                request.withIdentifierCase(IdentifierCase.LOWER))) {
            assertNotEquals(inputs, ModelInputs.of(other).classPath(classes, path -> false).build(), other::toString);
        }
        assertEquals(inputs, ModelInputs.of(request).classPath(classes, path -> false).build());
        System.setProperty("hibernate.default_schema", "elsewhere");
        try {
            assertNotEquals(inputs, ModelInputs.of(request).classPath(classes, path -> false).build(),
                    "Hibernate reads the JVM's hibernate.* system properties too");
        } finally {
            System.clearProperty("hibernate.default_schema");
        }
        assertEquals(inputs, ModelInputs.of(request).classPath(classes, path -> path.equals("Revision.class")).build());
        Files.writeString(classes.resolve("Revision.class"), "a revision");
        assertEquals(inputs, ModelInputs.of(request).classPath(classes, path -> path.equals("Revision.class")).build(),
                "a skipped file is no input");
        Files.writeString(classes.resolve("Ticket.class"), "v2");
        ModelInputs changed = ModelInputs.of(request).classPath(classes, path -> path.equals("Revision.class")).build();
        assertNotEquals(inputs, changed);
        assertEquals(new ModelReadCache.Read(MODEL, false), cache.read(changed, () -> read(reads)));
        assertEquals(2, reads.get());
        try (var files = Files.list(dir.resolve("migrate"))) {
            assertTrue(files.allMatch(file -> file.getFileName().toString().equals("model-read-" + inputs.slot() + ".cache")),
                    "one file per database and schema, holding the latest model");
        }
    }

    private static ModelSchema read(AtomicInteger reads) {
        reads.incrementAndGet();
        return MODEL;
    }
}
