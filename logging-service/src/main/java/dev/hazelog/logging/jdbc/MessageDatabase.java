package dev.hazelog.logging.jdbc;

import dev.hazelog.logging.domain.SearchTooBroadException;
import dev.hazelog.logging.domain.StorageUnavailableException;
import dev.hazelog.logging.domain.StoredMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.RowMapperResultSetExtractor;

/**
 * The table's way to its database: statements that give up after the timeout, rows read as messages, and every
 * failure turned into the domain's {@link StorageUnavailableException}, naming the database.
 */
final class MessageDatabase {

    static final String COLUMNS = "id, message_text, accepted_at_micros, stored_by";

    static final RowMapper<StoredMessage> ROW = (row, number) -> new StoredMessage(
            row.getString("id"),
            row.getString("message_text"),
            Instant.EPOCH.plus(row.getLong("accepted_at_micros"), ChronoUnit.MICROS),
            row.getString("stored_by"));

    /**
     * How long a chore's statement may take: nobody waits for it, and merging the search index's pending rows takes
     * over the store timeout under a thousand writes a second here. Cut off, its connection was lost and its server
     * process went on, holding the lock the next one waited for.
     */
    static final Duration CHORE_LIMIT = Duration.ofSeconds(10);

    /** PostgreSQL's SQLSTATE for a statement it cancelled, here on reaching a search's time limit. */
    private static final String CANCELLED = "57014";

    private final JdbcTemplate jdbc;
    private final JdbcTemplate chores;
    private final OutageWatch outages;
    private final String name;
    private final Duration searchLimit;

    /**
     * @param timeout how long the database may take to answer before the caller is told it is unavailable: the wait
     *     for a connection and the connection's network timeout together. The database itself cuts statements off
     *     later, on its own clock, from the connection's {@code statement_timeout} (see
     *     {@link MessageTable#statementLimit}), not by a cancel sent from here: PostgreSQL's driver keeps a timer per
     *     statement for that, and once it has asked the server to cancel one waits up to ten seconds for the cancel to
     *     be heard.
     * @param name how errors name the database: its URL without credentials
     */
    MessageDatabase(DataSource dataSource, Duration timeout, String name) {
        this.outages = new OutageWatch(dataSource, timeout, name);
        this.jdbc = new JdbcTemplate(outages.refusingWhileDown(timeout));
        this.chores = new JdbcTemplate(outages.refusingWhileDown(CHORE_LIMIT));
        this.name = name;
        // Half the timeout: the database's own cancel comes back well before the connection would give up on it.
        this.searchLimit = timeout.dividedBy(2);
    }

    List<StoredMessage> messages(String sql, Object... arguments) {
        return answer(() -> jdbc.query(sql, ROW, arguments));
    }

    /**
     * A search, in a transaction of its own with two settings. The planner leaves sequential scans out: it counts no
     * cost for reading long texts out of their compressed storage, and would read a small table of long messages
     * whole (a third of a second for 640 of 50 KB) where the trigram index answers in a millisecond. And the database
     * cancels the search after half the timeout: one that no index can serve (a substring without three letters or
     * digits in a row) may read the whole log, and being told so is an answer, the search's own failure, which leaves
     * the database counted as up.
     *
     * @throws SearchTooBroadException if the database cancelled it
     */
    List<StoredMessage> searched(String sql, Object... arguments) {
        try {
            return underSettings(
                    jdbc,
                    "SET LOCAL enable_seqscan = off; SET LOCAL statement_timeout = " + searchLimit.toMillis(),
                    connection -> {
                        try (PreparedStatement query = connection.prepareStatement(sql)) {
                            new ArgumentPreparedStatementSetter(arguments).setValues(query);
                            try (ResultSet rows = query.executeQuery()) {
                                return new RowMapperResultSetExtractor<>(ROW).extractData(rows);
                            }
                        }
                    });
        } catch (DataAccessException e) {
            if (e.getMostSpecificCause() instanceof SQLException cause && CANCELLED.equals(cause.getSQLState())) {
                throw new SearchTooBroadException(searchLimit);
            }
            throw unavailable(e);
        }
    }

    long number(String sql, Object... arguments) {
        return answer(() -> jdbc.queryForObject(sql, Long.class, arguments));
    }

    /**
     * A chore's query of one number, given {@link #CHORE_LIMIT}: its failure is the chore's alone, and does not make the
     * database count as down.
     */
    long chore(String sql) {
        return underSettings(chores, "SET LOCAL statement_timeout = " + CHORE_LIMIT.toMillis(), connection -> {
            try (Statement chore = connection.createStatement();
                    ResultSet answer = chore.executeQuery(sql)) {
                answer.next();
                return answer.getLong(1);
            }
        });
    }

    /** Work in a transaction of its own, under settings that end with it ({@code SET LOCAL}). */
    private static <T> T underSettings(JdbcTemplate template, String settings, ConnectionCallback<T> work) {
        return Objects.requireNonNull(template.execute((Connection connection) -> {
            connection.setAutoCommit(false);
            try (Statement set = connection.createStatement()) {
                set.execute(settings);
                T result = work.doInConnection(connection);
                connection.commit();
                return result;
            } finally {
                connection.rollback(); // after a failure: ends the transaction and its settings
                connection.setAutoCommit(true);
            }
        }));
    }

    /** A statement that changes rows. */
    int update(String sql, Object... arguments) {
        return answer(() -> jdbc.update(sql, arguments));
    }

    /** A statement that answers ids, such as an INSERT ... RETURNING id. */
    List<String> ids(String sql, Object... arguments) {
        return answer(() -> jdbc.queryForList(sql, String.class, arguments));
    }

    /** Whether the database answers a trivial query within the timeout; false at once while it is taken for down. */
    boolean reachable() {
        return answers(jdbc);
    }

    static boolean answers(JdbcTemplate template) {
        try {
            template.queryForObject("SELECT 1", Integer.class);
            return true;
        } catch (DataAccessException e) {
            return false;
        }
    }

    String name() {
        return name;
    }

    private <T> T answer(Supplier<T> operation) {
        try {
            return operation.get();
        } catch (DataAccessException e) {
            throw unavailable(e);
        }
    }

    /** The database is taken for down until a probe gets an answer: see {@link OutageWatch}. */
    private StorageUnavailableException unavailable(Exception cause) {
        return outages.unavailable(cause);
    }

    static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }
}
