package dev.hazelog.floor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The least a Spring Boot service can do to follow a log for many clients ({@code floor.role=streamer}), for the
 * facade's {@code GET /messages/stream} to be held against ({@code bench/stream-cost.sh --floor}): no log behind it.
 * Every look (50 ms, as the facade's) makes as many events as {@code floor.events-per-second} gives that long, each
 * of the facade's shape and size, joins them once and sends the piece to every stream from one thread.
 */
@RestController
@ConditionalOnProperty(name = "floor.role", havingValue = "streamer")
class StreamFloor {

    private static final Duration EVERY = Duration.ofMillis(50);

    /** A message as the facade's events carry it. */
    record Message(String id, String msg, Instant acceptedAt, String storedBy) {}

    private final Set<SseEmitter> streams = ConcurrentHashMap.newKeySet();
    private final JsonMapper json;
    private final double eventsPerLook;

    StreamFloor(JsonMapper json, @Value("${floor.events-per-second}") double eventsPerSecond) {
        this.json = json;
        this.eventsPerLook = eventsPerSecond * EVERY.toMillis() / 1000;
        Thread.ofPlatform().daemon().name("looks").start(this::look);
    }

    @GetMapping(path = "/messages/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream() {
        SseEmitter stream = new SseEmitter(0L);
        stream.onCompletion(() -> streams.remove(stream));
        streams.add(stream);
        return stream;
    }

    private void look() {
        double owed = 0;
        while (true) {
            try {
                Thread.sleep(EVERY);
            } catch (InterruptedException e) {
                return;
            }
            owed += eventsPerLook;
            int count = (int) owed;
            owed -= count;
            if (count == 0 || streams.isEmpty()) {
                continue;
            }
            var frame = Set.of(new ResponseBodyEmitter.DataWithMediaType(events(count), MediaType.TEXT_EVENT_STREAM));
            for (SseEmitter stream : streams) {
                try {
                    stream.send(frame);
                } catch (IOException | IllegalStateException gone) {
                    streams.remove(stream);
                }
            }
        }
    }

    private byte[] events(int count) {
        StringBuilder events = new StringBuilder();
        for (int i = 0; i < count; i++) {
            String id = UUID.randomUUID().toString();
            String text = "wrk 1-" + i + " " + UUID.randomUUID() + "x".repeat(60);
            events.append("event:message\nid:")
                    .append(id)
                    .append("\ndata:")
                    .append(json.writeValueAsString(new Message(id, text, Instant.now(), "logging-1")))
                    .append("\n\n");
        }
        return events.toString().getBytes(StandardCharsets.UTF_8);
    }
}
