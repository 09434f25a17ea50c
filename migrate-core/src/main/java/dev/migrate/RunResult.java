package dev.migrate;

import java.util.List;

/**
 * What an upgrade, downgrade or stamp did.
 *
 * @param applied     the revisions run, in order; empty when already at the target
 * @param headsBefore the version table's rows before the run
 * @param headsAfter  the version table's rows after the run
 */
public record RunResult(List<AppliedRevision> applied, List<String> headsBefore, List<String> headsAfter) {

    public RunResult {
        applied = List.copyOf(applied);
        headsBefore = List.copyOf(headsBefore);
        headsAfter = List.copyOf(headsAfter);
    }
}
