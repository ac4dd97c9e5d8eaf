package dev.hazelog.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hazelog.shared.testing.HttpProbe;
import java.time.Duration;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * A place in a log that several tests share: the messages accepted after it are the ones added since. The log lists
 * its messages in acceptance order, so they are the pages that follow the message that was the last at the mark.
 */
final class LogMark {

    private final HttpProbe facade;
    /** The last message at the mark; null when the log was empty. */
    private final String lastId;

    private LogMark(HttpProbe facade, String lastId) {
        this.facade = facade;
        this.lastId = lastId;
    }

    static LogMark now(HttpProbe facade) {
        JsonNode latest = facade.get("/messages/latest?limit=1").json().path("messages");
        return new LogMark(
                facade, latest.isEmpty() ? null : latest.get(0).path("id").asString());
    }

    /** Hands over every message accepted since the mark, in acceptance order, read a page at a time. */
    void forEachSince(Consumer<JsonNode> action) {
        String after = lastId;
        do {
            String page = "/messages?limit=1000" + (after == null ? "" : "&after=" + after);
            // A 503 refuses a page for a moment (Retry-After: 1): a database that paused past the store's timeout
            // under the writes before is taken for down until a probe gets an answer. A client reads it again.
            HttpProbe.Answer answer = await().atMost(Duration.ofSeconds(30))
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> facade.get(page), refused -> refused.status() != 503);
            // A refused page names no next one: read on regardless, this would start again from the first for ever.
            assertThat(answer.status()).as("a page of the log: %s", answer).isEqualTo(200);
            JsonNode body = answer.json();
            body.path("messages").forEach(action);
            after = body.path("next").isNull() ? null : body.path("next").asString();
        } while (after != null);
    }

    int countSince() {
        int[] count = {0};
        forEachSince(message -> count[0]++);
        return count[0];
    }
}
