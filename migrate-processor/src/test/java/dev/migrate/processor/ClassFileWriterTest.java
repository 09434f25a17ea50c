package dev.migrate.processor;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.migrate.graph.RevisionDescriptor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The class-file writer's limits, and that the JVM verifies what it writes. */
class ClassFileWriterTest {

    /** Defines classes from bytes, as a class loader of an application's jars does: with verification. */
    private static final class Loader extends ClassLoader {

        Loader() {
            super(ClassFileWriterTest.class.getClassLoader());
        }

        Class<?> define(String name, byte[] bytes) {
            return defineClass(name, bytes, 0, bytes.length);
        }
    }

    @Test
    void writtenClassWithConstantsAndCodeLoadsAndRuns() throws ReflectiveOperationException {
        ClassFileWriter file = new ClassFileWriter(ClassFileWriter.ACC_PUBLIC | ClassFileWriter.ACC_SUPER,
                "test/Written", "java/lang/Object");
        file.constantField(ClassFileWriter.ACC_PUBLIC | ClassFileWriter.ACC_STATIC | ClassFileWriter.ACC_FINAL,
                "TEXT", "\0 \u00e9 \u4e2d \ud83d\ude80");
        file.method(ClassFileWriter.ACC_PUBLIC | ClassFileWriter.ACC_STATIC, "text", "()Ljava/lang/String;", null,
                file.code(1, 0).ldc("from code").areturn());
        Class<?> written = new Loader().define("test.Written", file.toByteArray());
        assertThat(written.getField("TEXT").get(null)).isEqualTo("\0 \u00e9 \u4e2d \ud83d\ude80");
        assertThat(written.getMethod("text").invoke(null)).isEqualTo("from code");
    }

    /** The tests' loaders verify: code that returns what it never pushed is refused when the class links. */
    @Test
    void jvmRefusesCodeThatDoesNotVerify() {
        ClassFileWriter file = new ClassFileWriter(ClassFileWriter.ACC_PUBLIC | ClassFileWriter.ACC_SUPER,
                "test/Broken", "java/lang/Object");
        file.method(ClassFileWriter.ACC_PUBLIC | ClassFileWriter.ACC_STATIC, "nothing", "()Ljava/lang/Object;", null,
                file.code(1, 0).areturn());
        Class<?> broken = new Loader().define("test.Broken", file.toByteArray());
        assertThrows(VerifyError.class, broken::getMethods);
    }

    @Test
    void stringConstantLongerThanTheClassFileAllowsIsRefusedWithTheLimit() {
        ClassFileWriter file = new ClassFileWriter(ClassFileWriter.ACC_SUPER, "test/Big", "java/lang/Object");
        // 21,846 characters of three bytes each: 65,538 bytes.
        String text = "\u4e2d".repeat(21_846);
        ClassFileWriter.LimitExceeded refused = assertThrows(ClassFileWriter.LimitExceeded.class,
                () -> file.constantField(ClassFileWriter.ACC_STATIC | ClassFileWriter.ACC_FINAL, "BIG", text));
        assertThat(refused).hasMessageThat().isEqualTo("a string constant of 21846 characters takes 65538 bytes, "
                + "more than the 65535 a class file allows");
        file.constantField(ClassFileWriter.ACC_STATIC | ClassFileWriter.ACC_FINAL, "FITS", text.substring(1));
    }

    /** The index's chunks stay below the limit whatever the characters: three bytes each at most. */
    @Test
    void indexChunksFitAConstantEvenInThreeByteCharacters() {
        assertThat(IndexWriter.DATA_CHUNK * 3).isAtMost(ClassFileWriter.MAX_UTF8_BYTES);
        assertThat(RevisionMarkers.CHUNK * 3).isAtMost(ClassFileWriter.MAX_UTF8_BYTES);
    }

    /**
     * A factory needs three constants per revision: beyond about 21,000 revisions the index cannot
     * be a class file, and the message says what to do instead.
     */
    @Test
    void indexWithMoreRevisionsThanTheConstantPoolHoldsIsRefusedWithTheWayOut() {
        List<RevisionSource> revisions = new ArrayList<>();
        for (int i = 0; i < 22_000; i++) {
            String name = "big.V" + i;
            revisions.add(new RevisionSource("big", name,
                    new RevisionDescriptor("v" + i, List.of(), List.of(), List.of(), "", name),
                    RevisionSource.Location.THIS_COMPILATION, false));
        }
        IndexName name = IndexNaming.indexName(revisions.stream().map(RevisionSource::binaryName).toList());
        ClassFileWriter.LimitExceeded refused = assertThrows(ClassFileWriter.LimitExceeded.class,
                () -> IndexClasses.factory(name, revisions));
        assertThat(refused).hasMessageThat().isEqualTo("the class needs more than the 65534 constants a class file allows");
        assertThat(IndexWriter.tooLarge(revisions.size(), refused)).isEqualTo("The revision index of 22000 revisions "
                + "does not fit in a class file: the class needs more than the 65534 constants a class file allows. "
                + "Compile with -Amigrate.index=source (in the compiler's compilerArgs) to generate it as source, "
                + "which javac splits into more classes.");
        // 20,000 fit, in twenty parts.
        IndexClasses.factory(name, revisions.subList(0, 20_000));
    }
}
