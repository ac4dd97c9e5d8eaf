package dev.hazelog.logging.domain;

import java.time.Instant;

/** How far a reader in acceptance order may go without passing a message that shows up later. */
public interface ReadHorizon {

    /** Every message stamped before this instant is visible now, or will never be. */
    Instant settledUntil();
}
