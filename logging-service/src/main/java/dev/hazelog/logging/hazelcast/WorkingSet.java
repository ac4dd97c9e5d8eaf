package dev.hazelog.logging.hazelcast;

import com.hazelcast.map.IMap;
import dev.hazelog.logging.domain.StoredMessage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the messages the database has just taken into the map, so that reads by id find them in memory. The answer
 * to a write never waits for it: the database's commit is the acknowledgement, and a member that hangs must not hold
 * it hostage. A message left out (the queue full while members are slow or frozen, or a put that failed) is loaded
 * from the database when it is asked for.
 */
final class WorkingSet implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WorkingSet.class);
    /** Platform threads, and few: Hazelcast keeps a serialization buffer per calling thread. */
    private static final int PUTTERS = 4;
    /** About a minute of writes at the rate a frozen member sees in the fault suite, a few seconds at full load. */
    private static final int QUEUED = 10_000;

    private final IMap<String, StoredMessage> map;
    private final Counter skipped;
    private final ThreadPoolExecutor putters;

    WorkingSet(IMap<String, StoredMessage> map, MeterRegistry meters) {
        this.map = map;
        this.skipped = Counter.builder("hazelog.working-set.skipped")
                .description("Stored messages not put in the members' memory, because the queue was full or the"
                        + " put failed; they are read from the database")
                .register(meters);
        this.putters = new ThreadPoolExecutor(
                PUTTERS,
                PUTTERS,
                0,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUED),
                Thread.ofPlatform().name("working-set-", 1).daemon().factory(),
                (put, pool) -> skipped.increment());
        Gauge.builder(
                        "hazelog.working-set.queued",
                        putters,
                        pool -> pool.getQueue().size())
                .description("Stored messages waiting to be put in the members' memory")
                .register(meters);
    }

    void add(List<StoredMessage> messages) {
        messages.forEach(message -> putters.execute(() -> put(message)));
    }

    /** No expiry; the {@link ArchiveMapLoader} behind the map sends nothing back to the database. */
    private void put(StoredMessage message) {
        try {
            map.putTransient(message.id(), message, 0, TimeUnit.SECONDS);
        } catch (RuntimeException e) {
            skipped.increment();
            log.debug("Message {} left out of the working set: {}", message.id(), e.toString());
        }
    }

    @Override
    public void close() {
        putters.shutdownNow();
    }
}
