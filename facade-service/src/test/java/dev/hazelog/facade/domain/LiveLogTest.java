package dev.hazelog.facade.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.hazelog.shared.wire.MessageView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LiveLogTest {

    private static final Duration WAIT = Duration.ofMillis(50);
    private static final String PROBE = "probe ";

    private final FacadeFixture fixture = new FacadeFixture();
    private final LiveLog live = new LiveLog(fixture.reader, MessageView::msg, 5, 1 << 20, Duration.ofMillis(5));

    @Test
    void aNewFollowerGetsTheMessagesStoredAfterItCameInOrderAndNothingBefore() throws InterruptedException {
        fixture.writer.send("before", null);
        try (Follower follower = live.follow(null)) {
            awaitReading(follower);
            for (int i = 0; i < 3; i++) {
                fixture.writer.send("after " + i, null);
            }

            assertThat(texts(take(follower, 3))).containsExactly("after 0", "after 1", "after 2");
            assertThat(follower.next(WAIT)).isEmpty();
            assertThat(fixture.logging.stored).extracting(MessageView::msg).contains("before");
        }
    }

    @Test
    void aFollowerThatComesBackAfterAMessageGetsEveryOneAfterItOnce() throws InterruptedException {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ids.add(fixture.writer.send("m" + i, null).id());
        }
        try (Follower watching = live.follow(null);
                Follower back = live.follow(ids.get(2))) {
            awaitReading(watching);
            fixture.writer.send("m8", null);
            fixture.writer.send("m9", null);

            assertThat(texts(take(back, 7))).containsExactly("m3", "m4", "m5", "m6", "m7", "m8", "m9");
            assertThat(take(back, 0)).isEmpty();
            assertThat(texts(take(watching, 2))).containsExactly("m8", "m9");
        }
    }

    @Test
    void aFollowerFurtherBehindThanTheKeptMessagesIsToldSo() throws InterruptedException {
        try (Follower slow = live.follow(null);
                Follower reading = live.follow(null)) {
            awaitReading(reading);
            for (int i = 0; i < 8; i++) {
                fixture.writer.send("m" + i, null);
                assertThat(texts(take(reading, 1))).containsExactly("m" + i);
            }

            assertThatThrownBy(() -> slow.next(WAIT)).isInstanceOf(FellBehindException.class);
        }
    }

    @Test
    void anUnknownMessageToGoOnFromIsRefused() {
        assertThatThrownBy(() -> live.follow(UUID.randomUUID())).isInstanceOf(RefusedException.class);
    }

    /**
     * Stores probes until the follower gets one: the reader has then found where the log ends, and every message stored
     * from now on is one the follower gets. Probes stored before it had are passed over, the others read here.
     */
    private void awaitReading(Follower follower) {
        List<String> probes = new ArrayList<>();
        List<String> got = new ArrayList<>();
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            if (got.isEmpty()) {
                probes.add(PROBE + probes.size());
                fixture.writer.send(probes.getLast(), null);
            }
            got.addAll(texts(follower.next(WAIT)));
            return !got.isEmpty() && got.getLast().equals(probes.getLast());
        });
    }

    /** The next messages but the probes, until there are {@code count}. */
    private static List<LiveLog.Rendered> take(Follower follower, int count) {
        List<LiveLog.Rendered> taken = new ArrayList<>();
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            follower.next(WAIT).stream()
                    .filter(message -> !message.message().msg().startsWith(PROBE))
                    .forEach(taken::add);
            return taken.size() >= count;
        });
        return taken;
    }

    private static List<String> texts(List<LiveLog.Rendered> messages) {
        return messages.stream().map(message -> message.message().msg()).toList();
    }
}
