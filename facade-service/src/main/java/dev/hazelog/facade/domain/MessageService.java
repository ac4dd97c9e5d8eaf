package dev.hazelog.facade.domain;

import dev.hazelog.shared.wire.FetchAnswer;
import dev.hazelog.shared.wire.MessageView;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the facade does for both of its APIs: store a message somewhere safe, and read them all back. */
public class MessageService {

    private static final Logger log = LoggerFactory.getLogger(MessageService.class);

    private final InstanceDirectory directory;
    private final LoggingGateway logging;
    private final MessagesGateway messages;
    private final Failover failover;
    private final RandomGenerator random;

    public MessageService(
            InstanceDirectory directory,
            LoggingGateway logging,
            MessagesGateway messages,
            Failover failover,
            RandomGenerator random) {
        this.directory = directory;
        this.logging = logging;
        this.messages = messages;
        this.failover = failover;
        this.random = random;
    }

    /** Gives the text a new id and stores it through a random logging service, failing over to the others. */
    public Receipt send(String text) {
        UUID id = UUID.randomUUID();
        Failover.Answered<FetchAnswer> stored =
                failover.call(shuffled(), instance -> logging.store(instance, id, text));
        log.info(
                "Message {} stored by {} via {} ({} attempts)",
                id,
                stored.answer().storedBy(),
                stored.instance(),
                stored.attempts());
        return new Receipt(id, stored.answer().storedBy(), stored.instance());
    }

    /** Every message in acceptance order, and what the messages service says (or that it is unavailable). */
    public AllMessages all() {
        Instances instances = directory.current();
        List<MessageView> stored =
                failover.call(shuffled(instances), logging::all).answer();
        return new AllMessages(stored, messagesServicePart(instances.messagesService()));
    }

    public Optional<MessageView> find(UUID id) {
        return failover.call(shuffled(), instance -> logging.find(instance, id)).answer();
    }

    private MessagesServicePart messagesServicePart(URI messagesService) {
        try {
            return new MessagesServicePart(true, messages.staticText(messagesService));
        } catch (ServiceUnavailableException e) {
            log.warn("Messages service unavailable: {}", e.getMessage());
            return new MessagesServicePart(false, "messages-service unavailable");
        }
    }

    private List<URI> shuffled() {
        return shuffled(directory.current());
    }

    private List<URI> shuffled(Instances instances) {
        List<URI> order = new ArrayList<>(instances.loggingServices());
        Collections.shuffle(order, random);
        return order;
    }

    /** @param via the logging service that answered */
    public record Receipt(UUID id, String storedBy, URI via) {}

    public record AllMessages(List<MessageView> messages, MessagesServicePart messagesService) {}

    /** @param text the messages service's answer, or why there is none */
    public record MessagesServicePart(boolean available, String text) {}
}
