package dev.hazelog.logging.jdbc;

import static dev.hazelog.logging.jdbc.MessageDatabase.COLUMNS;
import static dev.hazelog.logging.jdbc.MessageDatabase.micros;

import dev.hazelog.logging.domain.AcceptanceWindow;
import dev.hazelog.logging.domain.MessageHistory;
import dev.hazelog.logging.domain.StoredMessage;
import dev.hazelog.logging.domain.UnknownCursorException;
import dev.hazelog.shared.wire.MessageSearch;
import java.util.ArrayList;
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
                last = inOrder(
                        last == null ? Conditions.NONE : Conditions.NONE.following(last.getLast()), ROWS_PER_READ);
                return last;
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(batches, Spliterator.ORDERED), false)
                .flatMap(List::stream);
    }

    @Override
    public Page page(@Nullable UUID after, int limit, MessageSearch search) {
        Conditions conditions = Conditions.of(search);
        if (after != null) {
            StoredMessage cursor =
                    database.messages("SELECT " + COLUMNS + " FROM messages WHERE id = ?", after.toString()).stream()
                            .findFirst()
                            .orElseThrow(() -> new UnknownCursorException(after));
            conditions = conditions.following(cursor);
        }
        // A substring or an instance name may take reading far (MessageDatabase.searched); a window of time is the
        // index's own order.
        List<StoredMessage> found = search.contains() == null && search.storedBy() == null
                ? inOrder(conditions, limit + 1)
                : database.searched(select(conditions), values(conditions, limit + 1));
        return new Page(found.subList(0, Math.min(limit, found.size())), found.size() > limit);
    }

    @Override
    public List<StoredMessage> latest(int limit) {
        return database.messages(
                        "SELECT " + COLUMNS + " FROM messages ORDER BY accepted_at_micros DESC, id DESC LIMIT ?", limit)
                .reversed();
    }

    /** The first {@code limit} messages in acceptance order that meet the conditions. */
    private List<StoredMessage> inOrder(Conditions conditions, int limit) {
        return database.messages(select(conditions), values(conditions, limit));
    }

    private static String select(Conditions conditions) {
        return "SELECT " + COLUMNS + " FROM messages" + conditions.where() + IN_ORDER + " LIMIT ?";
    }

    private static Object[] values(Conditions conditions, int limit) {
        List<Object> values = new ArrayList<>(conditions.values());
        values.add(limit);
        return values.toArray();
    }

    /**
     * SQL conditions joined by AND, and the values of their placeholders. A substring is matched with ILIKE, which
     * the trigram index serves, and is case-insensitive as the database's character type says: Unicode in the
     * default database (its builtin C.UTF-8 locale).
     */
    private record Conditions(List<String> clauses, List<Object> values) {

        static final Conditions NONE = new Conditions(List.of(), List.of());

        static Conditions of(MessageSearch search) {
            Conditions conditions = NONE;
            if (search.contains() != null) {
                conditions = conditions.and("message_text ILIKE ? ESCAPE '\\'", "%" + literal(search.contains()) + "%");
            }
            AcceptanceWindow window = AcceptanceWindow.of(search);
            if (search.since() != null) {
                conditions = conditions.and("accepted_at_micros >= ?", window.fromMicros());
            }
            if (search.until() != null) {
                conditions = conditions.and("accepted_at_micros < ?", window.toMicros());
            }
            if (search.storedBy() != null) {
                conditions = conditions.and("stored_by = ?", search.storedBy());
            }
            return conditions;
        }

        /** The messages after the cursor in acceptance order: the key of the index, compared whole. */
        Conditions following(StoredMessage cursor) {
            return and("(accepted_at_micros, id) > (?, ?)", micros(cursor.acceptedAt()), cursor.id());
        }

        Conditions and(String clause, Object... more) {
            return new Conditions(
                    Stream.concat(clauses.stream(), Stream.of(clause)).toList(),
                    Stream.concat(values.stream(), Stream.of(more)).toList());
        }

        String where() {
            return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
        }

        /** The text as a LIKE pattern that matches it alone: its wildcards and escape character escaped. */
        private static String literal(String text) {
            return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        }
    }
}
