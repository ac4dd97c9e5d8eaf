package dev.hazelog.logging;

import static dev.hazelog.shared.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hazelog.shared.testing.FreePorts;
import dev.hazelog.shared.testing.HttpProbe;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A member whose heap is fuller than its limit refuses new messages with a 507 and stores nothing. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext // its member must not outlive the test
class HeapLimitIT {

    @Value("http://127.0.0.1:${local.server.port}")
    String baseUrl;

    @DynamicPropertySource
    static void oneMemberWithATinyLimit(DynamicPropertyRegistry properties) {
        int port = FreePorts.next();
        properties.add("hazelog.cluster.name", () -> "it-" + UUID.randomUUID());
        properties.add("hazelog.cluster.port", () -> port);
        properties.add("hazelog.cluster.members", () -> "127.0.0.1:" + port);
        // Whatever the test JVM holds after a collection is above a millionth of its heap.
        properties.add("hazelog.cluster.max-heap-fill", () -> "0.000001");
    }

    @Test
    void aFullMemberRefusesNewMessages() {
        System.gc();
        HttpProbe http = new HttpProbe(baseUrl);

        var refused = http.postJson(
                "/fetching_message", "{\"UUID\": \"%s\", \"msg\": \"one too many\"}".formatted(UUID.randomUUID()));

        assertProblem(refused, 507);
        assertThat(refused.json().path("title").asString()).isEqualTo("Insufficient storage");
        assertThat(http.get("/messages").json().path("messages").size()).isZero();
    }
}
