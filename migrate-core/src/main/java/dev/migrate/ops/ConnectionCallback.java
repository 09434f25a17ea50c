package dev.migrate.ops;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Code that needs the live JDBC connection of a revision (online runs only). It runs inside the
 * revision's transaction; it must not commit, roll back or close the connection.
 */
@FunctionalInterface
public interface ConnectionCallback {

    void run(Connection connection) throws SQLException;
}
