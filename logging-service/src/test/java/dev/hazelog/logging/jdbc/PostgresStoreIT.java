package dev.hazelog.logging.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hazelog.shared.testing.HttpProbe.Answer;
import dev.hazelog.shared.testing.PrivatePostgres;
import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The durable store on a real PostgreSQL server, which the test also stops and starts under the services, and reaches
 * through a proxy that can make it slow.
 */
class PostgresStoreIT extends DurableStoreContract {

    private PrivatePostgres postgres;
    private DelayingProxy proxy;

    @Override
    String url() {
        return "jdbc:postgresql://127.0.0.1:%d/postgres?user=postgres".formatted(proxy.port());
    }

    @BeforeAll
    void start() {
        postgres = new PrivatePostgres();
        proxy = new DelayingProxy(postgres.port());
        startCluster();
    }

    @AfterAll
    void stopPostgres() throws IOException {
        stopCluster();
        if (proxy != null) {
            proxy.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aSlowDatabaseSlowsWritesDownAndOneThatStopsAnsweringGetsA503InBoundedTime() {
        proxy.delay(Duration.ofMillis(50));
        try {
            String slow = UUID.randomUUID().toString();
            assertThat(store(0, slow, "slow").status()).isEqualTo(200);

            proxy.delay(Duration.ofSeconds(10));
            long started = System.nanoTime();
            Answer refused = store(1, UUID.randomUUID().toString(), "too slow");
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            System.out.printf(
                    "With the database answering after 10 s, a write was refused after %d ms%n", took.toMillis());
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.json().path("detail").asString()).contains(url().split("\\?")[0]);
            assertThat(took).isLessThan(Duration.ofSeconds(4));
        } finally {
            proxy.delay(Duration.ZERO);
        }
        String id = UUID.randomUUID().toString();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(store(2, id, "fast again").status()).isEqualTo(200));
        assertThat(rows(id)).isEqualTo(1);
    }

    @Test
    void whileTheDatabaseIsDownWritesAreRefusedQuicklyAndResumeByThemselves() {
        postgres.kill();
        try {
            String id = UUID.randomUUID().toString();
            long started = System.nanoTime();

            Answer refused = store(0, id, "not now");

            Duration took = Duration.ofNanos(System.nanoTime() - started);
            System.out.printf("With the database down, a write was refused after %d ms%n", took.toMillis());
            assertThat(took).isLessThan(Duration.ofSeconds(2));
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.json().path("detail").asString()).contains(url().split("\\?")[0]);
            assertThat(http.get(0).get("/actuator/health/readiness").status()).isEqualTo(503);
        } finally {
            postgres.start();
        }
        String id = UUID.randomUUID().toString();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(store(1, id, "again").status()).isEqualTo(200));
        assertThat(rows(id)).isEqualTo(1);
    }
}
