package dev.hazelog.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hazelog.shared.testing.HttpProbe;
import dev.hazelog.shared.testing.HttpProbe.Answer;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import tools.jackson.databind.JsonNode;

/** The original system's scenario: ten messages through the facade's original route, "msg 1" to "msg 10". */
final class OriginalScenario {

    private OriginalScenario() {}

    /**
     * Sends the ten, each answered 200, once the facade counts every logging service as healthy (its {@code /status}
     * shows the list it picks from, which follows the config service's checks by up to two seconds); their answers.
     */
    static List<JsonNode> sendTenMessages(HttpProbe facade) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(facade.get("/status")
                                .json()
                                .path("instances")
                                .valueStream()
                                .filter(instance ->
                                        instance.path("role").asString().equals("logging")))
                        .isNotEmpty()
                        .allSatisfy(instance ->
                                assertThat(instance.path("state").asString()).isEqualTo("up")));
        return IntStream.rangeClosed(1, 10)
                .mapToObj(i -> {
                    Answer answer = facade.postJson("/send_to_logging_service", "{\"msg\": \"msg " + i + "\"}");
                    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
                    return answer.json();
                })
                .toList();
    }

    /** The logging services that stored them. */
    static List<String> storedBy(List<JsonNode> answers) {
        return answers.stream()
                .map(answer -> answer.path("storedBy").asString())
                .distinct()
                .toList();
    }
}
