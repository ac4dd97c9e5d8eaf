package dev.hazelog.logging.domain;

import dev.hazelog.shared.wire.MessageSearch;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/** The stored messages in acceptance order, wherever they are read from: the map itself, or the database behind it. */
public interface MessageHistory {

    /**
     * Every message, in acceptance order, as it is read; the caller closes the stream.
     *
     * @throws StorageFullException if the map would have to hold them all at once and they would not fit
     */
    Stream<StoredMessage> all();

    /**
     * Up to {@code limit} of the messages the search wants, in acceptance order, starting after the message {@code
     * after} (or at the first). Reading page after page costs about the same per page however many messages are
     * stored, when the search narrows by time alone or not at all.
     *
     * @throws UnknownCursorException if no message has the id {@code after}
     */
    Page page(@Nullable UUID after, int limit, MessageSearch search);

    /** The last {@code limit} messages, in acceptance order; like a page, it touches about that many entries. */
    List<StoredMessage> latest(int limit);

    /** @param more whether messages follow the last one of this page */
    record Page(List<StoredMessage> messages, boolean more) {}
}
