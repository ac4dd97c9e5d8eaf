package dev.hazelog.facade.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hazelog.shared.wire.FetchAnswer;
import dev.hazelog.shared.wire.MessageView;
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
import org.junit.jupiter.api.Test;

class MessageServiceTest {

    private static final URI L1 = URI.create("http://127.0.0.1:5002");
    private static final URI L2 = URI.create("http://127.0.0.1:5003");
    private static final URI MESSAGES = URI.create("http://127.0.0.1:5005");

    /** Logging services that store in one shared list, like the cluster; instances in {@code down} do not answer. */
    private static final class FakeLogging implements LoggingGateway {
        final List<MessageView> stored = new ArrayList<>();
        final Set<URI> down = new HashSet<>();
        final List<UUID> idsSent = new ArrayList<>();

        @Override
        public FetchAnswer store(URI instance, UUID id, String text) {
            idsSent.add(id);
            available(instance);
            boolean duplicate = stored.stream().anyMatch(m -> m.id().equals(id.toString()));
            if (!duplicate) {
                stored.add(new MessageView(id.toString(), text, Instant.now(), instance.toString()));
            }
            return new FetchAnswer(
                    duplicate ? FetchAnswer.DUPLICATE : FetchAnswer.STORED, id.toString(), instance.toString());
        }

        @Override
        public List<MessageView> all(URI instance) {
            available(instance);
            return List.copyOf(stored);
        }

        @Override
        public Optional<MessageView> find(URI instance, UUID id) {
            available(instance);
            return stored.stream().filter(m -> m.id().equals(id.toString())).findFirst();
        }

        private void available(URI instance) {
            if (down.contains(instance)) {
                throw new ServiceUnavailableException(instance, "connection refused");
            }
        }
    }

    private final FakeLogging logging = new FakeLogging();
    private boolean messagesServiceDown;
    private final InstanceDirectory directory = new InstanceDirectory(new InstanceSource() {
        @Override
        public Instances fetch() {
            return new Instances(List.of(L1, L2), MESSAGES);
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
            new Failover(3, Duration.ofMillis(1)),
            new Random(7));

    @Test
    void everyRetryAndFailoverCarriesTheSameId() {
        logging.down.add(L1);
        int failovers = 0;
        for (int i = 0; i < 10; i++) {
            logging.idsSent.clear();

            MessageService.Receipt receipt = service.send("m" + i);

            assertThat(receipt.via()).isEqualTo(L2);
            assertThat(logging.idsSent).containsOnly(receipt.id());
            failovers += logging.idsSent.size() == 4 ? 1 : 0; // three tries of L1, then L2
        }
        assertThat(failovers).as("sends that tried the dead instance first").isPositive();
        assertThat(logging.stored).hasSize(10);
    }

    @Test
    void spreadsMessagesOverTheInstances() {
        Set<URI> via = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            via.add(service.send("m" + i).via());
        }

        assertThat(via).containsExactlyInAnyOrder(L1, L2);
    }

    @Test
    void readsEverythingWithTheMessagesServicesAnswer() {
        service.send("one");
        service.send("two");

        MessageService.AllMessages all = service.all();

        assertThat(all.messages()).extracting(MessageView::msg).containsExactly("one", "two");
        assertThat(all.messagesService())
                .isEqualTo(new MessageService.MessagesServicePart(true, "Not implemented yet"));
    }

    @Test
    void stillReadsTheMessagesWhenTheMessagesServiceIsDown() {
        service.send("one");
        messagesServiceDown = true;

        MessageService.AllMessages all = service.all();

        assertThat(all.messages()).extracting(MessageView::msg).containsExactly("one");
        assertThat(all.messagesService().available()).isFalse();
        assertThat(all.messagesService().text()).isEqualTo("messages-service unavailable");
    }
}
