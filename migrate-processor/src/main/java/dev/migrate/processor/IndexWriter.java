package dev.migrate.processor;

import dev.migrate.index.IndexData;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.tools.FileObject;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/**
 * Writes the revision index and registers it for {@link java.util.ServiceLoader}.
 *
 * <p>The index costs javac nothing to compile, because a cold {@code mvn compile} would pay for
 * every line of it: it is written as class files ({@link IndexClasses}, through our own
 * {@link ClassFileWriter}: a bytecode library on the processor path would cost every cold javac
 * more than it saves). The descriptors are one text ({@link IndexData}) in a few string
 * constants, decoded once at load time, and the only code per revision is one
 * {@code new Xxx()} in a switch, so that nothing reflects or scans the class path at run time and
 * a revision class is loaded only when its revision runs.
 *
 * <p>The same index as a source file ({@link #source}: plain text, fully qualified names, no
 * imports to resolve) is written instead when {@code -Amigrate.index=source} asks for it or when
 * the filer cannot create class files (Eclipse's incremental builder throws
 * {@link UnsupportedOperationException}); javac then compiles it with the revisions.
 *
 * <p>The files are created in the first round that has revisions but written only when processing
 * is over, once every revision is known: a file created in the last round would draw javac's
 * "created in the last round" warning, and a source written earlier would cost an extra round.
 * The index also lists its classes in constants that later compilations read
 * ({@link RevisionMarkers}); javac reads them from the class file as from a compiled source. The
 * switch is split into parts of {@value #PART_SIZE} cases (static methods of the factory, or
 * nested classes in the source form) and the text into constants of {@value #DATA_CHUNK}
 * characters, so that a large project stays far below the class-file limits (64 KiB per method,
 * 65,535 bytes per constant); the class form holds about 21,000 revisions in its factory's
 * constant pool, and a larger project is told to use the source form.
 */
final class IndexWriter {

    static final String SERVICE_FILE = "META-INF/services/dev.migrate.index.RevisionIndex";
    static final int PART_SIZE = 1_000;
    static final String DATA_PREFIX = "DATA_";

    /** Characters per data constant: at most 3 bytes each in the class file's modified UTF-8. */
    static final int DATA_CHUNK = 20_000;

    /**
     * The factory's parameter. Every other name in the index is fully qualified, and a local
     * variable obscures a package of the same name, so this one must not look like a package.
     */
    private static final String NUMBER = "revisionNumber$";

    private final Filer filer;
    private final boolean sourceForm;

    /** {@code sourceForm}: write the index as a source file ({@code -Amigrate.index=source}). */
    IndexWriter(Filer filer, boolean sourceForm) {
        this.filer = filer;
        this.sourceForm = sourceForm;
    }

    /** The index's files, created in an early round and written when processing is over. */
    sealed interface OpenIndex permits ClassIndex, SourceIndex {

        IndexName name();

        /**
         * Writes the index listing {@code revisions} (sorted by id); the class form throws
         * {@link ClassFileWriter.LimitExceeded}, writing nothing, when they exceed a limit of the class file.
         */
        void write(List<RevisionSource> revisions);

        /**
         * Leaves the created files without an index when the revisions have errors: the compilation
         * fails anyway, and an index calling constructors that do not exist would only add noise.
         */
        void writeNothing();
    }

    /** The index and its factory as class files (the default). */
    record ClassIndex(IndexName name, JavaFileObject index, JavaFileObject factory) implements OpenIndex {

        @Override
        public void write(List<RevisionSource> revisions) {
            byte[] indexClass = IndexClasses.index(name, revisions);
            byte[] factoryClass = IndexClasses.factory(name, revisions);
            IndexWriter.write(index, indexClass);
            IndexWriter.write(factory, factoryClass);
        }

        @Override
        public void writeNothing() {
            IndexWriter.write(index, IndexClasses.empty(name.canonicalName()));
            IndexWriter.write(factory, IndexClasses.empty(IndexClasses.factoryName(name)));
        }
    }

    /** The index as a source file that javac compiles. */
    record SourceIndex(IndexName name, JavaFileObject source) implements OpenIndex {

        @Override
        public void write(List<RevisionSource> revisions) {
            IndexWriter.write(source, IndexWriter.source(name, revisions));
        }

        @Override
        public void writeNothing() {
            IndexWriter.write(source, "// No revision index: the @Revision classes have errors, see the messages above.\n");
        }
    }

    /**
     * Creates the (still empty) files of the index: class files, unless the source form is asked
     * for or the filer cannot create class files (Eclipse's incremental builder cannot).
     */
    OpenIndex create(IndexName name, List<? extends Element> originating) {
        Element[] elements = originating.toArray(new Element[0]);
        try {
            if (!sourceForm) {
                try {
                    return new ClassIndex(name, filer.createClassFile(name.canonicalName(), elements),
                            filer.createClassFile(IndexClasses.factoryName(name), elements));
                } catch (UnsupportedOperationException classFilesUnsupported) {
                    // Fall through to the source form, which every filer supports.
                }
            }
            return new SourceIndex(name, filer.createSourceFile(name.canonicalName(), elements));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the revision index " + name, e);
        }
    }

    /** The error for an index that does not fit the class file, and what to do about it. */
    static String tooLarge(int revisions, ClassFileWriter.LimitExceeded limit) {
        return "The revision index of " + revisions + " revisions does not fit in a class file: "
                + limit.getMessage() + ". Compile with -A" + ProcessorOptions.INDEX + "=source (in the"
                + " compiler's compilerArgs) to generate it as source, which javac splits into more classes.";
    }

    /** Registers {@code name} in {@code META-INF/services}; written once, when processing is over. */
    void writeServiceFile(IndexName name) {
        try {
            FileObject services = filer.createResource(StandardLocation.CLASS_OUTPUT, "", SERVICE_FILE);
            try (Writer writer = new OutputStreamWriter(services.openOutputStream(), StandardCharsets.UTF_8)) {
                writer.write(name.reflectionName() + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + SERVICE_FILE, e);
        }
    }

    private static void write(JavaFileObject file, String content) {
        try (Writer writer = file.openWriter()) {
            writer.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the revision index " + file.getName(), e);
        }
    }

    private static void write(JavaFileObject file, byte[] content) {
        try (OutputStream out = file.openOutputStream()) {
            out.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the revision index " + file.getName(), e);
        }
    }

    /** The index's source; package-private for tests. */
    static String source(IndexName name, List<RevisionSource> revisions) {
        String pkg = IndexNaming.commonPackage(revisions.stream().map(RevisionSource::binaryName).toList());
        StringBuilder java = new StringBuilder(revisions.size() * 160 + 2_000);
        java.append("package ").append(name.packageName()).append(";\n\n")
                .append("/**\n * The revisions of ").append(pkg.isEmpty() ? "this module" : "{@code " + pkg + "}")
                .append(", generated by migrate-processor; do not edit.\n")
                .append(" * Registered in {@code ").append(SERVICE_FILE).append("}.\n */\n")
                .append("public final class ").append(name.simpleName())
                .append(" implements dev.migrate.index.RevisionIndex {\n");

        List<String> markers = RevisionMarkers.chunks(revisions.stream().map(RevisionSource::canonicalName).toList());
        for (int i = 0; i < markers.size(); i++) {
            java.append("\n    /** Revision classes listed here, for migrate-processor in later compilations. */\n")
                    .append("    public static final String ").append(RevisionMarkers.FIELD_PREFIX).append(i).append(" = ");
            literal(java, markers.get(i)).append(";\n");
        }
        List<String> data = chunks(IndexData.encode(revisions.stream().map(RevisionSource::descriptor).toList()));
        for (int i = 0; i < data.size(); i++) {
            java.append("\n    private static final String ").append(DATA_PREFIX).append(i).append(" = ");
            literal(java, data.get(i)).append(";\n");
        }

        java.append("\n    /** Called by {@link java.util.ServiceLoader}. */\n")
                .append("    public ").append(name.simpleName()).append("() {\n    }\n\n")
                .append("    @Override\n")
                .append("    public java.util.List<dev.migrate.index.IndexedRevision> revisions() {\n")
                .append("        return dev.migrate.index.IndexData.decode(").append(name.simpleName())
                .append(".class.getName(), new Factory()");
        for (int i = 0; i < data.size(); i++) {
            java.append(", ").append(DATA_PREFIX).append(i);
        }
        java.append(");\n    }\n");

        int parts = (revisions.size() + PART_SIZE - 1) / PART_SIZE;
        java.append("\n    /** Creates revision number n: a switch costs neither a class per revision nor reflection. */\n")
                .append("    private static final class Factory implements java.util.function.IntFunction<dev.migrate.Migration> {\n")
                .append("        @Override\n")
                .append("        public dev.migrate.Migration apply(int ").append(NUMBER).append(") {\n")
                .append("            switch (").append(NUMBER).append(" / ").append(PART_SIZE).append(") {\n");
        for (int i = 0; i < parts; i++) {
            java.append("                case ").append(i).append(": return Part").append(i)
                    .append(".create(").append(NUMBER).append(");\n");
        }
        java.append("                default: throw new IllegalStateException(\"No revision number \" + ")
                .append(NUMBER).append(");\n            }\n        }\n    }\n");
        for (int i = 0; i < parts; i++) {
            part(java, i, revisions.subList(i * PART_SIZE, Math.min(revisions.size(), (i + 1) * PART_SIZE)));
        }
        return java.append("}\n").toString();
    }

    private static void part(StringBuilder java, int part, List<RevisionSource> revisions) {
        java.append("\n    private static final class Part").append(part).append(" {\n");
        if (revisions.stream().anyMatch(RevisionSource::deprecated)) {
            // A deprecated migration is still part of the history; its use here is no news to anyone.
            java.append("        @SuppressWarnings({\"deprecation\", \"removal\"})\n");
        }
        java.append("        static dev.migrate.Migration create(int ").append(NUMBER).append(") {\n")
                .append("            switch (").append(NUMBER).append(") {\n");
        for (int i = 0; i < revisions.size(); i++) {
            java.append("                case ").append(part * PART_SIZE + i).append(": return new ")
                    .append(revisions.get(i).canonicalName()).append("();\n");
        }
        java.append("                default: throw new IllegalStateException(\"No revision number \" + ")
                .append(NUMBER).append(");\n            }\n        }\n    }\n");
    }

    /** {@code text} cut into pieces of at most {@value #DATA_CHUNK} characters (anywhere: they are joined again). */
    static List<String> chunks(String text) {
        List<String> chunks = new ArrayList<>();
        for (int start = 0; start < text.length(); start += DATA_CHUNK) {
            chunks.add(text.substring(start, Math.min(text.length(), start + DATA_CHUNK)));
        }
        return chunks;
    }

    /**
     * A Java string literal: printable ASCII as is, control characters as octal escapes (a unicode
     * escape of a line break would end the literal: javac translates those before it reads
     * literals), and the rest as unicode escapes.
     */
    static StringBuilder literal(StringBuilder java, String value) {
        java.append('"');
        int plain = 0; // start of the run of characters written as they are, appended in one go
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
                continue;
            }
            java.append(value, plain, i);
            plain = i + 1;
            if (c == '"' || c == '\\') {
                java.append('\\').append(c);
            } else if (c < 0x80) {
                java.append(String.format(Locale.ROOT, "\\%03o", (int) c));
            } else {
                java.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            }
        }
        return java.append(value, plain, value.length()).append('"');
    }
}
