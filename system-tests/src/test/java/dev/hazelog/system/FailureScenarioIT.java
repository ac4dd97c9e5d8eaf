package dev.hazelog.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hazelog.shared.testing.HttpProbe;
import dev.hazelog.shared.testing.HttpProbe.Answer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The original system's failure test, on real processes and real signals: messages spread over the logging
 * services survive a SIGKILL, a restart and a SIGTERM, and the facade keeps taking new ones throughout. A client
 * follows the stream of new messages all along, and gets each of them once, in acceptance order.
 */
@ExtendWith(RunningSystem.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(2)
class FailureScenarioIT {

    private static final Duration NOTICED_WITHIN = Duration.ofSeconds(20);

    private final List<String> acknowledged = new ArrayList<>();
    private Launcher launcher;
    private HttpProbe facade;
    private EventStream stream;
    /** The logging service's process the second test SIGKILLs, which the third looks for in the kept log. */
    private long killedPid;
    /** The message the stream goes on from. */
    private String streamStart;

    @BeforeEach
    void connect(Launcher launcher) {
        this.launcher = launcher;
        this.facade = launcher.http("facade");
    }

    @AfterAll
    void hangUp() {
        if (stream != null) {
            stream.close();
        }
    }

    @Test
    @Order(1)
    void tenMessagesSpreadOverTheLoggingServicesAreAllReturned() {
        streamStart = facade.postJson("/messages", "{\"msg\": \"the stream starts after this\"}")
                .json()
                .path("id")
                .asString();
        stream = new EventStream(launcher.url("facade") + "/messages/stream?after=" + streamStart);
        List<JsonNode> answers = OriginalScenario.sendTenMessages(facade);
        answers.forEach(answer -> acknowledged.add(answer.path("id").asString()));

        assertThat(OriginalScenario.storedBy(answers))
                .as("instances that stored the ten messages")
                .hasSizeGreaterThan(1);
        assertEveryAcknowledgedMessageListedOnce(facade);
        assertThat(launcher.status()).contains("3 members");
        assertThat(launcher.log("logging-1"))
                .as("the launcher passes the JVM flags Hazelcast asks for")
                .doesNotContain("without proper access to required Java packages");
    }

    @Test
    @Order(2)
    void aSigkilledLoggingServiceLeavesTheClusterAndNothingIsLost() {
        long pid = launcher.pid("logging-2");
        killedPid = pid;

        launcher.kill("logging-2");

        assertThat(ProcessHandle.of(pid)).isEmpty();
        awaitClusterSize("logging-1", 2);
        assertEveryAcknowledgedMessageListedOnce(facade);
        postMessages(5, "after kill");
        assertEveryAcknowledgedMessageListedOnce(facade);
    }

    @Test
    @Order(3)
    void theRestartedServiceRejoinsAndSeesEverything() {
        launcher.start("logging-2");

        assertThat(launcher.logFile("logging-2").resolveSibling("logging-2.log.1"))
                .as("the killed run's log, kept beside the new one")
                .content()
                .contains("with PID " + killedPid);
        awaitClusterSize("logging-2", 3);
        assertEveryAcknowledgedMessageListedOnce(launcher.http("logging-2"));
        postMessages(5, "after restart");
        assertEveryAcknowledgedMessageListedOnce(facade);
    }

    @Test
    @Order(4)
    void aSigtermedLoggingServiceHandsOverItsDataAndLeaves() {
        long pid = launcher.pid("logging-3");

        launcher.stop("logging-3");

        assertThat(ProcessHandle.of(pid)).isEmpty();
        awaitClusterSize("logging-1", 2);
        assertEveryAcknowledgedMessageListedOnce(facade);
        postMessages(5, "after stop");
        assertEveryAcknowledgedMessageListedOnce(facade);
    }

    @Test
    @Order(5)
    void theSystemIsWholeAgainAfterwards() {
        launcher.start("logging-3");

        awaitClusterSize("logging-3", 3);
        assertEveryAcknowledgedMessageListedOnce(launcher.http("logging-3"));
        stream.awaitIds(acknowledged, NOTICED_WITHIN);
        assertThat(stream.ids())
                .as("the stream through a SIGKILL, a restart and a SIGTERM")
                .doesNotHaveDuplicates()
                .isEqualTo(facade.get("/messages?limit=1000&after=" + streamStart)
                        .json()
                        .path("messages")
                        .valueStream()
                        .map(message -> message.path("id").asString())
                        .toList());
    }

    private void postMessages(int count, String label) {
        for (int i = 1; i <= count; i++) {
            Answer answer = facade.postJson("/messages", "{\"msg\": \"" + label + " " + i + "\"}");
            assertThat(answer.status()).as("POST %s %d: %s", label, i, answer).isEqualTo(201);
            acknowledged.add(answer.json().path("id").asString());
        }
    }

    private void awaitClusterSize(String via, int size) {
        HttpProbe service = launcher.http(via);
        await().atMost(NOTICED_WITHIN)
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> assertThat(
                                service.get("/cluster").json().path("members").size())
                        .isEqualTo(size));
    }

    /** Every acknowledged id appears exactly once, whichever service is asked. */
    private void assertEveryAcknowledgedMessageListedOnce(HttpProbe service) {
        assertThat(service.messageIds()).doesNotHaveDuplicates().containsAll(acknowledged);
    }
}
