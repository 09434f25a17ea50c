package dev.migrate.junit;

import java.util.List;

class PostgresChecksTest extends ChecksContract {

    @Override
    DatabaseServer server() {
        return PostgresServers.require();
    }

    @Override
    List<String> sleep(int millis) {
        return List.of("SELECT pg_sleep(" + millis / 1000.0 + ")");
    }

    @Override
    List<String> undoSleep() {
        return List.of("SELECT 1");
    }
}
