package dev.hazelog.facade.domain;

import dev.hazelog.shared.wire.MessagePage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One stream's place in the {@link LiveLog}: from an older message, it reads the log itself until it reaches the
 * messages the live log keeps, then takes them from there. Used by one thread at a time.
 */
public final class Follower implements AutoCloseable {

    private final LiveLog live;
    /** The last message read from the log itself, while catching up to the kept ones; null once there. */
    private @Nullable UUID cursor;
    /** The number of the next kept message to hand out, once caught up. */
    private long next;

    private final List<LiveLog.Rendered> pending = new ArrayList<>();

    Follower(LiveLog live, @Nullable UUID cursor, long next) {
        this.live = live;
        this.cursor = cursor;
        this.next = next;
    }

    /**
     * The next messages in acceptance order, waiting up to {@code wait} for one; empty when none came.
     *
     * @throws FellBehindException when the messages it had yet to hand out are no longer kept
     */
    public List<LiveLog.Rendered> next(Duration wait) throws InterruptedException {
        if (!pending.isEmpty()) {
            List<LiveLog.Rendered> first = List.copyOf(pending);
            pending.clear();
            return first;
        }
        if (cursor != null) {
            List<LiveLog.Rendered> read = catchUpUnlessUnavailable();
            if (read.isEmpty() && cursor != null) {
                Thread.sleep(live.every());
            }
            return read;
        }
        List<LiveLog.Rendered> taken = live.kept(next, wait);
        next += taken.size();
        return taken;
    }

    /** The first page after the message it starts from, read at once: an unknown id is refused before the answer. */
    void catchUpFirst() {
        pending.addAll(catchUp());
    }

    /** Nothing while no logging service answers: the stream waits and tries again, as the live log's reader does. */
    private List<LiveLog.Rendered> catchUpUnlessUnavailable() {
        try {
            return catchUp();
        } catch (ServiceUnavailableException | NoInstanceAvailableException e) {
            return List.of();
        }
    }

    /** A page from the log after the cursor; once the cursor is among the kept messages, on from there. */
    private List<LiveLog.Rendered> catchUp() {
        MessagePage page = live.settledPage(cursor);
        if (!page.messages().isEmpty()) {
            cursor = UUID.fromString(page.messages().getLast().id());
        }
        long keptAfter = live.keptAfter(Objects.requireNonNull(cursor));
        if (keptAfter >= 0) {
            next = keptAfter;
            cursor = null;
        }
        return live.rendered(page.messages());
    }

    @Override
    public void close() {
        live.unfollow();
    }
}
