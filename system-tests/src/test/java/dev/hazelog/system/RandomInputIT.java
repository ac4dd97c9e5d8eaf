package dev.hazelog.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hazelog.shared.testing.HttpProbe;
import dev.hazelog.shared.testing.HttpProbe.Answer;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.arbitraries.StringArbitrary;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Random bodies, content types, headers and Unicode against the facade's and a logging service's routes, on the real
 * system: never a 5xx, every error a problem body, and nothing stored by a request that was refused.
 */
class RandomInputIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static Launcher launcher;

    @BeforeContainer
    static void start() {
        launcher = new Launcher();
        launcher.up();
    }

    @AfterContainer
    static void stop() {
        launcher.close();
    }

    record Request(String service, String path, String contentType, byte[] body, List<String> headers) {

        @Override
        public String toString() {
            String text = new String(body, StandardCharsets.UTF_8);
            return "POST %s%s [%s] %s %s"
                    .formatted(
                            service,
                            path,
                            contentType,
                            text.length() > 80 ? text.substring(0, 80) + "…" : text,
                            headers);
        }
    }

    @Property(tries = 300)
    void neverAServerErrorAndNothingStoredWhenRefused(@ForAll("requests") Request request) {
        HttpProbe service = launcher.http(request.service());
        int before = storedCount();

        Answer answer;
        try {
            answer = service.post(
                    request.path(),
                    request.contentType(),
                    BodyPublishers.ofByteArray(request.body()),
                    request.headers().toArray(String[]::new));
        } catch (IllegalArgumentException e) {
            Assume.that(false); // a header value no HTTP client may send
            return;
        }

        assertThat(answer.status()).as("%s → %s", request, answer).isLessThan(500);
        if (answer.status() >= 400) {
            assertThat(answer.contentType()).as("%s → %s", request, answer).startsWith("application/problem+json");
            assertThat(storedCount())
                    .as("stored after %s → %s", request, answer)
                    .isEqualTo(before);
        }
    }

    @Provide
    Arbitrary<Request> requests() {
        Arbitrary<String> route =
                Arbitraries.of("facade /send_to_logging_service", "facade /messages", "logging-1 /fetching_message");
        Arbitrary<String> contentType = Arbitraries.oneOf(
                Arbitraries.of(
                        "application/json",
                        "application/json; charset=UTF-8",
                        "application/json; charset=bogus",
                        "text/plain",
                        "text/plain; charset=UTF-8",
                        "text/plain; charset=ISO-8859-1",
                        "text/plain; charset=bogus",
                        "text/plain; charset=",
                        "application/xml",
                        "application/x-www-form-urlencoded",
                        "multipart/form-data; boundary=x",
                        "*/*",
                        "no/such"),
                headerValues().ofMaxLength(30));
        return Combinators.combine(route, contentType, bodies(), headers()).as((where, type, body, headers) -> {
            String[] parts = where.split(" ");
            return new Request(parts[0], parts[1], type.isEmpty() ? null : type, body, headers);
        });
    }

    private Arbitrary<byte[]> bodies() {
        Arbitrary<String> anyText = Arbitraries.strings().all().ofMaxLength(200);
        Arbitrary<String> jsonValue = Arbitraries.oneOf(
                anyText.map(JSON::writeValueAsString),
                Arbitraries.of("42", "-1.5e300", "true", "null", "[]", "{}", "[\"a\"]", "{\"msg\":\"nested\"}"));
        Arbitrary<String> uuid = Arbitraries.oneOf(
                Arbitraries.create(() -> UUID.randomUUID().toString()), anyText, Arbitraries.just("1-1-1-1-1"));
        Arbitrary<String> json = Arbitraries.oneOf(
                jsonValue.map(msg -> "{\"msg\": " + msg + "}"),
                Combinators.combine(uuid, jsonValue)
                        .as((id, msg) -> "{\"UUID\": " + JSON.writeValueAsString(id) + ", \"msg\": " + msg + "}"),
                jsonValue,
                anyText);
        return Arbitraries.oneOf(
                json.map(text -> text.getBytes(StandardCharsets.UTF_8)),
                anyText.map(text -> text.getBytes(StandardCharsets.UTF_8)),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(300));
    }

    private Arbitrary<List<String>> headers() {
        Arbitrary<String> key = headerValues().ofMaxLength(300);
        return Combinators.combine(key.injectNull(0.5), Arbitraries.of(true, true, true, false))
                .as((idempotencyKey, withToken) -> {
                    List<String> headers = new ArrayList<>();
                    if (idempotencyKey != null) {
                        headers.addAll(List.of("Idempotency-Key", idempotencyKey));
                    }
                    if (withToken) {
                        headers.addAll(List.of("X-Hazelog-Token", launcher.writeToken()));
                    }
                    return headers;
                });
    }

    /** What an HTTP client can put in a header: printable ASCII, tabs, and Latin-1 beyond ASCII. */
    private static StringArbitrary headerValues() {
        return Arbitraries.strings().withCharRange(' ', '~').withChars('\t', 'é', 'ÿ');
    }

    private static int storedCount() {
        return launcher.http("facade").get("/messages").json().path("messages").size();
    }
}
