package dev.hazelog.shared.wire;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Which messages a read wants: those that meet every criterion given; one left null does not narrow the read.
 *
 * @param contains a substring of the text, in any case
 * @param since accepted at this instant or later
 * @param until accepted before this instant
 * @param storedBy the name of the logging instance that stored it
 */
public record MessageSearch(
        @Nullable String contains,
        @Nullable Instant since,
        @Nullable Instant until,
        @Nullable String storedBy) {

    public static final MessageSearch EVERY_MESSAGE = new MessageSearch(null, null, null, null);
}
