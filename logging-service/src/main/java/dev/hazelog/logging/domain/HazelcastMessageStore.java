package dev.hazelog.logging.domain;

import com.hazelcast.core.HazelcastException;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.map.IMap;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link MessageStore} on the distributed map {@value #MAP_NAME}, keyed by the id's canonical string. */
public class HazelcastMessageStore implements MessageStore {

    public static final String MAP_NAME = "messages";
    private static final Logger log = LoggerFactory.getLogger(HazelcastMessageStore.class);
    private static final int LOGGED_TEXT_LENGTH = 80;

    private final IMap<String, StoredMessage> map;
    private final AcceptanceClock clock;
    private final String instanceName;

    public HazelcastMessageStore(HazelcastInstance hazelcast, AcceptanceClock clock, String instanceName) {
        this.map = hazelcast.getMap(MAP_NAME);
        this.clock = clock;
        this.instanceName = instanceName;
    }

    @Override
    public StoreResult store(UUID id, String text, @Nullable Instant notBefore) {
        StoredMessage candidate = new StoredMessage(id.toString(), text, clock.now(notBefore), instanceName);
        StoredMessage existing = onCluster(() -> map.putIfAbsent(candidate.id(), candidate));
        if (existing == null) {
            log.info("Saved message {}: {}", id, abbreviate(text));
            return new StoreResult(candidate, false);
        }
        if (!existing.text().equals(text)) {
            throw new ConflictingMessageException(id);
        }
        return new StoreResult(existing, true);
    }

    @Override
    public List<StoredMessage> all() {
        return onCluster(() ->
                map.values().stream().sorted(StoredMessage.ACCEPTANCE_ORDER).toList());
    }

    @Override
    public Optional<StoredMessage> find(UUID id) {
        return Optional.ofNullable(onCluster(() -> map.get(id.toString())));
    }

    private static <T extends @Nullable Object> T onCluster(Supplier<T> operation) {
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
