package dev.hazelog.logging.jdbc;

import dev.hazelog.logging.domain.StorageUnavailableException;
import dev.hazelog.logging.domain.StoredMessage;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
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

    private final JdbcTemplate jdbc;
    private final String name;

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

    StorageUnavailableException unavailable(Exception cause) {
        return new StorageUnavailableException("The message database (" + name + ") did not answer.", cause);
    }

    static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
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
