package dev.hazelog.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hazelog.shared.testing.HttpProbe;
import dev.hazelog.shared.testing.HttpProbe.Answer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Each logging service on a host of its own: network namespaces that the test creates, each with its own addresses
 * on veth links only. The cluster forms across the hosts, the facade stores and reads through all of them, and one
 * host cut off entirely costs nothing that was acknowledged. Where namespaces cannot be created the test is aborted
 * and reported as skipped, never as passed.
 */
@SecondLane.Member
@Order(5)
class MultiHostIT {

    private static final int HOSTS = 3;

    @Test
    void theClusterSpansThreeHostsAndSurvivesLosingOne() {
        Optional<String> unavailable = TestNetwork.unavailableReason();
        Assumptions.assumeTrue(unavailable.isEmpty(), () -> "NOT RUN: " + unavailable.orElseThrow());
        try (TestNetwork network = new TestNetwork(HOSTS);
                NetworkedSystem system = new NetworkedSystem(network)) {
            try {
                acrossHosts(network, system.start(List.of()));
            } catch (RuntimeException | AssertionError e) {
                System.err.println("Service logs:\n" + system.logTails());
                throw e;
            }
        }
    }

    private void acrossHosts(TestNetwork network, NetworkedSystem system) {
        for (int host = 1; host <= HOSTS; host++) {
            JsonNode cluster = system.logging(host).get("/cluster").json();
            assertThat(cluster.path("self").asString())
                    .isEqualTo(network.clusterAddress(host) + ":" + NetworkedSystem.MEMBER_PORT);
            assertThat(cluster.path("members")
                            .valueStream()
                            .map(member -> member.path("address").asString()))
                    .containsExactlyInAnyOrder(
                            network.clusterAddress(1) + ":" + NetworkedSystem.MEMBER_PORT,
                            network.clusterAddress(2) + ":" + NetworkedSystem.MEMBER_PORT,
                            network.clusterAddress(3) + ":" + NetworkedSystem.MEMBER_PORT);
        }

        HttpProbe facade = system.facade();
        List<String> acknowledged = new ArrayList<>();
        Set<String> storedBy = new HashSet<>();
        while (storedBy.size() < HOSTS) {
            assertThat(acknowledged).as("messages it took to reach every host").hasSizeLessThan(100);
            Answer answer = facade.postJson("/messages", "{\"msg\": \"across hosts " + acknowledged.size() + "\"}");
            assertThat(answer.status()).isEqualTo(201);
            acknowledged.add(answer.json().path("id").asString());
            storedBy.add(answer.json().path("storedBy").asString());
        }
        assertThat(storedBy).containsExactlyInAnyOrder("logging-1", "logging-2", "logging-3");
        for (int host = 1; host <= HOSTS; host++) {
            assertThat(system.logging(host).messageIds())
                    .as("read through host %d", host)
                    .containsAll(acknowledged);
        }
        assertThat(facade.messageIds()).containsExactlyInAnyOrderElementsOf(acknowledged);

        network.isolate(3);
        await().atMost(Duration.ofSeconds(45))
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> assertThat(system.clusterSizeSeenBy(1)).isEqualTo(2));
        for (int i = 0; i < 20; i++) {
            Answer answer = facade.postJson("/messages", "{\"msg\": \"host 3 is gone " + i + "\"}");
            assertThat(answer.status()).as("post %d with host 3 cut off", i).isEqualTo(201);
            assertThat(answer.json().path("storedBy").asString()).isNotEqualTo("logging-3");
            acknowledged.add(answer.json().path("id").asString());
        }

        assertThat(facade.messageIds())
                .as("every acknowledged message, once")
                .containsExactlyInAnyOrderElementsOf(acknowledged);
    }
}
