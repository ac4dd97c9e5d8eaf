package dev.hazelog.logging.jdbc;

import static dev.hazelog.logging.jdbc.MessageDatabase.COLUMNS;
import static dev.hazelog.logging.jdbc.MessageDatabase.micros;

import dev.hazelog.logging.domain.MessageArchive;
import dev.hazelog.logging.domain.StorageUnavailableException;
import dev.hazelog.logging.domain.StoredMessage;
import dev.hazelog.shared.wire.MessageSearch;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The archive as the table {@code messages} of a relational database (PostgreSQL): a row per message, written
 * here, read back in acceptance order by {@link OrderedReads}. A put on the map returns once its row is committed.
 */
public class MessageTable implements MessageArchive {

    private static final int KEYS_PER_QUERY = 500;
    private static final int ROWS_PER_INSERT = 100;
    private static final int INSERT_ATTEMPTS = 5;

    private final MessageDatabase database;
    private final OrderedReads reads;

    /**
     * @param timeout how long the database may take to answer before the caller is told it is unavailable
     * @param name how errors name the database: its URL without credentials
     */
    public MessageTable(DataSource dataSource, Duration timeout, String name) {
        this.database = new MessageDatabase(dataSource, timeout, name);
        this.reads = new OrderedReads(database);
    }

    /**
     * How long the database itself lets a statement run, in case the connection's own timeout is not heard: twice the
     * timeout, in whole seconds, at least one. A write the service gave up on may commit until then, and no later: the
     * service's connections set it as their {@code statement_timeout}.
     */
    public static Duration statementLimit(Duration timeout) {
        return Duration.ofSeconds(Math.max(1, timeout.multipliedBy(2).toSeconds()));
    }

    /**
     * A multi-row INSERT per hundred messages that leaves taken ids alone ({@code ON CONFLICT DO NOTHING}) and answers
     * the ids it stored: one round trip and one commit, and no failed statement in the database's log when an id was
     * taken, as a facade's second try after a slow answer makes it. The rows of the ids it did not store are read; one
     * removed meanwhile (retention) leaves its id free, and the next try stores it.
     */
    @Override
    public Map<String, StoredMessage> keepNew(List<StoredMessage> messages) {
        Map<String, StoredMessage> before = new HashMap<>();
        for (int from = 0; from < messages.size(); from += ROWS_PER_INSERT) {
            List<StoredMessage> fresh = messages.subList(from, Math.min(messages.size(), from + ROWS_PER_INSERT));
            for (int attempt = 1; !fresh.isEmpty(); attempt++) {
                if (attempt > INSERT_ATTEMPTS) {
                    throw new StorageUnavailableException("Rows of ids kept being removed as they were stored");
                }
                Set<String> stored = insert(fresh);
                List<StoredMessage> taken = fresh.stream()
                        .filter(message -> !stored.contains(message.id()))
                        .toList();
                before.putAll(findAll(taken.stream().map(StoredMessage::id).toList()));
                fresh = taken.stream()
                        .filter(message -> !before.containsKey(message.id()))
                        .toList();
            }
        }
        return before;
    }

    /** The ids of the rows it stored: the others were taken. */
    private Set<String> insert(List<StoredMessage> messages) {
        String rows = String.join(
                ", ", messages.stream().map(message -> "(?, ?, ?, ?)").toList());
        Object[] values = messages.stream()
                .flatMap(message ->
                        Stream.of(message.id(), message.text(), micros(message.acceptedAt()), message.storedBy()))
                .toArray();
        return Set.copyOf(database.ids(
                "INSERT INTO messages (" + COLUMNS + ") VALUES " + rows + " ON CONFLICT (id) DO NOTHING RETURNING id",
                values));
    }

    @Override
    public void forgetAll(Collection<String> ids) {
        inChunks(
                ids,
                (chunk, placeholders) ->
                        database.update("DELETE FROM messages WHERE id IN (" + placeholders + ")", chunk.toArray()));
    }

    /**
     * Merges the rows waiting in the trigram index's pending list into the index, so that no write has to (see
     * migration V2 and {@link PendingRowsMerge}).
     *
     * @return the pages of the list it merged
     */
    public long mergePendingRows() {
        return database.chore("SELECT gin_clean_pending_list('messages_text_trigrams')");
    }

    @Override
    public long count() {
        return database.number("SELECT COUNT(*) FROM messages");
    }

    @Override
    public @Nullable StoredMessage find(String id) {
        return database.messages("SELECT " + COLUMNS + " FROM messages WHERE id = ?", id).stream()
                .findFirst()
                .orElse(null);
    }

    @Override
    public Map<String, StoredMessage> findAll(Collection<String> ids) {
        Map<String, StoredMessage> found = new HashMap<>();
        inChunks(
                ids,
                (chunk, placeholders) -> database.messages(
                                "SELECT " + COLUMNS + " FROM messages WHERE id IN (" + placeholders + ")",
                                chunk.toArray())
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

    @Override
    public Stream<StoredMessage> all() {
        return reads.all();
    }

    @Override
    public Page page(@Nullable UUID after, int limit, MessageSearch search) {
        return reads.page(after, limit, search);
    }

    @Override
    public List<StoredMessage> latest(int limit) {
        return reads.latest(limit);
    }

    @Override
    public boolean reachable() {
        return database.reachable();
    }

    @Override
    public String name() {
        return database.name();
    }
}
