package dev.migrate.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.io.IOException;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/** The entity list autogenerate reads instead of scanning the class path. */
class EntityListTest {

    // The annotation by its real name; the processor needs no JPA jar, only the name.
    private static final JavaFileObject ENTITY = Sources.source("jakarta.persistence.Entity",
            "package jakarta.persistence;",
            "@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)",
            "public @interface Entity { String name() default \"\"; }");

    private static Compiler javac() {
        return Compiler.javac().withProcessors(new RevisionProcessor(), new EntityListProcessor());
    }

    @Test
    void everyEntityIsListedByBinaryNameSorted() throws IOException {
        Compilation compilation = javac().compile(ENTITY,
                Sources.source("shop.Order", "package shop;", "@jakarta.persistence.Entity public class Order {",
                        "  @jakarta.persistence.Entity public static class Line {} }"),
                Sources.source("shop.Customer", "package shop;", "@jakarta.persistence.Entity public class Customer {}"),
                Sources.source("shop.NotAnEntity", "package shop;", "public class NotAnEntity {}"),
                Sources.revision("CreateOrders", "@Revision(id = \"o1\")"));
        assertThat(compilation).succeededWithoutWarnings();
        String list = compilation.generatedFile(StandardLocation.CLASS_OUTPUT, EntityListProcessor.RESOURCE).orElseThrow()
                .getCharContent(true).toString();
        assertThat(list).isEqualTo("shop.Customer\nshop.Order\nshop.Order$Line\n");
    }

    @Test
    void aProjectWithoutEntitiesGetsNoList() {
        Compilation compilation = javac().compile(Sources.revision("CreateOrders", "@Revision(id = \"o1\")"));
        assertThat(compilation).succeeded();
        assertThat(compilation.generatedFile(StandardLocation.CLASS_OUTPUT, EntityListProcessor.RESOURCE).isPresent())
                .isFalse();
    }
}
