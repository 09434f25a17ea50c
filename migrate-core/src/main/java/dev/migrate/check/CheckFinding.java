package dev.migrate.check;

import dev.migrate.ChangedRevision;
import dev.migrate.lint.LintFinding;
import java.util.List;

/**
 * One problem {@link dev.migrate.Migrator#check(CheckOptions)} found. The kinds are the rules of
 * {@code mvn migrate:check}, kept here once so the Maven goal, migrate-junit's checks and an
 * application's own gate judge a history the same way. {@link #message()} is the sentence the goal
 * logs; {@link #kind()} the name the goal's JSON uses.
 */
public sealed interface CheckFinding {

    /** {@code MULTIPLE_HEADS}, {@code PENDING}, {@code UNKNOWN_REVISION}, {@code CHANGED_CHECKSUM}, {@code LINT}, {@code MODEL_DRIFT}. */
    String kind();

    /** One sentence saying what is wrong and what to do. */
    String message();

    /** The revision ids involved, for the JSON report (empty for model drift). */
    List<String> revisions();

    /** The code has more than one head: two revisions were added to the same parent. */
    record MultipleHeads(List<String> heads) implements CheckFinding {
        public MultipleHeads {
            heads = List.copyOf(heads);
        }

        @Override
        public String kind() {
            return "MULTIPLE_HEADS";
        }

        @Override
        public String message() {
            return "The code has " + heads.size() + " heads: " + String.join(", ", heads)
                    + ". Join them with `mvn migrate:merge -Dmigrate.message=\"merge heads\"`.";
        }

        @Override
        public List<String> revisions() {
            return heads;
        }
    }

    /** The database is behind the code; {@code pending} are the revisions an upgrade to heads runs, in order. */
    record Pending(List<String> current, List<String> pending) implements CheckFinding {
        public Pending {
            current = List.copyOf(current);
            pending = List.copyOf(pending);
        }

        @Override
        public String kind() {
            return "PENDING";
        }

        @Override
        public String message() {
            return "The database is behind the code: " + pending.size()
                    + (pending.size() == 1 ? " pending revision: " : " pending revisions: ") + String.join(", ", pending)
                    + ". Run `mvn compile migrate:upgrade`.";
        }

        @Override
        public List<String> revisions() {
            return pending;
        }
    }

    /** The database is at revisions the code does not have (a branch not merged yet, or a deleted revision). */
    record UnknownRevision(List<String> unknown) implements CheckFinding {
        public UnknownRevision {
            unknown = List.copyOf(unknown);
        }

        @Override
        public String kind() {
            return "UNKNOWN_REVISION";
        }

        @Override
        public String message() {
            return "The database is at " + String.join(", ", unknown)
                    + ", which the code does not know. Merge the branch that added it, or stamp the database.";
        }

        @Override
        public List<String> revisions() {
            return unknown;
        }
    }

    /** An applied revision was edited afterwards: its SQL no longer matches the checksum recorded when it ran. */
    record ChangedChecksum(ChangedRevision revision) implements CheckFinding {
        @Override
        public String kind() {
            return "CHANGED_CHECKSUM";
        }

        @Override
        public String message() {
            return "Revision " + revision.id() + " (" + revision.className() + ") was changed after it was applied here on "
                    + revision.appliedAt() + ": its SQL no longer matches the checksum recorded then. Restore the"
                    + " revision as it was and put the change into a new revision (`mvn migrate:revision`).";
        }

        @Override
        public List<String> revisions() {
            return List.of(revision.id());
        }
    }

    /** An unsafe operation (docs/LINT.md); whether it fails a gate depends on its severity and the gate's {@code failOn}. */
    record Lint(LintFinding finding) implements CheckFinding {
        @Override
        public String kind() {
            return "LINT";
        }

        @Override
        public String message() {
            return finding.line();
        }

        @Override
        public List<String> revisions() {
            return List.of(finding.revision());
        }
    }

    /** The entities differ from the database at head in ways no revision covers; one line per difference. */
    record ModelDrift(List<String> differences) implements CheckFinding {
        public ModelDrift {
            differences = List.copyOf(differences);
        }

        @Override
        public String kind() {
            return "MODEL_DRIFT";
        }

        @Override
        public String message() {
            return "The entities differ from the database in " + differences.size()
                    + (differences.size() == 1 ? " way" : " ways") + " that no revision covers: "
                    + String.join("; ", differences) + ". Write the revision with mvn compile migrate:revision"
                    + " -Dmigrate.autogenerate -Dmigrate.message=\"...\".";
        }

        @Override
        public List<String> revisions() {
            return List.of();
        }
    }
}
