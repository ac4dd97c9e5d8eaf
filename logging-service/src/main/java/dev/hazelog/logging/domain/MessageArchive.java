package dev.hazelog.logging.domain;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The system of record behind the map: every acknowledged message, kept when every member is gone. A message is kept
 * here before the map takes it, and the map loads from it what it does not hold; reads in order come from its history.
 *
 * <p>Every method throws {@link StorageUnavailableException} when the archive does not answer in time.
 */
public interface MessageArchive extends MessageHistory {

    /**
     * Keeps, in one go, every message whose id is not kept yet. Atomic per id: of many concurrent calls with one id,
     * exactly one keeps it, and the others find it kept before.
     *
     * @return the messages that were kept before under some of the ids, by id; every other message is kept now
     */
    Map<String, StoredMessage> keepNew(List<StoredMessage> messages);

    @Nullable
    StoredMessage find(String id);

    /** The messages kept under any of the ids; ids not kept are left out. */
    Map<String, StoredMessage> findAll(Collection<String> ids);

    /** Forgets the messages kept under the ids. */
    void forgetAll(Collection<String> ids);

    /** How many messages it keeps. */
    long count();

    /** Whether it answers now, for health and readiness. */
    boolean reachable();

    /** How answers and health name it. */
    String name();
}
