package dev.hazelog.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hazelog.shared.testing.HttpProbe;
import dev.hazelog.shared.testing.HttpProbe.Answer;
import dev.hazelog.shared.testing.PrivatePostgres;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The whole system through {@code ./hazelog}, pointed at a real PostgreSQL with {@code HAZELOG_STORE_URL}: nothing
 * local is started for the messages, the original scenario holds, a restart of every service keeps the log, and the
 * database going away is a 503 that names it until it is back.
 */
@SecondLane.Member
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresSystemIT {

    private PrivatePostgres postgres;
    private Launcher launcher;

    @BeforeAll
    void start() {
        postgres = new PrivatePostgres();
        launcher = new Launcher(postgres.storeEnvironment());
        launcher.up();
    }

    @AfterAll
    void stop() {
        try {
            if (launcher != null) {
                launcher.close();
            }
        } finally {
            postgres.close();
        }
    }

    @Test
    void theSystemKeepsItsLogInPostgresqlAcrossARestartAndWaitsOutTheDatabase() {
        assertThat(launcher.status())
                .contains("Messages are kept in the database at jdbc:postgresql://")
                .contains("database   (external)");
        HttpProbe facade = launcher.http("facade");
        assertThat(OriginalScenario.storedBy(OriginalScenario.sendTenMessages(facade)))
                .as("instances that stored the ten messages")
                .hasSizeGreaterThan(1);
        List<String> stored = facade.messageIds();
        assertThat(stored).hasSize(10);

        launcher.run("down");
        launcher.up();
        assertThat(launcher.http("facade").messageIds()).isEqualTo(stored);

        postgres.kill();
        try {
            Answer refused = launcher.http("facade").postJson("/messages", "{\"msg\": \"not now\"}");
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.body()).contains("jdbc:postgresql://");
            assertThat(refused.json().path("type").asString()).isEqualTo("urn:hazelog:problem:database-unavailable");
            assertThat(refused.header("Retry-After")).isEqualTo("1");
        } finally {
            postgres.start();
        }
        // A write answered 503 while the database comes back may still have been stored: the retries carry one
        // Idempotency-Key, so they store the message once, as a client that retries should.
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(launcher.http("facade")
                                .post(
                                        "/messages",
                                        "application/json",
                                        BodyPublishers.ofString("{\"msg\": \"back\"}"),
                                        "Idempotency-Key",
                                        "back-after-the-restart")
                                .status())
                        .isEqualTo(201));
        assertThat(launcher.http("facade").messageIds()).hasSize(11).startsWith(stored.toArray(String[]::new));
    }
}
