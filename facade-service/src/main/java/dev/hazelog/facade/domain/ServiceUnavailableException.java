package dev.hazelog.facade.domain;

import java.net.URI;

/**
 * A service did not answer, or answered with a server error. {@code retryable} says whether another try of the same
 * instance may help (refused connection, 5xx); a timeout or a full store is not: the next instance is tried instead.
 */
public class ServiceUnavailableException extends RuntimeException {

    private final String reason;
    private final boolean retryable;

    public ServiceUnavailableException(URI service, String reason, boolean retryable) {
        super(service + ": " + reason);
        this.reason = reason;
        this.retryable = retryable;
    }

    public ServiceUnavailableException(URI service, String reason) {
        this(service, reason, true);
    }

    /** What went wrong, without the service's address. */
    public String reason() {
        return reason;
    }

    public boolean retryable() {
        return retryable;
    }
}
