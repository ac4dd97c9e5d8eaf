package dev.hazelog.facade.domain;

import static dev.hazelog.facade.domain.FacadeFixture.L1;
import static dev.hazelog.facade.domain.FacadeFixture.L2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.hazelog.shared.wire.MessageView;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MessageWriterTest {

    private final FacadeFixture fixture = new FacadeFixture();

    @Test
    void everyRetryAndFailoverCarriesTheSameId() {
        fixture.logging.down.add(L1);

        for (int i = 0; i < 10; i++) {
            fixture.logging.idsSent.clear();

            MessageWriter.Receipt receipt = fixture.writer.send("m" + i, null);

            assertThat(receipt.via()).isEqualTo(L2);
            assertThat(receipt.repeat()).isFalse();
            assertThat(fixture.logging.idsSent).containsOnly(receipt.id());
        }
        assertThat(fixture.logging.called).as("L1 was tried, then skipped").contains(L1);
        assertThat(fixture.logging.stored).hasSize(10);
    }

    @Test
    void aWriteRightAfterTheDatabaseWasSaidToBeDownIsRefusedWithoutACallAndWritesResumeByThemselves() {
        fixture.logging.databaseDown = true;
        assertThatThrownBy(() -> fixture.writer.send("first", null)).isInstanceOf(DatabaseUnavailableException.class);
        int calls = fixture.logging.called.size();

        assertThatThrownBy(() -> fixture.writer.send("right after", null))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining("postgresql://db");
        assertThat(fixture.logging.called).as("no logging service asked").hasSize(calls);

        fixture.logging.databaseDown = false;
        await().atMost(Duration.ofSeconds(2))
                .ignoreExceptions()
                .untilAsserted(() ->
                        assertThat(fixture.writer.send("back", null).repeat()).isFalse());
        assertThat(fixture.logging.stored).extracting(MessageView::msg).containsExactly("back");
    }

    @Test
    void passesTheLatestAcceptanceTimeItSawWithTheNextMessage() {
        fixture.writer.send("first", null);
        fixture.writer.send("second", null);

        assertThat(fixture.logging.notBefores.getFirst()).isNull();
        assertThat(fixture.logging.notBefores.getLast())
                .isEqualTo(fixture.logging.stored.getFirst().acceptedAt());
    }

    @Test
    void spreadsMessagesOverTheInstances() {
        Set<URI> via = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            via.add(fixture.writer.send("m" + i, null).via());
        }

        assertThat(via).containsExactlyInAnyOrder(L1, L2);
    }

    @Test
    void triesHealthyInstancesFirst() {
        fixture.l1Healthy = false;

        for (int i = 0; i < 20; i++) {
            fixture.writer.send("m" + i, null);
        }

        assertThat(fixture.logging.called).containsOnly(L2);
    }

    @Test
    void theSameIdempotencyKeyGivesTheSameIdAndStoresOnce() {
        MessageWriter.Receipt first = fixture.writer.send("pay 10 EUR", "order-17");
        MessageWriter.Receipt again = fixture.writer.send("pay 10 EUR", "order-17");

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(first.repeat()).isFalse();
        assertThat(again.repeat()).isTrue();
        assertThat(fixture.logging.stored).hasSize(1);
        assertThat(fixture.writer.send("pay 10 EUR", "order-18").id()).isNotEqualTo(first.id());
        assertThat(fixture.meters.counter("hazelog.messages.accepted").count()).isEqualTo(2);
        assertThat(fixture.meters.counter("hazelog.messages.duplicates").count())
                .isEqualTo(1);
        assertThat(fixture.meters.timer("hazelog.messages.post").count()).isEqualTo(3);
        fixture.clock.set(fixture.clock.instant().plusSeconds(1));
        assertThat(fixture.writeRate.lastMinute().getLast())
                .as("stored in the last second")
                .isEqualTo(2);
    }

    @Test
    void anIdempotencyKeyReusedForAnotherMessageIsRefused() {
        fixture.writer.send("pay 10 EUR", "order-17");

        assertThatThrownBy(() -> fixture.writer.send("pay 99 EUR", "order-17"))
                .isInstanceOf(IdempotencyKeyReusedException.class);
        assertThat(fixture.logging.stored).extracting(MessageView::msg).containsExactly("pay 10 EUR");
    }

    @Test
    void aBatchIsStoredInOrderThroughOneInstance() {
        List<MessageWriter.Receipt> receipts = fixture.writer.sendAll(List.of("a", "b", "c"), null);

        assertThat(fixture.logging.stored).extracting(MessageView::msg).containsExactly("a", "b", "c");
        assertThat(receipts)
                .extracting(receipt -> receipt.id().toString())
                .containsExactlyElementsOf(
                        fixture.logging.stored.stream().map(MessageView::id).toList());
        assertThat(receipts)
                .extracting(MessageWriter.Receipt::via)
                .containsOnly(receipts.getFirst().via());
    }

    @Test
    void aRetriedKeyedBatchIsStoredOnceAndMarkedAsRepeats() {
        List<MessageWriter.Receipt> first = fixture.writer.sendAll(List.of("a", "b"), "batch-1");
        List<MessageWriter.Receipt> again = fixture.writer.sendAll(List.of("a", "b"), "batch-1");

        assertThat(again)
                .extracting(MessageWriter.Receipt::id)
                .containsExactlyElementsOf(
                        first.stream().map(MessageWriter.Receipt::id).toList());
        assertThat(again).allMatch(MessageWriter.Receipt::repeat);
        assertThat(first).noneMatch(MessageWriter.Receipt::repeat);
        assertThat(fixture.logging.stored).hasSize(2);
    }

    @Test
    void keyedIdsNeverMeetTimeOrderedOnes() {
        assertThat(MessageWriter.idFor("any key").version()).isEqualTo(3);
        assertThat(fixture.writer.send("x", null).id().version()).isEqualTo(7);
    }
}
