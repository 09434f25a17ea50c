package dev.migrate.processor;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import javax.lang.model.SourceVersion;
import javax.tools.DiagnosticListener;
import javax.tools.FileObject;
import javax.tools.ForwardingFileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * The system javac, except that CLASS_OUTPUT already holds a previous build's files, as it does
 * when javac runs with {@code -d out -cp out} (Maven, IDEs). compile-testing keeps CLASS_OUTPUT in
 * memory and empty; this puts {@code directory} behind it for reading, so a two-step compile-testing
 * compilation sees what a real incremental build sees. Writes still go to memory.
 */
final class OutputDirectoryCompiler implements JavaCompiler {

    private final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    private final Path directory;

    OutputDirectoryCompiler(Path directory) {
        this.directory = directory;
    }

    @Override
    public CompilationTask getTask(Writer out, JavaFileManager fileManager,
            DiagnosticListener<? super JavaFileObject> diagnosticListener, Iterable<String> options,
            Iterable<String> classes, Iterable<? extends JavaFileObject> compilationUnits) {
        return javac.getTask(out, new PreviousOutput(fileManager), diagnosticListener, options, classes,
                compilationUnits);
    }

    @Override
    public StandardJavaFileManager getStandardFileManager(DiagnosticListener<? super JavaFileObject> listener,
            Locale locale, Charset charset) {
        return javac.getStandardFileManager(listener, locale, charset);
    }

    @Override
    public int isSupportedOption(String option) {
        return javac.isSupportedOption(option);
    }

    @Override
    public int run(InputStream in, OutputStream out, OutputStream err, String... arguments) {
        return javac.run(in, out, err, arguments);
    }

    @Override
    public Set<SourceVersion> getSourceVersions() {
        return javac.getSourceVersions();
    }

    private final class PreviousOutput extends ForwardingJavaFileManager<JavaFileManager> {

        PreviousOutput(JavaFileManager fileManager) {
            super(fileManager);
        }

        @Override
        public FileObject getFileForOutput(Location location, String packageName, String relativeName,
                FileObject sibling) throws IOException {
            FileObject file = super.getFileForOutput(location, packageName, relativeName, sibling);
            if (location != StandardLocation.CLASS_OUTPUT) {
                return file;
            }
            Path previous = directory.resolve(packageName.replace('.', '/')).resolve(relativeName);
            return new ForwardingFileObject<FileObject>(file) {
                @Override
                public InputStream openInputStream() throws IOException {
                    try {
                        return super.openInputStream();
                    } catch (IOException | IllegalStateException notWrittenNow) {
                        return Files.newInputStream(previous);
                    }
                }
            };
        }
    }
}
