package dev.hazelog.logging.hazelcast;

import com.hazelcast.map.MapLoader;
import dev.hazelog.logging.domain.MessageArchive;
import dev.hazelog.logging.domain.StoredMessage;
import java.util.Collection;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The map's side of the archive: an entry the map does not hold is loaded from it, from the partition that owns the
 * key. A loader and not a store: the archive takes each message before the map does (see {@link MessageWrites}), so
 * nothing the map is given goes back to the database.
 */
final class ArchiveMapLoader implements MapLoader<String, StoredMessage> {

    private final MessageArchive archive;

    ArchiveMapLoader(MessageArchive archive) {
        this.archive = archive;
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
