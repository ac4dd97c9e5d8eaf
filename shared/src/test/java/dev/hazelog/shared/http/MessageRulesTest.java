package dev.hazelog.shared.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

class MessageRulesTest {

    private final MessageRules rules = new MessageRules(DataSize.ofBytes(8), 3);

    @Test
    void acceptsTextUpToTheLimitInUtf8Bytes() {
        assertThat(rules.check("12345678")).isEqualTo("12345678");
    }

    @Test
    void measuresTheLimitInUtf8BytesNotCharacters() {
        assertThat(rules.check("ü€")).isEqualTo("ü€");
        assertThatThrownBy(() -> rules.check("ü€𝄞")).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.status()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
            assertThat(e.getMessage()).isEqualTo("The message is 9 bytes of UTF-8; the limit is 8.");
        });
    }

    @Test
    void rejectsAMissingMessage() {
        assertThatThrownBy(() -> rules.check(null))
                .isInstanceOfSatisfying(
                        ProblemException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST))
                .hasMessageContaining("\"msg\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t\n", "\u2003"})
    void rejectsBlankMessages(String blank) {
        assertThatThrownBy(() -> rules.check(blank))
                .isInstanceOf(ProblemException.class)
                .hasMessageContaining("empty");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\ud800", "a\udc00b", "\udc00\ud800"})
    void rejectsLoneSurrogates(String text) {
        assertThatThrownBy(() -> rules.check(text))
                .isInstanceOf(ProblemException.class)
                .hasMessageContaining("surrogate");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\0", "a\0b", "end\0"})
    void rejectsTheNulCharacter(String text) {
        assertThatThrownBy(() -> rules.check(text))
                .isInstanceOf(ProblemException.class)
                .hasMessageContaining("NUL");
    }

    @Test
    void refusesANonPositiveLimit() {
        assertThatThrownBy(() -> new MessageRules(DataSize.ofBytes(0), 3)).hasMessageContaining("max-size");
    }

    @Test
    void defaultsTo64KiB() {
        assertThat(new MessageRules(DataSize.parse("64KB"), 1000).maxSize().toBytes())
                .isEqualTo(65536);
    }

    @Test
    void acceptsBatchesOfOneToTheLimit() {
        rules.checkBatchSize(1);
        rules.checkBatchSize(3);
        assertThatThrownBy(() -> rules.checkBatchSize(0)).hasMessageContaining("at least one");
        assertThatThrownBy(() -> rules.checkBatchSize(4))
                .isInstanceOfSatisfying(
                        ProblemException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE));
    }
}
