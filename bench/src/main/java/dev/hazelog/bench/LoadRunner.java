package dev.hazelog.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.jspecify.annotations.Nullable;

/**
 * Runs one operation under load: closed loop (N clients, each sends as soon as its last answer came) or fixed rate
 * (sends on a schedule; latency is measured from when a request was due, so a stall counts against every request
 * it delayed: no coordinated omission). Warm-up first, then the measured phase; a progress line every second.
 */
final class LoadRunner {

    private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(2);

    @FunctionalInterface
    interface Operation {
        void run() throws Exception;
    }

    /** @param latency in microseconds, of the measured phase only */
    record Result(String workload, String mode, int clients, double opsPerSecond, long errors, Histogram latency) {}

    private LoadRunner() {}

    static Result closedLoop(String workload, int clients, Duration warmup, Duration duration, Operation operation) {
        return run(workload, "closed loop", clients, warmup, duration, (stopAt, sample) -> {
            while (System.nanoTime() < stopAt) {
                long start = System.nanoTime();
                sample.accept(start, operation);
            }
        });
    }

    /** @param clients enough to keep up with the rate; each waits for its next due time */
    static Result fixedRate(
            String workload, double perSecond, int clients, Duration warmup, Duration duration, Operation operation) {
        long interval = (long) (TimeUnit.SECONDS.toNanos(1) / perSecond);
        AtomicLong slots = new AtomicLong();
        long first = System.nanoTime();
        return run(
                workload,
                String.format(Locale.ROOT, "fixed %.0f/s", perSecond),
                clients,
                warmup,
                duration,
                (stopAt, sample) -> {
                    while (true) {
                        long due = first + slots.getAndIncrement() * interval;
                        if (due >= stopAt) {
                            return;
                        }
                        // parkNanos may return early; an operation sent before its due time could end before it
                        for (long wait; (wait = due - System.nanoTime()) > 0; ) {
                            LockSupport.parkNanos(wait);
                        }
                        sample.accept(due, operation);
                    }
                });
    }

    @FunctionalInterface
    private interface Client {
        void loop(long stopAt, Sampler sample);
    }

    @FunctionalInterface
    private interface Sampler {
        void accept(long dueNanos, Operation operation);
    }

    private static Result run(
            String workload, String mode, int clients, Duration warmup, Duration duration, Client client) {
        Recorder recorder = new Recorder(HIGHEST_MICROS, 3);
        AtomicLong errors = new AtomicLong();
        AtomicReference<@Nullable String> firstError = new AtomicReference<>();
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long stopAt = measureFrom + duration.toNanos();
        Sampler sample = (due, operation) -> {
            try {
                operation.run();
                recorder.recordValue(Math.min(HIGHEST_MICROS, (System.nanoTime() - due) / 1000));
            } catch (Exception e) {
                if (System.nanoTime() >= measureFrom) {
                    errors.incrementAndGet();
                    firstError.compareAndSet(null, e.toString());
                }
            }
        };
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            threads.add(Thread.ofVirtual().start(() -> client.loop(stopAt, sample)));
        }
        Histogram measured = new Histogram(HIGHEST_MICROS, 3);
        Histogram interval = null;
        while (System.nanoTime() < stopAt) {
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
            interval = recorder.getIntervalHistogram(interval);
            boolean measuring = System.nanoTime() > measureFrom + TimeUnit.MILLISECONDS.toNanos(100);
            if (measuring) {
                measured.add(interval);
            }
            System.out.printf(
                    Locale.ROOT,
                    "  %-8s %-13s %3ds %s %8d ops/s  p50 %7.2f ms  p99 %7.2f ms  errors %d%n",
                    workload,
                    mode,
                    TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start),
                    measuring ? "measure" : "warm-up",
                    interval.getTotalCount(),
                    interval.getValueAtPercentile(50) / 1000.0,
                    interval.getValueAtPercentile(99) / 1000.0,
                    errors.get());
        }
        threads.forEach(LoadRunner::join);
        if (firstError.get() != null) { // an error counted in the table should be explained beside it
            System.out.printf("  %s %s: the first of %d errors: %s%n", workload, mode, errors.get(), firstError.get());
        }
        measured.add(recorder.getIntervalHistogram());
        double seconds = duration.toNanos() / 1e9;
        return new Result(workload, mode, clients, measured.getTotalCount() / seconds, errors.get(), measured);
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
