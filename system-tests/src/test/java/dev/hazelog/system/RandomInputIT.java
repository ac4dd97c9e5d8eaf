package dev.hazelog.system;

import static dev.hazelog.shared.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hazelog.shared.testing.HttpProbe.Answer;
import dev.hazelog.shared.testing.RawHttp;
import dev.hazelog.system.HostileRequests.Hole;
import dev.hazelog.system.HostileRequests.Request;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * A hostile client against the whole real system: random requests (see {@link HostileRequests}) to all four
 * services, sent as raw bytes. For every try: never a 5xx, every error a problem body, the log grew by exactly what
 * the answer acknowledged, and no ERROR or stack trace in any service's log. It runs on the system the other tests
 * share, counting only the messages accepted since it began.
 *
 * <p>{@code -Dhazelog.random.seed=S} replays a run (the seed is printed), {@code -Dhazelog.random.case=I} one case of
 * it, {@code -Dhazelog.random.tries=N} sets its length.
 */
@ExtendWith(RunningSystem.class)
class RandomInputIT {

    private static final long SEED =
            Long.getLong("hazelog.random.seed", ThreadLocalRandom.current().nextLong());
    private static final int TRIES = Integer.getInteger("hazelog.random.tries", 800);
    private static final Integer ONLY_CASE = Integer.getInteger("hazelog.random.case");
    /** How often a full run must meet each hole, so that a fix that works only now and then is caught. */
    private static final int EACH_HOLE_AT_LEAST = 8;

    private static Launcher launcher;
    private static LogWatch logs;
    /** The log as the first try found it: the tries are counted from here. */
    private static LogMark mark;

    @BeforeAll
    static void start(Launcher shared) {
        System.out.printf("RandomInputIT: -Dhazelog.random.seed=%d, %d tries%n", SEED, TRIES);
        launcher = shared;
        logs = new LogWatch();
        mark = LogMark.now(launcher.http("facade"));
    }

    @TestFactory
    Stream<DynamicTest> hostileRequestsGetAProblemAndStoreNothing() {
        HostileRequests generator = new HostileRequests(SEED, launcher.writeToken());
        List<Request> requests = ONLY_CASE != null ? List.of(generator.request(ONLY_CASE)) : generator.first(TRIES);
        Stream<DynamicTest> tries =
                requests.stream().map(request -> DynamicTest.dynamicTest(request.toString(), () -> check(request)));
        if (ONLY_CASE != null) {
            return tries;
        }
        Map<Hole, Integer> met = new EnumMap<>(Hole.class);
        requests.forEach(request -> request.holes().forEach(hole -> met.merge(hole, 1, Integer::sum)));
        DynamicTest coverage = DynamicTest.dynamicTest(
                "each known hole is met at least " + EACH_HOLE_AT_LEAST + " times",
                () -> assertThat(met)
                        .containsOnlyKeys(Hole.values())
                        .allSatisfy((hole, count) ->
                                assertThat(count).as(hole.name()).isGreaterThanOrEqualTo(EACH_HOLE_AT_LEAST)));
        return Stream.concat(Stream.of(coverage), tries);
    }

    private static void check(Request request) {
        String replay = "replay: -Dhazelog.random.seed=%d -Dhazelog.random.case=%d".formatted(SEED, request.index());
        int before = mark.countSince();

        Answer answer = new RawHttp(launcher.url(request.service()))
                .send(
                        request.method(),
                        request.target(),
                        request.body(),
                        request.headers().toArray(String[]::new));

        assertThat(answer.status()).as("%s → %s (%s)", request, answer, replay).isLessThan(500);
        if (answer.status() >= 400) {
            if (request.method().equals("HEAD")) {
                assertThat(answer.contentType()).as("%s (%s)", answer, replay).startsWith("application/problem+json");
            } else {
                assertProblem(answer, answer.status());
            }
        }
        int acknowledged = answer.status() < 300 && request.method().equals("POST") ? acknowledgedWrites(answer) : 0;
        assertThat(mark.countSince())
                .as("stored after %s → %s (%s)", request, answer, replay)
                .isEqualTo(before + acknowledged);
        assertThat(logs.errorsSinceLastLook())
                .as("errors logged for %s (%s)", request, replay)
                .isEmpty();
    }

    /** Messages a 2xx answer to a POST says it stored anew: a repeat or a duplicate adds nothing. */
    private static int acknowledgedWrites(Answer answer) {
        JsonNode body;
        try {
            body = answer.json();
        } catch (RuntimeException notJson) {
            return 0;
        }
        JsonNode each = body.has("messages") ? body.get("messages") : body.has("results") ? body.get("results") : null;
        Stream<JsonNode> answers = each != null && each.isArray() ? each.valueStream() : Stream.of(body);
        return (int) answers.filter(one -> one.path("repeat").isBoolean()
                        ? !one.path("repeat").asBoolean()
                        : "ok".equals(one.path("status").asString()))
                .count();
    }

    /** The lines every service has logged since the last look that are errors or stack traces. */
    private static final class LogWatch {

        private final Map<String, Long> readUpTo = new HashMap<>();

        LogWatch() {
            errorsSinceLastLook();
        }

        List<String> errorsSinceLastLook() {
            List<String> errors = new ArrayList<>();
            for (String service : Launcher.SERVICES) {
                newLines(service).stream()
                        .filter(line -> line.matches("^\\S+\\s+ERROR\\s.*") || line.startsWith("\tat "))
                        .map(line -> service + ": " + line)
                        .forEach(errors::add);
            }
            return errors;
        }

        private List<String> newLines(String service) {
            Path log = launcher.logFile(service);
            try (SeekableByteChannel channel = Files.newByteChannel(log)) {
                long from = readUpTo.getOrDefault(service, 0L);
                ByteBuffer added = ByteBuffer.allocate(Math.toIntExact(channel.size() - from));
                channel.position(from);
                while (added.hasRemaining() && channel.read(added) > 0) {}
                readUpTo.put(service, from + added.position());
                return new String(added.array(), 0, added.position(), StandardCharsets.UTF_8)
                        .lines()
                        .toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
