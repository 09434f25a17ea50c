package dev.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.migrate.graph.RevisionDescriptor;
import dev.migrate.index.IndexedRevision;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** A bug in a revision class's own construction: one message naming the revision, the class and the cause. */
class RevisionCodeBugTest {

    private static MigrateException upgrade(String database, Supplier<Migration> factory) {
        RevisionDescriptor descriptor = new RevisionDescriptor("b00b00b00b00", List.of(), List.of(), List.of(), "boom",
                "com.example.db.Boom");
        Migrator migrator = Migrator.builder().url("jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1")
                .revisions(List.of(new IndexedRevision(descriptor, factory))).build();
        return assertThrows(MigrateException.class, () -> migrator.upgrade("head"));
    }

    @Test
    void staticInitializerThatThrowsIsNamedWithItsCause() {
        MigrateException e = upgrade("static_init_bug", () -> {
            throw new ExceptionInInitializerError(new NumberFormatException("For input string: \"x\""));
        });
        assertEquals("Revision 'b00b00b00b00' (com.example.db.Boom) cannot be created: its static initializer threw"
                + " NumberFormatException: For input string: \"x\". Nothing was run; fix the revision class.",
                e.getMessage());
    }

    @Test
    void constructorThatThrowsIsNamed() {
        MigrateException e = upgrade("constructor_bug", () -> {
            throw new IllegalStateException("config missing");
        });
        assertEquals("Revision 'b00b00b00b00' (com.example.db.Boom) cannot be created: IllegalStateException: config"
                + " missing. Nothing was run; fix the revision class (it needs a public no-argument constructor that"
                + " does not throw).", e.getMessage());
    }

    @Test
    void exceptionWithoutMessageHasNoTrailingNull() {
        MigrateException e = upgrade("npe_bug", () -> new Migration() {
            @Override
            public void upgrade(Operations op) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void downgrade(Operations op) {
            }
        });
        assertEquals("Revision 'b00b00b00b00' (com.example.db.Boom) threw UnsupportedOperationException in upgrade()."
                + " Nothing of it was run; fix the revision class.", e.getMessage());
    }

    @Test
    void aRevisionThatThrowsStopsTheRunThereAndTheOnesBeforeItStayApplied() {
        java.util.concurrent.atomic.AtomicInteger laterRecorded = new java.util.concurrent.atomic.AtomicInteger();
        List<IndexedRevision> revisions = List.of(
                revision("a00000000001", List.of(), () -> table("first")),
                revision("a00000000002", List.of("a00000000001"), () -> new Migration() {
                    @Override
                    public void upgrade(Operations op) {
                        throw new IllegalArgumentException("bad column");
                    }

                    @Override
                    public void downgrade(Operations op) {
                    }
                }),
                revision("a00000000003", List.of("a00000000002"), () -> {
                    laterRecorded.incrementAndGet();
                    return table("third");
                }));
        Migrator migrator = Migrator.builder().url("jdbc:h2:mem:throws_midway;DB_CLOSE_DELAY=-1").revisions(revisions).build();
        MigrateException e = assertThrows(MigrateException.class, () -> migrator.upgrade("head"));
        assertEquals("Revision 'a00000000002' (com.example.db.R2) threw IllegalArgumentException in upgrade(): bad column."
                + " Nothing of it was run; fix the revision class.", e.getMessage());
        assertEquals(List.of("a00000000001"), migrator.current());
        assertEquals(0, laterRecorded.get(), "no revision after the failing one is even created");
    }

    private static IndexedRevision revision(String id, List<String> revises, Supplier<Migration> factory) {
        return new IndexedRevision(new RevisionDescriptor(id, revises, List.of(), List.of(), "",
                "com.example.db.R" + id.charAt(id.length() - 1)), factory);
    }

    private static Migration table(String name) {
        return new Migration() {
            @Override
            public void upgrade(Operations op) {
                op.execute("CREATE TABLE " + name + " (id INT)");
            }

            @Override
            public void downgrade(Operations op) {
                op.execute("DROP TABLE " + name);
            }
        };
    }
}
