package dev.hazelog.logging.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hazelog.shared.testing.HttpProbe.Answer;
import dev.hazelog.shared.testing.PrivatePostgres;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The durable store on a real PostgreSQL server, which the test also stops and starts under the services. */
class PostgresStoreIT extends DurableStoreContract {

    private PrivatePostgres postgres;

    @Override
    String url() {
        return postgres.url();
    }

    @BeforeAll
    void start() {
        postgres = new PrivatePostgres();
        startCluster();
    }

    @AfterAll
    void stopPostgres() {
        stopCluster();
        if (postgres != null) {
            postgres.close();
        }
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
            assertThat(refused.json().path("detail").asString())
                    .contains(postgres.url().split("\\?")[0]);
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
