package dev.hazelog.shared.http;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

/**
 * What makes a message acceptable: present, not blank, well-formed Unicode without the NUL character and at most
 * {@code maxSize} bytes of UTF-8; and a batch: at most {@code maxBatch} messages. The facade and the logging services check the same rules, so a message the facade accepts is one every
 * logging service accepts.
 */
@ConfigurationProperties("hazelog.message")
public record MessageRules(
        @DefaultValue("64KB") DataSize maxSize,
        @DefaultValue("1000") int maxBatch) {

    public MessageRules {
        if (maxSize.toBytes() <= 0) {
            throw new IllegalArgumentException("hazelog.message.max-size must be positive, not " + maxSize);
        }
        if (maxBatch <= 0) {
            throw new IllegalArgumentException("hazelog.message.max-batch must be positive, not " + maxBatch);
        }
    }

    /** Checks the size of a batch, not its messages: 1 to {@code maxBatch}. */
    public void checkBatchSize(int size) {
        if (size == 0) {
            throw ProblemException.badRequest("Empty batch", "A batch needs at least one message.");
        }
        if (size > maxBatch) {
            throw new ProblemException(
                    HttpStatus.CONTENT_TOO_LARGE,
                    "Batch too large",
                    "The batch has %d messages; the limit is %d.".formatted(size, maxBatch));
        }
    }

    /** Returns the text unchanged, or throws an {@link ProblemException} that says what is wrong. */
    public String check(@Nullable String text) {
        if (text == null) {
            throw ProblemException.badRequest("Missing message", "The body needs a \"msg\" field with the text.");
        }
        if (text.isBlank()) {
            throw ProblemException.badRequest("Empty message", "The message text is empty or only white space.");
        }
        if (!isWellFormed(text)) {
            throw ProblemException.badRequest(
                    "Malformed text", "The message contains a lone UTF-16 surrogate, which is not Unicode text.");
        }
        if (text.indexOf('\0') >= 0) {
            // PostgreSQL's text cannot hold it, and a log line has no use for it: refused in both modes alike.
            throw ProblemException.badRequest("Malformed text", "The message contains the NUL character (U+0000).");
        }
        long bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > maxSize.toBytes()) {
            throw new ProblemException(
                    HttpStatus.CONTENT_TOO_LARGE,
                    "Message too large",
                    "The message is %d bytes of UTF-8; the limit is %d.".formatted(bytes, maxSize.toBytes()));
        }
        return text;
    }

    /** A lone surrogate (possible through a JSON escape like \ud800) would not survive the UTF-8 round trip. */
    private static boolean isWellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
