package dev.hazelog.facade.domain;

import java.net.URI;

/**
 * The instance answered, but its member's memory is too full for the request (507). Another instance may have room,
 * so the next one is tried at once; the instance itself is healthy, so its circuit stays closed for other requests.
 */
public class InstanceFullException extends ServiceUnavailableException {

    public InstanceFullException(URI service, String reason) {
        super(service, reason, false);
    }
}
