package dev.hazelog.shared.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for tests against real servers: no Spring, no mocks. */
public final class HttpProbe {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient client;
    private final String baseUrl;
    private final Duration timeout;

    public HttpProbe(String baseUrl) {
        this(baseUrl, DEFAULT_TIMEOUT);
    }

    /** @param timeout for connecting and for the whole answer */
    public HttpProbe(String baseUrl, Duration timeout) {
        this.baseUrl = baseUrl;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .build();
    }

    public Answer get(String path) {
        return send(request(path).GET().build());
    }

    /** The ids of every message {@code GET /messages} lists, in its order. */
    public List<String> messageIds() {
        return get("/messages")
                .json()
                .path("messages")
                .valueStream()
                .map(message -> message.path("id").asString())
                .toList();
    }

    /** A GET whose answer is handed over as soon as its headers are in; the caller reads and closes its body. */
    public HttpResponse<InputStream> open(String path) {
        return exchange(HttpRequest.newBuilder(URI.create(baseUrl + path)).build(), BodyHandlers.ofInputStream());
    }

    public Answer postJson(String path, String json) {
        return post(path, "application/json", BodyPublishers.ofString(json));
    }

    /**
     * A POST with any content type (null for none), any body (including ones a well-behaved client would not send)
     * and extra headers as name, value pairs.
     */
    public Answer post(String path, String contentType, BodyPublisher body, String... headers) {
        HttpRequest.Builder builder = request(path).POST(body);
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return send(builder.build());
    }

    public Answer send(String method, String path) {
        return send(request(path).method(method, BodyPublishers.noBody()).build());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout);
    }

    private Answer send(HttpRequest request) {
        HttpResponse<String> response = exchange(request, BodyHandlers.ofString());
        Map<String, String> headers = new HashMap<>();
        response.headers()
                .map()
                .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.getFirst()));
        return new Answer(response.statusCode(), headers, response.body());
    }

    private <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return client.send(request, body);
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** @param headers the first value of each header, by its name in lower case */
    public record Answer(int status, Map<String, String> headers, String body) {

        public String header(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
        }

        public String contentType() {
            return header("Content-Type");
        }

        public String location() {
            return header("Location");
        }

        public JsonNode json() {
            return JSON.readTree(body);
        }

        @Override
        public String toString() {
            return status + " " + contentType() + " " + body;
        }
    }
}
