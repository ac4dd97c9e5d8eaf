package dev.hazelog.logging.hazelcast;

import com.hazelcast.aggregation.Aggregators;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import dev.hazelog.logging.domain.HeapLimit;
import dev.hazelog.logging.domain.MessageHistory;
import dev.hazelog.logging.domain.StoredMessage;
import dev.hazelog.logging.domain.UnknownCursorException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.IntSupplier;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/** Reads the messages from the map itself, which then holds every one: the memory-only store. */
final class MapHistory implements MessageHistory {

    /** Clocks differ and callers may push a stamp ahead a little; no message is expected further ahead than this. */
    private static final long FUTURE_MARGIN_MICROS = 60_000_000;

    private final IMap<String, StoredMessage> map;
    private final IntSupplier members;
    private final HeapLimit heapLimit;
    private final WindowScan scan;

    MapHistory(HazelcastInstance hazelcast, HeapLimit heapLimit) {
        this.map = hazelcast.getMap(HazelcastMessageStore.MAP_NAME);
        this.members = () -> hazelcast.getCluster().getMembers().size();
        this.heapLimit = heapLimit;
        this.scan = new WindowScan(
                (from, to) -> map.values(Predicates.between(HazelcastMessageStore.ACCEPTED_AT, from, to)));
    }

    /**
     * One query: the fastest way to read everything (twice as fast as page after page at 100k messages), but the
     * member answering holds the whole answer at once. A read that would not fit in its free memory is refused
     * instead of taking the member down; the client reads page by page then.
     */
    @Override
    public Stream<StoredMessage> all() {
        return HazelcastMessageStore.onCluster(() -> {
            heapLimit.checkRoomFor(map.getLocalMapStats().getOwnedEntryMemoryCost() * members.getAsInt());
            return map.values().stream().sorted(StoredMessage.ACCEPTANCE_ORDER).toList().stream();
        });
    }

    /** Range queries on the sorted index (see {@link WindowScan}), forward from the cursor to the present. */
    @Override
    public Page page(@Nullable UUID after, int limit) {
        return HazelcastMessageStore.onCluster(() -> {
            StoredMessage anchor = after == null ? null : map.get(after.toString());
            if (after != null && anchor == null) {
                throw new UnknownCursorException(after);
            }
            Long first = anchor == null
                    ? map.aggregate(Aggregators.longMin(HazelcastMessageStore.ACCEPTED_AT))
                    : micros(anchor.acceptedAt());
            return first == null
                    ? new Page(List.of(), false)
                    : scan.forward(first, anchor, limit, micros(Instant.now()) + FUTURE_MARGIN_MICROS);
        });
    }

    /** Range queries back from the present (see {@link WindowScan}). */
    @Override
    public List<StoredMessage> latest(int limit) {
        return HazelcastMessageStore.onCluster(() -> {
            long present = micros(Instant.now());
            return scan.backward(present, present + FUTURE_MARGIN_MICROS, limit);
        });
    }

    private static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }
}
