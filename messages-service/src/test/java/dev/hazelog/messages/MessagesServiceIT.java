package dev.hazelog.messages;

import static dev.hazelog.shared.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hazelog.shared.testing.HttpProbe;
import dev.hazelog.shared.testing.HttpProbe.Answer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class MessagesServiceIT {

    @Value("http://127.0.0.1:${local.server.port}")
    String baseUrl;

    @Test
    void answersTheSeedsStaticText() {
        Answer answer = new HttpProbe(baseUrl).get("/message_handler");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{\"static_text\":\"Not implemented yet\"}");
    }

    @Test
    void answersUnknownRoutesAndWrongMethodsWithProblems() {
        HttpProbe http = new HttpProbe(baseUrl);

        assertProblem(http.get("/message_handler/extra"), 404);
        assertProblem(http.postJson("/message_handler", "{}"), 405);
    }

    @Test
    void reportsHealthForProbes() {
        HttpProbe http = new HttpProbe(baseUrl);

        assertThat(http.get("/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(http.get("/actuator/health/readiness").status()).isEqualTo(200);
    }
}
