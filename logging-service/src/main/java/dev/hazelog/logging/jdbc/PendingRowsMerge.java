package dev.hazelog.logging.jdbc;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * When to merge the rows waiting in the trigram index's pending list into the index: once about {@link #PAGES} pages
 * have gathered, as the pages that the last merge found foretell, at most {@link #LONGEST_WAIT} apart. A merge rewrites
 * the end of each key's posting list whether it adds a few rows to it or many, so fewer, larger merges cost the writes
 * less; but a search reads the whole list, and a write that finds it at its limit (64 MB, 8,192 pages: migration V2)
 * merges it itself, over the store's timeout. Batches fill about a thousand pages a second here, so the longest wait
 * leaves room for a burst that starts while the list is idle.
 */
public final class PendingRowsMerge {

    /** 8 MB: a search reads them in milliseconds; an eighth of the list's limit. */
    static final long PAGES = 1024;

    static final Duration LONGEST_WAIT = Duration.ofSeconds(3);

    private final LongSupplier merge;
    private final LongSupplier nanoTime;
    private long last;
    private long wait;

    /**
     * @param merge merges the list and answers how many pages it held
     * @param nanoTime {@link System#nanoTime}, or a test's clock
     */
    public PendingRowsMerge(LongSupplier merge, LongSupplier nanoTime) {
        this.merge = merge;
        this.nanoTime = nanoTime;
        this.last = nanoTime.getAsLong();
    }

    /** Merges if the list is due; called often (every second), it keeps the list about {@link #PAGES} long. */
    public void mergeIfDue() {
        long now = nanoTime.getAsLong();
        long since = now - last;
        if (since < wait) {
            return;
        }
        long pages = merge.getAsLong();
        last = now;
        wait = pages == 0 ? LONGEST_WAIT.toNanos() : Math.min(LONGEST_WAIT.toNanos(), since * PAGES / pages);
    }
}
