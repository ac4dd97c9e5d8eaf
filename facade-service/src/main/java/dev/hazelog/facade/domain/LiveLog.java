package dev.hazelog.facade.domain;

import dev.hazelog.shared.wire.MessagePage;
import dev.hazelog.shared.wire.MessageView;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
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
    private final int capacity;
    private final long capacityChars;
    private final Duration every;

    // Guarded by this.
    private final ArrayDeque<Rendered> recent = new ArrayDeque<>();
    private long recentChars;
    private long firstNumber;
    private int followers;
    private boolean reading;
    /** Where the reader started: the messages after it are all kept from {@link #startNumber} on, or were. */
    private @Nullable UUID start;

    private long startNumber;

    /**
     * @param render what a stream sends for a message: done once per message, however many streams send it
     * @param capacity how many of the latest messages are kept
     * @param capacityChars how much text they may hold together, since a message may be 64 KB long
     * @param every how long the reader waits after a look that found nothing new
     */
    public LiveLog(
            MessageReader reader,
            Function<MessageView, String> render,
            int capacity,
            long capacityChars,
            Duration every) {
        this.reader = reader;
        this.render = render;
        this.capacity = capacity;
        this.capacityChars = capacityChars;
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
            follower = new Follower(after, end());
        }
        if (after != null) {
            try {
                follower.pending.addAll(follower.catchUp());
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
                        startNumber = end();
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
            } catch (ServiceUnavailableException e) {
                log.debug("Following the log paused: {}", e.getMessage());
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
            firstNumber = end();
            recent.clear();
            recentChars = 0;
            start = null;
        }
        return reading;
    }

    private void keep(List<MessageView> messages) {
        List<Rendered> rendered = rendered(messages);
        synchronized (this) {
            for (Rendered message : rendered) {
                recent.addLast(message);
                recentChars += message.text().length();
            }
            while (recent.size() > capacity || recentChars > capacityChars) {
                recentChars -= recent.removeFirst().text().length();
                firstNumber++;
            }
            notifyAll();
        }
    }

    private List<Rendered> rendered(List<MessageView> messages) {
        return messages.stream()
                .map(message -> new Rendered(message, render.apply(message)))
                .toList();
    }

    /** A message and what a stream sends for it. */
    public record Rendered(MessageView message, String text) {}

    private void pause() {
        try {
            Thread.sleep(every);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private long end() {
        return firstNumber + recent.size();
    }

    /** The number of the kept message with this id, or -1. */
    private long numberOf(UUID id) {
        long number = firstNumber;
        for (Rendered kept : recent) {
            if (kept.message().id().equals(id.toString())) {
                return number;
            }
            number++;
        }
        return -1;
    }

    /** One stream's place in the log. */
    public final class Follower implements AutoCloseable {

        /** The last message read from the log itself, while catching up to the kept ones; null once there. */
        private @Nullable UUID cursor;
        /** The number of the next kept message to hand out, once caught up. */
        private long next;

        private final List<Rendered> pending = new ArrayList<>();

        private Follower(@Nullable UUID cursor, long next) {
            this.cursor = cursor;
            this.next = next;
        }

        /**
         * The next messages in acceptance order, waiting up to {@code wait} for one; empty when none came.
         *
         * @throws FellBehindException when the messages it had yet to hand out are no longer kept
         */
        public List<Rendered> next(Duration wait) throws InterruptedException {
            if (!pending.isEmpty()) {
                List<Rendered> first = List.copyOf(pending);
                pending.clear();
                return first;
            }
            if (cursor != null) {
                List<Rendered> read = catchUp();
                if (read.isEmpty() && cursor != null) {
                    Thread.sleep(every);
                }
                return read;
            }
            synchronized (LiveLog.this) {
                long deadline = System.nanoTime() + wait.toNanos();
                while (next >= end() && deadline - System.nanoTime() > 0) {
                    TimeUnit.NANOSECONDS.timedWait(LiveLog.this, deadline - System.nanoTime());
                }
                if (next < firstNumber) {
                    throw new FellBehindException(firstNumber - next);
                }
                List<Rendered> taken = new ArrayList<>();
                recent.stream().skip(next - firstNumber).limit(PAGE).forEach(taken::add);
                next += taken.size();
                return taken;
            }
        }

        /** A page from the log after the cursor; once the cursor is among the kept messages, on from there. */
        private List<Rendered> catchUp() {
            MessagePage page = reader.settledPage(cursor, PAGE);
            if (!page.messages().isEmpty()) {
                cursor = UUID.fromString(page.messages().getLast().id());
            }
            synchronized (LiveLog.this) {
                UUID last = Objects.requireNonNull(cursor);
                if (last.equals(start)) {
                    next = startNumber;
                    cursor = null;
                } else if (numberOf(last) >= 0) {
                    next = numberOf(last) + 1;
                    cursor = null;
                }
            }
            return rendered(page.messages());
        }

        @Override
        public void close() {
            synchronized (LiveLog.this) {
                followers--;
            }
        }
    }
}
