package dev.migrate.processor;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Lists the project's JPA entities for autogenerate, so that nothing scans the class path at run
 * time: every class annotated {@code @jakarta.persistence.Entity}, by binary name, one per line,
 * sorted, in the class-output resource {@value #RESOURCE}. Every {@code @Converter(autoApply = true)}
 * too: Spring Boot's scan registers it, and it changes the columns of every attribute of its type
 * (without it Hibernate cannot map an application's own value type, or maps a JDK type another way).
 * And every package whose {@code package-info} carries JPA or Hibernate annotations, as
 * {@code <package>.package-info}: a generator declared there ({@code @GenericGenerator}) names the
 * sequence and increment of the entities that use it, and Spring Boot's scan registers it as well.
 *
 * <p>It needs no JPA on its own class path (it matches the annotation by name) and never claims
 * {@code @Entity}, so other processors (Hibernate's metamodel generator) still see it. An
 * incremental build that recompiles only some classes keeps the entities listed earlier whose class
 * still carries {@code @Entity}; a deleted or no longer annotated class drops out.
 */
public final class EntityListProcessor extends AbstractProcessor {

    /** Where the list goes, relative to the class output ({@code target/classes}). */
    public static final String RESOURCE = "META-INF/migrate/entities.list";

    static final String ENTITY = "jakarta.persistence.Entity";

    static final String CONVERTER = "jakarta.persistence.Converter";

    /** How a listed package (its annotations, not a class to map) ends. */
    static final String PACKAGE_INFO = ".package-info";

    /** The annotations of a package that Hibernate reads (generators, type registrations, filters). */
    private static final List<String> MAPPING_ANNOTATIONS = List.of("jakarta.persistence.", "org.hibernate.annotations.");

    private final Set<String> compiledNow = new TreeSet<>();
    private boolean written;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        // The packages: a package-info annotated with any of these brings the processor into its round.
        return Set.of(ENTITY, CONVERTER, "jakarta.persistence.*", "org.hibernate.annotations.*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment roundEnv) {
        TypeElement entity = processingEnv.getElementUtils().getTypeElement(ENTITY);
        TypeElement converter = processingEnv.getElementUtils().getTypeElement(CONVERTER);
        if (!roundEnv.processingOver()) {
            if (entity != null) {
                for (TypeElement type : ElementFilter.typesIn(roundEnv.getElementsAnnotatedWith(entity))) {
                    compiledNow.add(processingEnv.getElementUtils().getBinaryName(type).toString());
                }
            }
            if (converter != null) {
                for (TypeElement type : ElementFilter.typesIn(roundEnv.getElementsAnnotatedWith(converter))) {
                    if (isAutoApplied(type, converter)) {
                        compiledNow.add(processingEnv.getElementUtils().getBinaryName(type).toString());
                    }
                }
            }
            for (PackageElement annotated : ElementFilter.packagesIn(roundEnv.getRootElements())) {
                if (carriesMappings(annotated)) {
                    compiledNow.add(annotated.getQualifiedName() + PACKAGE_INFO);
                }
            }
            return false;
        }
        if (!written && (!compiledNow.isEmpty() || hasEarlierList())) {
            written = true;
            write(entity, converter);
        }
        return false;
    }

    private boolean hasEarlierList() {
        return !earlier().isEmpty();
    }

    private void write(TypeElement entity, TypeElement converter) {
        Set<String> all = new TreeSet<>(compiledNow);
        for (String name : earlier()) {
            if (name.endsWith(PACKAGE_INFO)) {
                PackageElement annotated = processingEnv.getElementUtils()
                        .getPackageElement(name.substring(0, name.length() - PACKAGE_INFO.length()));
                if (annotated != null && carriesMappings(annotated)) {
                    all.add(name);
                }
                continue;
            }
            TypeElement type = processingEnv.getElementUtils().getTypeElement(name.replace('$', '.'));
            if (type != null && (entity != null && isEntity(type, entity)
                    || converter != null && isAutoApplied(type, converter))) {
                all.add(name);
            }
        }
        Filer filer = processingEnv.getFiler();
        try {
            FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "", RESOURCE);
            try (Writer writer = file.openWriter()) {
                for (String name : all) {
                    writer.write(name);
                    writer.write('\n');
                }
            }
        } catch (IOException | IllegalStateException e) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.WARNING, "migrate: could not write " + RESOURCE
                    + " (" + e.getMessage() + "); autogenerate will not find the entities until the next full build.");
        }
    }

    private List<String> earlierList;

    /** The list an earlier build left in the class output, or none. */
    private List<String> earlier() {
        if (earlierList == null) {
            earlierList = new ArrayList<>();
            try {
                FileObject file = processingEnv.getFiler().getResource(StandardLocation.CLASS_OUTPUT, "", RESOURCE);
                try (InputStream in = file.openInputStream()) {
                    for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                        if (!line.isBlank()) {
                            earlierList.add(line.trim());
                        }
                    }
                }
            } catch (IOException | IllegalArgumentException | IllegalStateException none) {
                // No earlier list (a clean build): nothing to keep.
            }
        }
        return earlierList;
    }

    /** A package whose package-info carries an annotation of JPA or Hibernate. */
    private static boolean carriesMappings(PackageElement annotated) {
        return annotated.getAnnotationMirrors().stream()
                .map(mirror -> ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString())
                .anyMatch(name -> MAPPING_ANNOTATIONS.stream().anyMatch(name::startsWith));
    }

    /** Annotated {@code @Converter(autoApply = true)}, read by name (no JPA on the processor's class path). */
    private static boolean isAutoApplied(Element type, TypeElement converter) {
        return type.getAnnotationMirrors().stream()
                .filter(mirror -> mirror.getAnnotationType().asElement().equals(converter))
                .flatMap(mirror -> mirror.getElementValues().entrySet().stream())
                .anyMatch(value -> value.getKey().getSimpleName().contentEquals("autoApply")
                        && Boolean.TRUE.equals(value.getValue().getValue()));
    }

    private static boolean isEntity(Element type, TypeElement entity) {
        return type.getAnnotationMirrors().stream()
                .anyMatch(mirror -> mirror.getAnnotationType().asElement().equals(entity));
    }
}
