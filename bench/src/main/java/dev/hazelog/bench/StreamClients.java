package dev.hazelog.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.io.CloseMode;
import tools.jackson.databind.json.JsonMapper;

/**
 * T's clients: connections to {@code GET /messages/stream}, each read on a thread of its own as a browser would, and
 * for each message how long after its acceptance it arrived (the facade, the logging services and this client share
 * the machine's clock).
 */
final class StreamClients implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long HIGHEST_MICROS = 60_000_000;

    private final CloseableHttpClient http;
    private final List<ClassicHttpResponse> streams = new ArrayList<>();
    private final Recorder delays = new Recorder(HIGHEST_MICROS, 3);
    private final AtomicLong received = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();

    /** @param timed whether each message's delay is taken (its JSON read), or the messages only counted */
    StreamClients(URI facade, int clients, boolean timed) throws IOException {
        // A connection each, held for as long as the streams last: more than the default pool's 5 to a host.
        http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(clients)
                        .setMaxConnPerRoute(clients)
                        .build())
                .build();
        for (int i = 0; i < clients; i++) {
            HttpGet request = new HttpGet(facade.resolve("/messages/stream"));
            request.setHeader("Accept", "text/event-stream");
            ClassicHttpResponse response = http.executeOpen(null, request, null);
            if (response.getCode() != 200) {
                throw new IOException("/messages/stream answered " + response.getCode());
            }
            streams.add(response);
            Thread.ofVirtual().name("stream-client").start(() -> read(response, timed));
        }
    }

    private void read(ClassicHttpResponse response, boolean timed) {
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(response.getEntity().getContent(), StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                if (line.startsWith("data:") && !timed) {
                    received.incrementAndGet();
                } else if (line.startsWith("data:")) {
                    Instant accepted = Instant.parse(
                            JSON.readTree(line.substring(5)).path("acceptedAt").asString());
                    long micros = ChronoUnit.MICROS.between(accepted, Instant.now());
                    delays.recordValue(Math.clamp(micros, 0, HIGHEST_MICROS));
                    received.incrementAndGet();
                }
            }
        } catch (IOException e) {
            if (!closed.get()) {
                System.err.println("stream client: " + e.getMessage());
            }
        }
    }

    /** The delays recorded since the last call, in microseconds; the ones before are dropped. */
    Histogram delaysSinceLastCall() {
        return delays.getIntervalHistogram();
    }

    long received() {
        return received.get();
    }

    /** Hangs up: the connections are dropped, not read to an end the streams do not have. */
    @Override
    public void close() {
        closed.set(true);
        http.close(CloseMode.IMMEDIATE);
    }
}
