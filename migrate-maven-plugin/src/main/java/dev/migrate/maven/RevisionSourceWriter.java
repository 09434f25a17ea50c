package dev.migrate.maven;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.migrate.MigrateException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/** Generates the Java source of a new or merge revision with JavaPoet, ready to compile. */
final class RevisionSourceWriter {

    private static final ClassName REVISION = ClassName.get("dev.migrate.annotation", "Revision");
    private static final ClassName MIGRATION = ClassName.get("dev.migrate", "Migration");
    private static final ClassName OPERATIONS = ClassName.get("dev.migrate", "Operations");

    private RevisionSourceWriter() {
    }

    /** Writes the source under {@code sourceRoot} and returns its path; never overwrites a file. */
    static Path write(NewRevision revision, Path sourceRoot) {
        return write(revision, null, sourceRoot);
    }

    /** Writes a revision whose methods hold {@code body} (null: the empty methods to fill in). */
    static Path write(NewRevision revision, RevisionBody body, Path sourceRoot) {
        return write(revision, body, sourceRoot, null, Instant.now());
    }

    /**
     * Writes a revision whose methods hold {@code body} (null: the empty methods to fill in), from
     * {@code template} when there is one, else as the built-in layout; {@code now} is its {@code ${date}}.
     */
    static Path write(NewRevision revision, RevisionBody body, Path sourceRoot, RevisionTemplate template, Instant now) {
        JavaFile file = javaFile(revision, body);
        Path target = sourceRoot.resolve(revision.packageName().replace('.', '/')).resolve(revision.className() + ".java");
        if (Files.exists(target)) {
            throw new MigrateException(target + " already exists. Choose another -Dmigrate.message so the class"
                    + " gets another name.");
        }
        if (template != null && revision.packageName().isEmpty()) {
            throw new MigrateException("migrate.template " + template.name() + " writes a package line, but the"
                    + " revisions are in the unnamed package. Set -Dmigrate.package=<package>, or leave"
                    + " migrate.template out.");
        }
        try {
            if (template == null) {
                file.writeTo(sourceRoot);
            } else {
                Files.createDirectories(target.getParent());
                Files.writeString(target, template.render(templateValues(revision, file, now)), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new MigrateException("Cannot write the new revision to " + target + ": " + e.getMessage()
                    + ". Check that " + sourceRoot + " is writable, or pick another source root.", e);
        }
        return target;
    }

    /**
     * The values of a template's placeholders, taken from the source the built-in layout would write,
     * so a templated revision holds exactly the same annotation, imports and code.
     */
    static Map<String, String> templateValues(NewRevision revision, JavaFile file, Instant now) {
        List<String> lines = List.of(file.toString().split("\n", -1));
        String classLine = "public final class " + revision.className() + " ";
        int annotationStart = indexOf(lines, line -> line.startsWith("@Revision("), 0);
        int classStart = indexOf(lines, line -> line.startsWith(classLine), annotationStart);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("package", revision.packageName());
        values.put("imports", String.join("\n", lines.stream().filter(line -> line.startsWith("import ")).toList()));
        values.put("annotation", String.join("\n", lines.subList(annotationStart, classStart)));
        values.put("className", revision.className());
        values.put("id", revision.id());
        values.put("revises", String.join(", ", revision.revises()));
        values.put("dependsOn", String.join(", ", revision.dependsOn()));
        values.put("branchLabels", String.join(", ", revision.branchLabels()));
        values.put("message", javadoc(revision.message()).replace('\r', ' ').replace('\n', ' '));
        values.put("date", DateTimeFormatter.ISO_INSTANT.format(now.truncatedTo(ChronoUnit.SECONDS)));
        values.put("upgradeBody", methodBody(lines, "upgrade", classStart));
        values.put("downgradeBody", methodBody(lines, "downgrade", classStart));
        return values;
    }

    /** The statements of a generated method, without the method's own indentation. */
    private static String methodBody(List<String> lines, String method, int from) {
        String indent = "        ";
        int start = indexOf(lines, line -> line.equals("    public void " + method + "(Operations op) {"), from) + 1;
        int end = indexOf(lines, line -> line.equals("    }"), start);
        return String.join("\n", lines.subList(start, end).stream()
                .map(line -> line.startsWith(indent) ? line.substring(indent.length()) : line.strip())
                .toList());
    }

    private static int indexOf(List<String> lines, java.util.function.Predicate<String> test, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (test.test(lines.get(i))) {
                return i;
            }
        }
        throw new IllegalStateException("The generated revision source has an unexpected layout:\n" + String.join("\n", lines));
    }

    /** The source text, for tests and the log. */
    static JavaFile javaFile(NewRevision revision) {
        return javaFile(revision, null);
    }

    /** The source text of a revision whose methods hold {@code body}, or the empty methods when it is null. */
    static JavaFile javaFile(NewRevision revision, RevisionBody body) {
        if (body != null) {
            return JavaFile.builder(revision.packageName(), type(revision)
                    .addMethod(generated("upgrade", body.review(), body.upgrade()))
                    .addMethod(generated("downgrade", List.of(), body.downgrade()))
                    .build()).indent("    ").skipJavaLangImports(true).build();
        }
        TypeSpec type = TypeSpec.classBuilder(revision.className())
                .addJavadoc("$L\n",
                        revision.message().isEmpty() ? "Revision " + revision.id() + "." : javadoc(revision.message()))
                .addAnnotation(annotation(revision))
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(MIGRATION)
                .addMethod(method("upgrade", revision.isMerge() ? List.of(
                        "A merge revision joins branches; it usually changes nothing itself.") : List.of(
                        "Describe the change with the typed operations, e.g.",
                        "op.addColumn(\"tickets\", \"priority\", dev.migrate.ops.ColumnType.INTEGER);",
                        "and data changes with SQL, e.g. op.execute(\"UPDATE tickets SET priority = 0\");")))
                .addMethod(method("downgrade", revision.isMerge() ? List.of(
                        "Nothing to revert for a merge revision.") : List.of(
                        "Revert exactly what upgrade() does, e.g.",
                        "op.dropColumn(\"tickets\", \"priority\");")))
                .build();
        return JavaFile.builder(revision.packageName(), type).indent("    ").skipJavaLangImports(true).build();
    }

    /**
     * The message as Javadoc text that cannot break the source: {@code * /} would end the comment,
     * a backslash could start a unicode escape (javac reads those even in comments, so a message
     * like {@code C:\\users} would not compile), and a leading {@code @} would be a block tag.
     */
    static String javadoc(String message) {
        String text = message.replace("*/", "*&#47;").replace("\\", "&#92;");
        return text.startsWith("@") ? "{@literal @}" + text.substring(1) : text;
    }

    private static TypeSpec.Builder type(NewRevision revision) {
        return TypeSpec.classBuilder(revision.className())
                .addJavadoc("$L\n",
                        revision.message().isEmpty() ? "Revision " + revision.id() + "." : javadoc(revision.message()))
                .addAnnotation(annotation(revision))
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(MIGRATION);
    }

    private static MethodSpec generated(String name, List<String> review, List<dev.migrate.ops.Operation> operations) {
        MethodSpec.Builder method = MethodSpec.methodBuilder(name)
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(OPERATIONS, "op");
        // A line break inside a // comment would end it, and the rest would be code.
        review.forEach(line -> method.addComment("REVIEW: $L", line.replace('\n', ' ').replace('\r', ' ')));
        operations.forEach(operation -> method.addCode(operation.accept(OperationCode.INSTANCE)));
        return method.build();
    }

    private static AnnotationSpec annotation(NewRevision revision) {
        AnnotationSpec.Builder annotation = AnnotationSpec.builder(REVISION).addMember("id", "$S", revision.id());
        revision.revises().forEach(parent -> annotation.addMember("revises", "$S", parent));
        revision.dependsOn().forEach(dependency -> annotation.addMember("dependsOn", "$S", dependency));
        revision.branchLabels().forEach(label -> annotation.addMember("branchLabels", "$S", label));
        if (!revision.message().isEmpty()) {
            annotation.addMember("message", "$S", revision.message());
        }
        if (!revision.database().isEmpty()) {
            annotation.addMember("database", "$S", revision.database());
        }
        return annotation.build();
    }

    private static MethodSpec method(String name, List<String> comments) {
        MethodSpec.Builder method = MethodSpec.methodBuilder(name)
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(OPERATIONS, "op");
        comments.forEach(comment -> method.addComment("$L", comment));
        return method.build();
    }
}
