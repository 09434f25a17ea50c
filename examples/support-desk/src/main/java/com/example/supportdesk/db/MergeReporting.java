package com.example.supportdesk.db;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.annotation.Revision;

/** Joins the reporting branch back into the main line, so the project has one head again. */
@Revision(id = "e4a7b9c13d56", revises = {"d3f6a8b02c45", "6f8b0d2c4e61"}, message = "merge reporting into main")
public final class MergeReporting implements Migration {

    @Override
    public void upgrade(Operations op) {
        // Nothing to do: a merge only joins the branches.
    }

    @Override
    public void downgrade(Operations op) {
        // Nothing to undo.
    }
}
