package dev.hazelog.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hazelog.shared.testing.HttpProbe;
import dev.hazelog.shared.testing.PrivatePostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * The race a reader in acceptance order must not lose, forced: a write held inside the database on one member while a
 * later one commits on the other. A page of everything shows the later message alone; a settled page (how the facade
 * follows the log) stops before both until the held one commits, then has them in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SettledPageIT {

    /** The advisory lock that the database trigger waits for before it inserts a message with the text {@code held}. */
    private static final int HOLD = 7;

    private final PrivatePostgres postgres = new PrivatePostgres();
    private InJvmCluster cluster;

    @BeforeAll
    void start() throws SQLException {
        // Long enough that the held write is not given up on while the test looks.
        cluster = new InJvmCluster(2, "--hazelog.store.url=" + postgres.url(), "--hazelog.store.timeout=30s");
        try (Connection connection = DriverManager.getConnection(postgres.url());
                Statement statement = connection.createStatement()) {
            statement.execute("""
                    CREATE FUNCTION hold_marked() RETURNS trigger AS $$
                    BEGIN
                      IF NEW.message_text = 'held' THEN PERFORM pg_advisory_xact_lock_shared(%d); END IF;
                      RETURN NEW;
                    END $$ LANGUAGE plpgsql""".formatted(HOLD));
            statement.execute(
                    "CREATE TRIGGER hold_marked BEFORE INSERT ON messages FOR EACH ROW EXECUTE FUNCTION hold_marked()");
        }
    }

    @AfterAll
    void stop() {
        try {
            cluster.close();
        } finally {
            postgres.close();
        }
    }

    @Test
    void aSettledPageWaitsForAWriteInFlightOnAnotherMemberAndMissesNothing() throws Exception {
        HttpProbe first = cluster.http().getFirst();
        HttpProbe second = cluster.http().getLast();
        CompletableFuture<JsonNode> held;
        try (Connection holder = DriverManager.getConnection(postgres.url());
                Statement statement = holder.createStatement()) {
            statement.execute("SELECT pg_advisory_lock(" + HOLD + ")");
            held = CompletableFuture.supplyAsync(() -> store(first, "held"));
            await().atMost(Duration.ofSeconds(10)).until(() -> waitingForTheLock(statement));
            JsonNode later = store(second, "later");

            assertThat(texts(second.get("/messages?limit=100")))
                    .as("everything stored so far, the held write not committed")
                    .containsExactly("later");
            assertThat(texts(second.get("/messages?limit=100&settled=true")))
                    .as("up to where every member's writes have settled")
                    .isEmpty();

            statement.execute("SELECT pg_advisory_unlock(" + HOLD + ")");
            assertThat(acceptedAt(held.get()))
                    .as("the held message was stamped first")
                    .isBefore(acceptedAt(later));
        }
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(texts(second.get("/messages?limit=100&settled=true")))
                        .containsExactly("held", "later"));
    }

    private static JsonNode store(HttpProbe service, String text) {
        HttpProbe.Answer answer = service.postJson(
                "/fetching_message", "{\"UUID\": \"%s\", \"msg\": \"%s\"}".formatted(UUID.randomUUID(), text));
        assertThat(answer.status()).as("storing %s: %s", text, answer).isEqualTo(200);
        return answer.json();
    }

    private static boolean waitingForTheLock(Statement statement) throws SQLException {
        try (ResultSet waiting = statement.executeQuery(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND objid = " + HOLD + " AND NOT granted")) {
            return waiting.next() && waiting.getLong(1) > 0;
        }
    }

    private static List<String> texts(HttpProbe.Answer page) {
        assertThat(page.status()).as("%s", page).isEqualTo(200);
        return page.json()
                .path("messages")
                .valueStream()
                .map(message -> message.path("msg").asString())
                .toList();
    }

    private static Instant acceptedAt(JsonNode stored) {
        return Instant.parse(stored.path("acceptedAt").asString());
    }
}
