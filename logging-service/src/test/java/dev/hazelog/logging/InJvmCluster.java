package dev.hazelog.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.HazelcastInstance;
import dev.hazelog.shared.testing.FreePorts;
import dev.hazelog.shared.testing.HttpProbe;
import dev.hazelog.shared.testing.SearchContract;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Logging services in this JVM, each with its own member of one new cluster on free ports, reached over real HTTP.
 * {@link #close()} stops them all.
 */
public final class InJvmCluster implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<ConfigurableApplicationContext> services = new ArrayList<>();
    private final List<HttpProbe> http = new ArrayList<>();
    private final String name = "it-" + UUID.randomUUID();

    /**
     * Starts {@code size} services with the arguments given to each, and waits until they form one cluster whose
     * partitions have all reached their places.
     */
    public InJvmCluster(int size, String... arguments) {
        List<Integer> memberPorts =
                IntStream.range(0, size).mapToObj(i -> FreePorts.next()).toList();
        String members = String.join(
                ",", memberPorts.stream().map(port -> "127.0.0.1:" + port).toList());
        // One after another: Spring Boot's logging set-up is not safe for contexts starting in parallel.
        for (int i = 0; i < size; i++) {
            String[] own = {
                "--server.port=0",
                "--hazelog.cluster.name=" + name,
                "--hazelog.cluster.port=" + memberPorts.get(i),
                "--hazelog.cluster.members=" + members,
                "--hazelog.cluster.instance-name=logging-" + (i + 1)
            };
            services.add(new SpringApplicationBuilder(LoggingServiceApplication.class)
                    .run(Stream.concat(Stream.of(own), Stream.of(arguments)).toArray(String[]::new)));
        }
        for (var service : services) {
            http.add(
                    new HttpProbe("http://127.0.0.1:" + service.getEnvironment().getProperty("local.server.port")));
        }
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(http)
                        .allSatisfy(service -> assertThat(service.get("/cluster")
                                        .json()
                                        .path("members")
                                        .size())
                                .isEqualTo(size)));
        // The first member laid out the partitions alone; until they have moved to the others, a test could count
        // the replicas of an entry in the middle of a migration.
        await().atMost(Duration.ofSeconds(60))
                .until(() -> member().getPartitionService().isClusterSafe());
    }

    /** Each service's HTTP side, in the order they were started (logging-1 first). */
    public List<HttpProbe> http() {
        return http;
    }

    /**
     * Stores the texts one by one, through each service in turn, each stamped after the one before (as the facade
     * does, by passing the last acceptance time it saw).
     */
    public List<SearchContract.Stored> storeInTurn(List<String> texts) {
        List<SearchContract.Stored> stored = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            ObjectNode request = JSON.createObjectNode()
                    .put("UUID", UUID.randomUUID().toString())
                    .put("msg", texts.get(i));
            if (!stored.isEmpty()) {
                request.put("notBefore", stored.getLast().acceptedAt().toString());
            }
            JsonNode answer = http.get(i % http.size())
                    .postJson("/fetching_message", request.toString())
                    .json();
            stored.add(new SearchContract.Stored(
                    answer.path("id").asString(),
                    texts.get(i),
                    Instant.parse(answer.path("acceptedAt").asString()),
                    answer.path("storedBy").asString()));
        }
        return stored;
    }

    /** The first service's member, for what only the cluster itself can do (evicting entries, for one). */
    public HazelcastInstance member() {
        return services.getFirst().getBean(HazelcastInstance.class);
    }

    @Override
    public void close() {
        services.forEach(ConfigurableApplicationContext::close);
    }
}
