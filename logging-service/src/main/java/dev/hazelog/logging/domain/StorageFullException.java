package dev.hazelog.logging.domain;

/** This member's memory is too full for what was asked: a new message, or an answer built whole. */
public class StorageFullException extends RuntimeException {

    public StorageFullException(String message) {
        super(message);
    }
}
