package dev.hazelog.logging.domain;

import dev.hazelog.shared.wire.MessageSearch;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Keeps the log within its limits: the messages accepted longer ago than {@code maxAge}, and the oldest beyond the
 * newest {@code maxMessages}, leave the store oldest first, {@value #BATCH} at a time, each batch a short statement of
 * its own rather than one long delete that would lock the table.
 */
public class Retention {

    static final int BATCH = 1000;

    private final MessageStore store;
    private final @Nullable Duration maxAge;
    private final @Nullable Long maxMessages;
    private final Clock clock;
    private final Counter removed;
    private volatile @Nullable Instant oldestKept;

    public Retention(
            MessageStore store,
            @Nullable Duration maxAge,
            @Nullable Long maxMessages,
            Clock clock,
            MeterRegistry meters) {
        this.store = store;
        this.maxAge = maxAge;
        this.maxMessages = maxMessages;
        this.clock = clock;
        this.removed = Counter.builder("hazelog.retention.removed")
                .description("Messages this service removed for being past a retention limit")
                .register(meters);
        Gauge.builder("hazelog.retention.oldest", this, retention -> {
                    Instant oldest = retention.oldestKept;
                    return oldest == null ? Double.NaN : oldest.getEpochSecond();
                })
                .description("Acceptance time (Unix seconds) of the oldest message kept, as this service last saw"
                        + " it when it trimmed the log")
                .baseUnit("seconds")
                .register(meters);
    }

    /** Removes what is past a limit now; returns how many messages it removed. */
    public long trim() {
        long count = 0;
        if (maxAge != null) {
            MessageSearch older = new MessageSearch(null, null, clock.instant().minus(maxAge), null);
            count += removeOldest(Long.MAX_VALUE, older);
        }
        if (maxMessages != null) {
            count += removeOldest(store.count() - maxMessages, MessageSearch.EVERY_MESSAGE);
        }
        List<StoredMessage> oldest =
                store.page(null, 1, MessageSearch.EVERY_MESSAGE).messages();
        oldestKept = oldest.isEmpty() ? null : oldest.getFirst().acceptedAt();
        return count;
    }

    /** Up to {@code most} of the oldest messages the search finds, a batch at a time. */
    private long removeOldest(long most, MessageSearch search) {
        long count = 0;
        while (count < most) {
            MessageHistory.Page page = store.page(null, (int) Math.min(BATCH, most - count), search);
            store.forget(page.messages().stream().map(StoredMessage::id).toList());
            count += page.messages().size();
            removed.increment(page.messages().size());
            if (!page.more()) {
                break;
            }
        }
        return count;
    }
}
