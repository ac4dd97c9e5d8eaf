package dev.hazelog.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hazelog.shared.testing.HttpProbe;
import dev.hazelog.shared.testing.HttpProbe.Answer;
import java.util.List;
import java.util.stream.IntStream;
import tools.jackson.databind.JsonNode;

/** The original system's scenario: ten messages through the facade's original route, "msg 1" to "msg 10". */
final class OriginalScenario {

    private OriginalScenario() {}

    /** Sends the ten, each answered 200; their answers, in order. */
    static List<JsonNode> sendTenMessages(HttpProbe facade) {
        return IntStream.rangeClosed(1, 10)
                .mapToObj(i -> {
                    Answer answer = facade.postJson("/send_to_logging_service", "{\"msg\": \"msg " + i + "\"}");
                    assertThat(answer.status()).isEqualTo(200);
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
