package dev.hazelog.logging.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The messages of the whole cluster, keyed by id, read back in acceptance order. */
public interface MessageStore extends MessageHistory {

    /**
     * Stores the message unless its id is already stored. Atomic across the cluster: of many concurrent calls with
     * one id, exactly one stores.
     *
     * @param notBefore the message is stamped later than this, when given
     * @throws ConflictingMessageException if the id is stored with another text
     * @throws StorageFullException if this member's memory is nearly full
     */
    StoreResult store(UUID id, String text, @Nullable Instant notBefore);

    /**
     * Stores several messages at once, each as {@link #store} would, stamped in the order given. The messages are
     * written to the cluster in parallel, so a batch costs about one round trip, not one per message.
     */
    List<StoreResult> storeAll(List<NewMessage> messages, @Nullable Instant notBefore);

    Optional<StoredMessage> find(UUID id);

    /** How many messages the cluster holds: every one it was given and has not forgotten. */
    long count();

    /** Forgets the messages with these ids, wherever the store keeps them; an unknown id is passed over. */
    void forget(List<String> ids);

    /** @param message what the store holds for the id now; {@code duplicate} when it was there before the call */
    record StoreResult(StoredMessage message, boolean duplicate) {}

    record NewMessage(UUID id, String text) {}
}
