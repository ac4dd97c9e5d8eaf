package dev.hazelog.logging.domain;

/** The database behind the map did not answer, or did not a moment ago; every logging service shares it. */
public class DatabaseUnavailableException extends StorageUnavailableException {

    public DatabaseUnavailableException(String database, Throwable cause) {
        super("The message database (" + database + ") did not answer.", cause);
    }
}
