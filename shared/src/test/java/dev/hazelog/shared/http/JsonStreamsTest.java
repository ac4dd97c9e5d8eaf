package dev.hazelog.shared.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.json.JsonMapper;

class JsonStreamsTest {

    private final JsonMapper json = JsonMapper.builder().build();

    private static Stream<String> failingAfter(String... items) {
        return Stream.concat(Stream.of(items), Stream.generate(() -> {
            throw new IllegalStateException("the database did not answer");
        }));
    }

    private static String written(StreamingResponseBody body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThatThrownBy(() -> body.writeTo(out)).hasMessageContaining("did not answer");
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aCompleteListIsOneJsonObject() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonStreams.list(json, "messages", Stream.of("a", "b"), Map.of("more", 1))
                .getBody()
                .writeTo(out);

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("{\"messages\":[\"a\",\"b\"],\"more\":1}");
    }

    @Test
    void aListThatFailsHalfWayIsLeftUnfinishedNotClosedAsIfComplete() {
        String body = written(JsonStreams.list(json, "messages", failingAfter("a", "b"), Map.of())
                .getBody());

        assertThat(body).startsWith("{\"messages\":[\"a\",\"b\"").doesNotContain("]");
    }

    @Test
    void aJoinedTextThatFailsHalfWayIsLeftUnfinished() {
        String body = written(JsonStreams.joined(json, "all_msgs", failingAfter("a", "b"), ", ", "\nend")
                .getBody());

        assertThat(body).startsWith("{\"all_msgs\":\"a, b").doesNotEndWith("}");
    }
}
