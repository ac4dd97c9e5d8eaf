package dev.hazelog.logging.hazelcast;

import com.hazelcast.core.HazelcastException;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import dev.hazelog.logging.domain.HeapLimit;
import dev.hazelog.logging.domain.MessageArchive;
import dev.hazelog.logging.domain.MessageHistory;
import dev.hazelog.logging.domain.MessageStore;
import dev.hazelog.logging.domain.StorageUnavailableException;
import dev.hazelog.logging.domain.StoredMessage;
import dev.hazelog.logging.domain.WriteHorizon;
import dev.hazelog.logging.hazelcast.MessageWrites.Outcome;
import dev.hazelog.shared.concurrent.WriteCombiner;
import dev.hazelog.shared.wire.MessageSearch;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * {@link MessageStore} on the distributed map {@value #MAP_NAME}, keyed by the id's canonical string. It stamps each
 * message with its acceptance time (from the {@link WriteHorizon}, told how each write ends) and hands it to
 * {@link MessageWrites}. Without an archive the map is the store and
 * reads in acceptance order scan it; with one, reads in order come from the archive's table.
 */
public class HazelcastMessageStore implements MessageStore, AutoCloseable {

    public static final String MAP_NAME = "messages";
    /** The Compact field that holds the acceptance time; the map keeps a sorted index on it for paging. */
    public static final String ACCEPTED_AT = "acceptedAtMicros";
    /** How a predicate names an entry's key. */
    private static final String KEY = "__key";

    /** The Compact fields a search filters on. */
    static final String TEXT = "text";

    static final String STORED_BY = "storedBy";

    /**
     * Single messages that arrive together go to the archive as one batch: as many batches in flight as the pool
     * has connections by default, each at most as many rows as one INSERT takes and about a megabyte of text.
     */
    private static final int COMBINED_IN_FLIGHT = 4;

    private static final int COMBINED_MAX_MESSAGES = 100;
    private static final long COMBINED_MAX_CHARS = 1 << 20;

    private final IMap<String, StoredMessage> map;
    private final WriteHorizon horizon;
    private final String instanceName;
    private final HeapLimit heapLimit;
    private final MessageHistory history;
    private final @Nullable MessageArchive archive;
    private final MessageWrites writes;
    private final @Nullable WriteCombiner<StoredMessage, Outcome> singles;

    public HazelcastMessageStore(
            HazelcastInstance hazelcast,
            WriteHorizon horizon,
            String instanceName,
            HeapLimit heapLimit,
            @Nullable MessageArchive archive,
            MeterRegistry meters) {
        this.map = hazelcast.getMap(MAP_NAME);
        this.writes = new MessageWrites(map, archive, meters);
        this.singles = archive == null
                ? null
                : new WriteCombiner<>(
                        COMBINED_IN_FLIGHT,
                        COMBINED_MAX_MESSAGES,
                        COMBINED_MAX_CHARS,
                        message -> message.text().length(),
                        writes::outcomes);
        this.history = archive != null ? archive : new MapHistory(hazelcast, heapLimit);
        this.archive = archive;
        this.horizon = horizon;
        this.instanceName = instanceName;
        this.heapLimit = heapLimit;
    }

    @Override
    public StoreResult store(UUID id, String text, @Nullable Instant notBefore) {
        if (singles == null) {
            return storeAll(List.of(new NewMessage(id, text)), notBefore).getFirst();
        }
        heapLimit.check();
        StoredMessage candidate = candidate(new NewMessage(id, text), notBefore);
        return settling(List.of(candidate), () -> List.of(singles.send(candidate)))
                .getFirst()
                .orThrow();
    }

    @Override
    public List<StoreResult> storeAll(List<NewMessage> messages, @Nullable Instant notBefore) {
        heapLimit.check();
        // The clock only moves forward, so the batch keeps its order.
        List<StoredMessage> candidates =
                messages.stream().map(message -> candidate(message, notBefore)).toList();
        return settling(candidates, () -> writes.outcomes(candidates)).stream()
                .map(Outcome::orThrow)
                .toList();
    }

    private StoredMessage candidate(NewMessage message, @Nullable Instant notBefore) {
        return new StoredMessage(message.id().toString(), message.text(), horizon.issue(notBefore), instanceName);
    }

    /**
     * Writes the candidates and tells the horizon how it ended, whatever ended it: a stamp left in flight would hold
     * every reader back for good. A refusal settles as a success does.
     */
    private List<Outcome> settling(List<StoredMessage> candidates, Supplier<List<Outcome>> write) {
        @Nullable List<Outcome> outcomes = null;
        try {
            outcomes = write.get();
            return outcomes;
        } finally {
            for (StoredMessage candidate : candidates) {
                if (outcomes != null) {
                    horizon.settled(candidate.acceptedAt());
                } else {
                    horizon.failed(candidate.acceptedAt());
                }
            }
        }
    }

    @Override
    public Stream<StoredMessage> all() {
        return history.all();
    }

    @Override
    public Page page(@Nullable UUID after, int limit, MessageSearch search) {
        return history.page(after, limit, search);
    }

    @Override
    public List<StoredMessage> latest(int limit) {
        return history.latest(limit);
    }

    @Override
    public Optional<StoredMessage> find(UUID id) {
        return Optional.ofNullable(onCluster(() -> map.get(id.toString())));
    }

    @Override
    public long count() {
        return archive != null ? archive.count() : onCluster(map::size);
    }

    /**
     * From the archive, then from the map: evicted, not removed, since a removal would have each member delete its
     * entries' rows again, one statement each. Memory-only, removed.
     */
    @Override
    public void forget(List<String> ids) {
        if (archive != null) {
            archive.forgetAll(ids);
            onCluster(() -> {
                ids.forEach(map::evict);
                return null;
            });
        } else {
            onCluster(() -> {
                map.removeAll(Predicates.in(KEY, ids.toArray(String[]::new)));
                return null;
            });
        }
    }

    @Override
    public void close() {
        writes.close();
    }

    /** Runs a cluster operation, its failures as the domain's; the database behind the map throws the domain's own. */
    static <T extends @Nullable Object> T onCluster(Supplier<T> operation) {
        try {
            return operation.get();
        } catch (HazelcastException | HazelcastInstanceNotActiveException e) {
            throw new StorageUnavailableException(e);
        }
    }
}
