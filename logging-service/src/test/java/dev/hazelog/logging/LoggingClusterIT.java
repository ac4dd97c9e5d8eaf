package dev.hazelog.logging;

import static dev.hazelog.shared.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import dev.hazelog.logging.config.ClusterProperties;
import dev.hazelog.logging.hazelcast.MemberConfigFactory;
import dev.hazelog.shared.testing.FreePorts;
import dev.hazelog.shared.testing.HttpProbe;
import dev.hazelog.shared.testing.HttpProbe.Answer;
import dev.hazelog.shared.testing.SearchContract;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Three logging services in this JVM, each with its own member of one real cluster, over real HTTP; the messages in
 * memory only (a search's every criterion in {@link SearchContract}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoggingClusterIT implements SearchContract {

    private static final int SIZE = 3;
    private InJvmCluster cluster;
    private List<HttpProbe> http;

    @BeforeAll
    void startCluster() {
        cluster = new InJvmCluster(SIZE);
        http = cluster.http();
    }

    @AfterAll
    void stopCluster() {
        cluster.close();
    }

    @Override
    public HttpProbe searched() {
        return http.getLast();
    }

    @Override
    public List<Stored> store(List<String> texts) {
        return cluster.storeInTurn(texts);
    }

    @Test
    void eachServiceRunsExactlyOneMemberOfItsOwn() {
        assertThat(Hazelcast.getAllHazelcastInstances())
                .filteredOn(HazelcastInstance::getName, "intruder")
                .isEmpty();
        assertThat(Hazelcast.getAllHazelcastInstances()).hasSize(SIZE);
        List<String> selves = http.stream()
                .map(service -> service.get("/cluster").json().path("self").asString())
                .toList();
        assertThat(selves).doesNotHaveDuplicates();
        JsonNode cluster = http.get(0).get("/cluster").json();
        assertThat(cluster.path("clusterName").asString()).startsWith("it-");
        assertThat(cluster.path("lifecycle").asString()).isEqualTo("STARTED");
        assertThat(cluster.path("members")
                        .valueStream()
                        .filter(member -> member.path("self").asBoolean()))
                .hasSize(1);
    }

    @Test
    void healthReportsTheMember() {
        JsonNode health = http.get(0).get("/actuator/health").json();

        assertThat(health.path("status").asString()).isEqualTo("UP");
        assertThat(health.at("/components/hazelcast/details/members").asInt()).isEqualTo(SIZE);
    }

    @Test
    void ofFiftyConcurrentPostsOfOneUuidExactlyOneStores() {
        String id = UUID.randomUUID().toString();
        String body = fetch(id, "only once");

        List<String> statuses;
        try (var clients = Executors.newVirtualThreadPerTaskExecutor()) {
            List<CompletableFuture<Answer>> posts = IntStream.range(0, 50)
                    .mapToObj(i -> CompletableFuture.supplyAsync(
                            () -> http.get(i % SIZE).postJson("/fetching_message", body), clients))
                    .toList();
            statuses = posts.stream()
                    .map(CompletableFuture::join)
                    .map(answer -> answer.json().path("status").asString())
                    .toList();
        }

        assertThat(statuses).filteredOn("ok"::equals).hasSize(1);
        assertThat(statuses).filteredOn("duplicate, ok"::equals).hasSize(49);
        assertThat(http.get(2).messageIds()).containsOnlyOnce(id);
    }

    @Test
    void aMessageStoredThroughOneMemberIsReadThroughAnother() {
        String id = UUID.randomUUID().toString();
        String text = "Grüße aus Köln, 世界, 🌍 — \"quoted\"\n\ttabbed";

        Answer stored = http.get(0).postJson("/fetching_message", fetch(id, text));

        assertThat(stored.json().path("status").asString()).isEqualTo("ok");
        assertThat(stored.json().path("storedBy").asString()).isEqualTo("logging-1");
        JsonNode read = http.get(1).get("/messages/" + id).json();
        assertThat(read.path("msg").asString()).isEqualTo(text);
        assertThat(read.path("storedBy").asString()).isEqualTo("logging-1");
        assertThat(http.get(2).get("/get_fetched_messages").json().path("msgs").asString())
                .contains(text);
    }

    @Test
    void listsMessagesInTheOrderTheyWereAcceptedWhicheverMemberTookThem() {
        // Like the facade, the caller passes the latest acceptance time it saw: members' clocks differ by a few ms.
        List<String> sent = new ArrayList<>();
        String notBefore = null;
        for (int i = 0; i < 30; i++) {
            String id = UUID.randomUUID().toString();
            String body = notBefore == null
                    ? fetch(id, "ordered " + i)
                    : "{\"UUID\": \"%s\", \"msg\": \"ordered %d\", \"notBefore\": \"%s\"}".formatted(id, i, notBefore);
            notBefore = http.get(i % SIZE)
                    .postJson("/fetching_message", body)
                    .json()
                    .path("acceptedAt")
                    .asString();
            sent.add(id);
        }

        assertThat(http.get(1).messageIds()).containsSubsequence(sent);
    }

    @Test
    void theLatestMessagesAreTheLastOnesInAcceptanceOrder() {
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = UUID.randomUUID().toString();
            http.get(0).postJson("/fetching_message", fetch(id, "latest " + i));
            sent.add(id);
        }

        List<String> latest = http.get(2)
                .get("/messages/latest?limit=3")
                .json()
                .path("messages")
                .valueStream()
                .map(message -> message.path("id").asString())
                .toList();

        assertThat(latest).containsExactlyElementsOf(sent.subList(2, 5));
        assertThat(http.get(1).messageIds()).endsWith(latest.toArray(String[]::new));
    }

    @Test
    void everyMessageIsOwnedByOneMemberAndBackedUpByAnother() {
        http.get(1).postJson("/fetching_message", fetch(UUID.randomUUID().toString(), "counted"));

        assertEveryMessageIsOwnedOnceAndBackedUpOnce();
        assertThat(http.get(0).get("/actuator/prometheus").body())
                .contains("hazelog_map_entries{kind=\"owned\"", "hazelog_messages_stored_total");
    }

    @Test
    void aBatchIsStoredInOrderAndEachMessageIsAnswered() {
        List<String> ids = IntStream.range(0, 5)
                .mapToObj(i -> UUID.randomUUID().toString())
                .toList();
        String batch = batch(ids, "batched");

        JsonNode first = http.get(0).postJson("/messages", batch).json().path("results");
        JsonNode again = http.get(1).postJson("/messages", batch).json().path("results");

        assertThat(first.valueStream().map(result -> result.path("status").asString()))
                .containsOnly("ok");
        assertThat(again.valueStream().map(result -> result.path("status").asString()))
                .containsOnly("duplicate, ok");
        assertThat(first.valueStream().map(result -> result.path("id").asString()))
                .containsExactlyElementsOf(ids);
        assertThat(http.get(2).messageIds()).containsSubsequence(ids);
    }

    @Test
    void aBatchStoresAnIdOnceWhetherItCameBeforeOrTwiceInTheBatch() {
        String storedBefore = UUID.randomUUID().toString();
        http.get(0).postJson("/fetching_message", fetch(storedBefore, "once"));
        List<String> fresh = IntStream.range(0, 30)
                .mapToObj(i -> UUID.randomUUID().toString())
                .toList();
        List<String> ids = Stream.concat(fresh.stream(), Stream.of(fresh.getFirst(), storedBefore))
                .toList();

        JsonNode results =
                http.get(1).postJson("/messages", batch(ids, "once")).json().path("results");

        assertThat(results.valueStream().map(result -> result.path("status").asString()))
                .containsExactlyElementsOf(
                        Stream.concat(fresh.stream().map(id -> "ok"), Stream.of("duplicate, ok", "duplicate, ok"))
                                .toList());
        assertThat(results.get(fresh.size()).path("acceptedAt"))
                .isEqualTo(results.get(0).path("acceptedAt"));
        assertThat(http.get(2).messageIds()).containsSubsequence(fresh).containsOnlyOnce(ids.toArray(String[]::new));
        assertEveryMessageIsOwnedOnceAndBackedUpOnce();
    }

    private void assertEveryMessageIsOwnedOnceAndBackedUpOnce() {
        int stored = http.get(0).messageIds().size();
        List<JsonNode> entries = http.stream()
                .map(service -> service.get("/cluster").json().path("entries"))
                .toList();

        assertThat(entries.stream()
                        .mapToLong(member -> member.path("owned").asLong())
                        .sum())
                .isEqualTo(stored);
        assertThat(entries.stream()
                        .mapToLong(member -> member.path("backup").asLong())
                        .sum())
                .isEqualTo(stored);
    }

    @Test
    void pagesListEveryMessageOnceInAcceptanceOrder() {
        List<String> ids = IntStream.range(0, 250)
                .mapToObj(i -> UUID.randomUUID().toString())
                .toList();
        for (int from = 0; from < ids.size(); from += 100) {
            http.get(from / 100 % SIZE)
                    .postJson("/messages", batch(ids.subList(from, Math.min(ids.size(), from + 100)), "paged"));
        }
        List<String> everything = http.get(0).messageIds();

        List<String> paged = new ArrayList<>();
        String next = null;
        do {
            JsonNode page = http.get(1)
                    .get("/messages?limit=37" + (next == null ? "" : "&after=" + next))
                    .json();
            assertThat(page.path("messages").size()).isLessThanOrEqualTo(37);
            page.path("messages")
                    .valueStream()
                    .forEach(message -> paged.add(message.path("id").asString()));
            next = page.path("next").isNull() ? null : page.path("next").asString();
        } while (next != null);

        assertThat(paged).isEqualTo(everything).containsSubsequence(ids);
    }

    @Test
    void badPagesAreProblems() {
        assertProblem(http.get(0).get("/messages?limit=0"), 400);
        assertProblem(http.get(0).get("/messages?limit=1001"), 400);
        assertProblem(http.get(0).get("/messages?limit=ten"), 400);
        assertProblem(http.get(0).get("/messages?after=not-a-uuid"), 400);
        assertThat(assertProblem(http.get(0).get("/messages?after=" + UUID.randomUUID()), 400)
                        .path("title")
                        .asString())
                .isEqualTo("Unknown cursor");
    }

    @Test
    void aBatchWithOneBadMessageStoresNone() {
        int before = http.get(0).messageIds().size();
        String batch = "{\"messages\": [{\"UUID\": \"%s\", \"msg\": \"fine\"}, {\"UUID\": \"%s\", \"msg\": \" \"}]}"
                .formatted(UUID.randomUUID(), UUID.randomUUID());

        assertProblem(http.get(0).postJson("/messages", batch), 400);
        assertProblem(http.get(0).postJson("/messages", "{\"messages\": []}"), 400);
        assertProblem(
                http.get(0)
                        .postJson(
                                "/messages",
                                batch(
                                        IntStream.range(0, 1001)
                                                .mapToObj(i -> UUID.randomUUID().toString())
                                                .toList(),
                                        "many")),
                413);
        assertThat(http.get(1).messageIds()).hasSize(before);
    }

    private static String batch(List<String> ids, String text) {
        return ids.stream()
                .map(id -> "{\"UUID\": \"%s\", \"msg\": \"%s\"}".formatted(id, text))
                .collect(java.util.stream.Collectors.joining(",", "{\"messages\": [", "]}"));
    }

    @Test
    void theSameUuidWithAnotherTextIsAConflictAndKeepsTheFirst() {
        String id = UUID.randomUUID().toString();
        http.get(0).postJson("/fetching_message", fetch(id, "first"));

        assertProblem(http.get(1).postJson("/fetching_message", fetch(id, "second")), 409);
        assertThat(http.get(2).get("/messages/" + id).json().path("msg").asString())
                .isEqualTo("first");
    }

    static Stream<Arguments> badWrites() {
        String id = UUID.randomUUID().toString();
        return Stream.of(
                Arguments.of("malformed JSON", "application/json", "{\"UUID\": ", 400),
                Arguments.of("not an object", "application/json", "[1, 2]", 400),
                Arguments.of("empty body", "application/json", "", 400),
                Arguments.of("missing msg", "application/json", "{\"UUID\": \"" + id + "\"}", 400),
                Arguments.of("blank msg", "application/json", fetch(id, " \t "), 400),
                Arguments.of("msg not a string", "application/json", "{\"UUID\":\"" + id + "\",\"msg\":42}", 400),
                Arguments.of(
                        "lone surrogate", "application/json", "{\"UUID\":\"" + id + "\",\"msg\":\"\\ud800\"}", 400),
                Arguments.of("msg over 64 KiB", "application/json", fetch(id, "x".repeat(64 * 1024 + 1)), 413),
                Arguments.of("missing UUID", "application/json", "{\"msg\": \"x\"}", 400),
                Arguments.of("invalid UUID", "application/json", fetch("1-1-1-1-1", "x"), 400),
                Arguments.of("text instead of JSON", "text/plain", fetch(id, "x"), 415),
                Arguments.of("no content type", null, fetch(id, "x"), 415));
    }

    @ParameterizedTest(name = "{0} → {3}")
    @MethodSource("badWrites")
    void aBadWriteIsAProblemAndStoresNothing(String name, String contentType, String body, int status) {
        int before = http.get(0).messageIds().size();

        assertProblem(http.get(0).post("/fetching_message", contentType, BodyPublishers.ofString(body)), status);
        assertThat(http.get(1).messageIds()).hasSize(before);
    }

    @Test
    void theServerRefusesAnOversizedBodyBeforeReadingIt() {
        byte[] body =
                fetch(UUID.randomUUID().toString(), "x".repeat(600 * 1024)).getBytes(StandardCharsets.UTF_8);

        JsonNode declared = assertProblem(
                http.get(0).post("/fetching_message", "application/json", BodyPublishers.ofByteArray(body)), 413);
        JsonNode chunked = assertProblem(
                http.get(0)
                        .post(
                                "/fetching_message",
                                "application/json",
                                BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))),
                413);

        assertThat(declared.path("instance").asString()).isEqualTo("/fetching_message");
        assertThat(chunked.path("detail").asString()).isEqualTo("The request body is larger than 524288 bytes.");
    }

    @Test
    void aMemberOfAnotherClusterCannotJoin() {
        String members = String.join(",", memberAddresses());
        Config intruderConfig = MemberConfigFactory.create(new ClusterProperties(
                "intruders",
                "127.0.0.1",
                "",
                FreePorts.next(),
                List.of(members.split(",")),
                1,
                Duration.ofSeconds(1),
                Duration.ofSeconds(15),
                Duration.ofSeconds(1),
                "intruder",
                "",
                0.8));
        HazelcastInstance intruder = Hazelcast.newHazelcastInstance(intruderConfig);
        try {
            assertThat(intruder.getCluster().getMembers()).hasSize(1);
            assertThat(http.get(0).get("/cluster").json().path("members").size())
                    .isEqualTo(SIZE);
        } finally {
            intruder.shutdown();
        }
    }

    @Test
    void badReadsAndUnknownRoutesAreProblems() {
        assertProblem(http.get(0).get("/messages/not-a-uuid"), 400);
        assertProblem(http.get(0).get("/messages/" + UUID.randomUUID()), 404);
        assertProblem(http.get(0).get("/nope"), 404);
        assertProblem(http.get(0).send("DELETE", "/fetching_message"), 405);
    }

    private List<String> memberAddresses() {
        return http.stream()
                .map(service -> service.get("/cluster").json().path("self").asString())
                .toList();
    }

    private static String fetch(String id, String text) {
        return "{\"UUID\": \"%s\", \"msg\": %s}".formatted(id, jsonString(text));
    }

    private static String jsonString(String text) {
        return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(text);
    }
}
