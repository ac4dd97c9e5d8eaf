package dev.hazelog.logging.domain;

import dev.hazelog.shared.wire.MessageSearch;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The acceptance times a search allows, in the microseconds messages are stamped in.
 *
 * @param fromMicros the earliest allowed, included
 * @param toMicros the end, excluded
 */
public record AcceptanceWindow(long fromMicros, long toMicros) {

    /** {@code since} included and {@code until} excluded: a stamp is allowed from the first microsecond not before since. */
    public static AcceptanceWindow of(MessageSearch search) {
        return new AcceptanceWindow(
                search.since() == null ? Long.MIN_VALUE : firstMicrosNotBefore(search.since()),
                search.until() == null ? Long.MAX_VALUE : firstMicrosNotBefore(search.until()));
    }

    private static long firstMicrosNotBefore(Instant instant) {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, instant.truncatedTo(ChronoUnit.MICROS));
        return instant.getNano() % 1000 == 0 ? micros : micros + 1;
    }
}
