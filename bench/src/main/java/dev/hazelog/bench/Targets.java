package dev.hazelog.bench;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The operations the workloads repeat: each stores one message of the configured size, or reads. */
final class Targets implements AutoCloseable {

    /** A map beside the product's, so the storage limit is measured without touching the product's data. */
    static final String L0_MAP = "bench-l0";
    /** The product's map; the benchmark empties it between workloads. */
    static final String MESSAGES_MAP = "messages";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_CONNECTIONS = 512;
    private static final Timeout TIMEOUT = Timeout.ofSeconds(30);

    private final Options options;
    /** Apache HttpClient: of the Java clients tried, it leaves the most CPU to the system under test. */
    private final CloseableHttpClient http = HttpClients.custom()
            .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                    .setMaxConnTotal(MAX_CONNECTIONS)
                    .setMaxConnPerRoute(MAX_CONNECTIONS)
                    .setDefaultConnectionConfig(ConnectionConfig.custom()
                            .setConnectTimeout(TIMEOUT)
                            .setSocketTimeout(TIMEOUT)
                            .build())
                    .build())
            .disableAutomaticRetries()
            .build();

    static final int PAGE = 1000;

    private final AtomicInteger next = new AtomicInteger();
    private final AtomicReference<@Nullable String> pageCursor = new AtomicReference<>();
    private final String padding;
    private final @Nullable MessageDatabase database;
    private HazelcastInstance client;

    /** @param database where the log is kept, when the map holds only a working set of it */
    Targets(Options options, @Nullable MessageDatabase database) {
        this.options = options;
        this.database = database;
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

    /**
     * Empties the store and L0's map: what one workload stored would weigh on the members during the next, and in
     * memory-only mode a few minutes of writes hold more messages than three members' heaps can keep.
     */
    void clear() {
        if (database != null) {
            // The table at once, then the working set dropped without a word to the database: a clear() would have
            // each member delete its entries' rows one by one, which keeps the database busy into the next workload.
            database.empty();
            client().getMap(MESSAGES_MAP).evictAll();
        } else {
            client().getMap(MESSAGES_MAP).clear();
        }
        map().clear();
    }

    /** L1: one hop, straight to the logging services, taking turns. */
    void postToLoggingService() throws IOException {
        List<URI> logging = options.loggingServices();
        URI instance = logging.get(Math.floorMod(next.getAndIncrement(), logging.size()));
        String body = "{\"UUID\":\"" + UUID.randomUUID() + "\",\"msg\":" + JSON.writeValueAsString(text()) + "}";
        HttpPost request = post(instance.resolve("/fetching_message"), body);
        if (!options.writeToken().isEmpty()) {
            request.setHeader("X-Hazelog-Token", options.writeToken());
        }
        expect(200, request);
    }

    /** F: the product, the resource API. */
    void postMessage() throws IOException {
        expect(201, post(options.facade().resolve("/messages"), msg(text())));
    }

    /** F: the product, the original system's route. */
    void sendToLoggingService() throws IOException {
        expect(200, post(options.facade().resolve("/send_to_logging_service"), msg(text())));
    }

    /** B: a batch of messages in one request. */
    void postBatch(int size) throws IOException {
        postBatch(IntStream.range(0, size).mapToObj(i -> text()).toList());
    }

    void postBatch(List<String> texts) throws IOException {
        String body = texts.stream().map(Targets::msg).collect(Collectors.joining(",", "[", "]"));
        expect(201, post(options.facade().resolve("/messages"), body));
    }

    /** A GET on the facade, its answer read to the end; G reads every stored message this way. */
    void get(String path) throws IOException {
        get(options.facade().resolve(path));
    }

    /** The floor of one HTTP request on a logging service: its liveness probe, which does nothing, taking turns. */
    void loggingServiceLiveness() throws IOException {
        List<URI> logging = options.loggingServices();
        get(logging.get(Math.floorMod(next.getAndIncrement(), logging.size())).resolve("/actuator/health/liveness"));
    }

    private void get(URI uri) throws IOException {
        String path = uri.getPath();
        http.execute(new HttpGet(uri), response -> {
            if (response.getCode() != 200) {
                throw new IOException(path + " answered " + response.getCode());
            }
            response.getEntity().getContent().transferTo(OutputStream.nullOutputStream());
            return null;
        });
    }

    /** G paged: the next page after the last one read, starting over after the last page. */
    void nextPage() throws IOException {
        String after = pageCursor.get();
        JsonNode next = getJson("/messages?limit=" + PAGE + (after == null ? "" : "&after=" + after))
                .path("next");
        pageCursor.set(next.isNull() || next.isMissingNode() ? null : next.asString());
    }

    /** A GET on the facade that must answer 200, its JSON. */
    JsonNode getJson(String path) throws IOException {
        String body = http.execute(new HttpGet(options.facade().resolve(path)), response -> {
            if (response.getCode() != 200) {
                throw new IOException(path + " answered " + response.getCode());
            }
            return EntityUtils.toString(response.getEntity());
        });
        return JSON.readTree(body);
    }

    /** How many messages the system holds now. */
    int count() {
        return database != null
                ? database.count()
                : client().getMap(MESSAGES_MAP).size();
    }

    private static String msg(String text) {
        return "{\"msg\":" + JSON.writeValueAsString(text) + "}";
    }

    private static HttpPost post(URI uri, String json) {
        HttpPost request = new HttpPost(uri);
        request.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON));
        return request;
    }

    private void expect(int status, HttpPost request) throws IOException {
        http.execute(request, response -> {
            String body = EntityUtils.toString(response.getEntity());
            if (response.getCode() != status) {
                throw new IOException(request.getRequestUri() + " answered " + response.getCode() + ": " + body);
            }
            return null;
        });
    }

    private IMap<String, String> map() {
        return client().getMap(L0_MAP);
    }

    private synchronized HazelcastInstance client() {
        if (client == null) {
            ClientConfig config = new ClientConfig();
            config.setClusterName(options.clusterName());
            config.getNetworkConfig().setAddresses(options.members());
            config.setProperty("hazelcast.logging.type", "none");
            config.setProperty("hazelcast.phone.home.enabled", "false");
            client = HazelcastClient.newHazelcastClient(config);
        }
        return client;
    }

    @Override
    public void close() {
        if (client != null) {
            client.getMap(L0_MAP).destroy();
            client.shutdown();
        }
        http.close(CloseMode.IMMEDIATE);
    }
}
