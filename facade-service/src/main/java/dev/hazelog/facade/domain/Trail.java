package dev.hazelog.facade.domain;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** What one call tried, from one thread or two; the order of {@code tried} is the order things happened in. */
final class Trail {

    private final List<String> tried;
    private final AtomicInteger failedAttempts;
    private final AtomicBoolean started = new AtomicBoolean();

    Trail() {
        this(new CopyOnWriteArrayList<>(), new AtomicInteger());
    }

    private Trail(List<String> tried, AtomicInteger failedAttempts) {
        this.tried = tried;
        this.failedAttempts = failedAttempts;
    }

    /** The same record, for a hedge that runs beside this call: its first try is not a failover. */
    Trail beside() {
        return new Trail(tried, failedAttempts);
    }

    /** @return whether another instance was tried before on this side */
    boolean started() {
        return started.getAndSet(true);
    }

    void failed(int attempts, String what) {
        failedAttempts.addAndGet(attempts);
        tried.add(what);
    }

    int failedAttempts() {
        return failedAttempts.get();
    }

    NoInstanceAvailableException exhausted(int known) {
        return new NoInstanceAvailableException(
                "No logging service could take the request (%d known).".formatted(known), tried);
    }
}
