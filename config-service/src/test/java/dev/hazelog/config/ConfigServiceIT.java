package dev.hazelog.config;

import static dev.hazelog.shared.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hazelog.config.domain.InvalidInstancesFileException;
import dev.hazelog.shared.testing.HttpProbe;
import dev.hazelog.shared.testing.HttpProbe.Answer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class ConfigServiceIT {

    @Value("http://127.0.0.1:${local.server.port}")
    String baseUrl;

    @TempDir
    Path dir;

    @Test
    void servesTheInstancesInTheOriginalShape() {
        Answer answer = new HttpProbe(baseUrl).get("/all_ports");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("log_s").valueStream().map(node -> node.asString()))
                .containsExactly("http://127.0.0.1:5002", "http://127.0.0.1:5003", "http://127.0.0.1:5004");
        assertThat(answer.json().path("mes_s").asString()).isEqualTo("http://127.0.0.1:5005");
    }

    @Test
    void answersUnknownRoutesAndWrongMethodsWithProblems() {
        HttpProbe http = new HttpProbe(baseUrl);

        assertThat(assertProblem(http.get("/nope"), 404).path("detail").asString())
                .isEqualTo("No route GET /nope");
        assertProblem(http.send("DELETE", "/all_ports"), 405);
    }

    @Test
    void anInvalidFileStopsStartUpWithAMessageNamingIt(CapturedOutput output) throws Exception {
        Path file = Files.writeString(dir.resolve("broken.yml"), "logging-services: []");

        assertThatThrownBy(() -> new SpringApplicationBuilder(ConfigServiceApplication.class)
                        .run("--server.port=0", "--hazelog.config.instances-file=file:" + file))
                .hasRootCauseInstanceOf(InvalidInstancesFileException.class);
        assertThat(output)
                .contains(
                        "Cannot use the instances file file:" + file + ": 'logging-services' must be a non-empty list")
                .contains("hazelog.config.instances-file");
    }
}
