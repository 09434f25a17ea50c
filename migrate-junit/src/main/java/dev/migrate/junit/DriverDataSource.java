package dev.migrate.junit;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** A plain, unpooled {@link DataSource} over a {@link FreshDatabase}: what a test needs, nothing more. */
final class DriverDataSource implements DataSource {

    private final FreshDatabase database;
    private PrintWriter logWriter;
    private int loginTimeout;

    DriverDataSource(FreshDatabase database) {
        this.database = database;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return DriverManager.getConnection(database.url(), FreshDatabase.credentials(database.user(), database.password()));
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return DriverManager.getConnection(database.url(), FreshDatabase.credentials(username, password));
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("no java.util.logging logger");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("not a wrapper for " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }

    @Override
    public String toString() {
        return database.toString();
    }
}
