package dev.hazelog.logging.domain;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Refuses new messages while this member's heap, as the last garbage collection left it, is fuller than the limit.
 * Every message lives in the members' heaps; a member that runs out of memory dies and takes its partitions with
 * it, so a store that is full must say so (507) rather than take one more message. Measured after a collection,
 * so garbage that is about to go does not count.
 */
public class HeapLimit {

    private static final int ANSWER_OVERHEAD = 3;
    private static final double MAX_FILL_WHILE_ANSWERING = 0.9;

    private final LongSupplier usedAfterLastCollection;
    private final long max;
    private final double maxFill;

    /**
     * @param max the heap's maximum, in bytes
     * @param maxFill the fraction of it that may be in use; 1 turns the limit off
     */
    public HeapLimit(LongSupplier usedAfterLastCollection, long max, double maxFill) {
        this.usedAfterLastCollection = usedAfterLastCollection;
        this.max = max;
        this.maxFill = maxFill;
    }

    /** The heap of this JVM: every heap pool's usage after the collection that last visited it, summed. */
    public static HeapLimit ofThisJvm(double maxFill) {
        List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null)
                .toList();
        return new HeapLimit(
                () -> heapPools.stream()
                        .mapToLong(pool -> pool.getCollectionUsage().getUsed())
                        .sum(),
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax(),
                maxFill);
    }

    /** @throws StorageFullException if the heap is fuller than the limit */
    public void check() {
        if (off()) {
            return;
        }
        long used = usedAfterLastCollection.getAsLong();
        if (used > maxFill * max) {
            throw new StorageFullException(
                    "This member's memory is nearly full (%d of %d MB in use after garbage collection); it takes no new messages."
                            .formatted(used >> 20, max >> 20));
        }
    }

    /**
     * For an answer built whole in memory: about three times its stored size (the query's result, the messages made
     * of it, the list they are sorted in) must fit below nine tenths of the heap.
     *
     * @throws StorageFullException if it does not
     */
    public void checkRoomFor(long storedBytes) {
        if (off()) {
            return;
        }
        long needed = usedAfterLastCollection.getAsLong() + ANSWER_OVERHEAD * storedBytes;
        if (needed > MAX_FILL_WHILE_ANSWERING * max) {
            throw new StorageFullException(
                    "Reading every message at once needs about %d MB more than this member has; read them page by page (?limit=&after=)."
                            .formatted((needed - (long) (MAX_FILL_WHILE_ANSWERING * max)) >> 20));
        }
    }

    private boolean off() {
        return maxFill >= 1 || max <= 0; // off, or a heap without a known maximum
    }
}
