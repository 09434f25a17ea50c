package dev.migrate.engine;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * Connections kept by each thread of a tenant run for its next tenant: a run over schemas of one
 * database opens its two connections (the work session and the run lock's) once per worker thread
 * instead of once per tenant, saving the server a new session per connection and tenant. A
 * connection comes back at {@code close()} rolled back, in autocommit and with its network timeout
 * as it was, and is closed for good instead when that fails, or when the tenant it served failed
 * ({@link #discardThisThread()}), so no state of a failed tenant reaches the next one. The session
 * settings the engine gives a tenant (its search path, its locks) are set and released by every
 * run on the connection it gets. Autogenerate uses it the same way on one thread: the connection that
 * read the version table then serves the comparison.
 */
public final class ThreadConnections implements ConnectionSource, AutoCloseable {

    private final ConnectionSource source;
    private final ConcurrentHashMap<Thread, Deque<Connection>> idle = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private ThreadConnections(ConnectionSource source) {
        this.source = source;
    }

    /** Connections from {@code source}, reused by the thread that gave them back. */
    public static ThreadConnections over(ConnectionSource source) {
        return new ThreadConnections(source);
    }

    @Override
    public Connection open() {
        Deque<Connection> mine = idle.computeIfAbsent(Thread.currentThread(), thread -> new ArrayDeque<>());
        Connection physical = mine.pollFirst();
        if (physical == null) {
            physical = source.open();
        }
        return lend(physical, Thread.currentThread(), mine);
    }

    @Override
    public String maskedUrl() {
        return source.maskedUrl();
    }

    @Override
    public String where() {
        return source.where();
    }

    /** Closes for good the connections this thread keeps: its tenant failed, and they may hold its state. */
    public void discardThisThread() {
        Deque<Connection> mine = idle.remove(Thread.currentThread());
        if (mine != null) {
            mine.forEach(ThreadConnections::closeQuietly);
        }
    }

    /** Closes every kept connection; connections still lent out are closed when they come back. */
    @Override
    public void close() {
        closed = true;
        List<Deque<Connection>> all = new ArrayList<>(idle.values());
        idle.clear();
        all.forEach(connections -> connections.forEach(ThreadConnections::closeQuietly));
    }

    /** {@code physical} behind a handle whose {@code close()} gives it back to {@code owner}'s {@code home}. */
    private Connection lend(Connection physical, Thread owner, Deque<Connection> home) {
        int networkTimeout = networkTimeout(physical);
        InvocationHandler handler = new InvocationHandler() {
            private boolean returned;

            @Override
            public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
                switch (method.getName()) {
                    case "close" -> {
                        if (!returned) {
                            returned = true;
                            giveBack(physical, networkTimeout, owner, home);
                        }
                        return null;
                    }
                    case "isClosed" -> {
                        return returned || physical.isClosed();
                    }
                    case "equals" -> {
                        return proxy == args[0];
                    }
                    case "hashCode" -> {
                        return System.identityHashCode(proxy);
                    }
                    default -> {
                        if (returned) {
                            throw new SQLException("This connection was closed (given back for the next tenant).");
                        }
                        try {
                            return method.invoke(physical, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    }
                }
            }
        };
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                handler);
    }

    private void giveBack(Connection physical, int networkTimeout, Thread owner, Deque<Connection> home) {
        try {
            // Discarded (its tenant failed) or closed meanwhile: the connection is not kept.
            if (closed || idle.get(owner) != home || physical.isClosed()) {
                closeQuietly(physical);
                return;
            }
            if (!physical.getAutoCommit()) {
                physical.rollback();
                physical.setAutoCommit(true);
            }
            if (networkTimeout >= 0 && networkTimeout(physical) != networkTimeout) {
                physical.setNetworkTimeout(DIRECT, networkTimeout);
            }
            home.addFirst(physical);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(physical);
        }
    }

    private static final Executor DIRECT = Runnable::run;

    /** The connection's network timeout, or -1 when the driver has none to give. */
    private static int networkTimeout(Connection connection) {
        try {
            return connection.getNetworkTimeout();
        } catch (SQLException | RuntimeException | AbstractMethodError e) {
            return -1;
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException | RuntimeException e) {
            // Nothing is left to do with a connection that cannot even close.
        }
    }
}
