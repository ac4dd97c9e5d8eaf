package dev.hazelog.logging.domain;

import java.util.UUID;

/** A page was asked for after a message that is not stored. */
public class UnknownCursorException extends RuntimeException {

    public UnknownCursorException(UUID after) {
        super("No message has the id " + after + ", so there is no page after it.");
    }
}
