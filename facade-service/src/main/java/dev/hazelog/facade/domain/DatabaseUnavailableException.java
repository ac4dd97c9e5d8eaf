package dev.hazelog.facade.domain;

/**
 * A logging service answered that the database behind the map did not answer. The logging services share it, so the
 * write is not tried on another: the client hears it at once, in the logging service's words.
 */
public class DatabaseUnavailableException extends RuntimeException {

    public DatabaseUnavailableException(String detail) {
        super(detail);
    }
}
