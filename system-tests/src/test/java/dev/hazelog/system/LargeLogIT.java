package dev.hazelog.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hazelog.shared.testing.HttpProbe;
import dev.hazelog.shared.testing.HttpProbe.Answer;
import java.io.InputStream;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * More than the heaps hold: with the database behind the map, services with their default heaps (at most 160 MB) take
 * a million messages of 100 bytes (several times what their members could keep in memory) without a single 507, and a
 * client pages through all of them, in acceptance order, none missing, and reads them all in one streamed answer.
 * {@code -Dhazelog.large-log.messages=N} stores fewer (CI does, to keep within its time); the test checks that the
 * members' working sets hold at most three quarters of them, so the rest is read back from the database. The
 * client does what a client should: each batch carries its own {@code Idempotency-Key}, and a 503 (every logging
 * service too slow to answer in time, on a loaded machine) is retried with the same key once its {@code Retry-After}
 * has passed, so a batch that was stored before the facade gave up on it is stored once. It runs on the system the
 * other tests share, after them, and pages from where the log had got to when it began.
 */
@ExtendWith(RunningSystem.class)
@Order(Integer.MAX_VALUE) // last of the tests that share the system: every read of the whole log would carry this one
class LargeLogIT {

    private static final int MESSAGES = Integer.getInteger("hazelog.large-log.messages", 1_000_000);
    private static final int BATCH = 1_000;
    private static final int CLIENTS = 4;
    private static final String PADDING = "x".repeat(100 - "message 1000000 ".length());
    private static final int TRIES_PER_BATCH = 5;
    /** Makes the batches' idempotency keys this run's own. */
    private static final String RUN = UUID.randomUUID().toString();

    @Test
    void aMillionMessagesAreStoredAndReadBackPageByPageInOrder(Launcher launcher) throws Exception {
        HttpProbe facade = new HttpProbe(launcher.url("facade"), Duration.ofMinutes(1));
        LogMark mark = LogMark.now(facade);
        int before = idsInOneRead(facade);
        long started = System.nanoTime();
        Set<String> acknowledged = new HashSet<>();
        AtomicInteger retries = new AtomicInteger();
        try (ExecutorService clients = Executors.newFixedThreadPool(CLIENTS)) {
            List<CompletableFuture<List<String>>> batches = IntStream.range(0, MESSAGES / BATCH)
                    .mapToObj(batch -> CompletableFuture.supplyAsync(() -> store(facade, batch, retries), clients))
                    .toList();
            batches.forEach(batch -> acknowledged.addAll(batch.join()));
        }
        Duration storing = Duration.ofNanos(System.nanoTime() - started);
        assertThat(acknowledged).hasSize(MESSAGES);
        long held = heldInTheMembersWorkingSets(launcher);
        assertThat(held).as("messages the members hold in memory").isLessThan(MESSAGES * 3L / 4);

        started = System.nanoTime();
        List<String> read = new ArrayList<>(MESSAGES);
        List<Instant> acceptedAt = new ArrayList<>(MESSAGES);
        mark.forEachSince(message -> {
            read.add(message.path("id").asString());
            acceptedAt.add(Instant.parse(message.path("acceptedAt").asString()));
        });
        Duration paging = Duration.ofNanos(System.nanoTime() - started);

        assertThat(acceptedAt).as("acceptance order").isSorted();
        assertThat(read).hasSize(MESSAGES).doesNotHaveDuplicates();
        assertThat(new HashSet<>(read)).isEqualTo(acknowledged);

        started = System.nanoTime();
        assertThat(idsInOneRead(facade))
                .as("everything in one streamed answer, a complete document")
                .isEqualTo(before + MESSAGES);
        Duration readingAll = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf(
                "LargeLogIT: %,d messages stored in %d s (%,d/s, %d batches retried after a 503; %,d held in the members'"
                        + " memory), read back in %,d pages in %d s, all at once in %d s%n",
                MESSAGES,
                storing.toSeconds(),
                MESSAGES * 1000L / storing.toMillis(),
                retries.get(),
                held,
                MESSAGES / 1000,
                paging.toSeconds(),
                readingAll.toSeconds());
    }

    /** The entries the logging services' members own: their working sets, without the backups. */
    private static long heldInTheMembersWorkingSets(Launcher launcher) {
        return Stream.of("logging-1", "logging-2", "logging-3")
                .mapToLong(name -> launcher.http(name)
                        .get("/cluster")
                        .json()
                        .at("/entries/owned")
                        .asLong())
                .sum();
    }

    /** A client's back-off: as long as the 503's Retry-After says, in seconds. */
    private static void waitAsAsked(Answer unavailable) {
        try {
            TimeUnit.SECONDS.sleep(Long.parseLong(unavailable.header("Retry-After")));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Counts the ids as the answer streams in; a document that ends early or breaks off fails the parse. */
    private static int idsInOneRead(HttpProbe facade) {
        HttpResponse<InputStream> answer = facade.open("/messages");
        assertThat(answer.statusCode()).isEqualTo(200);
        int ids = 0;
        try (JsonParser parser = JsonMapper.builder().build().createParser(answer.body())) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.PROPERTY_NAME && parser.currentName().equals("id")) {
                    ids++;
                }
            }
        }
        return ids;
    }

    private static List<String> store(HttpProbe facade, int batch, AtomicInteger retries) {
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < BATCH; i++) {
            int number = batch * BATCH + i;
            body.append(i == 0 ? "" : ",").append("{\"msg\": \"message %07d %s\"}".formatted(number, PADDING));
        }
        BodyPublisher json = BodyPublishers.ofString(body.append(']').toString());
        String key = RUN + "-batch-" + batch;
        Answer created = facade.post("/messages", "application/json", json, "Idempotency-Key", key);
        for (int tries = 1; created.status() == 503 && tries < TRIES_PER_BATCH; tries++) {
            retries.incrementAndGet();
            waitAsAsked(created);
            created = facade.post("/messages", "application/json", json, "Idempotency-Key", key);
        }
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json()
                .path("messages")
                .valueStream()
                .map(message -> message.path("id").asString())
                .toList();
    }
}
