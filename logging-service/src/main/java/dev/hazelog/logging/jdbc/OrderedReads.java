package dev.hazelog.logging.jdbc;

import static dev.hazelog.logging.jdbc.MessageDatabase.COLUMNS;
import static dev.hazelog.logging.jdbc.MessageDatabase.micros;

import dev.hazelog.logging.domain.MessageHistory;
import dev.hazelog.logging.domain.StoredMessage;
import dev.hazelog.logging.domain.UnknownCursorException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * The table read in acceptance order on its index {@code (accepted_at_micros, id)}: every read, however far into the
 * log, is a short keyset query that starts after the last message seen.
 */
final class OrderedReads implements MessageHistory {

    private static final String IN_ORDER = " ORDER BY accepted_at_micros, id";
    private static final int ROWS_PER_READ = 500;

    private final MessageDatabase database;

    OrderedReads(MessageDatabase database) {
        this.database = database;
    }

    /**
     * Read a few hundred rows at a time, as the caller consumes them, each batch a short keyset query like a page's. Not
     * one cursor over the whole table: that would hold a pooled connection and a snapshot for as long as the reader
     * takes.
     */
    @Override
    public Stream<StoredMessage> all() {
        Iterator<List<StoredMessage>> batches = new Iterator<>() {
            private @Nullable List<StoredMessage> last;

            @Override
            public boolean hasNext() {
                return last == null || last.size() == ROWS_PER_READ;
            }

            @Override
            public List<StoredMessage> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                last = last == null ? first(ROWS_PER_READ) : after(last.getLast(), ROWS_PER_READ);
                return last;
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(batches, Spliterator.ORDERED), false)
                .flatMap(List::stream);
    }

    @Override
    public Page page(@Nullable UUID after, int limit) {
        List<StoredMessage> found;
        if (after == null) {
            found = first(limit + 1);
        } else {
            StoredMessage cursor =
                    database.messages("SELECT " + COLUMNS + " FROM messages WHERE id = ?", after.toString()).stream()
                            .findFirst()
                            .orElseThrow(() -> new UnknownCursorException(after));
            found = after(cursor, limit + 1);
        }
        return new Page(found.subList(0, Math.min(limit, found.size())), found.size() > limit);
    }

    @Override
    public List<StoredMessage> latest(int limit) {
        return database.messages(
                        "SELECT " + COLUMNS + " FROM messages ORDER BY accepted_at_micros DESC, id DESC LIMIT ?", limit)
                .reversed();
    }

    /** The first messages in acceptance order. */
    private List<StoredMessage> first(int limit) {
        return database.messages("SELECT " + COLUMNS + " FROM messages" + IN_ORDER + " LIMIT ?", limit);
    }

    /** The messages that follow the given one in acceptance order. */
    private List<StoredMessage> after(StoredMessage cursor, int limit) {
        return database.messages(
                "SELECT " + COLUMNS + " FROM messages WHERE (accepted_at_micros, id) > (?, ?)" + IN_ORDER + " LIMIT ?",
                micros(cursor.acceptedAt()),
                cursor.id(),
                limit);
    }
}
