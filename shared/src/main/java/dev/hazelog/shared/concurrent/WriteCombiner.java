package dev.hazelog.shared.concurrent;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Sends items that arrive together as one batch (group commit). At most {@code inFlight} batches are on their way at
 * once; what queues meanwhile leaves as the next batch, oldest first, up to {@code maxBatch} items and
 * {@code maxWeight} in all (an item heavier than that goes alone). An item that
 * arrives alone leaves at once, on its caller's thread, so nothing waits for company: batches only form while the
 * senders are busy, and grow with the load. Every item of a batch gets its own answer, or the batch's failure.
 *
 * @param <T> what is sent
 * @param <R> the answer for one item
 */
public final class WriteCombiner<T, R> {

    private final Queue<Pending<T, R>> queue = new ConcurrentLinkedQueue<>();
    private final Semaphore senders;
    private final int maxBatch;
    private final long maxWeight;
    private final ToLongFunction<T> weight;
    private final Function<List<T>, List<R>> sendBatch;

    /**
     * @param weight what an item adds to its batch, such as its size in the call
     * @param sendBatch sends the items in one call and answers for each, in order
     */
    public WriteCombiner(
            int inFlight,
            int maxBatch,
            long maxWeight,
            ToLongFunction<T> weight,
            Function<List<T>, List<R>> sendBatch) {
        if (inFlight < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("in-flight and batch size must be at least 1");
        }
        this.senders = new Semaphore(inFlight);
        this.maxBatch = maxBatch;
        this.maxWeight = maxWeight;
        this.weight = weight;
        this.sendBatch = sendBatch;
    }

    /**
     * Sends the item, alone or with others, and waits for its answer.
     *
     * @throws RuntimeException what sending its batch threw
     */
    public R send(T item) {
        Pending<T, R> pending = new Pending<>(item, weight.applyAsLong(item), new CompletableFuture<>());
        queue.add(pending);
        if (senders.tryAcquire()) {
            sendNextBatch();
        }
        try {
            return pending.answer().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /**
     * With a sender's permit: sends the oldest queued items, then gives the permit back. Whoever holds a permit looks
     * at the queue after giving it back, so an item queued while every sender was busy is never left behind; the
     * next batch goes from a thread of its own, not from a caller whose answer is ready.
     */
    private void sendNextBatch() {
        try {
            send(nextBatch());
        } finally {
            senders.release();
        }
        if (!queue.isEmpty() && senders.tryAcquire()) {
            Thread.startVirtualThread(this::sendNextBatch);
        }
    }

    /** Items waiting for a sender. */
    public int waiting() {
        return queue.size();
    }

    /** One sender at a time, so that the item it looked at is the one it takes. */
    private synchronized List<Pending<T, R>> nextBatch() {
        List<Pending<T, R>> batch = new ArrayList<>();
        long batchWeight = 0;
        for (Pending<T, R> next; batch.size() < maxBatch && (next = queue.peek()) != null; ) {
            batchWeight += next.weight();
            if (!batch.isEmpty() && batchWeight > maxWeight) {
                break;
            }
            batch.add(queue.remove());
        }
        return batch;
    }

    private void send(List<Pending<T, R>> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            List<R> answers = sendBatch.apply(batch.stream().map(Pending::item).toList());
            if (answers.size() != batch.size()) {
                throw new IllegalStateException("%d answers for a batch of %d".formatted(answers.size(), batch.size()));
            }
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).answer().complete(answers.get(i));
            }
        } catch (RuntimeException | Error e) {
            batch.forEach(pending -> pending.answer().completeExceptionally(e));
            if (e instanceof Error error) {
                throw error;
            }
        }
    }

    private record Pending<T, R>(T item, long weight, CompletableFuture<R> answer) {}
}
