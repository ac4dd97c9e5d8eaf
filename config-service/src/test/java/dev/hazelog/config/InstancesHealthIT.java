package dev.hazelog.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.hazelog.shared.testing.FreePorts;
import dev.hazelog.shared.testing.HttpProbe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** GET /instances against a real healthy instance and two ports where nothing answers. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class InstancesHealthIT {

    static final HttpServer healthy = healthyInstance();
    static final String HEALTHY = "http://127.0.0.1:" + healthy.getAddress().getPort();
    static final String SILENT = "http://127.0.0.1:" + FreePorts.next();
    static final String SILENT_MESSAGES = "http://127.0.0.1:" + FreePorts.next();

    @Value("http://127.0.0.1:${local.server.port}")
    String baseUrl;

    @DynamicPropertySource
    static void instancesFile(DynamicPropertyRegistry properties) throws IOException {
        Path file = Files.createTempFile("instances", ".yml");
        Files.writeString(
                file, "logging-services: [%s, %s]%nmessages-service: %s%n".formatted(HEALTHY, SILENT, SILENT_MESSAGES));
        properties.add("hazelog.config.instances-file", () -> "file:" + file);
        properties.add("hazelog.config.health-check-interval", () -> "100ms");
    }

    @AfterAll
    static void stopInstance() {
        healthy.stop(0);
    }

    @Test
    void listsEveryInstanceWithItsHealth() {
        HttpProbe http = new HttpProbe(baseUrl);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode instances = http.get("/instances").json().path("instances");
            assertThat(instances
                            .valueStream()
                            .map(i -> i.path("url").asString() + " "
                                    + i.path("role").asString() + " "
                                    + i.path("state").asString()))
                    .containsExactly(
                            HEALTHY + " logging up", SILENT + " logging down", SILENT_MESSAGES + " messages down");
            assertThat(Instant.parse(instances.get(0).path("lastSeenHealthy").asString()))
                    .isCloseTo(Instant.now(), within(10, ChronoUnit.SECONDS));
            assertThat(instances.get(1).path("lastSeenHealthy").isNull()).isTrue();
        });
    }

    @Test
    void keepsTheOriginalRouteWithEveryInstanceWhateverItsHealth() {
        JsonNode ports = new HttpProbe(baseUrl).get("/all_ports").json();

        assertThat(ports.path("log_s").valueStream().map(JsonNode::asString)).containsExactly(HEALTHY, SILENT);
    }

    private static HttpServer healthyInstance() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/actuator/health", exchange -> {
                byte[] body = "{\"status\":\"UP\"}".getBytes();
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
