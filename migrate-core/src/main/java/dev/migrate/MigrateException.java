package dev.migrate;

/**
 * Base of every error a user can cause: a bad target, an unknown revision, a failing statement,
 * a lock timeout. The message names the revision, file or setting involved and says what to do;
 * it never contains a password.
 */
public class MigrateException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MigrateException(String message) {
        super(message);
    }

    public MigrateException(String message, Throwable cause) {
        super(message, cause);
    }
}
