package dev.hazelog.shared.wire;

import java.time.Instant;

/**
 * Answer of {@code POST /fetching_message}: {@code status} is {@value #STORED} or {@value #DUPLICATE} (the id was
 * already stored with the same text); {@code storedBy} names the logging instance that stored it first, and
 * {@code acceptedAt} when.
 */
public record StoreAnswer(String status, String id, String storedBy, Instant acceptedAt) {

    public static final String STORED = "ok";
    public static final String DUPLICATE = "duplicate, ok";
}
