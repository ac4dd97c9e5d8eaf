package dev.hazelog.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client of {@code GET /messages/stream}, as a browser's EventSource reads it: each event's lines gathered until the
 * blank line that ends it. Events are collected as they arrive, on a thread of their own; {@link #close()} hangs up.
 */
final class EventStream implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One event: its name (message, overflow) and id, and its data as JSON. */
    record Event(String name, String id, JsonNode data) {}

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final List<String> comments = new CopyOnWriteArrayList<>();
    private final HttpClient client = HttpClient.newHttpClient();
    private final HttpResponse<Stream<String>> response;
    private volatile boolean ended;

    /** @param headers name, value pairs, such as Last-Event-ID */
    EventStream(String url, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream");
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofLines());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        assertThat(response.statusCode()).as("stream from %s", url).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        Thread.ofVirtual().name("event-stream").start(this::collect);
    }

    private void collect() {
        List<String> lines = new ArrayList<>();
        try (Stream<String> body = response.body()) {
            body.forEach(line -> {
                if (!line.isEmpty()) {
                    lines.add(line);
                    return;
                }
                event(lines);
                lines.clear();
            });
        } catch (UncheckedIOException e) {
            // hung up by close(), or by the facade
        } finally {
            ended = true;
        }
    }

    private void event(List<String> lines) {
        String name = "message";
        String id = "";
        StringBuilder data = new StringBuilder();
        for (String line : lines) {
            if (line.startsWith(":")) {
                comments.add(line.substring(1).strip());
            } else if (line.startsWith("event:")) {
                name = line.substring(6).strip();
            } else if (line.startsWith("id:")) {
                id = line.substring(3).strip();
            } else if (line.startsWith("data:")) {
                data.append(line.substring(5).strip());
            }
        }
        if (!data.isEmpty()) {
            events.add(new Event(name, id, JSON.readTree(data.toString())));
        }
    }

    List<Event> events() {
        return List.copyOf(events);
    }

    /** The ids of the message events so far, in the order they came. */
    List<String> ids() {
        return events.stream()
                .filter(event -> event.name().equals("message"))
                .map(Event::id)
                .toList();
    }

    /** Waits until the message events include every one of these ids. */
    void awaitIds(List<String> expected, Duration within) {
        await().atMost(within).untilAsserted(() -> assertThat(ids()).containsAll(expected));
    }

    List<String> comments() {
        return List.copyOf(comments);
    }

    boolean ended() {
        return ended;
    }

    @Override
    public void close() {
        response.body().close();
        client.close();
    }
}
