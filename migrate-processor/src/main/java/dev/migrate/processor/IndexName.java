package dev.migrate.processor;

/**
 * The generated index class's name: a top-level class, so its canonical and binary names are the
 * same. (JavaPoet's {@code ClassName} did this until the index was written as plain text; a jar
 * less on the processor path is a jar less for every cold {@code javac} to open.)
 *
 * @param packageName the package, never the unnamed one ({@value IndexNaming#PACKAGE})
 * @param simpleName  the class's own name
 */
record IndexName(String packageName, String simpleName) {

    /** The name {@code Elements.getTypeElement} and {@code Filer.createSourceFile} take. */
    String canonicalName() {
        return packageName + '.' + simpleName;
    }

    /** The name {@link Class#forName(String)} and a {@code META-INF/services} file take. */
    String reflectionName() {
        return canonicalName();
    }

    @Override
    public String toString() {
        return canonicalName();
    }
}
