package dev.hazelog.logging.jdbc;

import dev.hazelog.logging.domain.DatabaseUnavailableException;
import dev.hazelog.logging.domain.StorageUnavailableException;
import dev.hazelog.logging.domain.StoredMessage;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.datasource.DelegatingDataSource;

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
     * After a statement found the database unavailable, others fail at once for this long instead of each waiting the
     * timeout: a database that hangs costs the writes of that moment a timeout, not every write after them. The first
     * statement after it tries again, so writes go on by themselves once the database is back.
     */
    private static final Duration FAIL_FAST_FOR = Duration.ofMillis(500);

    private static final Logger log = LoggerFactory.getLogger(MessageDatabase.class);

    private final JdbcTemplate jdbc;
    private final String name;
    private volatile long failFastUntil = System.nanoTime();

    /**
     * @param timeout how long the database may take to answer before the caller is told it is unavailable: the
     *     network timeout of every connection. Statements also get twice as long on the database's own clock, in case
     *     the network timeout is not heard. Not the other way round: PostgreSQL's driver, once it has asked the
     *     server to cancel a statement, waits up to ten seconds for that cancel to be heard.
     * @param name how errors name the database: its URL without credentials
     */
    MessageDatabase(DataSource dataSource, Duration timeout, String name) {
        this.jdbc = new JdbcTemplate(new GivingUp(dataSource, Math.toIntExact(timeout.toMillis())));
        this.jdbc.setQueryTimeout(
                Math.toIntExact(Math.max(1, timeout.multipliedBy(2).toSeconds())));
        this.name = name;
    }

    List<StoredMessage> messages(String sql, Object... arguments) {
        return answer(() -> jdbc.query(sql, ROW, arguments));
    }

    /** A statement that changes rows; its failures, a taken key among them, are the caller's to tell apart. */
    int update(String sql, Object... arguments) {
        return jdbc.update(sql, arguments);
    }

    /** Whether the database answers a trivial query within the statement timeout. */
    boolean reachable() {
        try {
            jdbc.queryForObject("SELECT 1", Integer.class);
            return true;
        } catch (DataAccessException e) {
            return false;
        }
    }

    String name() {
        return name;
    }

    <T> T answer(Supplier<T> operation) {
        try {
            return operation.get();
        } catch (DataAccessException e) {
            throw unavailable(e);
        }
    }

    /** The database is taken for down for a moment: see {@link GivingUp}. */
    StorageUnavailableException unavailable(Exception cause) {
        // Refusals while failing fast do not make the moment longer: the next real try comes when it ends.
        if (!failingFast()) {
            log.warn(
                    "The message database ({}) did not answer; refusing its work for {} ms: {}",
                    name,
                    FAIL_FAST_FOR.toMillis(),
                    cause.toString());
            failFastUntil = System.nanoTime() + FAIL_FAST_FOR.toNanos();
        }
        return new DatabaseUnavailableException(name, cause);
    }

    private boolean failingFast() {
        return System.nanoTime() - failFastUntil < 0;
    }

    static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    /**
     * Connections that give up on a database that stops answering, whether or not it would act on a cancel; none
     * while the database is taken for down.
     */
    private final class GivingUp extends DelegatingDataSource {

        private final int networkTimeoutMillis;

        GivingUp(DataSource pool, int networkTimeoutMillis) {
            super(pool);
            this.networkTimeoutMillis = networkTimeoutMillis;
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (failingFast()) {
                throw new SQLTransientConnectionException("The database did not answer a moment ago");
            }
            Connection connection = super.getConnection();
            connection.setNetworkTimeout(Runnable::run, networkTimeoutMillis);
            return connection;
        }
    }
}
