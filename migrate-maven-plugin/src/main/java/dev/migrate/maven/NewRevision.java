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
 */
record NewRevision(String packageName, String className, String id, List<String> revises, List<String> dependsOn,
        List<String> branchLabels, String message) {

    NewRevision {
        revises = List.copyOf(revises);
        dependsOn = List.copyOf(dependsOn);
        branchLabels = List.copyOf(branchLabels);
    }

    boolean isMerge() {
        return revises.size() > 1;
    }
}
