package dev.hazelog.shared.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hazelog.shared.testing.HttpProbe.Answer;
import tools.jackson.databind.JsonNode;

/** What every error answer must be: RFC 9457, the right status, and nothing internal in it. */
public final class ProblemAssertions {

    private ProblemAssertions() {}

    public static JsonNode assertProblem(Answer answer, int status) {
        assertThat(answer.status()).as("status of %s", answer).isEqualTo(status);
        assertThat(answer.contentType()).as("content type of %s", answer).startsWith("application/problem+json");
        JsonNode problem = answer.json();
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asString()).isNotBlank();
        assertThat(answer.body())
                .as("an error answer names no internal class and carries no stack trace")
                .doesNotContainPattern(
                        "(?i)exception|\\bat [a-z]+\\.[a-z]+\\.|java\\.|tools\\.jackson|springframework");
        return problem;
    }
}
