package dev.hazelog.bench;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.json.JsonMapper;

/** The operations the workloads repeat: each stores one message of the configured size, or reads. */
final class Targets implements AutoCloseable {

    /** A map beside the product's, so the storage limit is measured without touching the product's data. */
    static final String L0_MAP = "bench-l0";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Options options;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final AtomicInteger next = new AtomicInteger();
    private final String padding;
    private HazelcastInstance client;

    Targets(Options options) {
        this.options = options;
        this.padding = "x".repeat(Math.max(0, options.messageBytes() - 40));
    }

    /** A new text of about the configured size; every text differs. */
    String text() {
        return "bench " + UUID.randomUUID() + " " + padding;
    }

    /** L0: what the cluster alone can do, through a Hazelcast client: an atomic putIfAbsent, as the product does. */
    void putIfAbsent() {
        map().putIfAbsent(UUID.randomUUID().toString(), text());
    }

    /** L1: one hop, straight to the logging services, taking turns. */
    void postToLoggingService() throws IOException, InterruptedException {
        List<URI> logging = options.loggingServices();
        URI instance = logging.get(Math.floorMod(next.getAndIncrement(), logging.size()));
        String body = "{\"UUID\":\"" + UUID.randomUUID() + "\",\"msg\":" + JSON.writeValueAsString(text()) + "}";
        HttpRequest.Builder request = post(instance.resolve("/fetching_message"), body);
        if (!options.writeToken().isEmpty()) {
            request.header("X-Hazelog-Token", options.writeToken());
        }
        expect(200, request.build());
    }

    /** F: the product, the resource API. */
    void postMessage() throws IOException, InterruptedException {
        expect(201, post(options.facade().resolve("/messages"), msg(text())).build());
    }

    /** F: the product, the original system's route. */
    void sendToLoggingService() throws IOException, InterruptedException {
        expect(
                200,
                post(options.facade().resolve("/send_to_logging_service"), msg(text()))
                        .build());
    }

    /** B: a batch of messages in one request. */
    void postBatch(int size) throws IOException, InterruptedException {
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < size; i++) {
            body.append(i == 0 ? "" : ",").append(msg(text()));
        }
        expect(
                201,
                post(options.facade().resolve("/messages"), body.append(']').toString())
                        .build());
    }

    /** G: every stored message, through the facade; returns how many bytes came back. */
    long getAll(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(options.facade().resolve(path))
                .timeout(TIMEOUT)
                .build();
        HttpResponse<InputStream> response = http.send(request, BodyHandlers.ofInputStream());
        try (var body = response.body()) {
            long bytes = body.transferTo(OutputStream.nullOutputStream());
            if (response.statusCode() != 200) {
                throw new IOException(path + " answered " + response.statusCode());
            }
            return bytes;
        }
    }

    /** How many messages the system holds now. */
    int count() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(options.facade().resolve("/messages"))
                .timeout(TIMEOUT)
                .build();
        return JSON.readTree(http.send(request, BodyHandlers.ofString()).body())
                .path("messages")
                .size();
    }

    private static String msg(String text) {
        return "{\"msg\":" + JSON.writeValueAsString(text) + "}";
    }

    private static HttpRequest.Builder post(URI uri, String json) {
        return HttpRequest.newBuilder(uri)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(json));
    }

    private void expect(int status, HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, BodyHandlers.ofString());
        if (response.statusCode() != status) {
            throw new IOException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    private synchronized IMap<String, String> map() {
        if (client == null) {
            ClientConfig config = new ClientConfig();
            config.setClusterName(options.clusterName());
            config.getNetworkConfig().setAddresses(options.members());
            config.setProperty("hazelcast.logging.type", "none");
            config.setProperty("hazelcast.phone.home.enabled", "false");
            client = HazelcastClient.newHazelcastClient(config);
        }
        return client.getMap(L0_MAP);
    }

    @Override
    public void close() {
        if (client != null) {
            client.getMap(L0_MAP).destroy();
            client.shutdown();
        }
        http.close();
    }
}
