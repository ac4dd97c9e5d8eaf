package dev.hazelog.logging.domain;

/** The cluster could not complete the operation (the member is shutting down, or the operation timed out). */
public class StorageUnavailableException extends RuntimeException {

    public StorageUnavailableException(Throwable cause) {
        super(
                "The cluster could not complete the operation: "
                        + cause.getClass().getSimpleName(),
                cause);
    }
}
