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
    /** How long a failed logging service is skipped in the outage tests: they end when it answers again. */
    private static final Duration SKIPPED_FOR = Duration.ofMillis(10);

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
    void theReaderGoesOnAfterNoLoggingServiceAnsweredForAWhile() throws InterruptedException {
        FacadeFixture outage = new FacadeFixture(SKIPPED_FOR);
        LiveLog live = new LiveLog(outage.reader, MessageView::msg, 5, 1 << 20, Duration.ofMillis(5));
        try (Follower follower = live.follow(null)) {
            awaitReading(outage, follower);
            bothDownForTwoLooks(outage);
            sendOnceAnswered(outage, "after the outage");

            assertThat(texts(take(follower, 1))).containsExactly("after the outage");
        }
    }

    @Test
    void aFollowerCatchingUpWaitsOutAnOutageAndMissesNothing() throws InterruptedException {
        FacadeFixture outage = new FacadeFixture(SKIPPED_FOR);
        LiveLog live = new LiveLog(outage.reader, MessageView::msg, 5, 1 << 20, Duration.ofMillis(5));
        UUID first = outage.writer.send("m0", null).id();
        for (int i = 1; i <= LiveLog.PAGE + 1; i++) {
            outage.writer.send("m" + i, null);
        }
        try (Follower follower = live.follow(first)) {
            assertThat(follower.next(WAIT)).as("the first page, read at once").hasSize(LiveLog.PAGE);
            outage.logging.down.addAll(List.of(FacadeFixture.L1, FacadeFixture.L2));

            assertThat(follower.next(WAIT))
                    .as("while no logging service answers")
                    .isEmpty();
            outage.logging.down.clear();
            sendOnceAnswered(outage, "after the outage");
            assertThat(texts(take(follower, 2))).containsExactly("m" + (LiveLog.PAGE + 1), "after the outage");
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
        awaitReading(fixture, follower);
    }

    private static void awaitReading(FacadeFixture fixture, Follower follower) {
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

    /** Every logging service down until the reader has tried twice in vain, each try three attempts at each. */
    private static void bothDownForTwoLooks(FacadeFixture fixture) {
        int before = fixture.logging.called.size();
        fixture.logging.down.addAll(List.of(FacadeFixture.L1, FacadeFixture.L2));
        await().atMost(Duration.ofSeconds(5)).until(() -> fixture.logging.called.size() >= before + 12);
        fixture.logging.down.clear();
    }

    /** Sent again while the logging services are still skipped for failing: a refused send stores nothing. */
    private static void sendOnceAnswered(FacadeFixture fixture, String text) {
        await().atMost(Duration.ofSeconds(5))
                .ignoreException(NoInstanceAvailableException.class)
                .until(() -> fixture.writer.send(text, null) != null);
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
