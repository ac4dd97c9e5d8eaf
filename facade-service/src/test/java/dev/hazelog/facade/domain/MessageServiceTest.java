package dev.hazelog.facade.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hazelog.facade.domain.Instances.LoggingInstance;
import dev.hazelog.facade.domain.LoggingGateway.NewMessage;
import dev.hazelog.shared.http.ProblemException;
import dev.hazelog.shared.wire.FetchAnswer;
import dev.hazelog.shared.wire.MemberSnapshot;
import dev.hazelog.shared.wire.MessagePage;
import dev.hazelog.shared.wire.MessageView;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class MessageServiceTest {

    private static final URI L1 = URI.create("http://127.0.0.1:5002");
    private static final URI L2 = URI.create("http://127.0.0.1:5003");
    private static final URI MESSAGES = URI.create("http://127.0.0.1:5005");

    /** Logging services that store in one shared list, like the cluster; instances in {@code down} do not answer. */
    private static final class FakeLogging implements LoggingGateway {
        final List<MessageView> stored = new ArrayList<>();
        final Set<URI> down = new HashSet<>();
        final List<UUID> idsSent = new ArrayList<>();
        final List<URI> called = new ArrayList<>();
        final List<Instant> notBefores = new ArrayList<>();

        @Override
        public FetchAnswer store(URI instance, UUID id, String text, Instant notBefore) {
            notBefores.add(notBefore);
            idsSent.add(id);
            available(instance);
            Optional<MessageView> existing = find(instance, id);
            if (existing.isPresent() && !existing.get().msg().equals(text)) {
                throw new ProblemException(HttpStatus.CONFLICT, "Id already used", "taken");
            }
            if (existing.isEmpty()) {
                stored.add(new MessageView(id.toString(), text, Instant.now(), instance.toString()));
            }
            String status = existing.isPresent() ? FetchAnswer.DUPLICATE : FetchAnswer.STORED;
            Instant acceptedAt = find(instance, id).orElseThrow().acceptedAt();
            return new FetchAnswer(status, id.toString(), instance.toString(), acceptedAt);
        }

        @Override
        public List<FetchAnswer> storeAll(URI instance, List<NewMessage> messages, Instant notBefore) {
            return messages.stream()
                    .map(message -> store(instance, message.id(), message.text(), notBefore))
                    .toList();
        }

        @Override
        public Stream<MessageView> all(URI instance) {
            available(instance);
            return List.copyOf(stored).stream();
        }

        @Override
        public MessagePage page(URI instance, UUID after, int limit) {
            available(instance);
            int from = after == null ? 0 : stored.indexOf(find(instance, after).orElseThrow()) + 1;
            List<MessageView> page = stored.subList(from, Math.min(stored.size(), from + limit));
            return new MessagePage(
                    List.copyOf(page),
                    from + limit < stored.size() ? page.getLast().id() : null);
        }

        @Override
        public List<MessageView> latest(URI instance, int limit) {
            available(instance);
            return List.copyOf(stored.subList(Math.max(0, stored.size() - limit), stored.size()));
        }

        @Override
        public MemberSnapshot member(URI instance) {
            throw new UnsupportedOperationException("not read by MessageService");
        }

        @Override
        public Optional<MessageView> find(URI instance, UUID id) {
            available(instance);
            return stored.stream().filter(m -> m.id().equals(id.toString())).findFirst();
        }

        private void available(URI instance) {
            called.add(instance);
            if (down.contains(instance)) {
                throw new ServiceUnavailableException(instance, "connection refused");
            }
        }
    }

    private final FakeLogging logging = new FakeLogging();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private boolean messagesServiceDown;
    private boolean l1Healthy = true;
    private final InstanceDirectory directory = new InstanceDirectory(new InstanceSource() {
        @Override
        public Instances fetch() {
            return new Instances(
                    List.of(new LoggingInstance(L1, l1Healthy), new LoggingInstance(L2, true)), MESSAGES, List.of());
        }

        @Override
        public String describe() {
            return "test";
        }
    });
    private final MessageService service = new MessageService(
            directory,
            logging,
            messagesService -> {
                if (messagesServiceDown) {
                    throw new ServiceUnavailableException(messagesService, "connection refused");
                }
                return "Not implemented yet";
            },
            new Failover(3, Duration.ofMillis(1), Duration.ofMinutes(1), meters),
            new Random(7),
            new MessageService.WriteCombining(2, 10, 1_000_000),
            meters);

    @Test
    void everyRetryAndFailoverCarriesTheSameId() {
        logging.down.add(L1);

        for (int i = 0; i < 10; i++) {
            logging.idsSent.clear();

            MessageService.Receipt receipt = service.send("m" + i, null);

            assertThat(receipt.via()).isEqualTo(L2);
            assertThat(receipt.repeat()).isFalse();
            assertThat(logging.idsSent).containsOnly(receipt.id());
        }
        assertThat(logging.called).as("L1 was tried, then skipped").contains(L1);
        assertThat(logging.stored).hasSize(10);
    }

    @Test
    void passesTheLatestAcceptanceTimeItSawWithTheNextMessage() {
        service.send("first", null);
        service.send("second", null);

        assertThat(logging.notBefores.getFirst()).isNull();
        assertThat(logging.notBefores.getLast())
                .isEqualTo(logging.stored.getFirst().acceptedAt());
    }

    @Test
    void spreadsMessagesOverTheInstances() {
        Set<URI> via = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            via.add(service.send("m" + i, null).via());
        }

        assertThat(via).containsExactlyInAnyOrder(L1, L2);
    }

    @Test
    void triesHealthyInstancesFirst() {
        l1Healthy = false;

        for (int i = 0; i < 20; i++) {
            service.send("m" + i, null);
        }

        assertThat(logging.called).containsOnly(L2);
    }

    @Test
    void theSameIdempotencyKeyGivesTheSameIdAndStoresOnce() {
        MessageService.Receipt first = service.send("pay 10 EUR", "order-17");
        MessageService.Receipt again = service.send("pay 10 EUR", "order-17");

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(first.repeat()).isFalse();
        assertThat(again.repeat()).isTrue();
        assertThat(logging.stored).hasSize(1);
        assertThat(service.send("pay 10 EUR", "order-18").id()).isNotEqualTo(first.id());
        assertThat(meters.counter("hazelog.messages.accepted").count()).isEqualTo(2);
        assertThat(meters.counter("hazelog.messages.duplicates").count()).isEqualTo(1);
        assertThat(meters.timer("hazelog.messages.post").count()).isEqualTo(3);
    }

    @Test
    void theLatestMessagesComeInAcceptanceOrder() {
        for (int i = 0; i < 5; i++) {
            service.send("m" + i, null);
        }

        assertThat(service.latest(3)).extracting(MessageView::msg).containsExactly("m2", "m3", "m4");
    }

    @Test
    void anIdempotencyKeyReusedForAnotherMessageIsRefused() {
        service.send("pay 10 EUR", "order-17");

        assertThatThrownBy(() -> service.send("pay 99 EUR", "order-17"))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT));
        assertThat(logging.stored).extracting(MessageView::msg).containsExactly("pay 10 EUR");
    }

    @Test
    void aBatchIsStoredInOrderThroughOneInstance() {
        List<MessageService.Receipt> receipts = service.sendAll(List.of("a", "b", "c"), null);

        assertThat(logging.stored).extracting(MessageView::msg).containsExactly("a", "b", "c");
        assertThat(receipts)
                .extracting(receipt -> receipt.id().toString())
                .containsExactlyElementsOf(
                        logging.stored.stream().map(MessageView::id).toList());
        assertThat(receipts)
                .extracting(MessageService.Receipt::via)
                .containsOnly(receipts.getFirst().via());
    }

    @Test
    void aRetriedKeyedBatchIsStoredOnceAndMarkedAsRepeats() {
        List<MessageService.Receipt> first = service.sendAll(List.of("a", "b"), "batch-1");
        List<MessageService.Receipt> again = service.sendAll(List.of("a", "b"), "batch-1");

        assertThat(again)
                .extracting(MessageService.Receipt::id)
                .containsExactlyElementsOf(
                        first.stream().map(MessageService.Receipt::id).toList());
        assertThat(again).allMatch(MessageService.Receipt::repeat);
        assertThat(first).noneMatch(MessageService.Receipt::repeat);
        assertThat(logging.stored).hasSize(2);
    }

    @Test
    void keyedIdsNeverMeetRandomOnes() {
        assertThat(MessageService.idFor("any key").version()).isEqualTo(3);
        assertThat(service.send("x", null).id().version()).isEqualTo(4);
    }

    @Test
    void readsEverythingWithTheMessagesServicesAnswer() {
        service.send("one", null);
        service.send("two", null);

        MessageService.AllMessages all = service.all();

        assertThat(all.messages().toList()).extracting(MessageView::msg).containsExactly("one", "two");
        assertThat(all.messagesService())
                .isEqualTo(new MessageService.MessagesServicePart(true, "Not implemented yet"));
    }

    @Test
    void readingWithEveryLoggingServiceDownFailsBeforeAnythingIsSent() {
        logging.down.addAll(List.of(L1, L2));

        assertThatThrownBy(service::all).isInstanceOf(NoInstanceAvailableException.class);
    }

    @Test
    void stillReadsTheMessagesWhenTheMessagesServiceIsDown() {
        service.send("one", null);
        messagesServiceDown = true;

        MessageService.AllMessages all = service.all();

        assertThat(all.messages().toList()).extracting(MessageView::msg).containsExactly("one");
        assertThat(all.messagesService().available()).isFalse();
        assertThat(all.messagesService().text()).isEqualTo("messages-service unavailable");
    }
}
