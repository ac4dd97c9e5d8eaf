package dev.hazelog.shared.http;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** {@code ?limit=&after=}: how many messages a page holds (default {@value #DEFAULT_LIMIT}), and after which one. */
public final class Paging {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    private Paging() {}

    public static int limit(@Nullable Integer limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ProblemException.badRequest(
                    "Invalid limit", "limit must be between 1 and %d, not %d.".formatted(MAX_LIMIT, limit));
        }
        return limit;
    }

    public static @Nullable UUID after(@Nullable String after) {
        return after == null ? null : MessageIds.parse("after", after);
    }
}
