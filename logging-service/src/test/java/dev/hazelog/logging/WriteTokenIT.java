package dev.hazelog.logging;

import static dev.hazelog.shared.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hazelog.shared.testing.FreePorts;
import dev.hazelog.shared.testing.HttpProbe;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With a write token set, only callers that send it may store; reading stays open. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext // its member must not outlive the test
class WriteTokenIT {

    @Value("http://127.0.0.1:${local.server.port}")
    String baseUrl;

    @DynamicPropertySource
    static void oneMemberWithAToken(DynamicPropertyRegistry properties) {
        int port = FreePorts.next();
        properties.add("hazelog.cluster.name", () -> "it-" + UUID.randomUUID());
        properties.add("hazelog.cluster.port", () -> port);
        properties.add("hazelog.cluster.members", () -> "127.0.0.1:" + port);
        properties.add("hazelog.security.write-token", () -> "s3cret");
    }

    @Test
    void onlyACallerWithTheTokenMayStore() {
        HttpProbe http = new HttpProbe(baseUrl);
        String body = "{\"UUID\": \"%s\", \"msg\": \"guarded\"}".formatted(UUID.randomUUID());

        assertProblem(http.postJson("/fetching_message", body), 401);
        assertProblem(
                http.post(
                        "/fetching_message",
                        "application/json",
                        BodyPublishers.ofString(body),
                        "X-Hazelog-Token",
                        "guess"),
                401);
        assertThat(http.get("/messages").json().path("messages").size()).isZero();

        var stored = http.post(
                "/fetching_message", "application/json", BodyPublishers.ofString(body), "X-Hazelog-Token", "s3cret");

        assertThat(stored.json().path("status").asString()).isEqualTo("ok");
        assertThat(http.get("/messages").json().path("messages").size()).isEqualTo(1);
    }
}
