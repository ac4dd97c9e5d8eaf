package dev.hazelog.logging.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.map.IMap;
import dev.hazelog.logging.InJvmCluster;
import dev.hazelog.shared.testing.HttpProbe;
import dev.hazelog.shared.testing.HttpProbe.Answer;
import dev.hazelog.shared.testing.SearchContract;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Three logging services in this JVM with a real database behind their map, over real HTTP: what a durable store
 * promises, whatever the database, a search's every criterion among it ({@link SearchContract}). Each subclass gives
 * the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DurableStoreContract implements SearchContract {

    private static final int SIZE = 3;

    private InJvmCluster cluster;
    final List<HttpProbe> http = new ArrayList<>();

    /** The JDBC URL every logging service is given. */
    abstract String url();

    JdbcTemplate database() {
        return new JdbcTemplate(new DriverManagerDataSource(url()));
    }

    /** Starts three services as one new cluster on the database; those running before are stopped first. */
    void startCluster() {
        stopCluster();
        cluster = new InJvmCluster(SIZE, "--hazelog.store.url=" + url());
        http.addAll(cluster.http());
    }

    @AfterAll
    void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
        http.clear();
    }

    @Override
    public HttpProbe searched() {
        return http.getLast();
    }

    @Override
    public List<Stored> store(List<String> texts) {
        return cluster.storeInTurn(texts);
    }

    static String message(String id, String text) {
        return "{\"UUID\": \"%s\", \"msg\": \"%s\"}".formatted(id, text);
    }

    Answer store(int service, String id, String text) {
        return http.get(service).postJson("/fetching_message", message(id, text));
    }

    int rows(String id) {
        return database().queryForObject("SELECT COUNT(*) FROM messages WHERE id = ?", Integer.class, id);
    }

    @Test
    void anAcknowledgedMessageIsInTheDatabase() {
        String id = UUID.randomUUID().toString();

        Answer stored = store(0, id, "kept");

        assertThat(stored.json().path("status").asString()).isEqualTo("ok");
        assertThat(database().queryForObject("SELECT message_text FROM messages WHERE id = ?", String.class, id))
                .isEqualTo("kept");
    }

    @Test
    void aMessageThatLeftTheWorkingSetIsStillRecognised() {
        List<String> ids = IntStream.range(0, 30)
                .mapToObj(i -> UUID.randomUUID().toString())
                .toList();
        for (int i = 0; i < ids.size(); i++) {
            assertThat(store(i % SIZE, ids.get(i), "m" + i).status()).isEqualTo(200);
        }
        IMap<String, ?> messages = cluster.member().getMap("messages");
        // What eviction does when the working set is full: the entries leave the members' memory, not the database.
        // The working set takes the messages after their answers, so some may arrive after a first eviction.
        await().untilAsserted(() -> {
            messages.evictAll();
            assertThat(messages.getLocalMapStats().getOwnedEntryCount()).isZero();
        });
        String first = ids.getFirst();

        assertThat(store(1, first, "m0").json().path("status").asString()).isEqualTo("duplicate, ok");
        assertThat(store(2, first, "another text").status()).isEqualTo(409);
        assertThat(rows(first)).isEqualTo(1);
        assertThat(http.get(2).get("/messages/" + first).json().path("msg").asString())
                .isEqualTo("m0");
    }

    @Test
    void aBatchKeepsWhatIsNewOnceAndFindsWhatWasKeptBefore() {
        String kept = UUID.randomUUID().toString();
        String fresh = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        store(0, kept, "before");

        Answer batch = http.get(1)
                .postJson(
                        "/messages",
                        "{\"messages\": [%s, %s, %s, %s]}"
                                .formatted(
                                        message(fresh, "new"),
                                        message(kept, "before"),
                                        message(fresh, "new"),
                                        message(other, "also new")));

        assertThat(batch.status()).isEqualTo(200);
        assertThat(batch.json()
                        .path("results")
                        .valueStream()
                        .map(result -> result.path("status").asString()))
                .containsExactly("ok", "duplicate, ok", "duplicate, ok", "ok");
        assertThat(List.of(rows(kept), rows(fresh), rows(other))).containsOnly(1);
        assertThat(http.get(2).get("/messages/" + fresh).json().path("msg").asString())
                .isEqualTo("new");
    }

    @Test
    void singleMessagesSentTogetherAreAnsweredOneByOneAndAConflictFailsOnlyItself() {
        String taken = UUID.randomUUID().toString();
        store(0, taken, "first text");
        List<String> ids = IntStream.range(0, 60)
                .mapToObj(i -> UUID.randomUUID().toString())
                .toList();

        List<Integer> statuses;
        Answer conflict;
        try (var clients = Executors.newVirtualThreadPerTaskExecutor()) {
            List<CompletableFuture<Answer>> posts = ids.stream()
                    .map(id -> CompletableFuture.supplyAsync(() -> store(0, id, "text of " + id), clients))
                    .toList();
            CompletableFuture<Answer> conflicting =
                    CompletableFuture.supplyAsync(() -> store(0, taken, "another text"), clients);
            statuses = posts.stream()
                    .map(CompletableFuture::join)
                    .map(Answer::status)
                    .toList();
            conflict = conflicting.join();
        }

        assertThat(statuses).containsOnly(200);
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(ids).allSatisfy(id -> assertThat(rows(id)).isEqualTo(1));
        assertThat(http.get(1).get("/messages/" + taken).json().path("msg").asString())
                .isEqualTo("first text");
    }

    @Test
    void theSameIdThroughTwoServicesAtOnceIsStoredOnce() {
        for (int round = 0; round < 20; round++) {
            String id = UUID.randomUUID().toString();
            List<String> statuses;
            try (var clients = Executors.newVirtualThreadPerTaskExecutor()) {
                List<CompletableFuture<Answer>> posts = IntStream.range(0, 2)
                        .mapToObj(i -> CompletableFuture.supplyAsync(() -> store(i, id, "once"), clients))
                        .toList();
                statuses = posts.stream()
                        .map(CompletableFuture::join)
                        .map(answer -> answer.json().path("status").asString())
                        .toList();
            }
            assertThat(statuses).containsExactlyInAnyOrder("ok", "duplicate, ok");
            assertThat(rows(id)).isEqualTo(1);
        }
    }

    @Test
    void aNewClusterOnTheSameDatabaseListsEveryMessageInTheSameOrder() {
        for (int i = 0; i < 30; i++) {
            store(i % SIZE, UUID.randomUUID().toString(), "before the restart " + i);
        }
        List<String> before = http.get(0).messageIds();

        startCluster();

        assertThat(http.get(1).messageIds()).isEqualTo(before);
        String page = http.get(2)
                .get("/messages?limit=5")
                .json()
                .path("messages")
                .get(0)
                .path("id")
                .asString();
        assertThat(page).isEqualTo(before.getFirst());
        assertThat(store(0, before.getLast(), "another text").status()).isEqualTo(409);
    }

    @Test
    void healthAndReadinessNameTheDatabase() {
        var health = http.get(0).get("/actuator/health/readiness").json();

        assertThat(health.path("status").asString()).isEqualTo("UP");
        assertThat(health.at("/components/store/details/kind").asString()).isEqualTo("database");
        assertThat(url())
                .startsWith(health.at("/components/store/details/database").asString());
    }
}
