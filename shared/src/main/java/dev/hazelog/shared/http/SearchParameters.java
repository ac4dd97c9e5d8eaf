package dev.hazelog.shared.http;

import dev.hazelog.shared.wire.MessageSearch;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * {@code ?contains=&since=&until=&storedBy=}, the criteria of a search, each optional; a value that cannot be one is
 * refused with a problem that names its parameter.
 */
public final class SearchParameters {

    public static final String CONTAINS = "contains";
    public static final String SINCE = "since";
    public static final String UNTIL = "until";
    public static final String STORED_BY = "storedBy";

    /** Longer than any instance's name, and a search for a longer substring than this is not a search. */
    public static final int MAX_LENGTH = 1000;

    /** The years ISO-8601 writes without a sign; beyond them no message is stamped, nor can be. */
    private static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");

    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    private SearchParameters() {}

    public static MessageSearch parse(
            @Nullable String contains, @Nullable String since, @Nullable String until, @Nullable String storedBy) {
        MessageSearch search = new MessageSearch(
                text(CONTAINS, contains), instant(SINCE, since), instant(UNTIL, until), text(STORED_BY, storedBy));
        if (search.since() != null && search.until() != null && search.since().isAfter(search.until())) {
            throw ProblemException.badRequest(
                    "Invalid until",
                    "until (%s) must not be before since (%s).".formatted(search.until(), search.since()));
        }
        return search;
    }

    private static @Nullable String text(String parameter, @Nullable String value) {
        if (value == null) {
            return null;
        }
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            throw invalid(parameter, "%s must be 1 to %d characters long.".formatted(parameter, MAX_LENGTH));
        }
        return value;
    }

    private static @Nullable Instant instant(String parameter, @Nullable String value) {
        if (value == null) {
            return null;
        }
        try {
            Instant instant = Instant.parse(value);
            if (!instant.isBefore(EARLIEST) && !instant.isAfter(LATEST)) {
                return instant;
            }
        } catch (DateTimeParseException e) {
            // answered below, as a value out of range is
        }
        throw invalid(
                parameter,
                ("%s must be an ISO-8601 instant from year 0000 to 9999, like 2026-12-03T07:00:00Z or"
                                + " 2026-12-03T08:00:00+01:00 (with + sent as %%2B), not \"%s\".")
                        .formatted(parameter, value));
    }

    private static ProblemException invalid(String parameter, String detail) {
        return ProblemException.badRequest("Invalid " + parameter, detail);
    }
}
