package dev.hazelog.facade.domain;

import java.net.URI;

/** A service did not answer, or answered with a server error: worth another try, there or elsewhere. */
public class ServiceUnavailableException extends RuntimeException {

    private final String reason;

    public ServiceUnavailableException(URI service, String reason) {
        super(service + ": " + reason);
        this.reason = reason;
    }

    /** What went wrong, without the service's address. */
    public String reason() {
        return reason;
    }
}
