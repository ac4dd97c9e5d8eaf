package dev.hazelog.facade.domain;

import java.util.List;

/** Every known logging service failed, or none is known; {@link #tried()} says what happened where. */
public class NoInstanceAvailableException extends RuntimeException {

    private final List<String> tried;

    public NoInstanceAvailableException(String message, List<String> tried) {
        super(message);
        this.tried = List.copyOf(tried);
    }

    public List<String> tried() {
        return tried;
    }
}
