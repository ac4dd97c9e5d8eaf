package dev.hazelog.shared.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MessageIdsTest {

    @Test
    void parsesCanonicalUuidsInEitherCase() {
        UUID id = UUID.randomUUID();
        assertThat(MessageIds.parse("UUID", id.toString())).isEqualTo(id);
        assertThat(MessageIds.parse("UUID", id.toString().toUpperCase())).isEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "1-1-1-1-1",
                "not-a-uuid",
                "123e4567e89b12d3a456426614174000",
                " 123e4567-e89b-12d3-a456-426614174000"
            })
    void rejectsAnythingElseNamingTheField(String raw) {
        assertThatThrownBy(() -> MessageIds.parse("UUID", raw))
                .isInstanceOf(ProblemException.class)
                .hasMessageContaining("\"UUID\" must be a UUID");
    }

    @Test
    void rejectsAMissingId() {
        assertThatThrownBy(() -> MessageIds.parse("UUID", null))
                .isInstanceOf(ProblemException.class)
                .hasMessageContaining("required");
    }
}
