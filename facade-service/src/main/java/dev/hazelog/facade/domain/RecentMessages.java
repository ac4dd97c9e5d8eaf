package dev.hazelog.facade.domain;

import java.util.ArrayDeque;
import java.util.List;
import java.util.UUID;

/**
 * The latest messages of the log, numbered in order from the first ever kept, as many as the capacities allow: the
 * oldest leave as new ones come. Not thread-safe: {@link LiveLog} guards it.
 */
final class RecentMessages {

    private final ArrayDeque<LiveLog.Rendered> kept = new ArrayDeque<>();
    private final int capacity;
    private final long capacityChars;
    private long chars;
    private long firstNumber;

    /**
     * @param capacity how many messages are kept
     * @param capacityChars how much text they may hold together, since a message may be 64 KB long
     */
    RecentMessages(int capacity, long capacityChars) {
        this.capacity = capacity;
        this.capacityChars = capacityChars;
    }

    void add(List<LiveLog.Rendered> messages) {
        for (LiveLog.Rendered message : messages) {
            kept.addLast(message);
            chars += message.text().length();
        }
        while (kept.size() > capacity || chars > capacityChars) {
            chars -= kept.removeFirst().text().length();
            firstNumber++;
        }
    }

    /** The number of the oldest message kept. */
    long first() {
        return firstNumber;
    }

    /** The number the next message will get. */
    long end() {
        return firstNumber + kept.size();
    }

    /** The number of the kept message with this id, or -1. */
    long numberOf(UUID id) {
        long number = firstNumber;
        for (LiveLog.Rendered message : kept) {
            if (message.message().id().equals(id.toString())) {
                return number;
            }
            number++;
        }
        return -1;
    }

    /** Up to {@code limit} kept messages from the one numbered {@code number} on, which must be kept. */
    List<LiveLog.Rendered> from(long number, int limit) {
        return kept.stream().skip(number - firstNumber).limit(limit).toList();
    }

    /** Forgets every message; the numbers go on from where they were. */
    void clear() {
        firstNumber = end();
        kept.clear();
        chars = 0;
    }
}
