package dev.hazelog.facade.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.hazelog.shared.wire.MessageView;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RecentMessagesTest {

    @Test
    void theOldestLeaveAsNewOnesComeAndTheNumbersGoOnAcrossTheRing() {
        RecentMessages recent = new RecentMessages(4, 1_000);

        recent.add(messages(0, 3));
        recent.add(messages(3, 10));

        assertThat(recent.first()).isEqualTo(6);
        assertThat(recent.end()).isEqualTo(10);
        assertThat(texts(recent.from(6, 100))).containsExactly("m6", "m7", "m8", "m9");
        assertThat(texts(recent.from(7, 2))).containsExactly("m7", "m8");
        assertThat(recent.from(10, 100)).isEmpty();
    }

    @Test
    void longMessagesLeaveWhenTheirBytesPassTheLimit() {
        RecentMessages recent = new RecentMessages(100, 5);

        recent.add(messages(0, 4)); // m0..m3: two bytes each

        assertThat(recent.first()).isEqualTo(2);
        assertThat(texts(recent.from(2, 100))).containsExactly("m2", "m3");
    }

    @Test
    void aKeptMessageIsFoundByItsIdAndAForgottenOneIsNot() {
        RecentMessages recent = new RecentMessages(3, 1_000);
        List<LiveLog.Rendered> messages = messages(0, 5);
        recent.add(messages);

        assertThat(recent.numberOf(idOf(messages.get(4)))).isEqualTo(4);
        assertThat(recent.numberOf(idOf(messages.get(2)))).isEqualTo(2);
        assertThat(recent.numberOf(idOf(messages.get(1)))).isEqualTo(-1);
    }

    @Test
    void aReaderWhoseMessagesLeftIsToldItFellBehind() {
        RecentMessages recent = new RecentMessages(3, 1_000);
        recent.add(messages(0, 5));

        assertThatThrownBy(() -> recent.from(1, 100))
                .isInstanceOf(FellBehindException.class)
                .hasMessageContaining("fell 1 messages behind");
    }

    @Test
    void aWaitingReaderWakesWhenMessagesAreAddedAndMissesNoneAddedBeforeItWaited() {
        RecentMessages recent = new RecentMessages(10, 1_000);
        int counted = recent.additions();
        Thread waiting = Thread.ofVirtual().start(() -> awaitAddition(recent, counted));
        recent.add(messages(0, 1));
        await().atMost(Duration.ofSeconds(5)).until(() -> !waiting.isAlive());

        int countedBefore = recent.additions();
        recent.add(messages(1, 2));
        Thread late = Thread.ofVirtual().start(() -> awaitAddition(recent, countedBefore));
        await().atMost(Duration.ofSeconds(5)).until(() -> !late.isAlive());
    }

    private static void awaitAddition(RecentMessages recent, int counted) {
        try {
            recent.awaitAdditionAfter(counted, Duration.ofMinutes(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void clearingForgetsEveryMessageButNotTheNumbers() {
        RecentMessages recent = new RecentMessages(3, 1_000);
        recent.add(messages(0, 5));

        recent.clear();
        recent.add(messages(5, 6));

        assertThat(recent.first()).isEqualTo(5);
        assertThat(texts(recent.from(5, 100))).containsExactly("m5");
    }

    private static List<LiveLog.Rendered> messages(int from, int to) {
        return IntStream.range(from, to)
                .mapToObj(i -> new MessageView(UUID.randomUUID().toString(), "m" + i, Instant.EPOCH, "logging-1"))
                .map(message -> new LiveLog.Rendered(message, message.msg().getBytes(StandardCharsets.UTF_8)))
                .toList();
    }

    private static UUID idOf(LiveLog.Rendered rendered) {
        return UUID.fromString(rendered.message().id());
    }

    private static List<String> texts(List<LiveLog.Rendered> messages) {
        return messages.stream().map(message -> message.message().msg()).toList();
    }
}
