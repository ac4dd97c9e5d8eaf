package dev.hazelog.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hazelog.shared.testing.HttpProbe;
import dev.hazelog.shared.testing.SearchContract.Stored;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two logging services whose log keeps at most {@value #MAX_MESSAGES} messages, none older than {@link #MAX_AGE}:
 * what leaves, when, and what the services count. Each subclass says where the messages are kept.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class RetentionContract {

    private static final int MAX_MESSAGES = 10;
    private static final Duration MAX_AGE = Duration.ofSeconds(10);

    private InJvmCluster cluster;

    /** Where the messages are kept: arguments for every service. */
    abstract List<String> storeArguments();

    @BeforeAll
    void startCluster() {
        List<String> arguments = new ArrayList<>(List.of(
                "--hazelog.retention.max-messages=" + MAX_MESSAGES,
                "--hazelog.retention.max-age=" + MAX_AGE.toSeconds() + "s",
                "--hazelog.retention.interval=500ms"));
        arguments.addAll(storeArguments());
        cluster = new InJvmCluster(2, arguments.toArray(String[]::new));
    }

    @AfterAll
    void stopCluster() {
        if (cluster != null) {
            cluster.close();
            cluster = null;
        }
    }

    @Test
    @Order(1)
    void beyondTheLimitTheOldestLeaveAndTheNewestStay() {
        List<Stored> stored = cluster.storeInTurn(texts("counted", 25));

        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(listed()).isEqualTo(ids(stored.subList(15, 25))));
        assertThat(reader().get("/messages/" + stored.getFirst().id()).status()).isEqualTo(404);
        assertThat(metricSum("hazelog_retention_removed_total")).isEqualTo(15);
        assertThat(metricSum("hazelog_retention_oldest_seconds"))
                .isEqualTo(stored.get(15).acceptedAt().getEpochSecond());
    }

    @Test
    @Order(2)
    void aMessageLeavesOnceItIsOlderThanTheLimitAndNotBefore() {
        List<Stored> stored = cluster.storeInTurn(texts("aged", 5));
        Instant newest = stored.getLast().acceptedAt();

        await().atMost(MAX_AGE.plusSeconds(20)).until(() -> listed().isEmpty());

        assertThat(Instant.now()).isAfterOrEqualTo(newest.plus(MAX_AGE));
        assertThat(stored)
                .allSatisfy(message -> assertThat(
                                reader().get("/messages/" + message.id()).status())
                        .isEqualTo(404));
        assertThat(metricSum("hazelog_retention_removed_total")).isEqualTo(15 + 15);
    }

    private HttpProbe reader() {
        return cluster.http().getLast();
    }

    private List<String> listed() {
        return reader().messageIds();
    }

    private static List<String> texts(String word, int count) {
        return IntStream.range(0, count).mapToObj(i -> word + " " + i).toList();
    }

    private static List<String> ids(List<Stored> stored) {
        return stored.stream().map(Stored::id).toList();
    }

    /** A metric summed over the services, those without a value (NaN) left out. */
    private double metricSum(String name) {
        return cluster.http().stream()
                .flatMap(service -> service.get("/actuator/prometheus").body().lines())
                .filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .filter(value -> !Double.isNaN(value))
                .sum();
    }
}
