package dev.hazelog.logging.hazelcast;

import com.hazelcast.map.MapStore;
import dev.hazelog.logging.domain.MessageArchive;
import dev.hazelog.logging.domain.StoredMessage;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The map's side of the archive: Hazelcast calls it from the partition that owns the key. */
final class ArchiveMapStore implements MapStore<String, StoredMessage> {

    private final MessageArchive archive;

    ArchiveMapStore(MessageArchive archive) {
        this.archive = archive;
    }

    @Override
    public void store(String id, StoredMessage message) {
        archive.keep(message);
    }

    @Override
    public void storeAll(Map<String, StoredMessage> messages) {
        messages.values().forEach(archive::keep);
    }

    @Override
    public void delete(String id) {
        archive.forgetAll(List.of(id));
    }

    @Override
    public void deleteAll(Collection<String> ids) {
        archive.forgetAll(ids);
    }

    @Override
    public @Nullable StoredMessage load(String id) {
        return archive.find(id);
    }

    @Override
    public Map<String, StoredMessage> loadAll(Collection<String> ids) {
        return archive.findAll(ids);
    }

    /** Nothing is loaded ahead: reads in order come from the archive, and an entry is loaded when it is asked for. */
    @Override
    public @Nullable Iterable<String> loadAllKeys() {
        return null;
    }
}
