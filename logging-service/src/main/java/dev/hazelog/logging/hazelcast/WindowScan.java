package dev.hazelog.logging.hazelcast;

import dev.hazelog.logging.domain.MessageHistory.Page;
import dev.hazelog.logging.domain.StoredMessage;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Finds a page of messages with range queries on acceptance times: it starts with a narrow window and widens it,
 * going by how dense the last one was, until the window holds the page or reaches its bound. Each query touches
 * about a page of entries, however many are stored.
 */
final class WindowScan {

    static final long FIRST_WINDOW_MICROS = 100_000;

    /** A range query: the messages accepted from {@code fromMicros} to {@code toMicros}, both included, any order. */
    @FunctionalInterface
    interface Range {
        Collection<StoredMessage> between(long fromMicros, long toMicros);
    }

    private final Range range;

    WindowScan(Range range) {
        this.range = range;
    }

    /**
     * Up to {@code limit} messages in acceptance order, from {@code firstMicros} on and after {@code anchor} (the
     * cursor, accepted at {@code firstMicros} or before), looking no further than {@code endMicros}, included.
     */
    Page forward(long firstMicros, @Nullable StoredMessage anchor, int limit, long endMicros) {
        long window = FIRST_WINDOW_MICROS;
        while (true) {
            long to = Math.min(firstMicros + window, endMicros);
            List<StoredMessage> found = range.between(firstMicros, to).stream()
                    .filter(message -> anchor == null || StoredMessage.ACCEPTANCE_ORDER.compare(message, anchor) > 0)
                    .sorted(StoredMessage.ACCEPTANCE_ORDER)
                    .toList();
            if (found.size() > limit || to >= endMicros) {
                return new Page(found.subList(0, Math.min(limit, found.size())), found.size() > limit);
            }
            window = widened(window, found.size(), limit);
        }
    }

    /** The last {@code limit} messages accepted up to {@code endMicros}, in acceptance order, looking back to 0. */
    List<StoredMessage> backward(long presentMicros, long endMicros, int limit) {
        long window = FIRST_WINDOW_MICROS;
        while (true) {
            long from = presentMicros - window;
            List<StoredMessage> found = range.between(from, endMicros).stream()
                    .sorted(StoredMessage.ACCEPTANCE_ORDER)
                    .toList();
            if (found.size() >= limit || from <= 0) {
                return found.subList(Math.max(0, found.size() - limit), found.size());
            }
            window = widened(window, found.size(), limit);
        }
    }

    /** Wide enough for about twice the page, going by how dense the last window was; 16 times if it was empty. */
    static long widened(long window, int found, int limit) {
        return window * (found == 0 ? 16 : Math.max(2, 2L * limit / found));
    }
}
