package dev.migrate.processor;

import static dev.migrate.processor.ClassFileWriter.ACC_FINAL;
import static dev.migrate.processor.ClassFileWriter.ACC_PRIVATE;
import static dev.migrate.processor.ClassFileWriter.ACC_PUBLIC;
import static dev.migrate.processor.ClassFileWriter.ACC_STATIC;
import static dev.migrate.processor.ClassFileWriter.ACC_SUPER;

import dev.migrate.index.IndexData;
import java.util.List;

/**
 * The revision index as the two class files javac would compile from {@link IndexWriter#source}:
 * the index, with the marker constants {@link RevisionMarkers} reads in later compilations and
 * {@code revisions()} decoding the data constants, and its private nested {@value #FACTORY}, an
 * {@code IntFunction<Migration>} whose {@code apply} switches to one static method per
 * {@value IndexWriter#PART_SIZE} revisions, each a switch of {@code new Xxx()}.
 *
 * <p>Every revision costs the factory three constants (its class, the class's name and its
 * constructor), so one factory holds about 21,000 revisions; a project with more gets a
 * {@link ClassFileWriter.LimitExceeded} and can use the source form, whose parts are classes of
 * their own.
 */
final class IndexClasses {

    /** The factory's simple name; its binary name is the index's followed by {@code $Factory}. */
    static final String FACTORY = "Factory";

    private static final String OBJECT = "java/lang/Object";
    private static final String STRING = "java/lang/String";
    private static final String NO_ARGUMENTS = "()V";
    private static final String PART_DESCRIPTOR = "(I)Ljava/lang/Object;";

    private IndexClasses() {
    }

    /** The name {@code Filer.createClassFile} takes for the factory. */
    static String factoryName(IndexName name) {
        return name.canonicalName() + '$' + FACTORY;
    }

    /** The index class listing {@code revisions} (sorted by id). */
    static byte[] index(IndexName name, List<RevisionSource> revisions) {
        String index = internal(name.canonicalName());
        String factory = internal(factoryName(name));
        ClassFileWriter file = new ClassFileWriter(ACC_PUBLIC | ACC_FINAL | ACC_SUPER, index, OBJECT,
                "dev/migrate/index/RevisionIndex");
        List<String> markers = RevisionMarkers.chunks(revisions.stream().map(RevisionSource::canonicalName).toList());
        for (int i = 0; i < markers.size(); i++) {
            file.constantField(ACC_PUBLIC | ACC_STATIC | ACC_FINAL, RevisionMarkers.FIELD_PREFIX + i, markers.get(i));
        }
        file.method(ACC_PUBLIC, "<init>", NO_ARGUMENTS, null, file.code(1, 1)
                .aload(0).invokespecial(OBJECT, "<init>", NO_ARGUMENTS).returnVoid());

        // IndexData.decode(name, new Factory(), new String[] {DATA_0, ...}): javac passes varargs so too.
        List<String> data = IndexWriter.chunks(IndexData.encode(revisions.stream().map(RevisionSource::descriptor).toList()));
        ClassFileWriter.Code revisionsCode = file.code(6, 1)
                .ldc(name.reflectionName())
                .newObject(factory).dup().invokespecial(factory, "<init>", NO_ARGUMENTS)
                .sipush(data.size()).newArray(STRING);
        for (int i = 0; i < data.size(); i++) {
            revisionsCode.dup().sipush(i).ldc(data.get(i)).aastore();
        }
        revisionsCode.invokestatic("dev/migrate/index/IndexData", "decode",
                        "(Ljava/lang/String;Ljava/util/function/IntFunction;[Ljava/lang/String;)Ljava/util/List;")
                .areturn();
        file.method(ACC_PUBLIC, "revisions", "()Ljava/util/List;",
                "()Ljava/util/List<Ldev/migrate/index/IndexedRevision;>;", revisionsCode);
        file.innerClass(factory, index, FACTORY, ACC_PRIVATE | ACC_STATIC | ACC_FINAL);
        return file.toByteArray();
    }

    /**
     * The factory: {@code apply(n)} calls {@code part<n / PART_SIZE>(n)}, and that returns
     * {@code new} of revision n. Methods return {@code Object} (the erasure of {@code IntFunction}'s
     * result), so that verifying them never needs to load a revision class.
     */
    static byte[] factory(IndexName name, List<RevisionSource> revisions) {
        String index = internal(name.canonicalName());
        String factory = internal(factoryName(name));
        ClassFileWriter file = new ClassFileWriter(ACC_FINAL | ACC_SUPER, factory, OBJECT, "java/util/function/IntFunction");
        // Package-private, so that the index can call it without the nestmates of Java 11 class files.
        file.method(0, "<init>", NO_ARGUMENTS, null, file.code(1, 1)
                .aload(0).invokespecial(OBJECT, "<init>", NO_ARGUMENTS).returnVoid());

        int parts = (revisions.size() + IndexWriter.PART_SIZE - 1) / IndexWriter.PART_SIZE;
        ClassFileWriter.Code apply = file.code(5, 2).iload(1).sipush(IndexWriter.PART_SIZE).idiv();
        int[] partLabels = switchOver(apply, 0, parts);
        for (int part = 0; part < parts; part++) {
            apply.place(partLabels[part]).iload(1).invokestatic(factory, "part" + part, PART_DESCRIPTOR).areturn();
        }
        file.method(ACC_PUBLIC, "apply", PART_DESCRIPTOR, null, throwNoRevision(apply.place(partLabels[parts]), 1));

        for (int part = 0; part < parts; part++) {
            List<RevisionSource> inPart = revisions.subList(part * IndexWriter.PART_SIZE,
                    Math.min(revisions.size(), (part + 1) * IndexWriter.PART_SIZE));
            ClassFileWriter.Code create = file.code(5, 1).iload(0);
            int[] caseLabels = switchOver(create, part * IndexWriter.PART_SIZE, inPart.size());
            for (int i = 0; i < inPart.size(); i++) {
                String revision = internal(inPart.get(i).binaryName());
                create.place(caseLabels[i]).newObject(revision).dup()
                        .invokespecial(revision, "<init>", NO_ARGUMENTS).areturn();
            }
            file.method(ACC_PRIVATE | ACC_STATIC, "part" + part, PART_DESCRIPTOR, null,
                    throwNoRevision(create.place(caseLabels[inPart.size()]), 0));
        }
        file.innerClass(factory, index, FACTORY, ACC_PRIVATE | ACC_STATIC | ACC_FINAL);
        return file.toByteArray();
    }

    /**
     * A class with nothing in it, written instead of the index when the revisions have errors: a
     * created class file must be closed, and an empty one would break the next compilation that
     * reads the output directory.
     */
    static byte[] empty(String canonicalName) {
        return new ClassFileWriter(ACC_FINAL | ACC_SUPER, internal(canonicalName), OBJECT).toByteArray();
    }

    /**
     * Emits a {@code tableswitch} over {@code low..low+count-1} (none when {@code count} is 0) and
     * returns its labels, one per case and the default last, for the caller to place.
     */
    private static int[] switchOver(ClassFileWriter.Code code, int low, int count) {
        int[] labels = new int[count + 1];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = code.label();
        }
        if (count > 0) {
            code.tableswitch(low, labels[count], java.util.Arrays.copyOf(labels, count));
        }
        return labels;
    }

    /** {@code throw new IllegalStateException("No revision number " + n)}, n being local {@code number}. */
    private static ClassFileWriter.Code throwNoRevision(ClassFileWriter.Code code, int number) {
        String exception = "java/lang/IllegalStateException";
        String builder = "java/lang/StringBuilder";
        return code.newObject(exception).dup()
                .newObject(builder).dup().ldc("No revision number ")
                .invokespecial(builder, "<init>", "(Ljava/lang/String;)V")
                .iload(number).invokevirtual(builder, "append", "(I)Ljava/lang/StringBuilder;")
                .invokevirtual(builder, "toString", "()Ljava/lang/String;")
                .invokespecial(exception, "<init>", "(Ljava/lang/String;)V")
                .athrow();
    }

    private static String internal(String binaryName) {
        return binaryName.replace('.', '/');
    }
}
