package dev.hazelog.facade.domain;

import dev.hazelog.shared.wire.MemberSnapshot;
import dev.hazelog.shared.wire.MessagePage;
import dev.hazelog.shared.wire.MessageSearch;
import dev.hazelog.shared.wire.MessageView;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * One logging service, called over HTTP. Every method throws {@link ServiceUnavailableException} when the instance
 * does not answer or fails, and {@link RefusedException} when it refuses the request itself ({@link IdTakenException}
 * for an id stored with another text).
 */
public interface LoggingGateway {

    /** @param notBefore passed on, so the message is stamped after what this facade saw acknowledged before */
    Stored store(URI instance, UUID id, String text, @Nullable Instant notBefore);

    /** Several messages in one call; one answer per message, in order. */
    List<Stored> storeAll(URI instance, List<NewMessage> messages, @Nullable Instant notBefore);

    /** Every message in acceptance order, read as it arrives; the caller closes the stream. */
    Stream<MessageView> all(URI instance);

    /** A page of the messages the search wants, after the cursor {@code after} (or from the first). */
    MessagePage page(URI instance, @Nullable UUID after, int limit, MessageSearch search);

    /**
     * A page of the messages after {@code after} (or from the first) that stops where every logging service's writes
     * have settled: a message that shows up later is never before its end.
     */
    MessagePage settledPage(URI instance, @Nullable UUID after, int limit);

    Optional<MessageView> find(URI instance, UUID id);

    /** The last {@code limit} messages, in acceptance order. */
    List<MessageView> latest(URI instance, int limit);

    /** What the instance's member sees of the cluster, and how many messages it holds. */
    MemberSnapshot member(URI instance);

    record NewMessage(UUID id, String text) {}
}
