package dev.migrate.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.migrate.processor.Sources.revision;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.Completion;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.FileObject;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Eclipse's incremental builder cannot create class files ({@code createClassFile} throws
 * {@link UnsupportedOperationException}): the processor then writes the index as source. javac's
 * own filer stands in for Eclipse's, refusing class files as Eclipse's does.
 */
class ClassFilesUnsupportedTest {

    @Test
    void filerWithoutClassFilesGetsTheSourceForm() {
        Compilation compilation = Sources.javac().withProcessors(new WithoutClassFiles(new RevisionProcessor())).compile(
                revision("A", "@Revision(id = \"a1\")"),
                revision("B", "@Revision(id = \"b1\", revises = \"a1\")"));
        assertThat(compilation).succeededWithoutWarnings();
        String index = IndexNaming.indexName(java.util.List.of("test.A", "test.B")).canonicalName();
        assertThat(compilation).generatedSourceFile(index).contentsAsUtf8String().contains("case 1: return new test.B();");
        assertThat(Sources.summaries(Sources.indexedRevisions(compilation)))
                .containsExactly("a1<-||||test.A|", "b1<-a1||||test.B|").inOrder();
    }

    /** The processor, seeing a filer that refuses class files. */
    private record WithoutClassFiles(Processor processor) implements Processor {

        @Override
        public Set<String> getSupportedOptions() {
            return processor.getSupportedOptions();
        }

        @Override
        public Set<String> getSupportedAnnotationTypes() {
            return processor.getSupportedAnnotationTypes();
        }

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return processor.getSupportedSourceVersion();
        }

        @Override
        public void init(ProcessingEnvironment env) {
            processor.init(new Environment(env));
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment roundEnv) {
            return processor.process(annotations, roundEnv);
        }

        @Override
        public Iterable<? extends Completion> getCompletions(Element element, AnnotationMirror annotation,
                ExecutableElement member, String userText) {
            return processor.getCompletions(element, annotation, member, userText);
        }
    }

    private record Environment(ProcessingEnvironment env) implements ProcessingEnvironment {

        @Override
        public Map<String, String> getOptions() {
            return env.getOptions();
        }

        @Override
        public Messager getMessager() {
            return env.getMessager();
        }

        @Override
        public Filer getFiler() {
            return new SourceOnlyFiler(env.getFiler());
        }

        @Override
        public Elements getElementUtils() {
            return env.getElementUtils();
        }

        @Override
        public Types getTypeUtils() {
            return env.getTypeUtils();
        }

        @Override
        public SourceVersion getSourceVersion() {
            return env.getSourceVersion();
        }

        @Override
        public Locale getLocale() {
            return env.getLocale();
        }
    }

    private record SourceOnlyFiler(Filer filer) implements Filer {

        @Override
        public JavaFileObject createSourceFile(CharSequence name, Element... originatingElements) throws IOException {
            return filer.createSourceFile(name, originatingElements);
        }

        @Override
        public JavaFileObject createClassFile(CharSequence name, Element... originatingElements) {
            throw new UnsupportedOperationException("Not yet implemented");
        }

        @Override
        public FileObject createResource(JavaFileManager.Location location, CharSequence moduleAndPkg,
                CharSequence relativeName, Element... originatingElements) throws IOException {
            return filer.createResource(location, moduleAndPkg, relativeName, originatingElements);
        }

        @Override
        public FileObject getResource(JavaFileManager.Location location, CharSequence moduleAndPkg,
                CharSequence relativeName) throws IOException {
            return filer.getResource(location, moduleAndPkg, relativeName);
        }
    }
}
