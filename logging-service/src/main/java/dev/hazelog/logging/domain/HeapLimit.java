package dev.hazelog.logging.domain;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.List;
import java.util.function.LongFunction;
import java.util.function.LongSupplier;

/**
 * Refuses new messages while this member's heap, as the last garbage collection left it, is fuller than the limit.
 * Every message lives in the members' heaps; a member that runs out of memory dies and takes its partitions with
 * it, so a store that is full must say so (507) rather than take one more message.
 *
 * <p>Young collections leave old garbage in place (G1 frees it in its own time), so a heap can look full that is
 * not. Before refusing, a full collection (at most one per {@link #CONFIRM_EVERY}) confirms that it really is.
 */
public class HeapLimit {

    static final Duration CONFIRM_EVERY = Duration.ofSeconds(10);
    private static final int ANSWER_OVERHEAD = 3;
    private static final double MAX_FILL_WHILE_ANSWERING = 0.9;

    private final LongSupplier usedAfterLastCollection;
    private final long max;
    private final double maxFill;
    private final Runnable collectAll;
    private final LongSupplier nanoTime;
    private long nextConfirm;

    /**
     * @param max the heap's maximum, in bytes
     * @param maxFill the fraction of it that may be in use; 1 turns the limit off
     * @param collectAll a full garbage collection, after which {@code usedAfterLastCollection} is what is alive
     */
    public HeapLimit(
            LongSupplier usedAfterLastCollection,
            long max,
            double maxFill,
            Runnable collectAll,
            LongSupplier nanoTime) {
        this.usedAfterLastCollection = usedAfterLastCollection;
        this.max = max;
        this.maxFill = maxFill;
        this.collectAll = collectAll;
        this.nanoTime = nanoTime;
        this.nextConfirm = nanoTime.getAsLong();
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
                maxFill,
                System::gc,
                System::nanoTime);
    }

    /** @throws StorageFullException if the heap is fuller than the limit, even without its garbage */
    public void check() {
        requireRoom(
                maxFill * max,
                0,
                used ->
                        "This member's memory is nearly full (%d of %d MB in use after garbage collection); it takes no new messages."
                                .formatted(used >> 20, max >> 20));
    }

    /**
     * For an answer built whole in memory: about three times its stored size (the query's result, the messages made
     * of it, the list they are sorted in) must fit below nine tenths of the heap.
     *
     * @throws StorageFullException if it does not
     */
    public void checkRoomFor(long storedBytes) {
        double ceiling = MAX_FILL_WHILE_ANSWERING * max;
        long needed = ANSWER_OVERHEAD * storedBytes;
        requireRoom(
                ceiling,
                needed,
                used ->
                        "Reading every message at once needs about %d MB more than this member has; read them page by page (?limit=&after=)."
                                .formatted((long) (used + needed - ceiling) >> 20));
    }

    /** Refuses when what is in use plus {@code needed} is above the ceiling, also after a confirming collection. */
    private void requireRoom(double ceiling, long needed, LongFunction<String> refusal) {
        if (off() || usedAfterLastCollection.getAsLong() + needed <= ceiling) {
            return;
        }
        confirm();
        long used = usedAfterLastCollection.getAsLong();
        if (used + needed > ceiling) {
            throw new StorageFullException(refusal.apply(used));
        }
    }

    /** A full collection, unless one ran in the last {@link #CONFIRM_EVERY}: what is left is what is alive. */
    private synchronized void confirm() {
        if (nanoTime.getAsLong() - nextConfirm >= 0) {
            collectAll.run();
            nextConfirm = nanoTime.getAsLong() + CONFIRM_EVERY.toNanos();
        }
    }

    private boolean off() {
        return maxFill >= 1 || max <= 0; // off, or a heap without a known maximum
    }
}
