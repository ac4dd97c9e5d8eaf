package dev.hazelog.facade.domain;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Instances that let a write wait past the hedge lately: the next writes try them last, until they answer or a while
 * has passed, so that an instance that hangs costs the hedge's wait once rather than on every write that picks it
 * first until the health checks notice.
 */
final class Laggards {

    private final long rememberedForNanos;
    private final Map<URI, Long> until = new ConcurrentHashMap<>();

    Laggards(Duration rememberedFor) {
        this.rememberedForNanos = rememberedFor.toNanos();
    }

    void lagged(URI instance) {
        until.put(instance, System.nanoTime() + rememberedForNanos);
    }

    void answered(URI instance) {
        until.remove(instance);
    }

    /** The same instances, laggards moved to the end, the rest in the order given. */
    List<URI> last(List<URI> instances) {
        long now = System.nanoTime();
        until.values().removeIf(deadline -> now - deadline > 0);
        if (until.isEmpty()) {
            return instances;
        }
        List<URI> ordered = new ArrayList<>(instances);
        ordered.sort(Comparator.comparing(until::containsKey));
        return ordered;
    }
}
