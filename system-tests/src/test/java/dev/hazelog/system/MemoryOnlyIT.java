package dev.hazelog.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hazelog.shared.testing.HttpProbe;
import dev.hazelog.shared.testing.SearchContract;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Search and trim through the facade of a system whose logging services keep the messages in their members' memory
 * only ({@code HAZELOG_STORE=memory}), with at most {@value #MAX_MESSAGES} messages kept: every search first, then
 * the log filled past its limit.
 */
@SecondLane.Member
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MemoryOnlyIT implements SearchContract {

    private static final int MAX_MESSAGES = 200;

    private Launcher launcher;
    private HttpProbe facade;

    @BeforeAll
    void start() {
        launcher = new Launcher(Map.of(
                "HAZELOG_STORE", "memory",
                "HAZELOG_RETENTION_MAX_MESSAGES", String.valueOf(MAX_MESSAGES),
                "HAZELOG_RETENTION_INTERVAL", "1s"));
        launcher.up();
        facade = launcher.http("facade");
    }

    @AfterAll
    void stop() {
        if (launcher != null) {
            launcher.close();
        }
    }

    @Override
    public HttpProbe searched() {
        return facade;
    }

    @Override
    public List<Stored> store(List<String> texts) {
        return SearchIT.storeThrough(facade, texts);
    }

    @Test
    @Order(Integer.MAX_VALUE) // after the searches, whose messages it trims
    void pastTheLimitTheOldestLeaveTheMembersAndTheNewestStay() {
        int before = facade.messageIds().size();
        assertThat(before).as("messages the searches stored").isBetween(1, MAX_MESSAGES);
        List<String> posted = new ArrayList<>();
        for (int batch = 0; batch < 3; batch++) {
            posted.addAll(postHundred("trimmed " + batch));
        }
        List<String> newest = posted.subList(posted.size() - MAX_MESSAGES, posted.size());

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(facade.messageIds()).isEqualTo(newest));
        assertThat(facade.get("/messages/" + posted.getFirst()).status()).isEqualTo(404);
        assertThat(facade.get("/messages/" + newest.getFirst()).status()).isEqualTo(200);
        assertThat(launcher.status())
                .contains("Retention: " + (before + posted.size() - MAX_MESSAGES) + " messages removed");
    }

    /** A hundred messages in one batch; their ids in the batch's order, which is their acceptance order. */
    private List<String> postHundred(String text) {
        String body = "[" + String.join(",", Collections.nCopies(100, "{\"msg\": \"" + text + "\"}")) + "]";
        HttpProbe.Answer answer = facade.postJson("/messages", body);
        assertThat(answer.status()).as("%s", answer).isEqualTo(201);
        return answer.json()
                .path("messages")
                .valueStream()
                .map(message -> message.path("id").asString())
                .toList();
    }
}
