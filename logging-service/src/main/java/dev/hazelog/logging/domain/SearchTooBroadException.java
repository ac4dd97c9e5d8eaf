package dev.hazelog.logging.domain;

import java.time.Duration;

/** A search the database gave up on before it was done: it would read too much of the log for the time it has. */
public class SearchTooBroadException extends RuntimeException {

    public SearchTooBroadException(Duration limit) {
        super("The search did not finish within " + limit.toMillis() + " ms. Narrow it: a longer contains (three"
                + " letters or digits in a row let an index find it), a since/until window, or storedBy.");
    }
}
