package dev.hazelog.shared.wire;

/** Answer of a logging service's {@code GET /get_fetched_messages}: every message joined by {@code ", "}. */
public record FetchedMessages(String msgs) {}
