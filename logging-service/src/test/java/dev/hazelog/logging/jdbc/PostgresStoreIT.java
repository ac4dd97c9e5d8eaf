package dev.hazelog.logging.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.hazelog.shared.testing.DelayingProxy;
import dev.hazelog.shared.testing.HttpProbe.Answer;
import dev.hazelog.shared.testing.PrivatePostgres;
import dev.hazelog.shared.wire.ProblemTypes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The durable store on a real PostgreSQL server, which the test also stops and starts under the services, and reaches
 * through a proxy that can make it slow.
 */
class PostgresStoreIT extends DurableStoreContract {

    private PrivatePostgres postgres;
    private DelayingProxy proxy;

    @Override
    String url() {
        return postgres.url(proxy.port());
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
            // A service that found the database silent a moment ago (another test) refuses writes for that moment.
            await().atMost(Duration.ofSeconds(5))
                    .untilAsserted(
                            () -> assertThat(store(0, slow, "slow").status()).isEqualTo(200));

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

    /**
     * A write the service gave up on, its statement waiting in the database for a lock held elsewhere, is cut off by
     * the database at the statement limit (1 s): it does not commit when the lock is released later, after its client
     * was told 503. The driver's own cancel, sent from the service, is never sent once the connection has timed out.
     */
    @Test
    @Timeout(60)
    void aWriteTheServiceGaveUpOnIsCutOffByTheDatabaseAndNeverCommitsLater() throws SQLException {
        String id = UUID.randomUUID().toString();
        try (Connection holder = DriverManager.getConnection(postgres.url())) {
            holder.setAutoCommit(false);
            holder.createStatement().execute("LOCK TABLE messages IN SHARE MODE"); // no INSERT gets past it
            Answer refused = store(0, id, "given up on");
            assertThat(refused.status()).isEqualTo(503);

            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(database()
                                    .queryForObject(
                                            "SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'",
                                            Integer.class))
                            .isZero());
            holder.rollback();
        }

        assertThat(rows(id)).isZero();
        // The service took the database for down; it comes back by itself and stores the message.
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () -> assertThat(store(1, id, "given up on").status()).isEqualTo(200));
        assertThat(rows(id)).isOne();
    }

    /**
     * A read of every message that the database stops answering half-way breaks off: what the client got is not a
     * complete document, and no error document is spliced onto it as if it were the rest.
     */
    @Test
    @Timeout(60)
    void aFullReadThatTheDatabaseStopsAnsweringHalfWayBreaksOffWithoutLookingComplete() throws IOException {
        // More than the sockets between service and client hold, so the service still has rows to fetch when the
        // database goes silent.
        int rows = 100_000;
        JdbcTemplate database = database();
        database.batchUpdate(
                "INSERT INTO messages (id, message_text, accepted_at_micros, stored_by) VALUES (?, ?, ?, 'bulk')",
                IntStream.range(0, rows)
                        .mapToObj(i -> new Object[] {UUID.randomUUID().toString(), "bulk " + "x".repeat(100), i})
                        .toList());
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        IOException transferError = null;
        try {
            HttpResponse<InputStream> answer = http.get(0).open("/messages");
            assertThat(answer.statusCode()).isEqualTo(200);
            proxy.delay(Duration.ofSeconds(10));
            try (InputStream body = answer.body()) {
                body.transferTo(received);
            } catch (IOException e) {
                transferError = e;
            }
        } finally {
            proxy.delay(Duration.ZERO);
            database.update("DELETE FROM messages WHERE stored_by = 'bulk'");
        }

        String text = received.toString(StandardCharsets.UTF_8);
        System.out.printf(
                "A full read broke off after %,d bytes when the database went silent: %s%n",
                received.size(), transferError);
        String end = text.substring(Math.max(0, text.length() - 300));
        assertThat(text).startsWith("{\"messages\":[{");
        assertThat(text.contains("\"status\""))
                .as("a problem spliced on: ...%s", end)
                .isFalse();
        assertThat(text.endsWith("]}")).as("closed as if complete: ...%s", end).isFalse();
        assertThat(received.size()).isLessThan(rows * 100);
        assertThat(transferError).as("the HTTP transfer itself breaks off").isNotNull();
        assertThatThrownBy(() -> JsonMapper.builder().build().readTree(text)).isInstanceOf(JacksonException.class);
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

    @Test
    void whileTheDatabaseIsFrozenAWriteIsRefusedWithinTheTimeoutTheNextAtOnceAndWritesResumeWhenItThaws() {
        postgres.freeze();
        try {
            long started = System.nanoTime();
            Answer first = store(0, UUID.randomUUID().toString(), "not now");
            Duration firstTook = Duration.ofNanos(System.nanoTime() - started);
            started = System.nanoTime();
            Answer next = store(0, UUID.randomUUID().toString(), "not now either");
            Duration nextTook = Duration.ofNanos(System.nanoTime() - started);

            System.out.printf(
                    "With the database frozen, a write was refused after %d ms, the next after %d ms%n",
                    firstTook.toMillis(), nextTook.toMillis());
            for (Answer refused : List.of(first, next)) {
                assertThat(refused.status()).isEqualTo(503);
                assertThat(refused.json().path("type").asString())
                        .isEqualTo(ProblemTypes.DATABASE_UNAVAILABLE.toString());
                assertThat(refused.json().path("detail").asString()).contains(url().split("\\?")[0]);
                assertThat(refused.header("Retry-After")).isEqualTo("1");
            }
            assertThat(firstTook).as("the store's timeout, 600 ms, and no more").isLessThan(Duration.ofSeconds(1));
            assertThat(nextTook).as("taken for down: no second wait").isLessThan(Duration.ofMillis(400));
        } finally {
            postgres.thaw();
        }
        String id = UUID.randomUUID().toString();
        await().atMost(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(store(1, id, "thawed").status()).isEqualTo(200));
        assertThat(rows(id)).isEqualTo(1);
    }
}
