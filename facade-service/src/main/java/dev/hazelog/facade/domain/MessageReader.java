package dev.hazelog.facade.domain;

import dev.hazelog.shared.wire.MessagePage;
import dev.hazelog.shared.wire.MessageSearch;
import dev.hazelog.shared.wire.MessageView;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** How the facade reads messages back, for both of its APIs: from any logging service that answers. */
public class MessageReader {

    private static final Logger log = LoggerFactory.getLogger(MessageReader.class);

    private final InstanceDirectory directory;
    private final LoggingGateway logging;
    private final MessagesGateway messages;
    private final Failover failover;

    public MessageReader(
            InstanceDirectory directory, LoggingGateway logging, MessagesGateway messages, Failover failover) {
        this.directory = directory;
        this.logging = logging;
        this.messages = messages;
        this.failover = failover;
    }

    /**
     * What the messages service says (or that it is unavailable), and every message in acceptance order, read from
     * a logging service as it streams them; the caller closes the stream.
     */
    public AllMessages all() {
        Instances instances = directory.current();
        MessagesServicePart part = messagesServicePart(instances.messagesService());
        return new AllMessages(
                failover.call(directory.ordered(instances), logging::all).answer(), part);
    }

    public MessagePage page(@Nullable UUID after, int limit, MessageSearch search) {
        return failover.hedged(directory.ordered(), instance -> logging.page(instance, after, limit, search))
                .answer();
    }

    /** See {@link LoggingGateway#settledPage}: how a stream follows the log. */
    public MessagePage settledPage(@Nullable UUID after, int limit) {
        return failover.hedged(directory.ordered(), instance -> logging.settledPage(instance, after, limit))
                .answer();
    }

    /** The last {@code limit} messages, in acceptance order. */
    public List<MessageView> latest(int limit) {
        return failover.hedged(directory.ordered(), instance -> logging.latest(instance, limit))
                .answer();
    }

    public Optional<MessageView> find(UUID id) {
        return failover.hedged(directory.ordered(), instance -> logging.find(instance, id))
                .answer();
    }

    private MessagesServicePart messagesServicePart(URI messagesService) {
        try {
            return new MessagesServicePart(true, messages.staticText(messagesService));
        } catch (ServiceUnavailableException e) {
            log.warn("Messages service unavailable: {}", e.getMessage());
            return new MessagesServicePart(false, "messages-service unavailable");
        }
    }

    public record AllMessages(Stream<MessageView> messages, MessagesServicePart messagesService) {}

    /** @param text the messages service's answer, or why there is none */
    public record MessagesServicePart(boolean available, String text) {}
}
