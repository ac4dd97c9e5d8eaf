package dev.hazelog.logging.jdbc;

import dev.hazelog.logging.domain.DatabaseUnavailableException;
import dev.hazelog.logging.domain.StorageUnavailableException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Whether the database is taken for down: from a statement that found it unavailable until a probe gets an answer.
 * Meanwhile database work is refused at once instead of each statement waiting the timeout: a database that hangs
 * costs the statements of that moment one timeout, not every statement until it is back; and writes go on by
 * themselves once it is.
 */
final class OutageWatch {

    /** While the database is taken for down, how often a probe asks it whether it is back. */
    private static final Duration PROBE_EVERY = Duration.ofMillis(250);

    private static final Logger log = LoggerFactory.getLogger(OutageWatch.class);

    private final DataSource pool;
    private final String name;
    private final JdbcTemplate probe;
    private final AtomicBoolean down = new AtomicBoolean();

    OutageWatch(DataSource pool, Duration timeout, String name) {
        this.pool = pool;
        this.name = name;
        this.probe = new JdbcTemplate(new GivingUp(false, timeout));
    }

    /** The pool's connections, given up on after {@code limit}, and refused at once while the database is down. */
    DataSource refusingWhileDown(Duration limit) {
        return new GivingUp(true, limit);
    }

    /** Takes the database for down, if it was not, and starts probing it. */
    StorageUnavailableException unavailable(Exception cause) {
        if (down.compareAndSet(false, true)) {
            log.warn(
                    "The message database ({}) did not answer; refusing its work until it does: {}",
                    name,
                    cause.toString());
            Thread.ofVirtual().name("database-probe").start(this::probeUntilItAnswers);
        }
        return new DatabaseUnavailableException(name, cause);
    }

    private void probeUntilItAnswers() {
        try {
            do {
                Thread.sleep(PROBE_EVERY);
            } while (!MessageDatabase.answers(probe));
            down.set(false);
            log.info("The message database ({}) answers again", name);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            down.set(false);
        }
    }

    /**
     * Connections that give up on a database that stops answering, whether or not it would act on a cancel: the wait
     * for a connection and for the answer share one limit. Refused at once while the database is taken for down,
     * unless they are the probe's.
     */
    private final class GivingUp extends DelegatingDataSource {

        private final boolean refusedWhileDown;
        private final Duration limit;

        GivingUp(boolean refusedWhileDown, Duration limit) {
            super(pool);
            this.refusedWhileDown = refusedWhileDown;
            this.limit = limit;
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (refusedWhileDown && down.get()) {
                throw new SQLTransientConnectionException("The database did not answer a moment ago");
            }
            long started = System.nanoTime();
            Connection connection = super.getConnection();
            long leftMillis = TimeUnit.NANOSECONDS.toMillis(limit.toNanos() - (System.nanoTime() - started));
            if (leftMillis < 1) {
                connection.close();
                throw new SQLTransientConnectionException(
                        "No connection to the database within " + limit.toMillis() + " ms");
            }
            connection.setNetworkTimeout(Runnable::run, Math.toIntExact(leftMillis));
            return connection;
        }
    }
}
