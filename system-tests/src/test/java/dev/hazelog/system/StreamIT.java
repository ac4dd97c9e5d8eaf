package dev.hazelog.system;

import static dev.hazelog.shared.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hazelog.shared.testing.HttpProbe;
import dev.hazelog.shared.testing.RawHttp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /messages/stream} on the system ./hazelog starts. Each test starts its stream after a message of its own
 * (the facade then reads the log from there), so that it knows exactly what the stream owes it.
 * {@link FailureScenarioIT} follows a stream through a logging service's death.
 */
@ExtendWith(RunningSystem.class)
class StreamIT {

    private static final Duration ARRIVES_WITHIN = Duration.ofSeconds(10);

    private Launcher launcher;
    private HttpProbe facade;

    @BeforeEach
    void connect(Launcher launcher) {
        this.launcher = launcher;
        this.facade = launcher.http("facade");
    }

    @Test
    void everyNewMessageArrivesOnceInAcceptanceOrder() throws InterruptedException {
        String marker = post("marker");
        List<String> sent = Collections.synchronizedList(new ArrayList<>());
        try (EventStream stream = new EventStream(launcher.url("facade") + "/messages/stream?after=" + marker);
                var writers = Executors.newFixedThreadPool(4)) {
            IntStream.range(0, 40).forEach(i -> writers.submit(() -> sent.add(post("concurrent " + i))));
            writers.shutdown();
            assertThat(writers.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS))
                    .isTrue();

            stream.awaitIds(sent, ARRIVES_WITHIN);

            assertThat(stream.ids()).doesNotHaveDuplicates().isEqualTo(logAfter(marker));
            JsonNode first = stream.events().getFirst().data();
            assertThat(first.path("msg").asString()).startsWith("concurrent ");
            assertThat(first.path("storedBy").asString()).matches("logging-[123]");
            assertThat(first.path("acceptedAt").asString()).isNotBlank();
        }
    }

    @Test
    void aClientThatReconnectsGoesOnAfterTheLastMessageItGot() {
        String marker = post("marker");
        List<String> sent = new ArrayList<>();
        try (EventStream stream = new EventStream(launcher.url("facade") + "/messages/stream?after=" + marker)) {
            IntStream.range(0, 5).forEach(i -> sent.add(post("before reconnecting " + i)));
            stream.awaitIds(sent, ARRIVES_WITHIN);
        }
        IntStream.range(0, 5).forEach(i -> sent.add(post("while away " + i)));

        try (EventStream again =
                new EventStream(launcher.url("facade") + "/messages/stream", "Last-Event-ID", sent.get(2))) {
            again.awaitIds(sent.subList(3, 10), ARRIVES_WITHIN);

            assertThat(again.ids()).isEqualTo(sent.subList(3, 10));
        }
    }

    /** The shared system's heartbeat is 2 s ({@link RunningSystem#HEARTBEAT}); the default is 15. */
    @Test
    void aSilentStreamSendsAHeartbeatCommentAfterTheHeartbeatAndNotBefore() {
        try (EventStream stream = new EventStream(launcher.url("facade") + "/messages/stream")) {
            await().atMost(ARRIVES_WITHIN).until(() -> stream.comments().contains("stream open"));
            Duration half = RunningSystem.HEARTBEAT.dividedBy(2);
            await().during(half)
                    .atMost(RunningSystem.HEARTBEAT)
                    .until(() -> !stream.comments().contains("heartbeat"));
            await().atMost(RunningSystem.HEARTBEAT.multipliedBy(3))
                    .until(() -> stream.comments().contains("heartbeat"));

            assertThat(stream.events()).as("events on a log nobody writes to").isEmpty();
            assertThat(stream.ended()).isFalse();
        }
    }

    @Test
    void aStoppingFacadeEndsItsStreamsFirstAndStopsWithoutBeingKilled() {
        try (EventStream stream = new EventStream(launcher.url("facade") + "/messages/stream")) {
            await().atMost(ARRIVES_WITHIN).until(() -> stream.comments().contains("stream open"));

            String stopping = launcher.run("stop", "facade");

            assertThat(stopping).contains("facade stopped (SIGTERM)").doesNotContain("SIGKILL");
            assertThat(launcher.log("facade")).contains("Graceful shutdown complete");
            await().atMost(ARRIVES_WITHIN).until(stream::ended);
        } finally {
            launcher.start("facade");
        }
    }

    @Test
    void aPlaceToGoOnFromThatIsNoStoredMessageIsAProblem() {
        RawHttp raw = new RawHttp(launcher.url("facade"));

        assertProblem(facade.get("/messages/stream?after=" + UUID.randomUUID()), 400);
        assertProblem(facade.get("/messages/stream?after=yesterday"), 400);
        assertProblem(
                raw.send("GET", "/messages/stream", null, "Last-Event-ID", "not-an-id", "Accept", "text/event-stream"),
                400);
    }

    /**
     * A client that stops reading, following from the newest message: the writes go on at their pace, and once the
     * facade no longer keeps what the client has yet to get, the client is told so and the stream ends. (One that
     * catches up from an older message reads the log itself, which keeps everything.)
     */
    @Test
    void aClientThatStopsReadingIsToldItFellBehindAndNeverSlowsTheWrites() throws IOException {
        URI facadeUri = URI.create(launcher.url("facade"));
        try (Socket stalled = new Socket(facadeUri.getHost(), facadeUri.getPort())) {
            OutputStream request = stalled.getOutputStream();
            request.write(("GET /messages/stream HTTP/1.1\r\nHost: localhost\r\n"
                            + "Accept: text/event-stream\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            request.flush();

            // 32 MB: twice what the facade keeps for its streams, beyond what the sockets between can hold.
            String text = "x".repeat(50_000);
            String batch = String.join(",", Collections.nCopies(8, "{\"msg\": \"" + text + "\"}"));
            long started = System.nanoTime();
            for (int i = 0; i < 80; i++) {
                assertThat(facade.postJson("/messages", "[" + batch + "]").status())
                        .isEqualTo(201);
            }
            Duration writing = Duration.ofNanos(System.nanoTime() - started);

            stalled.setSoTimeout((int) Duration.ofSeconds(30).toMillis());
            String received = readToTheEnd(stalled.getInputStream());
            assertThat(received).contains("event:overflow").contains("Too far behind");
            assertThat(writing).as("640 messages of 50 KB in batches of 8").isLessThan(Duration.ofSeconds(60));
        }
    }

    /** Everything until the facade closes the stream; the messages' text left out, which is most of it. */
    private static String readToTheEnd(InputStream in) throws IOException {
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        for (int read; (read = in.read(buffer)) >= 0; ) {
            String chunk = new String(buffer, 0, read, StandardCharsets.UTF_8).replaceAll("x{100,}", "x");
            kept.write(chunk.getBytes(StandardCharsets.UTF_8));
        }
        return kept.toString(StandardCharsets.UTF_8);
    }

    private String post(String text) {
        HttpProbe.Answer answer = facade.postJson("/messages", "{\"msg\": \"" + text + "\"}");
        assertThat(answer.status()).as("%s: %s", text, answer).isEqualTo(201);
        return answer.json().path("id").asString();
    }

    /** The ids of every message after this one, in acceptance order, as the log lists them. */
    private List<String> logAfter(String id) {
        List<String> ids = new ArrayList<>();
        await().atMost(ARRIVES_WITHIN).until(() -> {
            ids.clear();
            facade.get("/messages?limit=1000&after=" + id)
                    .json()
                    .path("messages")
                    .valueStream()
                    .forEach(message -> ids.add(message.path("id").asString()));
            return !ids.isEmpty();
        });
        return ids;
    }
}
