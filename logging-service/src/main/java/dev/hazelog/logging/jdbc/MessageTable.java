package dev.hazelog.logging.jdbc;

import dev.hazelog.logging.domain.ConflictingMessageException;
import dev.hazelog.logging.domain.MessageArchive;
import dev.hazelog.logging.domain.StorageUnavailableException;
import dev.hazelog.logging.domain.StoredMessage;
import dev.hazelog.logging.domain.UnknownCursorException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The archive as the table {@code messages} of a relational database (PostgreSQL, H2): a row per message, read
 * back in acceptance order on the index {@code (accepted_at_micros, id)}. A put on the map returns once its row is
 * committed.
 */
public class MessageTable implements MessageArchive {

    private static final String COLUMNS = "id, message_text, accepted_at_micros, stored_by";
    private static final String IN_ORDER = " ORDER BY accepted_at_micros, id";
    private static final int KEYS_PER_QUERY = 500;
    private static final int ROWS_PER_READ = 500;
    private static final int ROWS_PER_INSERT = 100;
    private static final int INSERT_ATTEMPTS = 5;
    private static final RowMapper<StoredMessage> ROW = (row, number) -> message(row);

    private final JdbcTemplate jdbc;
    private final String name;

    /**
     * @param timeout how long the database may take to answer before the caller is told it is unavailable: the
     *     network timeout of every connection. Statements also get twice as long on the database's own clock, for
     *     drivers that ignore network timeouts (H2). Not the other way round: PostgreSQL's driver, once it has asked the
     *     server to cancel a statement, waits up to ten seconds for that cancel to be heard.
     * @param name how errors name the database: its URL without credentials
     */
    public MessageTable(DataSource dataSource, Duration timeout, String name) {
        this.jdbc = new JdbcTemplate(new GivingUp(dataSource, Math.toIntExact(timeout.toMillis())));
        this.jdbc.setQueryTimeout(
                Math.toIntExact(Math.max(1, timeout.multipliedBy(2).toSeconds())));
        this.name = name;
    }

    @Override
    public void keep(StoredMessage message) {
        StoredMessage before = keepNew(List.of(message)).get(message.id());
        // A row for the id, yet the map did not know it: only another cluster on the same database (a split that has
        // not merged yet) gets here. The same text is the same message; another is a conflict.
        if (before != null && !before.text().equals(message.text())) {
            throw new ConflictingMessageException(UUID.fromString(message.id()));
        }
    }

    /**
     * A multi-row INSERT per hundred messages, which the database applies whole or not at all: fresh ids, the
     * usual case, cost one round trip and one commit. When an id is taken, the rows there are read and the rest
     * inserted again; a row that a concurrent writer has not committed yet is found on a later try.
     */
    @Override
    public Map<String, StoredMessage> keepNew(List<StoredMessage> messages) {
        Map<String, StoredMessage> before = new HashMap<>();
        for (int from = 0; from < messages.size(); from += ROWS_PER_INSERT) {
            List<StoredMessage> fresh = messages.subList(from, Math.min(messages.size(), from + ROWS_PER_INSERT));
            for (int attempt = 1; !fresh.isEmpty(); attempt++) {
                try {
                    insert(fresh);
                    break;
                } catch (DuplicateKeyException taken) {
                    if (attempt == INSERT_ATTEMPTS) {
                        throw unavailable(taken);
                    }
                    before.putAll(findAll(fresh.stream().map(StoredMessage::id).toList()));
                    fresh = fresh.stream()
                            .filter(message -> !before.containsKey(message.id()))
                            .toList();
                }
            }
        }
        return before;
    }

    private void insert(List<StoredMessage> messages) {
        String rows = String.join(
                ", ", messages.stream().map(message -> "(?, ?, ?, ?)").toList());
        Object[] values = messages.stream()
                .flatMap(message ->
                        Stream.of(message.id(), message.text(), micros(message.acceptedAt()), message.storedBy()))
                .toArray();
        try {
            jdbc.update("INSERT INTO messages (" + COLUMNS + ") VALUES " + rows, values);
        } catch (DuplicateKeyException taken) {
            throw taken;
        } catch (DataAccessException e) {
            throw unavailable(e);
        }
    }

    @Override
    public void forgetAll(Collection<String> ids) {
        inChunks(
                ids,
                (chunk, placeholders) -> database(
                        () -> jdbc.update("DELETE FROM messages WHERE id IN (" + placeholders + ")", chunk.toArray())));
    }

    @Override
    public @Nullable StoredMessage find(String id) {
        return database(() -> jdbc.query("SELECT " + COLUMNS + " FROM messages WHERE id = ?", ROW, id).stream()
                .findFirst()
                .orElse(null));
    }

    @Override
    public Map<String, StoredMessage> findAll(Collection<String> ids) {
        Map<String, StoredMessage> found = new HashMap<>();
        inChunks(
                ids,
                (chunk, placeholders) -> database(() -> jdbc.query(
                                "SELECT " + COLUMNS + " FROM messages WHERE id IN (" + placeholders + ")",
                                ROW,
                                chunk.toArray()))
                        .forEach(message -> found.put(message.id(), message)));
        return found;
    }

    /** A statement per few hundred ids, each given its ids and as many placeholders. */
    private static void inChunks(Collection<String> ids, BiConsumer<List<String>, String> statement) {
        List<String> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += KEYS_PER_QUERY) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + KEYS_PER_QUERY));
            statement.accept(
                    chunk, String.join(", ", chunk.stream().map(id -> "?").toList()));
        }
    }

    /**
     * Read a few hundred rows at a time, as the caller consumes them, each batch a short keyset query like a page's. Not
     * one cursor over the whole table: that would hold a pooled connection and a snapshot for as long as the reader
     * takes, and H2 loses pages under a lazy cursor that lives long (h2database/h2database#4142, "Chunk not found").
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
            StoredMessage cursor = database(() ->
                            jdbc
                                    .query("SELECT " + COLUMNS + " FROM messages WHERE id = ?", ROW, after.toString())
                                    .stream()
                                    .findFirst())
                    .orElseThrow(() -> new UnknownCursorException(after));
            found = after(cursor, limit + 1);
        }
        return new Page(found.subList(0, Math.min(limit, found.size())), found.size() > limit);
    }

    /** The first messages in acceptance order. */
    private List<StoredMessage> first(int limit) {
        return database(() -> jdbc.query("SELECT " + COLUMNS + " FROM messages" + IN_ORDER + " LIMIT ?", ROW, limit));
    }

    /** The messages that follow the given one in acceptance order. */
    private List<StoredMessage> after(StoredMessage cursor, int limit) {
        return database(() -> jdbc.query(
                "SELECT " + COLUMNS + " FROM messages WHERE (accepted_at_micros, id) > (?, ?)" + IN_ORDER + " LIMIT ?",
                ROW,
                micros(cursor.acceptedAt()),
                cursor.id(),
                limit));
    }

    @Override
    public List<StoredMessage> latest(int limit) {
        return database(() -> jdbc.query(
                        "SELECT " + COLUMNS + " FROM messages ORDER BY accepted_at_micros DESC, id DESC" + " LIMIT ?",
                        ROW,
                        limit)
                .reversed());
    }

    /** Whether the database answers a trivial query within the statement timeout. */
    @Override
    public boolean reachable() {
        try {
            jdbc.queryForObject("SELECT 1", Integer.class);
            return true;
        } catch (DataAccessException e) {
            return false;
        }
    }

    @Override
    public String name() {
        return name;
    }

    private static StoredMessage message(ResultSet row) throws SQLException {
        return new StoredMessage(
                row.getString("id"),
                row.getString("message_text"),
                Instant.EPOCH.plus(row.getLong("accepted_at_micros"), ChronoUnit.MICROS),
                row.getString("stored_by"));
    }

    private static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    private <T> T database(Supplier<T> operation) {
        try {
            return operation.get();
        } catch (DataAccessException e) {
            throw unavailable(e);
        }
    }

    private StorageUnavailableException unavailable(Exception cause) {
        return new StorageUnavailableException("The message database (" + name + ") did not answer.", cause);
    }

    /** Connections that give up on a database that stops answering, whether or not it would act on a cancel. */
    private static final class GivingUp extends DelegatingDataSource {

        private final int networkTimeoutMillis;

        GivingUp(DataSource pool, int networkTimeoutMillis) {
            super(pool);
            this.networkTimeoutMillis = networkTimeoutMillis;
        }

        @Override
        public Connection getConnection() throws SQLException {
            Connection connection = super.getConnection();
            connection.setNetworkTimeout(Runnable::run, networkTimeoutMillis);
            return connection;
        }
    }
}
