package dev.hazelog.logging.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hazelog.logging.domain.MessageHistory.Page;
import dev.hazelog.logging.domain.StoredMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class WindowScanTest {

    /** Messages at the given acceptance times (microseconds), answering range queries and counting them. */
    private static final class Stored implements WindowScan.Range {

        final List<StoredMessage> messages;
        final List<Integer> answered = new ArrayList<>();

        Stored(long... micros) {
            messages = IntStream.range(0, micros.length)
                    .mapToObj(i -> new StoredMessage(
                            "id-%06d".formatted(i), "m" + i, Instant.EPOCH.plusNanos(micros[i] * 1000), "logging-1"))
                    .toList();
        }

        @Override
        public Collection<StoredMessage> between(long fromMicros, long toMicros) {
            List<StoredMessage> found = messages.stream()
                    .filter(message -> {
                        long at = micros(message);
                        return at >= fromMicros && at <= toMicros;
                    })
                    .toList()
                    .reversed(); // a map answers in no particular order
            answered.add(found.size());
            return found;
        }
    }

    private static long micros(StoredMessage message) {
        return message.acceptedAt().getEpochSecond() * 1_000_000
                + message.acceptedAt().getNano() / 1000;
    }

    private static long[] everyMillisecond(int count, long fromMicros) {
        return IntStream.range(0, count).mapToLong(i -> fromMicros + i * 1000L).toArray();
    }

    private static List<String> texts(List<StoredMessage> messages) {
        return messages.stream().map(StoredMessage::text).toList();
    }

    @Test
    void aPageIsTheNextMessagesAfterTheCursorInAcceptanceOrder() {
        Stored stored = new Stored(everyMillisecond(50, 1_000_000));
        StoredMessage cursor = stored.messages.get(9);

        Page page = new WindowScan(stored).forward(micros(cursor), cursor, 5, 10_000_000);

        assertThat(texts(page.messages())).containsExactly("m10", "m11", "m12", "m13", "m14");
        assertThat(page.more()).isTrue();
    }

    @Test
    void theLastPageSaysNothingFollows() {
        Stored stored = new Stored(everyMillisecond(7, 1_000_000));

        Page page = new WindowScan(stored).forward(1_000_000, null, 10, 2_000_000);

        assertThat(texts(page.messages())).containsExactly("m0", "m1", "m2", "m3", "m4", "m5", "m6");
        assertThat(page.more()).isFalse();
    }

    @Test
    void aSparseStoreIsCrossedByWideningTheWindow() {
        Stored stored = new Stored(1_000_000, 1_000_000 + 3_600_000_000L, 1_000_000 + 7_200_000_000L);

        Page page = new WindowScan(stored).forward(1_000_000, null, 2, 1_000_000 + 10_000_000_000L);

        assertThat(texts(page.messages())).containsExactly("m0", "m1");
        assertThat(page.more()).isTrue();
        assertThat(stored.answered).hasSizeLessThan(12);
    }

    @Test
    void eachQueryTouchesAboutAPageHoweverManyAreStored() {
        Stored stored = new Stored(everyMillisecond(100_000, 1_000_000));
        StoredMessage cursor = stored.messages.get(50_000);

        Page page = new WindowScan(stored).forward(micros(cursor), cursor, 100, 1_000_000_000);

        assertThat(page.messages()).hasSize(100);
        assertThat(stored.answered).allSatisfy(found -> assertThat(found).isLessThanOrEqualTo(4 * 100));
    }

    @Test
    void theLatestAreTheLastMessagesInAcceptanceOrder() {
        Stored stored = new Stored(everyMillisecond(1_000, 1_000_000));
        long present = 1_000_000 + 1_000 * 1000L;

        List<StoredMessage> latest = new WindowScan(stored).backward(present, present, 3);

        assertThat(texts(latest)).containsExactly("m997", "m998", "m999");
        assertThat(stored.answered).as("the first window already holds them").hasSize(1);
    }

    @Test
    void theLatestOfFewerMessagesThanAskedAreAllOfThem() {
        Stored stored = new Stored(5_000_000, 9_000_000);

        List<StoredMessage> latest = new WindowScan(stored).backward(10_000_000, 10_000_000, 20);

        assertThat(texts(latest)).containsExactly("m0", "m1");
    }

    @Test
    void aWindowWidensByDensity() {
        assertThat(WindowScan.widened(100, 0, 10)).isEqualTo(1_600);
        assertThat(WindowScan.widened(100, 9, 10)).isEqualTo(200);
        assertThat(WindowScan.widened(100, 2, 100)).isEqualTo(10_000);
    }
}
