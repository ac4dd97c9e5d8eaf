package dev.hazelog.facade.domain;

import dev.hazelog.shared.wire.MessagePage;
import dev.hazelog.shared.wire.MessageView;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log as it grows, for every stream of this facade at once. One reader follows its settled end ({@link
 * MessageReader#settledPage}): page after page, each after the last message read and stopping where every logging
 * service's writes have settled, so that no message is passed over and none is read twice. The latest messages are
 * kept, numbered in order, as many as the capacities allow; each stream takes them from there at its own pace, and one that falls further
 * behind is told so. The reader starts after the latest message when the first stream comes, and stops when the last
 * one goes.
 */
public class LiveLog {

    /** Messages read or handed out at once: a hundred of the largest (64 KB) are 6.4 MB. */
    static final int PAGE = 100;

    private static final Logger log = LoggerFactory.getLogger(LiveLog.class);

    private final MessageReader reader;
    private final Function<MessageView, String> render;
    private final Duration every;

    /** Added to under this; the streams read it without a lock. */
    private final RecentMessages recent;

    // Guarded by this.
    private int followers;
    private boolean reading;
    /** Where the reader started: the messages after it are all kept from {@link #startNumber} on, or were. */
    private @Nullable UUID start;

    private long startNumber;

    /**
     * @param render what a stream sends for a message: done once per message, however many streams send it
     * @param capacity how many of the latest messages are kept
     * @param capacityBytes how many bytes their events may take together, since a message may be 64 KB long
     * @param every how long the reader waits after a look that found nothing new
     */
    public LiveLog(
            MessageReader reader,
            Function<MessageView, String> render,
            int capacity,
            long capacityBytes,
            Duration every) {
        this.reader = reader;
        this.render = render;
        this.recent = new RecentMessages(capacity, capacityBytes);
        this.every = every;
    }

    /**
     * A new follower: from the message after {@code after}, read from the log until it reaches the kept ones; without
     * it, from the next new message.
     *
     * @throws RefusedException if no message has the id {@code after}
     */
    public Follower follow(@Nullable UUID after) {
        Follower follower;
        synchronized (this) {
            followers++;
            if (!reading) {
                reading = true;
                Thread.ofVirtual().name("live-log").start(this::read);
            }
            follower = new Follower(this, after, recent.end());
        }
        if (after != null) {
            try {
                follower.catchUpFirst();
            } catch (RuntimeException e) {
                follower.close();
                throw e;
            }
        }
        return follower;
    }

    private void read() {
        UUID cursor = null;
        boolean started = false;
        while (stillFollowed()) {
            try {
                if (!started) {
                    cursor = latest();
                    synchronized (this) {
                        start = cursor;
                        startNumber = recent.end();
                    }
                    started = true;
                }
                MessagePage page = reader.settledPage(cursor, PAGE);
                if (!page.messages().isEmpty()) {
                    keep(page.messages());
                    cursor = UUID.fromString(page.messages().getLast().id());
                }
                if (page.next() == null) {
                    Thread.sleep(every);
                }
            } catch (RefusedException e) {
                // The last message read is gone (retention took it): go on from the latest.
                started = false;
            } catch (ServiceUnavailableException | NoInstanceAvailableException e) {
                log.debug("Following the log paused: {}", e.getMessage());
                pause();
            } catch (RuntimeException e) {
                // Whatever went wrong with one answer, the streams of this facade all wait on this thread.
                log.warn("Following the log failed; trying again", e);
                pause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private @Nullable UUID latest() {
        List<MessageView> latest = reader.latest(1);
        return latest.isEmpty() ? null : UUID.fromString(latest.getFirst().id());
    }

    private synchronized boolean stillFollowed() {
        if (followers == 0) {
            reading = false;
            recent.clear();
            start = null;
        }
        return reading;
    }

    private void keep(List<MessageView> messages) {
        List<Rendered> rendered = rendered(messages);
        synchronized (this) {
            recent.add(rendered);
        }
    }

    List<Rendered> rendered(List<MessageView> messages) {
        return messages.stream()
                .map(message -> new Rendered(message, render.apply(message).getBytes(StandardCharsets.UTF_8)))
                .toList();
    }

    /** A message and what a stream sends for it, in UTF-8. */
    public record Rendered(MessageView message, byte[] event) {}

    private void pause() {
        try {
            Thread.sleep(every);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A page of the log itself after this message, up to where every write has settled. */
    MessagePage settledPage(@Nullable UUID after) {
        return reader.settledPage(after, PAGE);
    }

    /** Where a follower that read the log itself up to this message goes on among the kept ones; -1 if it cannot yet. */
    synchronized long keptAfter(UUID last) {
        if (last.equals(start)) {
            return startNumber;
        }
        long number = recent.numberOf(last);
        return number < 0 ? -1 : number + 1;
    }

    /**
     * Up to a page of the kept messages from the one numbered {@code from} on, waiting up to {@code wait} for one;
     * empty when none came.
     *
     * @throws FellBehindException when that message is no longer kept
     */
    List<Rendered> kept(long from, Duration wait) throws InterruptedException {
        int additions = recent.additions();
        if (from >= recent.end()) {
            recent.awaitAdditionAfter(additions, wait);
        }
        return recent.from(from, PAGE);
    }

    Duration every() {
        return every;
    }

    synchronized void unfollow() {
        followers--;
    }
}
