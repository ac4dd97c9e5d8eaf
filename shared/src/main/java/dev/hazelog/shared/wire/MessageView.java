package dev.hazelog.shared.wire;

import java.time.Instant;

/** One stored message as the resource APIs show it. */
public record MessageView(String id, String msg, Instant acceptedAt, String storedBy) {}
