package dev.hazelog.logging.hazelcast;

import static dev.hazelog.logging.hazelcast.HazelcastMessageStore.onCluster;

import com.hazelcast.map.IMap;
import dev.hazelog.logging.domain.ConflictingMessageException;
import dev.hazelog.logging.domain.MessageArchive;
import dev.hazelog.logging.domain.MessageStore.StoreResult;
import dev.hazelog.logging.domain.StorageUnavailableException;
import dev.hazelog.logging.domain.StoredMessage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
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
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns stamped messages into answers, each id stored once. Without an archive the map decides: {@code putIfAbsent}
 * on each id's partition owner. With one, the archive's table decides, a batch in one statement, and the map then
 * keeps the new messages as its working set.
 */
final class MessageWrites implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MessageWrites.class);
    private static final int LOGGED_TEXT_LENGTH = 80;
    /**
     * Threads that call the cluster for the messages of a batch. Platform threads, and few: Hazelcast keeps a
     * serialization buffer per calling thread, and a virtual thread per message left tens of megabytes of them.
     */
    private static final int BATCH_CALLERS = 16;

    private final IMap<String, StoredMessage> map;
    /** The archive's table and the working set in front of it; null when the map is the store. */
    private final @Nullable Durable durable;

    private final Counter stored;
    private final Counter duplicates;
    private final ExecutorService batchCallers = Executors.newFixedThreadPool(
            BATCH_CALLERS, Thread.ofPlatform().name("batch-caller-", 1).daemon().factory());

    MessageWrites(IMap<String, StoredMessage> map, @Nullable MessageArchive archive, MeterRegistry meters) {
        this.map = map;
        this.durable = archive == null ? null : new Durable(archive, new WorkingSet(map, meters));
        this.stored = Counter.builder("hazelog.messages.stored")
                .description("Messages this service stored")
                .register(meters);
        this.duplicates = Counter.builder("hazelog.messages.duplicates")
                .description("Messages this service was asked to store that were stored before")
                .register(meters);
    }

    /** One message's answer within a batch: stored (or found), or refused. */
    record Outcome(@Nullable StoreResult result, @Nullable ConflictingMessageException refused) {
        StoreResult orThrow() {
            if (refused != null) {
                throw refused;
            }
            return Objects.requireNonNull(result);
        }
    }

    /**
     * Each id is stored once: the later one in a batch finds the first. A message whose id is taken by another text
     * is refused alone; a failure of the table or the cluster fails them all.
     */
    List<Outcome> outcomes(List<StoredMessage> candidates) {
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
     * its table decides, in one statement, and the working set takes the new messages afterwards; without one the map
     * decides.
     */
    private Map<String, StoredMessage> keepNew(List<StoredMessage> messages) {
        if (durable == null) {
            return putIfAbsent(messages);
        }
        Map<String, StoredMessage> keptBefore = durable.archive().keepNew(messages);
        durable.workingSet()
                .add(messages.stream()
                        .filter(message -> !keptBefore.containsKey(message.id()))
                        .toList());
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

    /** The calls to the messages' partition owners are in flight together. */
    private <T> List<T> inParallel(List<StoredMessage> messages, Function<StoredMessage, T> call) {
        if (messages.size() == 1) {
            return List.of(call.apply(messages.getFirst()));
        }
        List<Future<T>> calls = messages.stream()
                .map(message -> batchCallers.submit(() -> call.apply(message)))
                .toList();
        return calls.stream().map(MessageWrites::joined).toList();
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

    private record Durable(MessageArchive archive, WorkingSet workingSet) {}

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

    private static String abbreviate(String text) {
        return text.length() <= LOGGED_TEXT_LENGTH ? text : text.substring(0, LOGGED_TEXT_LENGTH) + "…";
    }

    @Override
    public void close() {
        batchCallers.shutdown();
        if (durable != null) {
            durable.workingSet().close();
        }
    }
}
