package dev.hazelog.facade.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A logging service's word that a message is stored.
 *
 * @param storedBy the logging instance that stored it first
 * @param acceptedAt when that was, in cluster time
 * @param duplicate whether it was stored before this call, with the same text
 */
public record Stored(UUID id, String storedBy, Instant acceptedAt, boolean duplicate) {}
