package dev.hazelog.facade.domain;

/** A client's idempotency key was first used with another message. */
public class IdempotencyKeyReusedException extends RuntimeException {

    public IdempotencyKeyReusedException() {
        super("This Idempotency-Key was first used with another message.");
    }
}
