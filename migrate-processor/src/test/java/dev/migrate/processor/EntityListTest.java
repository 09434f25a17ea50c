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

    private static final JavaFileObject CONVERTER = Sources.source("jakarta.persistence.Converter",
            "package jakarta.persistence;",
            "@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)",
            "public @interface Converter { boolean autoApply() default false; }");

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

    /**
     * An auto-applied converter changes the columns of every attribute of its type, and Spring
     * Boot's scan registers it: listed with the entities. One applied only through
     * {@code @Convert} is not (Hibernate finds it there).
     */
    @Test
    void autoAppliedConvertersAreListedWithTheEntities() throws IOException {
        Compilation compilation = javac().compile(ENTITY, CONVERTER,
                Sources.source("shop.Order", "package shop;", "@jakarta.persistence.Entity public class Order {}"),
                Sources.source("shop.MoneyConverter", "package shop;",
                        "@jakarta.persistence.Converter(autoApply = true) public class MoneyConverter {}"),
                Sources.source("shop.FlagConverter", "package shop;",
                        "@jakarta.persistence.Converter public class FlagConverter {}"),
                Sources.source("shop.CodeConverter", "package shop;",
                        "@jakarta.persistence.Converter(autoApply = false) public class CodeConverter {}"));
        assertThat(compilation).succeededWithoutWarnings();
        String list = compilation.generatedFile(StandardLocation.CLASS_OUTPUT, EntityListProcessor.RESOURCE).orElseThrow()
                .getCharContent(true).toString();
        assertThat(list).isEqualTo("shop.MoneyConverter\nshop.Order\n");
    }

    /**
     * A package-info with Hibernate's annotations (a generator the entities name) is listed as
     * {@code <package>.package-info}, as Spring Boot's scan adds the package; one with other
     * annotations only is not.
     */
    @Test
    void packagesWithMappingAnnotationsAreListed() throws IOException {
        JavaFileObject generator = Sources.source("org.hibernate.annotations.GenericGenerator",
                "package org.hibernate.annotations;",
                "@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)",
                "@java.lang.annotation.Target(java.lang.annotation.ElementType.PACKAGE)",
                "public @interface GenericGenerator { String name(); }");
        Compilation compilation = javac().compile(ENTITY, generator,
                Sources.source("shop.package-info", "@org.hibernate.annotations.GenericGenerator(name = \"ids\")",
                        "package shop;"),
                Sources.source("plain.package-info", "@Deprecated", "package plain;"),
                Sources.source("shop.model.Order", "package shop.model;", "@jakarta.persistence.Entity public class Order {}"));
        assertThat(compilation).succeededWithoutWarnings();
        String list = compilation.generatedFile(StandardLocation.CLASS_OUTPUT, EntityListProcessor.RESOURCE).orElseThrow()
                .getCharContent(true).toString();
        assertThat(list).isEqualTo("shop.model.Order\nshop.package-info\n");
    }

    @Test
    void aProjectWithoutEntitiesGetsNoList() {
        Compilation compilation = javac().compile(Sources.revision("CreateOrders", "@Revision(id = \"o1\")"));
        assertThat(compilation).succeeded();
        assertThat(compilation.generatedFile(StandardLocation.CLASS_OUTPUT, EntityListProcessor.RESOURCE).isPresent())
                .isFalse();
    }
}
