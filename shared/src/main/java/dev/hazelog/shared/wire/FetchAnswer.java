package dev.hazelog.shared.wire;

/**
 * Answer of {@code POST /fetching_message}: {@code status} is {@value #STORED} or {@value #DUPLICATE} (the id was
 * already stored with the same text); {@code storedBy} names the logging instance that stored it first.
 */
public record FetchAnswer(String status, String id, String storedBy) {

    public static final String STORED = "ok";
    public static final String DUPLICATE = "duplicate, ok";
}
