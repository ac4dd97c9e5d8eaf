package dev.hazelog.logging.hazelcast;

import com.hazelcast.aggregation.Aggregators;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicate;
import com.hazelcast.query.Predicates;
import dev.hazelog.logging.domain.AcceptanceWindow;
import dev.hazelog.logging.domain.HeapLimit;
import dev.hazelog.logging.domain.MessageHistory;
import dev.hazelog.logging.domain.StoredMessage;
import dev.hazelog.logging.domain.UnknownCursorException;
import dev.hazelog.shared.wire.MessageSearch;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.IntSupplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/** Reads the messages from the map itself, which then holds every one: the memory-only store. */
final class MapHistory implements MessageHistory {

    /** Clocks differ and callers may push a stamp ahead a little; no message is expected further ahead than this. */
    private static final long FUTURE_MARGIN_MICROS = 60_000_000;

    private final IMap<String, StoredMessage> map;
    private final IntSupplier members;
    private final HeapLimit heapLimit;

    MapHistory(HazelcastInstance hazelcast, HeapLimit heapLimit) {
        this.map = hazelcast.getMap(HazelcastMessageStore.MAP_NAME);
        this.members = () -> hazelcast.getCluster().getMembers().size();
        this.heapLimit = heapLimit;
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

    /**
     * Range queries on the sorted index (see {@link WindowScan}), forward from the cursor to the present or the end of
     * the search's window; a search by text or instance filters each range.
     */
    @Override
    public Page page(@Nullable UUID after, int limit, MessageSearch search) {
        return HazelcastMessageStore.onCluster(() -> {
            StoredMessage anchor = after == null ? null : map.get(after.toString());
            if (after != null && anchor == null) {
                throw new UnknownCursorException(after);
            }
            AcceptanceWindow window = AcceptanceWindow.of(search);
            long end = Math.min(window.toMicros() - 1, micros(Instant.now()) + FUTURE_MARGIN_MICROS);
            List<Predicate<String, StoredMessage>> criteria = criteria(search);
            Long first = anchor == null
                    ? map.aggregate(
                            Aggregators.longMin(HazelcastMessageStore.ACCEPTED_AT),
                            allOf(criteria, accepted(window.fromMicros(), end)))
                    : Math.max(window.fromMicros(), micros(anchor.acceptedAt()));
            if (first == null || first > end) {
                return new Page(List.of(), false);
            }
            WindowScan scan = new WindowScan((from, to) -> map.values(allOf(criteria, accepted(from, to))));
            return scan.forward(first, anchor, limit, end);
        });
    }

    /** What a search asks of a message besides its acceptance time. */
    private static List<Predicate<String, StoredMessage>> criteria(MessageSearch search) {
        List<Predicate<String, StoredMessage>> criteria = new ArrayList<>();
        if (search.contains() != null) {
            // Any case, across lines: a regular expression, since LIKE's wildcards do not span a line break.
            criteria.add(
                    Predicates.regex(HazelcastMessageStore.TEXT, "(?isu).*" + Pattern.quote(search.contains()) + ".*"));
        }
        if (search.storedBy() != null) {
            criteria.add(Predicates.equal(HazelcastMessageStore.STORED_BY, search.storedBy()));
        }
        return criteria;
    }

    private static Predicate<String, StoredMessage> accepted(long fromMicros, long toMicros) {
        return Predicates.between(HazelcastMessageStore.ACCEPTED_AT, fromMicros, toMicros);
    }

    @SuppressWarnings("unchecked")
    private static Predicate<String, StoredMessage> allOf(
            List<Predicate<String, StoredMessage>> criteria, Predicate<String, StoredMessage> range) {
        return criteria.isEmpty()
                ? range
                : Predicates.and(
                        Stream.concat(Stream.of(range), criteria.stream()).toArray(Predicate[]::new));
    }

    /** Range queries back from the present (see {@link WindowScan}). */
    @Override
    public List<StoredMessage> latest(int limit) {
        return HazelcastMessageStore.onCluster(() -> {
            long present = micros(Instant.now());
            return new WindowScan((from, to) -> map.values(accepted(from, to)))
                    .backward(present, present + FUTURE_MARGIN_MICROS, limit);
        });
    }

    private static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }
}
