package dev.hazelog.shared.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WriteCombinerTest {

    private final List<List<String>> batches = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch firstBatchMayFinish = new CountDownLatch(1);
    private final ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor();

    @AfterEach
    void stopClients() {
        firstBatchMayFinish.countDown();
        clients.shutdownNow();
    }

    /** Answers each item with itself and "!"; the first batch waits for the latch, keeping its sender busy. */
    private List<String> answer(List<String> batch) {
        batches.add(batch);
        if (batches.size() == 1) {
            awaitLatch();
        }
        return exclaimed(batch);
    }

    private static List<String> exclaimed(List<String> batch) {
        return batch.stream().map(item -> item + "!").toList();
    }

    /** Sends "a", whose batch keeps the only sender busy until the latch opens. */
    private Future<String> occupySender(WriteCombiner<String, String> combiner) {
        Future<String> first = clients.submit(() -> combiner.send("a"));
        await().until(() -> batches.size() == 1);
        return first;
    }

    /** Sends the items behind the busy sender, one after another, so that they queue in this order. */
    private List<Future<String>> queueBehind(WriteCombiner<String, String> combiner, List<String> items) {
        List<Future<String>> queued = new ArrayList<>();
        for (String item : items) {
            queued.add(clients.submit(() -> combiner.send(item)));
            await().until(() -> combiner.waiting() == queued.size());
        }
        return queued;
    }

    private static String answered(Future<String> answer) throws Exception {
        return answer.get(10, TimeUnit.SECONDS);
    }

    private void awaitLatch() {
        try {
            assertThat(firstBatchMayFinish.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Weighs nothing: only the number of items limits a batch. */
    private static WriteCombiner<String, String> combiner(
            int inFlight, int maxBatch, Function<List<String>, List<String>> send) {
        return new WriteCombiner<>(inFlight, maxBatch, Long.MAX_VALUE, item -> 0, send);
    }

    @Test
    void anItemThatArrivesAloneLeavesAtOnceOnItsCallersThread() {
        Thread caller = Thread.currentThread();
        List<Thread> sentFrom = new ArrayList<>();
        WriteCombiner<String, String> combiner = combiner(1, 10, batch -> {
            sentFrom.add(Thread.currentThread());
            return exclaimed(batch);
        });

        assertThat(combiner.send("a")).isEqualTo("a!");
        assertThat(combiner.send("b")).isEqualTo("b!");
        assertThat(sentFrom).containsExactly(caller, caller);
    }

    @Test
    void itemsThatArriveWhileTheSendersAreBusyLeaveTogetherAndEachGetsItsOwnAnswer() throws Exception {
        WriteCombiner<String, String> combiner = combiner(1, 10, this::answer);
        Future<String> first = occupySender(combiner);
        List<Future<String>> queued = queueBehind(combiner, List.of("b", "c", "d", "e"));

        firstBatchMayFinish.countDown();

        assertThat(answered(first)).isEqualTo("a!");
        for (int i = 0; i < queued.size(); i++) {
            assertThat(answered(queued.get(i))).isEqualTo("bcde".charAt(i) + "!");
        }
        assertThat(batches).hasSize(2);
        assertThat(batches.getLast()).containsExactlyInAnyOrder("b", "c", "d", "e");
        assertThat(combiner.waiting()).isZero();
    }

    @Test
    void aBatchHoldsAtMostMaxBatchItemsAndNoneIsLeftBehind() throws Exception {
        WriteCombiner<String, String> combiner = combiner(1, 2, this::answer);
        Future<String> first = occupySender(combiner);
        List<Future<String>> queued = queueBehind(combiner, List.of("b", "c", "d", "e", "f"));

        firstBatchMayFinish.countDown();

        answered(first);
        for (Future<String> answer : queued) {
            answered(answer);
        }
        assertThat(batches).extracting(List::size).containsExactly(1, 2, 2, 1);
    }

    @Test
    void aBatchStaysWithinItsWeightAndAHeavierItemGoesAlone() throws Exception {
        WriteCombiner<String, String> combiner = new WriteCombiner<>(1, 10, 5, String::length, this::answer);
        Future<String> first = occupySender(combiner);
        List<Future<String>> queued = queueBehind(combiner, List.of("bbb", "cc", "dd", "eeeeeeee", "f"));

        firstBatchMayFinish.countDown();

        answered(first);
        for (Future<String> answer : queued) {
            answered(answer);
        }
        assertThat(batches)
                .containsExactly(List.of("a"), List.of("bbb", "cc"), List.of("dd"), List.of("eeeeeeee"), List.of("f"));
    }

    @Test
    void aFailedBatchFailsEachOfItsItemsAndNoOther() throws Exception {
        RuntimeException refused = new IllegalStateException("no instance could take the batch");
        WriteCombiner<String, String> combiner = combiner(1, 10, batch -> {
            List<String> answers = answer(batch);
            if (batch.contains("bad")) {
                throw refused;
            }
            return answers;
        });
        Future<String> first = occupySender(combiner);
        List<Future<String>> badAndNeighbour = queueBehind(combiner, List.of("bad", "b"));

        firstBatchMayFinish.countDown();

        assertThat(answered(first)).isEqualTo("a!");
        for (Future<String> failed : badAndNeighbour) {
            assertThatThrownBy(() -> failed.get(10, TimeUnit.SECONDS)).cause().isSameAs(refused);
        }
        assertThat(combiner.send("c")).isEqualTo("c!");
    }

    @Test
    void underLoadEveryItemIsSentOnceAndAnsweredWithNoMoreBatchesInFlightThanAllowed() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();
        List<String> sent = Collections.synchronizedList(new ArrayList<>());
        Function<List<String>, List<String>> send = batch -> {
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            sent.addAll(batch);
            inFlight.decrementAndGet();
            return exclaimed(batch);
        };
        WriteCombiner<String, String> combiner = combiner(2, 10, send);
        ConcurrentHashMap<String, String> answers = new ConcurrentHashMap<>();
        List<Future<?>> senders = new ArrayList<>();
        for (int client = 0; client < 16; client++) {
            int c = client;
            senders.add(clients.submit(() -> {
                for (int i = 0; i < 200; i++) {
                    String item = c + "-" + i;
                    answers.put(item, combiner.send(item));
                }
            }));
        }

        for (Future<?> sender : senders) {
            sender.get(60, TimeUnit.SECONDS);
        }

        assertThat(sent).hasSize(16 * 200).doesNotHaveDuplicates();
        assertThat(answers)
                .hasSize(16 * 200)
                .allSatisfy((item, answer) -> assertThat(answer).isEqualTo(item + "!"));
        assertThat(mostInFlight).hasValueBetween(1, 2);
    }
}
