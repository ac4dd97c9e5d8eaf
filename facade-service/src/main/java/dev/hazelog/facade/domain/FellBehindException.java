package dev.hazelog.facade.domain;

/** A stream's client read so slowly that the messages it had yet to get are no longer kept for it. */
public class FellBehindException extends RuntimeException {

    public FellBehindException(long missed) {
        super("The client fell %d messages behind the log, more than this facade keeps for its streams; reconnect with"
                        .formatted(missed)
                + " Last-Event-ID to go on from the last message it got.");
    }
}
