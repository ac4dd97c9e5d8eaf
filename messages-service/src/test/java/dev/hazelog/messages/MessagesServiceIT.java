package dev.hazelog.messages;

import static dev.hazelog.shared.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hazelog.shared.testing.HttpProbe;
import dev.hazelog.shared.testing.HttpProbe.Answer;
import dev.hazelog.shared.testing.RawHttp;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class MessagesServiceIT {

    @Value("http://127.0.0.1:${local.server.port}")
    String baseUrl;

    @Test
    void answersTheOriginalStaticText() {
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

    /** What a hostile client found: Tomcat's HTML pages, and parsers of bodies no route takes, answering 500. */
    @ParameterizedTest(name = "{0} {1} [{2}] → {4}")
    @CsvSource(
            delimiter = '|',
            nullValues = "-",
            value = {
                "POST   | /message_handler       | multipart/form-data               | x      | 405",
                "POST   | /nowhere               | multipart/form-data               | x      | 404",
                "PUT    | /message_handler       | application/x-www-form-urlencoded | a=%zz  | 405",
                "DELETE | /nowhere               | application/x-www-form-urlencoded | a=%zz  | 404",
                "GET    | /%ff%fe                | -                                 | -      | 400",
                "GET    | /a%zzb                 | -                                 | -      | 400",
                "CONNECT| /message_handler       | -                                 | -      | 405",
                "GET    | /error                 | -                                 | -      | 404",
                "POST   | /message_handler       | */*                               | {}     | 415",
                "GET    | /message_handler.json  | text/plain; charset=              | -      | 415",
                "GET    | /message_handler       | text/plain; charset=bogus         | -      | 415",
            })
    void answersMalformedRequestsWithProblems(
            String method, String target, String contentType, String body, int status) {
        RawHttp http = new RawHttp(baseUrl);
        byte[] bytes = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
        String[] headers = contentType == null ? new String[0] : new String[] {"Content-Type", contentType};

        assertProblem(http.send(method, target, bytes, headers), status);
    }

    @Test
    void answersRequestsOverTomcatsLimitsWithProblems() {
        RawHttp http = new RawHttp(baseUrl);
        String tooLong = "x".repeat(20_000);

        assertProblem(http.send("GET", "/message_handler?q=" + tooLong, null), 414);
        assertProblem(http.send("GET", "/message_handler", null, "X-Large", tooLong), 431);
    }

    @Test
    void reportsHealthForProbes() {
        HttpProbe http = new HttpProbe(baseUrl);

        assertThat(http.get("/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(http.get("/actuator/health/readiness").status()).isEqualTo(200);
    }
}
