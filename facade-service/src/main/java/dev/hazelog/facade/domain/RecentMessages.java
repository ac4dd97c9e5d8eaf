package dev.hazelog.facade.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Phaser;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The latest messages of the log, numbered in order from the first ever kept, as many as the capacities allow: the
 * oldest leave as new ones come. A ring that one thread adds to and any number of streams read without a lock, each
 * finding its next message by its number: a hundred streams woken by the same new message do not queue for a monitor.
 */
final class RecentMessages {

    /** A slot's message with its number, so that a reader can tell it from the one that took its place. */
    private record Numbered(long number, LiveLog.Rendered message) {}

    private final AtomicReferenceArray<Numbered> ring;
    private final long capacityBytes;
    private long bytes; // the adding thread's alone
    private volatile long firstNumber;
    private volatile long endNumber;
    /** Advances each time messages are added: what readers with nothing new wait on. */
    private final Phaser additions = new Phaser(1);

    /**
     * @param capacity how many messages are kept
     * @param capacityBytes how many bytes their events may take together, since a message may be 64 KB long
     */
    RecentMessages(int capacity, long capacityBytes) {
        this.ring = new AtomicReferenceArray<>(capacity);
        this.capacityBytes = capacityBytes;
    }

    /** By one thread at a time. */
    void add(List<LiveLog.Rendered> messages) {
        for (LiveLog.Rendered message : messages) {
            if (endNumber - firstNumber == ring.length()) {
                removeFirst();
            }
            ring.set(slot(endNumber), new Numbered(endNumber, message));
            bytes += message.event().length;
            endNumber++;
        }
        while (bytes > capacityBytes) {
            removeFirst();
        }
        additions.arrive();
    }

    private void removeFirst() {
        long number = firstNumber;
        firstNumber = number + 1; // before the slot empties: a reader that finds it empty finds the number moved on
        bytes -= ring.getAndSet(slot(number), null).message().event().length;
    }

    private int slot(long number) {
        return (int) (number % ring.length());
    }

    /** The number of the oldest message kept. */
    long first() {
        return firstNumber;
    }

    /** The number the next message will get. */
    long end() {
        return endNumber;
    }

    /** How many times messages were added, to wait for the next: counted before looking at {@link #end()}, none is missed. */
    int additions() {
        return additions.getPhase();
    }

    /** Waits until messages are added after the {@code counted} additions, or the time is up. */
    void awaitAdditionAfter(int counted, Duration wait) throws InterruptedException {
        try {
            additions.awaitAdvanceInterruptibly(counted, wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            // Nothing new: the reader finds nothing and comes back.
        }
    }

    /** The number of the kept message with this id, or -1. */
    long numberOf(UUID id) {
        String wanted = id.toString();
        for (long number = firstNumber; number < endNumber; number++) {
            Numbered kept = ring.get(slot(number));
            if (kept != null
                    && kept.number() == number
                    && kept.message().message().id().equals(wanted)) {
                return number;
            }
        }
        return -1;
    }

    /**
     * Up to {@code limit} kept messages from the one numbered {@code number} on.
     *
     * @throws FellBehindException when that message, or one after it, left while they were read
     */
    List<LiveLog.Rendered> from(long number, int limit) {
        long to = Math.min(endNumber, number + limit);
        List<LiveLog.Rendered> messages = new ArrayList<>((int) Math.max(0, to - number));
        for (long next = number; next < to; next++) {
            Numbered kept = ring.get(slot(next));
            if (kept == null || kept.number() != next) {
                throw new FellBehindException(firstNumber - number);
            }
            messages.add(kept.message());
        }
        return messages;
    }

    /** Forgets every message, while nobody reads; the numbers go on from where they were. */
    void clear() {
        for (int slot = 0; slot < ring.length(); slot++) {
            ring.set(slot, null);
        }
        firstNumber = endNumber;
        bytes = 0;
    }
}
