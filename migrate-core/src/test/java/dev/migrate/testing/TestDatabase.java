package dev.migrate.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * A database reserved for one test class: its JDBC URL and credentials.
 *
 * @param dialect  {@code postgresql} or {@code h2}
 * @param url      JDBC URL of the isolated database
 * @param user     user name, may be null
 * @param password password, may be null
 */
public record TestDatabase(String dialect, String url, String user, String password) {

    public Connection connect() throws SQLException {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        return DriverManager.getConnection(url, properties);
    }

    /** The first column of every row {@code sql} returns, as strings, on a connection of its own. */
    public List<String> strings(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    @Override
    public String toString() {
        return dialect + " " + url;
    }
}
