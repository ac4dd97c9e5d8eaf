package dev.hazelog.facade.domain;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last list of instances the config service gave, refreshed in the background. While the config service is
 * down the last known list keeps serving; only a facade that has never reached it has nothing to offer.
 */
public class InstanceDirectory implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(InstanceDirectory.class);

    private final InstanceSource source;
    private final AtomicReference<@Nullable Instances> known = new AtomicReference<>();
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("instance-refresh").factory());
    private volatile boolean sourceDown;

    private final RandomGenerator random;

    /** @param random shuffles the instances for {@link #ordered()} */
    public InstanceDirectory(InstanceSource source, RandomGenerator random) {
        this.source = source;
        this.random = random;
    }

    /** Refreshes now and then every {@code interval} until {@link #close()}. */
    public void start(Duration interval) {
        refresher.scheduleWithFixedDelay(this::refresh, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The latest instances; asks the config service first if it has never answered. */
    public Instances current() {
        Instances instances = known.get();
        if (instances != null) {
            return instances;
        }
        refresh();
        instances = known.get();
        if (instances == null) {
            throw new NoInstanceAvailableException(
                    "No logging service is known: the config service has not answered yet.",
                    List.of(source.describe() + ": no answer"));
        }
        return instances;
    }

    /** The logging services to try, in turn: the latest known, ordered as {@link #ordered(Instances)} says. */
    public List<URI> ordered() {
        return ordered(current());
    }

    /** Healthy instances first, each group shuffled: the load spreads, and a known-down one is only a last resort. */
    public List<URI> ordered(Instances instances) {
        List<URI> healthy = new ArrayList<>();
        List<URI> unhealthy = new ArrayList<>();
        for (Instances.LoggingInstance instance : instances.loggingServices()) {
            (instance.healthy() ? healthy : unhealthy).add(instance.url());
        }
        Collections.shuffle(healthy, random);
        Collections.shuffle(unhealthy, random);
        healthy.addAll(unhealthy);
        return healthy;
    }

    /** False while the config service does not answer, and the last known instances are served. */
    public boolean sourceReachable() {
        return !sourceDown;
    }

    public String sourceName() {
        return source.describe();
    }

    void refresh() {
        try {
            Instances fresh = source.fetch();
            Instances previous = known.getAndSet(fresh);
            if (sourceDown || previous == null || !fresh.sameStatesAs(previous)) {
                log.info("Instances from {}: {}", source.describe(), fresh.states());
            }
            sourceDown = false;
        } catch (ServiceUnavailableException e) {
            if (!sourceDown) {
                log.warn("Config service unavailable ({}); serving the last known instances", e.getMessage());
            }
            sourceDown = true;
        }
    }

    @Override
    public void close() {
        refresher.shutdownNow();
    }
}
