package dev.hazelog.logging.domain;

import java.time.Instant;
import java.util.Comparator;

/**
 * A message as the map {@code messages} holds it.
 *
 * @param acceptedAt cluster time when a member accepted it; messages are listed in this order
 * @param storedBy the logging instance that stored it
 */
public record StoredMessage(String id, String text, Instant acceptedAt, String storedBy) {

    /** Acceptance order; the id only breaks ties between members in the same microsecond. */
    public static final Comparator<StoredMessage> ACCEPTANCE_ORDER =
            Comparator.comparing(StoredMessage::acceptedAt).thenComparing(StoredMessage::id);
}
