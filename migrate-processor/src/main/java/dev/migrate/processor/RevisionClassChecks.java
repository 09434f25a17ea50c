package dev.migrate.processor;

import dev.migrate.processor.Diagnostics.Position;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The shape a {@code @Revision} class needs so that the generated index can create it with
 * {@code new}: a class implementing {@code dev.migrate.Migration}, concrete, public (its enclosing
 * classes too), top-level or static, with a public constructor without parameters. Every rule
 * that fails is reported on the class, with the change to make.
 */
final class RevisionClassChecks {

    static final String MIGRATION = "dev.migrate.Migration";

    private final Elements elements;
    private final Types types;
    private final Diagnostics diagnostics;
    private boolean missingMigrationReported;

    RevisionClassChecks(Elements elements, Types types, Diagnostics diagnostics) {
        this.elements = elements;
        this.types = types;
        this.diagnostics = diagnostics;
    }

    /** True when the generated index can call {@code new Type()}; false after reporting why not. */
    boolean check(TypeElement type) {
        String name = type.getQualifiedName().toString();
        if (type.getKind() != ElementKind.CLASS && type.getKind() != ElementKind.RECORD) {
            error(type, "@Revision belongs on a class that implements " + MIGRATION + ", but " + name + " is "
                    + kindName(type.getKind()) + ": move @Revision to a class.");
            return false;
        }
        boolean instantiable = implementsMigration(type, name);
        instantiable &= isConcrete(type, name);
        instantiable &= isStaticOrTopLevel(type, name);
        instantiable &= isPublic(type, name);
        instantiable &= hasPublicNoArgConstructor(type, name);
        return instantiable;
    }

    private boolean implementsMigration(TypeElement type, String name) {
        TypeElement migration = elements.getTypeElement(MIGRATION);
        if (migration == null) {
            if (!missingMigrationReported) {
                missingMigrationReported = true;
                error(type, MIGRATION + " is not on the compile class path: add the dependency "
                        + "dev.migrate:migrate-core to the project that contains " + name + ".");
            }
            return false;
        }
        if (types.isAssignable(type.asType(), types.erasure(migration.asType()))) {
            return true;
        }
        error(type, "Revision class " + name + " must implement " + MIGRATION
                + ": declare it as 'class " + type.getSimpleName() + " implements Migration' "
                + "and implement upgrade(Operations) and downgrade(Operations).");
        return false;
    }

    private boolean isConcrete(TypeElement type, String name) {
        if (!type.getModifiers().contains(Modifier.ABSTRACT)) {
            return true;
        }
        error(type, "Revision class " + name + " is abstract, but the revision index must create an instance "
                + "of it: remove 'abstract' (move shared code to a base class without @Revision).");
        return false;
    }

    private boolean isStaticOrTopLevel(TypeElement type, String name) {
        // Local classes never reach a processor (javac does not list them), so only members remain.
        if (type.getNestingKind() == NestingKind.MEMBER && !type.getModifiers().contains(Modifier.STATIC)) {
            error(type, "Revision class " + name + " is an inner class, which needs an instance of "
                    + type.getEnclosingElement().getSimpleName() + " to be created: declare it 'static' "
                    + "or move it to its own file.");
            return false;
        }
        return true;
    }

    private boolean isPublic(TypeElement type, String name) {
        if (!type.getModifiers().contains(Modifier.PUBLIC)) {
            error(type, "Revision class " + name + " must be public so the generated revision index can "
                    + "create it: declare it 'public class " + type.getSimpleName() + "'.");
            return false;
        }
        for (Element outer = type.getEnclosingElement(); outer instanceof TypeElement enclosing;
                outer = enclosing.getEnclosingElement()) {
            if (!enclosing.getModifiers().contains(Modifier.PUBLIC)) {
                error(type, "Revision class " + name + " is nested in " + enclosing.getQualifiedName()
                        + ", which is not public, so the generated revision index cannot reach it: declare "
                        + enclosing.getSimpleName() + " public or move " + type.getSimpleName()
                        + " to its own file.");
                return false;
            }
        }
        return true;
    }

    private boolean hasPublicNoArgConstructor(TypeElement type, String name) {
        List<ExecutableElement> constructors = ElementFilter.constructorsIn(type.getEnclosedElements());
        Optional<ExecutableElement> noArg = constructors.stream()
                .filter(constructor -> constructor.getParameters().isEmpty())
                .findFirst();
        if (noArg.isPresent() && noArg.get().getModifiers().contains(Modifier.PUBLIC)) {
            return true;
        }
        if (noArg.isPresent() && elements.getOrigin(noArg.get()) == Elements.Origin.MANDATED) {
            // The implicit constructor has the class's access: "make the class public" covers it.
            return true;
        }
        String fix = noArg.isPresent()
                ? "make its constructor without parameters public."
                : "add 'public " + type.getSimpleName() + "() {}' (the revision index calls it).";
        error(noArg.isPresent() ? noArg.get() : type, "Revision class " + name
                + " needs a public constructor without parameters: " + fix);
        return false;
    }

    private void error(Element element, String message) {
        diagnostics.error(message, Position.of(element));
    }

    private static String kindName(ElementKind kind) {
        switch (kind) {
            case INTERFACE:
                return "an interface";
            case ENUM:
                return "an enum";
            case ANNOTATION_TYPE:
                return "an annotation type";
            default:
                return "a " + kind.name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
