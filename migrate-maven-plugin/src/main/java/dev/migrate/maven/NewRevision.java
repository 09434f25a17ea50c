package dev.migrate.maven;

import java.util.List;

/**
 * A revision source file to generate.
 *
 * @param packageName  the Java package
 * @param className    the simple class name
 * @param id           the new revision id
 * @param revises      its parents (several for a merge, none for a new base)
 * @param dependsOn    depends_on references
 * @param branchLabels branch labels
 * @param message      the revision message
 * @param database     the database it belongs to, or empty for the default one
 */
record NewRevision(String packageName, String className, String id, List<String> revises, List<String> dependsOn,
        List<String> branchLabels, String message, String database) {

    /** A revision of the default database. */
    NewRevision(String packageName, String className, String id, List<String> revises, List<String> dependsOn,
            List<String> branchLabels, String message) {
        this(packageName, className, id, revises, dependsOn, branchLabels, message, "");
    }

    NewRevision {
        database = database == null ? "" : database;
        revises = List.copyOf(revises);
        dependsOn = List.copyOf(dependsOn);
        branchLabels = List.copyOf(branchLabels);
    }

    /** The same revision in {@code database} ("" for the default one). */
    NewRevision inDatabase(String database) {
        return new NewRevision(packageName, className, id, revises, dependsOn, branchLabels, message, database);
    }

    boolean isMerge() {
        return revises.size() > 1;
    }
}
