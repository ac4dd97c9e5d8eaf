package dev.hazelog.store.config;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Keeps the database file from filling up with chunks that are mostly dead. H2 writes each commit as a new chunk and
 * rewrites the live pages of sparse old chunks only in a background thread, which {@code WRITE_DELAY=0} (every commit
 * reaches the file before a message is acknowledged) turns off: without this, a chunk that keeps a few live pages is
 * never freed (a database used for a day of benchmarks held 711,293 messages in 7.5 GB, 2 % of its chunks live), and
 * every commit searches a larger free-space map. So the service rewrites them itself, a little at a time. The
 * connection it holds opens the database in this JVM, beside the server's sessions.
 */
public final class DatabaseCompaction implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseCompaction.class);
    /** Chunks with fewer live bytes than this share are rewritten; H2's own background thread aims at 45 under load. */
    private static final int TARGET_FILL_PERCENT = 50;
    /** At most this much is rewritten per step, so a commit waits for one step at most. */
    private static final int BYTES_PER_STEP = 1 << 20;
    /** How long one round may rewrite; rounds start {@code hazelog.database.compaction-interval} apart. */
    private static final long ROUND_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Connection connection;

    DatabaseCompaction(Path database) throws SQLException {
        this.connection = DriverManager.getConnection("jdbc:h2:" + database.toAbsolutePath());
    }

    /** Rewrites sparse chunks for a while; their old space is reused once H2's retention time has passed. */
    @Scheduled(
            initialDelayString = "${hazelog.database.compaction-interval:10s}",
            fixedDelayString = "${hazelog.database.compaction-interval:10s}")
    public void compact() {
        MVStore store = store();
        long deadline = System.nanoTime() + ROUND_NANOS;
        int steps = 0;
        while (System.nanoTime() < deadline && store.compact(TARGET_FILL_PERCENT, BYTES_PER_STEP)) {
            steps++;
        }
        if (steps > 0) {
            // The rewritten pages reach the file with the next commit; when writes have stopped there is none.
            store.commit();
            LOG.debug("Rewrote sparse chunks in {} steps; chunks now {} % full", steps, chunksFillPercent());
        }
    }

    /** The share of live data in the file's chunks, as H2 counts it. */
    public int chunksFillPercent() {
        return store().getFileStore().getChunksFillRate();
    }

    private MVStore store() {
        try {
            SessionLocal session =
                    (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
            return session.getDatabase().getStore().getMvStore();
        } catch (SQLException e) {
            throw new IllegalStateException("The database's own connection is gone", e);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
