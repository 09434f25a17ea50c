package it.db;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.annotation.Revision;

/** A revision with a bug in its own code: upgrade() throws before recording any operation. */
@Revision(id = "7c8d9e0f1a2b", revises = "3a4f5c6d7e80", message = "backfill ticket owners")
public final class FailingRevision implements Migration {

    @Override
    public void upgrade(Operations op) {
        throw new IllegalStateException("owner lookup not written yet");
    }

    @Override
    public void downgrade(Operations op) {
    }
}
