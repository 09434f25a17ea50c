package dev.migrate.junit;

import java.util.List;

class H2ChecksTest extends ChecksContract {

    @Override
    DatabaseServer server() {
        return new DatabaseServer.H2();
    }

    // H2 has no sleep function; a Java alias gives it one.
    @Override
    List<String> sleep(int millis) {
        return List.of("CREATE ALIAS IF NOT EXISTS MT_SLEEP FOR 'java.lang.Thread.sleep'", "CALL MT_SLEEP(" + millis + ")");
    }

    @Override
    List<String> undoSleep() {
        return List.of("DROP ALIAS IF EXISTS MT_SLEEP");
    }
}
