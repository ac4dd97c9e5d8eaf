package dev.hazelog.logging.hazelcast;

import com.hazelcast.core.HazelcastException;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.map.IMap;
import dev.hazelog.logging.domain.AcceptanceClock;
import dev.hazelog.logging.domain.ConflictingMessageException;
import dev.hazelog.logging.domain.HeapLimit;
import dev.hazelog.logging.domain.MessageArchive;
import dev.hazelog.logging.domain.MessageHistory;
import dev.hazelog.logging.domain.MessageStore;
import dev.hazelog.logging.domain.StorageUnavailableException;
import dev.hazelog.logging.domain.StoredMessage;
import dev.hazelog.shared.concurrent.WriteCombiner;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link MessageStore} on the distributed map {@value #MAP_NAME}, keyed by the id's canonical string. Without an
 * archive the map is the store: {@code putIfAbsent} on the owning partition decides which write of an id wins, and
 * reads in acceptance order scan it. With one, the archive's table decides, a batch in one statement, and the map
 * keeps the new messages as its working set; reads in order come from the table.
 */
public class HazelcastMessageStore implements MessageStore, AutoCloseable {

    public static final String MAP_NAME = "messages";
    /** The Compact field that holds the acceptance time; the map keeps a sorted index on it for paging. */
    public static final String ACCEPTED_AT = "acceptedAtMicros";

    private static final Logger log = LoggerFactory.getLogger(HazelcastMessageStore.class);
    private static final int LOGGED_TEXT_LENGTH = 80;
    /**
     * Threads that call the cluster for the messages of a batch. Platform threads, and few: Hazelcast keeps a
     * serialization buffer per calling thread, and a virtual thread per message left tens of megabytes of them.
     */
    private static final int BATCH_CALLERS = 16;
    /**
     * Single messages that arrive together go to the archive as one batch: as many batches in flight as the pool
     * has connections by default, each at most as many rows as one INSERT takes and about a megabyte of text.
     */
    private static final int COMBINED_IN_FLIGHT = 4;

    private static final int COMBINED_MAX_MESSAGES = 100;
    private static final long COMBINED_MAX_CHARS = 1 << 20;

    private final IMap<String, StoredMessage> map;
    private final AcceptanceClock clock;
    private final String instanceName;
    private final HeapLimit heapLimit;
    private final Counter stored;
    private final Counter duplicates;
    private final MessageHistory history;
    private final @Nullable MessageArchive archive;
    private final @Nullable WriteCombiner<StoredMessage, Outcome> singles;
    private final ExecutorService batchCallers = Executors.newFixedThreadPool(
            BATCH_CALLERS, Thread.ofPlatform().name("batch-caller-", 1).daemon().factory());

    public HazelcastMessageStore(
            HazelcastInstance hazelcast,
            AcceptanceClock clock,
            String instanceName,
            HeapLimit heapLimit,
            @Nullable MessageArchive archive,
            MeterRegistry meters) {
        this.map = hazelcast.getMap(MAP_NAME);
        this.archive = archive;
        this.singles = archive == null
                ? null
                : new WriteCombiner<>(
                        COMBINED_IN_FLIGHT,
                        COMBINED_MAX_MESSAGES,
                        COMBINED_MAX_CHARS,
                        message -> message.text().length(),
                        this::outcomes);
        this.history = archive != null ? archive : new MapHistory(hazelcast, heapLimit);
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
        if (singles == null) {
            return storeAll(List.of(new NewMessage(id, text)), notBefore).getFirst();
        }
        heapLimit.check();
        return singles.send(candidate(new NewMessage(id, text), notBefore)).orThrow();
    }

    @Override
    public List<StoreResult> storeAll(List<NewMessage> messages, @Nullable Instant notBefore) {
        heapLimit.check();
        // The clock only moves forward, so the batch keeps its order.
        List<StoredMessage> candidates =
                messages.stream().map(message -> candidate(message, notBefore)).toList();
        return outcomes(candidates).stream().map(Outcome::orThrow).toList();
    }

    private StoredMessage candidate(NewMessage message, @Nullable Instant notBefore) {
        return new StoredMessage(message.id().toString(), message.text(), clock.now(notBefore), instanceName);
    }

    /**
     * Each id is stored once: the later one in a batch finds the first. A message whose id is taken by another text
     * is refused alone; a failure of the table or the cluster fails them all.
     */
    private List<Outcome> outcomes(List<StoredMessage> candidates) {
        Map<String, StoredMessage> firstOfId = new LinkedHashMap<>();
        candidates.forEach(candidate -> firstOfId.putIfAbsent(candidate.id(), candidate));
        Map<String, StoredMessage> keptBefore = keepNew(List.copyOf(firstOfId.values()));
        return candidates.stream()
                .map(candidate -> {
                    StoredMessage first = firstOfId.get(candidate.id());
                    try {
                        return new Outcome(
                                result(candidate, first != candidate ? first : keptBefore.get(candidate.id())), null);
                    } catch (ConflictingMessageException e) {
                        return new Outcome(null, e);
                    }
                })
                .toList();
    }

    /**
     * Keeps the messages whose ids are free and answers, by id, what was kept before for the others. With an archive
     * its table decides, in one statement, and the map then takes the new messages without writing them through
     * again; without one the map decides.
     */
    private Map<String, StoredMessage> keepNew(List<StoredMessage> messages) {
        if (archive == null) {
            return putIfAbsent(messages);
        }
        Map<String, StoredMessage> keptBefore = archive.keepNew(messages);
        inParallel(
                messages.stream()
                        .filter(message -> !keptBefore.containsKey(message.id()))
                        .toList(),
                this::cached);
        return keptBefore;
    }

    /** Each message's partition owner decides for it; the calls are in flight together. */
    private Map<String, StoredMessage> putIfAbsent(List<StoredMessage> messages) {
        return inParallel(
                        messages,
                        message -> Optional.ofNullable(onCluster(() -> map.putIfAbsent(message.id(), message))))
                .stream()
                .flatMap(Optional::stream)
                .collect(Collectors.toMap(StoredMessage::id, Function.identity()));
    }

    /** One message's answer within a batch: stored (or found), or refused. */
    private record Outcome(
            @Nullable StoreResult result, @Nullable ConflictingMessageException refused) {
        StoreResult orThrow() {
            if (refused != null) {
                throw refused;
            }
            return Objects.requireNonNull(result);
        }
    }

    /** Into the working set, without writing it through to the archive again; no expiry. */
    private StoredMessage cached(StoredMessage message) {
        return onCluster(() -> {
            map.putTransient(message.id(), message, 0, TimeUnit.SECONDS);
            return message;
        });
    }

    /** The calls to the messages' partition owners are in flight together. */
    private <T> List<T> inParallel(List<StoredMessage> messages, Function<StoredMessage, T> call) {
        if (messages.size() == 1) {
            return List.of(call.apply(messages.getFirst()));
        }
        List<Future<T>> calls = messages.stream()
                .map(message -> batchCallers.submit(() -> call.apply(message)))
                .toList();
        return calls.stream().map(HazelcastMessageStore::joined).toList();
    }

    @Override
    public void close() {
        batchCallers.shutdown();
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

    private static <T> T joined(Future<T> call) {
        try {
            return call.get();
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
