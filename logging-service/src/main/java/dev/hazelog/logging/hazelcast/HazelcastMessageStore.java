package dev.hazelog.logging.hazelcast;

import com.hazelcast.core.HazelcastException;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.map.IMap;
import dev.hazelog.logging.domain.AcceptanceClock;
import dev.hazelog.logging.domain.ConflictingMessageException;
import dev.hazelog.logging.domain.HeapLimit;
import dev.hazelog.logging.domain.MessageHistory;
import dev.hazelog.logging.domain.MessageStore;
import dev.hazelog.logging.domain.StorageUnavailableException;
import dev.hazelog.logging.domain.StoredMessage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link MessageStore} on the distributed map {@value #MAP_NAME}, keyed by the id's canonical string; reads in
 * acceptance order come from its {@link MessageHistory}: the map itself, or the database behind it.
 */
public class HazelcastMessageStore implements MessageStore {

    public static final String MAP_NAME = "messages";
    /** The Compact field that holds the acceptance time; the map keeps a sorted index on it for paging. */
    public static final String ACCEPTED_AT = "acceptedAtMicros";

    private static final Logger log = LoggerFactory.getLogger(HazelcastMessageStore.class);
    private static final int LOGGED_TEXT_LENGTH = 80;

    private final IMap<String, StoredMessage> map;
    private final AcceptanceClock clock;
    private final String instanceName;
    private final HeapLimit heapLimit;
    private final Counter stored;
    private final Counter duplicates;
    private final MessageHistory history;

    public HazelcastMessageStore(
            HazelcastInstance hazelcast,
            AcceptanceClock clock,
            String instanceName,
            HeapLimit heapLimit,
            MessageHistory history,
            MeterRegistry meters) {
        this.map = hazelcast.getMap(MAP_NAME);
        this.history = history;
        this.clock = clock;
        this.instanceName = instanceName;
        this.heapLimit = heapLimit;
        this.stored = Counter.builder("hazelog.messages.stored")
                .description("Messages this service stored")
                .register(meters);
        this.duplicates = Counter.builder("hazelog.messages.duplicates")
                .description("Messages this service was asked to store that were stored before")
                .register(meters);
    }

    @Override
    public StoreResult store(UUID id, String text, @Nullable Instant notBefore) {
        return storeAll(List.of(new NewMessage(id, text)), notBefore).getFirst();
    }

    @Override
    public List<StoreResult> storeAll(List<NewMessage> messages, @Nullable Instant notBefore) {
        heapLimit.check();
        // The clock only moves forward, so the batch keeps its order.
        List<StoredMessage> candidates = messages.stream()
                .map(message ->
                        new StoredMessage(message.id().toString(), message.text(), clock.now(notBefore), instanceName))
                .toList();
        if (candidates.size() == 1) {
            return List.of(putIfAbsent(candidates.getFirst()));
        }
        // One virtual thread per message: the writes to their partition owners are in flight together.
        try (ExecutorService writers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<StoreResult>> writes = candidates.stream()
                    .map(candidate -> writers.submit(() -> putIfAbsent(candidate)))
                    .toList();
            return writes.stream().map(HazelcastMessageStore::joined).toList();
        }
    }

    private StoreResult putIfAbsent(StoredMessage candidate) {
        return result(candidate, onCluster(() -> map.putIfAbsent(candidate.id(), candidate)));
    }

    private StoreResult result(StoredMessage candidate, @Nullable StoredMessage existing) {
        if (existing == null) {
            stored.increment();
            log.info("Saved message {}: {}", candidate.id(), abbreviate(candidate.text()));
            return new StoreResult(candidate, false);
        }
        if (!existing.text().equals(candidate.text())) {
            throw new ConflictingMessageException(UUID.fromString(candidate.id()));
        }
        duplicates.increment();
        return new StoreResult(existing, true);
    }

    private static StoreResult joined(Future<StoreResult> write) {
        try {
            return write.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageUnavailableException(e);
        }
    }

    @Override
    public Stream<StoredMessage> all() {
        return history.all();
    }

    @Override
    public Page page(@Nullable UUID after, int limit) {
        return history.page(after, limit);
    }

    @Override
    public List<StoredMessage> latest(int limit) {
        return history.latest(limit);
    }

    @Override
    public Optional<StoredMessage> find(UUID id) {
        return Optional.ofNullable(onCluster(() -> map.get(id.toString())));
    }

    /** Runs a cluster operation, its failures as the domain's; the database behind the map throws the domain's own. */
    static <T extends @Nullable Object> T onCluster(Supplier<T> operation) {
        try {
            return operation.get();
        } catch (HazelcastException | HazelcastInstanceNotActiveException e) {
            throw new StorageUnavailableException(e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= LOGGED_TEXT_LENGTH ? text : text.substring(0, LOGGED_TEXT_LENGTH) + "…";
    }
}
