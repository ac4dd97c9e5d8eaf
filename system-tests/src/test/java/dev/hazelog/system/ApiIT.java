package dev.hazelog.system;

import static dev.hazelog.shared.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hazelog.shared.testing.HttpProbe;
import dev.hazelog.shared.testing.HttpProbe.Answer;
import dev.hazelog.shared.testing.RawHttp;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Both facade APIs, and every bad input a client can send, against the real services started by ./hazelog. */
@ExtendWith(RunningSystem.class)
@Order(0)
class ApiIT {

    private static final String UNICODE = "Grüße, 世界! 🌍 \"quoted\" \\ back\nslash\ttab";

    private HttpProbe facade;

    @BeforeEach
    void connect(Launcher launcher) {
        facade = launcher.http("facade");
    }

    @Test
    void theOriginalApiKeepsItsShape() {
        Answer sent = facade.postJson("/send_to_logging_service", "{\"msg\": \"original shape\"}");

        assertThat(sent.status()).isEqualTo(200);
        assertThat(sent.json().path("status").asString()).isEqualTo("200");
        assertThat(UUID.fromString(sent.json().path("id").asString())).isNotNull();
        assertThat(sent.json().path("storedBy").asString()).matches("logging-[123]");

        String allMsgs =
                facade.get("/get_resulted_messages").json().path("all_msgs").asString();
        assertThat(allMsgs).contains("original shape").endsWith("\nNot implemented yet");
    }

    @Test
    void theResourceApiCreatesAndFindsMessages() {
        Answer created = facade.postJson("/messages", "{\"msg\": \"resource\"}");

        assertThat(created.status()).isEqualTo(201);
        String id = created.json().path("id").asString();
        assertThat(created.location()).isEqualTo("/messages/" + id);
        JsonNode found = facade.get(created.location()).json();
        assertThat(found.path("msg").asString()).isEqualTo("resource");
        assertThat(found.path("storedBy").asString())
                .isEqualTo(created.json().path("storedBy").asString());
        JsonNode all = facade.get("/messages").json();
        assertThat(all.path("messages").valueStream().map(m -> m.path("id").asString()))
                .contains(id);
        assertThat(all.at("/messagesService/text").asString()).isEqualTo("Not implemented yet");
    }

    @Test
    void messagesSentOneAfterAnotherAreListedInThatOrder() {
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            sent.add(facade.postJson("/messages", "{\"msg\": \"in order " + i + "\"}")
                    .json()
                    .path("id")
                    .asString());
        }

        assertThat(facade.messageIds()).containsSubsequence(sent);
    }

    @Test
    void aBatchIsStoredInOneRequestInOrder() {
        Answer created = facade.postJson("/messages", "[{\"msg\": \"b1\"}, {\"msg\": \"b2\"}, {\"msg\": \"b3\"}]");

        assertThat(created.status()).isEqualTo(201);
        List<String> ids = created.json()
                .path("messages")
                .valueStream()
                .map(message -> message.path("id").asString())
                .toList();
        assertThat(ids).hasSize(3);
        assertThat(facade.messageIds()).containsSubsequence(ids);
    }

    @Test
    void aClientReadsEverythingPageByPage() {
        List<String> everything = facade.messageIds();

        List<String> paged = new ArrayList<>();
        String next = null;
        do {
            JsonNode page = facade.get("/messages?limit=3" + (next == null ? "" : "&after=" + next))
                    .json();
            page.path("messages")
                    .valueStream()
                    .forEach(message -> paged.add(message.path("id").asString()));
            next = page.path("next").isNull() ? null : page.path("next").asString();
        } while (next != null);

        assertThat(paged).containsExactlyElementsOf(everything);
    }

    @Test
    void unicodeRoundTripsThroughBothApis() {
        String json = "{\"msg\": "
                + tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(UNICODE) + "}";
        String viaOriginal = facade.postJson("/send_to_logging_service", json)
                .json()
                .path("id")
                .asString();
        String viaText = facade.post("/messages", "text/plain", BodyPublishers.ofString(UNICODE))
                .json()
                .path("id")
                .asString();

        assertThat(facade.get("/messages/" + viaOriginal).json().path("msg").asString())
                .isEqualTo(UNICODE);
        assertThat(facade.get("/messages/" + viaText).json().path("msg").asString())
                .isEqualTo(UNICODE);
    }

    @Test
    void aClientRetryingWithTheSameIdempotencyKeyStoresTheMessageOnce() {
        String key = "retry-" + UUID.randomUUID();
        int before = storedCount();

        Answer first = facade.post(
                "/messages",
                "application/json",
                BodyPublishers.ofString("{\"msg\": \"once\"}"),
                "Idempotency-Key",
                key);
        Answer again = facade.post(
                "/messages",
                "application/json",
                BodyPublishers.ofString("{\"msg\": \"once\"}"),
                "Idempotency-Key",
                key);
        Answer viaOriginal = facade.post(
                "/send_to_logging_service",
                "application/json",
                BodyPublishers.ofString("{\"msg\": \"once\"}"),
                "Idempotency-Key",
                key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().path("repeat").asBoolean()).isFalse();
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().path("repeat").asBoolean()).isTrue();
        assertThat(again.json().path("id").asString())
                .isEqualTo(first.json().path("id").asString());
        assertThat(viaOriginal.json().path("id").asString())
                .isEqualTo(first.json().path("id").asString());
        assertThat(storedCount()).isEqualTo(before + 1);
    }

    @Test
    void anIdempotencyKeyReusedForAnotherMessageIsRefused() {
        String key = "reuse-" + UUID.randomUUID();
        facade.post(
                "/messages",
                "application/json",
                BodyPublishers.ofString("{\"msg\": \"first\"}"),
                "Idempotency-Key",
                key);
        int before = storedCount();

        assertThat(assertProblem(
                                facade.post(
                                        "/messages",
                                        "application/json",
                                        BodyPublishers.ofString("{\"msg\": \"second\"}"),
                                        "Idempotency-Key",
                                        key),
                                422)
                        .path("title")
                        .asString())
                .isEqualTo("Idempotency-Key reused");
        assertProblem(
                facade.post(
                        "/messages",
                        "application/json",
                        BodyPublishers.ofString("{\"msg\": \"x\"}"),
                        "Idempotency-Key",
                        ""),
                400);
        assertProblem(
                facade.post(
                        "/messages",
                        "application/json",
                        BodyPublishers.ofString("{\"msg\": \"x\"}"),
                        "Idempotency-Key",
                        "k".repeat(256)),
                400);
        assertThat(storedCount()).isEqualTo(before);
    }

    @Test
    void onlyTheFacadeMayWriteToALoggingService(Launcher launcher) {
        int before = storedCount();

        Answer direct = launcher.http("logging-1")
                .postJson("/fetching_message", "{\"UUID\": \"%s\", \"msg\": \"sneaky\"}".formatted(UUID.randomUUID()));

        assertProblem(direct, 401);
        assertThat(storedCount()).isEqualTo(before);
    }

    @Test
    void theConfigServiceListsTheLoggingServicesItWasGiven(Launcher launcher) {
        JsonNode ports = launcher.http("config").get("/all_ports").json();

        assertThat(ports.path("log_s").valueStream().map(JsonNode::asString))
                .containsExactly(launcher.url("logging-1"), launcher.url("logging-2"), launcher.url("logging-3"));
        assertThat(ports.path("mes_s").asString()).isEqualTo(launcher.url("messages"));
    }

    @Test
    void theLatestMessagesComeLastInAcceptanceOrder() {
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            sent.add(facade.postJson("/messages", "{\"msg\": \"latest %d\"}".formatted(i))
                    .json()
                    .path("id")
                    .asString());
        }

        JsonNode latest = facade.get("/messages/latest?limit=2").json().path("messages");

        assertThat(latest.valueStream().map(message -> message.path("id").asString()))
                .containsExactly(sent.get(1), sent.get(2));
    }

    @Test
    void theStatusShowsEveryInstanceUpAndWhatEachMemberHolds(Launcher launcher) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode status = facade.get("/status").json();
            int stored = storedCount();

            assertThat(status.at("/configService/state").asString()).isEqualTo("up");
            assertThat(status.path("instances")
                            .valueStream()
                            .map(instance -> instance.path("url").asString() + " "
                                    + instance.path("state").asString()))
                    .containsExactlyInAnyOrder(
                            launcher.url("logging-1") + " up",
                            launcher.url("logging-2") + " up",
                            launcher.url("logging-3") + " up",
                            launcher.url("messages") + " up",
                            launcher.url("database") + " up");
            List<JsonNode> members = status.path("members").valueStream().toList();
            assertThat(members)
                    .hasSize(3)
                    .allSatisfy(member ->
                            assertThat(member.at("/member/members").size()).isEqualTo(3));
            // Every message is owned by one member; with the database, whose table has them all, none keeps backups.
            assertThat(members.stream()
                            .mapToLong(
                                    member -> member.at("/member/entries/owned").asLong())
                            .sum())
                    .isEqualTo(stored);
            assertThat(members.stream()
                            .mapToLong(member ->
                                    member.at("/member/entries/backup").asLong())
                            .sum())
                    .isZero();
            assertThat(status.path("writesPerSecond").size())
                    .as("one count per second of the last minute")
                    .isEqualTo(60);
        });
    }

    @Test
    void everyServiceHasProbesAndPrometheusMetrics(Launcher launcher) {
        facade.postJson("/messages", "{\"msg\": \"counted\"}");
        for (String name : List.of("config", "messages", "logging-1", "facade")) {
            HttpProbe service = launcher.http(name);
            assertThat(service.get("/actuator/health/liveness").status())
                    .as(name)
                    .isEqualTo(200);
            assertThat(service.get("/actuator/health/readiness").status())
                    .as(name)
                    .isEqualTo(200);
            assertThat(service.get("/actuator/prometheus").body()).as(name).contains("jvm_memory_used_bytes");
        }
        assertThat(launcher.http("logging-1")
                        .get("/actuator/health/readiness")
                        .json()
                        .at("/components/hazelcast/status")
                        .asString())
                .as("readiness follows the member")
                .isEqualTo("UP");
        assertThat(launcher.http("logging-1").get("/actuator/prometheus").body())
                .contains("hazelog_map_entries{kind=\"owned\"", "hazelog_map_entries{kind=\"backup\"")
                .contains("hazelog_messages_stored_total", "hazelog_messages_duplicates_total")
                .containsPattern("(?m)^hazelog_cluster_members 3(\\.0)?$");
        assertThat(facade.get("/actuator/prometheus").body())
                .contains("hazelog_messages_accepted_total", "hazelog_messages_duplicates_total")
                .contains("hazelog_messages_post_seconds_bucket", "hazelog_facade_failovers_total")
                .contains("hazelog_facade_writes_combined_count", "hazelog_facade_writes_waiting");
    }

    @Test
    void theFacadeDescribesItsApi() {
        JsonNode api = facade.get("/v3/api-docs").json();

        assertThat(api.path("paths").propertyNames())
                .contains("/messages", "/messages/{id}", "/messages/latest", "/send_to_logging_service")
                .contains("/get_resulted_messages", "/status")
                .doesNotContain("/error");
        assertThat(api.at("/info/title").asString()).isEqualTo("Hazelog");
        assertThat(api.at("/info/version").asString()).isNotIn("", "v0");
        assertThat(api.at("/info/description").asString()).isNotBlank();
        List<JsonNode> operations =
                api.path("paths").valueStream().flatMap(JsonNode::valueStream).toList();
        assertThat(operations).hasSizeGreaterThanOrEqualTo(7).allSatisfy(operation -> {
            assertThat(operation.path("summary").asString()).isNotBlank();
            operation.path("responses").properties().stream()
                    .filter(response -> response.getKey().matches("[45]\\d\\d"))
                    .forEach(response -> assertThat(response.getValue()
                                    .at("/content/application~1problem+json/schema/$ref")
                                    .asString())
                            .isEqualTo("#/components/schemas/Problem"));
        });
        assertThat(api.at("/paths/~1messages/post/responses").propertyNames()).contains("400", "413", "415", "503");
        Answer swagger = facade.get("/swagger-ui/index.html");
        assertThat(swagger.status()).isEqualTo(200);
        assertThat(swagger.contentType()).startsWith("text/html");
        assertThat(facade.get("/").body()).contains("<title>Hazelog</title>");
    }

    @Test
    void theTerminalCommandsGiveTheApisAnswers(Launcher launcher) {
        JsonNode sent = JsonMapper.builder().build().readTree(launcher.run("send", "from the terminal"));
        String id = sent.path("id").asString();

        assertThat(facade.get("/messages/" + id).json().path("msg").asString()).isEqualTo("from the terminal");
        assertThat(sent.path("storedBy").asString()).matches("logging-[123]");
        assertThat(launcher.run("messages")).contains(id, "from the terminal");
        Launcher.Result refused = launcher.tryRun("send", " ");
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.output()).contains("\"status\":400");
    }

    static Stream<Arguments> badRequests() {
        String oversized = "{\"msg\": \"" + "x".repeat(64 * 1024 + 1) + "\"}";
        byte[] notUtf8 = {(byte) 0xC3, (byte) 0x28};
        return Stream.of(
                post("/send_to_logging_service", "application/json", "{\"msg\": ", 400),
                post("/send_to_logging_service", "application/json", "[\"msg\"]", 400),
                post("/send_to_logging_service", "application/json", "", 400),
                post("/send_to_logging_service", "application/json", "{}", 400),
                post("/send_to_logging_service", "application/json", "{\"msg\": \"  \"}", 400),
                post("/send_to_logging_service", "application/json", "{\"msg\": 42}", 400),
                post("/send_to_logging_service", "application/json", "{\"msg\": null}", 400),
                post("/send_to_logging_service", "application/json", oversized, 413),
                post("/send_to_logging_service", "text/plain", "hello", 415),
                post("/send_to_logging_service", null, "{\"msg\": \"hello\"}", 415),
                post("/messages", "application/json", "{\"msg\": \"\\udc00\"}", 400),
                post("/messages", "application/json", "{\"msg\": \"a\\u0000b\"}", 400),
                post("/messages", "text/plain", "a\0b", 400),
                post("/messages", "application/json", "[{\"msg\": \"fine\"}, {\"msg\": 42}]", 400),
                post("/messages", "application/json", "[{\"msg\": \"fine\"}, \"bare text\"]", 400),
                post("/messages", "application/json", "[]", 400),
                post("/messages", "application/json", "\"just a string\"", 400),
                post("/messages", "text/plain", "", 400),
                post("/messages", "text/plain", " \n ", 400),
                post("/messages", "text/plain", "x".repeat(64 * 1024 + 1), 413),
                Arguments.of("POST /messages text/plain, not UTF-8", "POST", "/messages", "text/plain", notUtf8, 400),
                post("/messages", "application/xml", "<msg>hello</msg>", 415),
                post("/messages", "\"application/json\"", "{\"msg\": \"quoted type\"}", 415),
                post("/send_to_logging_service", "\"/!", "{\"msg\": \"broken type\"}", 415),
                Arguments.of("GET /messages/not-a-uuid", "GET", "/messages/not-a-uuid", null, null, 400),
                Arguments.of("GET /messages/<unknown>", "GET", "/messages/" + UUID.randomUUID(), null, null, 404),
                Arguments.of("GET /nope", "GET", "/nope", null, null, 404),
                Arguments.of("GET /messages?limit=0", "GET", "/messages?limit=0", null, null, 400),
                Arguments.of("GET /messages?limit=x", "GET", "/messages?limit=x", null, null, 400),
                Arguments.of("GET /messages?limit=x&limit=5", "GET", "/messages?limit=x&limit=5", null, null, 400),
                Arguments.of("GET /messages/latest?limit=1001", "GET", "/messages/latest?limit=1001", null, null, 400),
                Arguments.of(
                        "GET /messages?after=<unknown>",
                        "GET",
                        "/messages?after=" + UUID.randomUUID(),
                        null,
                        null,
                        400),
                Arguments.of("DELETE /messages", "DELETE", "/messages", null, null, 405),
                Arguments.of("GET /send_to_logging_service", "GET", "/send_to_logging_service", null, null, 405));
    }

    private static Arguments post(String path, String contentType, String body, int status) {
        String shown = body.length() > 40 ? body.substring(0, 40) + "…" : body;
        return Arguments.of(
                "POST %s %s %s".formatted(path, contentType, shown),
                "POST",
                path,
                contentType,
                body.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                status);
    }

    /** A URL no HTTP client library sends, so it goes out as raw bytes. */
    @Test
    void aMalformedQueryIsAProblem(Launcher launcher) {
        assertProblem(new RawHttp(launcher.url("facade")).send("GET", "/messages?limit=%zz", null), 400);
    }

    @ParameterizedTest(name = "{0} → {5}")
    @MethodSource("badRequests")
    void aBadRequestIsAProblemAndStoresNothing(
            String name, String method, String path, String contentType, byte[] body, int status) {
        int before = storedCount();

        Answer answer = "POST".equals(method)
                ? facade.post(path, contentType, BodyPublishers.ofByteArray(body))
                : facade.send(method, path);

        assertProblem(answer, status);
        assertThat(storedCount()).isEqualTo(before);
    }

    private int storedCount() {
        return facade.get("/messages").json().path("messages").size();
    }
}
