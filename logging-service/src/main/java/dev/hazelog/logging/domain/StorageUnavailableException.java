package dev.hazelog.logging.domain;

/**
 * The store could not complete the operation: the member is shutting down, the operation timed out, or the database
 * behind the map did not answer.
 */
public class StorageUnavailableException extends RuntimeException {

    public StorageUnavailableException(Throwable cause) {
        super(
                "The cluster could not complete the operation: "
                        + cause.getClass().getSimpleName(),
                cause);
    }

    public StorageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public StorageUnavailableException(String message) {
        super(message);
    }
}
