package dev.hazelog.logging.domain;

import java.util.UUID;

/** An id that is already stored with another text: storing it again would lose one of the two. */
public class ConflictingMessageException extends RuntimeException {

    public ConflictingMessageException(UUID id) {
        super("Message " + id + " is already stored with another text.");
    }
}
