package dev.hazelog.bench;

import dev.hazelog.bench.LoadRunner.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

/**
 * Holds a running Hazelog against its own limits and prints a table: L0 the storage limit (a Hazelcast client),
 * L1 one hop (straight to the logging services), F the product (the facade, both APIs), B batches, G reads with
 * many messages stored, Q searches with many stored, T streams of new messages, M the product again with the members' memory only (against F with the database), S
 * start-up against a bare cluster. Start it with {@code ./hazelog bench}.
 */
public final class Bench {

    static final int BATCH = 100;
    private static final int G_CLIENTS = 1;
    private static final Duration B_PHASE = Duration.ofSeconds(5);
    private static final Duration G_WARMUP = Duration.ofSeconds(5);
    private static final int STREAM_CLIENTS = 100;

    private final Options options;
    private final Launcher launcher;
    private final List<Result> results = new ArrayList<>();
    private final List<String> ratios = new ArrayList<>();

    private Bench(Options options) {
        this.options = options;
        this.launcher = new Launcher(options.launcher());
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("member")) {
            BareMember.run(args);
            return;
        }
        try {
            new Bench(Options.parse(args)).run();
        } catch (IllegalArgumentException | IllegalStateException | IOException e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(2);
        }
        System.exit(0);
    }

    private void run() throws IOException, InterruptedException {
        Result f = null;
        MessageDatabase database = options.database().isEmpty() ? null : new MessageDatabase(options.database());
        try (Targets targets = new Targets(options, database)) {
            int held = targets.count();
            if (held > 0 && !options.wipe()) {
                throw new IllegalStateException(("the system holds %d messages, and the benchmark empties the store "
                                + "between workloads; run it where they can go, with --wipe")
                        .formatted(held));
            }
            prime(targets);
            targets.clear();
            Result l0 = options.runs("L0") ? writes(targets, "L0", targets::putIfAbsent) : null;
            if (options.runs("L1")) {
                Result l1 = writes(targets, "L1", targets::postToLoggingService);
                Result floor = probe("liveness logging", targets::loggingServiceLiveness);
                ratio("L1 / a logging service's liveness probe", l1, floor, ">= 60 %");
                ratio("L1 / L0 throughput", l1, l0, "none (was >= 80 %)");
            }
            if (options.runs("F")) {
                Result json = writes(targets, "F json", targets::postMessage);
                Result floor = probe("liveness facade", () -> targets.get("/actuator/health/liveness"));
                f = json;
                writes(targets, "F original", targets::sendToLoggingService);
                Result halfRate = writes(
                        targets,
                        (warmup, duration) -> LoadRunner.fixedRate(
                                "F json",
                                json.opsPerSecond() / 2,
                                options.clients(),
                                warmup,
                                duration,
                                targets::postMessage),
                        options.warmup(),
                        options.duration());
                // The same rate on a route that does nothing: the tail the machine itself adds (scheduling, pauses).
                Result probe = record(LoadRunner.fixedRate(
                        "liveness",
                        json.opsPerSecond() / 2,
                        options.clients(),
                        options.warmup(),
                        options.duration(),
                        () -> targets.get("/actuator/health/liveness")));
                ratio("F json / the facade's liveness probe", json, floor, ">= 50 %");
                ratio("F / L0 throughput", json, l0, "none (was >= 50 %)");
                tail("F at half its maximum rate / the liveness probe at the same rate", halfRate, probe, "<= 3");
            }
            if (options.runs("B")) {
                // As many messages in flight as the single posts had, not a hundred times as many; and phases short
                // enough that what B stores (up to 40k messages/s here) stays well below the members' memory limit
                // (about 350k messages with -Xmx512m).
                int clients = Math.max(1, options.clients() / 8);
                writes(
                        targets,
                        (warmup, duration) -> LoadRunner.closedLoop(
                                "B x" + BATCH, clients, warmup, duration, () -> targets.postBatch(BATCH)),
                        shortest(options.warmup(), B_PHASE),
                        shortest(options.duration(), B_PHASE));
            }
            if (options.runs("G")) {
                reads(targets);
            }
            if (options.runs("Q")) {
                searches(targets);
            }
            if (options.runs("T")) {
                streams(targets, f);
            }
        }
        if (options.runs("M")) {
            memoryOnly(f, database);
        }
        if (options.runs("S")) {
            startup();
        }
        String table = table();
        System.out.println("\n" + table);
        if (options.report() != null) {
            Files.writeString(options.report(), report(table));
            System.out.println("Written to " + options.report());
        }
    }

    /**
     * Writes through the facade for a while before anything is measured: it runs every service's write path, so
     * the JIT has compiled them all, whichever workload comes first.
     */
    private void prime(Targets targets) {
        if (!options.prime().isZero()) {
            LoadRunner.closedLoop("prime", options.clients(), options.prime(), Duration.ZERO, targets::postMessage);
        }
    }

    private Result writes(Targets targets, String workload, LoadRunner.Operation operation) {
        return writes(
                targets,
                (warmup, duration) -> LoadRunner.closedLoop(workload, options.clients(), warmup, duration, operation),
                options.warmup(),
                options.duration());
    }

    /**
     * A workload that stores: warmed up, then measured, as two runs with the store emptied before each. What one
     * phase stored would weigh on the members during the next, and a few minutes of writes hold more messages than
     * the members' memory limit lets them take.
     */
    private Result writes(Targets targets, Workload workload, Duration warmup, Duration duration) {
        workload.run(warmup, Duration.ZERO);
        targets.clear();
        Result measured = record(workload.run(Duration.ZERO, duration));
        targets.clear();
        return measured;
    }

    @FunctionalInterface
    private interface Workload {
        Result run(Duration warmup, Duration duration);
    }

    private Result record(Result result) {
        results.add(result);
        return result;
    }

    /**
     * G: fills the empty store up to each size with batches, then reads everything back, one client at a time, and
     * pages through it from the first message to the last, over and over.
     */
    private void reads(Targets targets) throws IOException, InterruptedException {
        for (int stored : options.storedForReads()) {
            int have = targets.count();
            Phase.progress("G", "filling from " + have + " to " + stored + " messages");
            for (int i = have; i < stored; i += BATCH) {
                targets.postBatch(BATCH);
            }
            String size = stored < 1000 ? String.valueOf(stored) : stored / 1000 + "k";
            for (String path : List.of("/messages", "/get_resulted_messages")) {
                read(targets, "G %s %s".formatted(size, path), () -> targets.get(path));
            }
            read(targets, "G %s page of %d".formatted(size, Targets.PAGE), targets::nextPage);
        }
    }

    /** Q: searches with many messages stored (see {@link SearchQueries}), one client at a time, on an empty store. */
    private void searches(Targets targets) throws IOException {
        targets.clear();
        int stored = options.storedForSearches();
        SearchQueries queries = SearchQueries.fill(targets, stored);
        String size = stored / 1000 + "k";
        Result rare = read(targets, "Q %d of %s contain a word".formatted(SearchQueries.RARE, size), queries::rare);
        Result window = read(targets, "Q a window of %d in %s".formatted(SearchQueries.WINDOW, size), queries::window);
        read(targets, "Q every one of %s contains it, first page".formatted(size), queries::common);
        targets.clear();
        slowest("Q contains, found %d times in %s: the page of all".formatted(SearchQueries.RARE, size), rare, 300);
        slowest("Q a window of %d in %s: the page of all".formatted(SearchQueries.WINDOW, size), window, 100);
    }

    /**
     * T: how long a message takes from its acceptance to a stream's client while writes run at half of F json's rate,
     * and what 100 connected clients cost the writes: F json without them and with them, twice each.
     */
    private void streams(Targets targets, @Nullable Result f) throws IOException {
        Result full = f != null ? f : writes(targets, "F json", targets::postMessage);
        try (StreamClients one = new StreamClients(options.facade(), 1, true)) {
            Workload halfRate = (warmup, duration) -> LoadRunner.fixedRate(
                    "T F json, 1 stream",
                    full.opsPerSecond() / 2,
                    options.clients(),
                    warmup,
                    duration,
                    targets::postMessage);
            halfRate.run(options.warmup(), Duration.ZERO);
            one.delaysSinceLastCall();
            record(halfRate.run(Duration.ZERO, options.duration()));
            Histogram delays = one.delaysSinceLastCall();
            targets.clear();
            ratios.add(String.format(
                    Locale.ROOT,
                    "| T a message from its acceptance to a stream's client, writes at half F json's rate: p50 / p99 |"
                            + " %.1f / %.1f ms | p99 < 200 ms |",
                    delays.getValueAtPercentile(50) / 1000.0,
                    delays.getValueAtPercentile(99) / 1000.0));
        }
        // Without, with, with, without: the system still warming favours neither side.
        double alone =
                writes(targets, "T F json, no streams", targets::postMessage).opsPerSecond();
        double followed = 0;
        try (StreamClients hundred = new StreamClients(options.facade(), STREAM_CLIENTS, false)) {
            for (int run = 0; run < 2; run++) {
                String workload = "T F json, %d streams".formatted(STREAM_CLIENTS);
                followed += writes(targets, workload, targets::postMessage).opsPerSecond();
            }
        }
        alone += writes(targets, "T F json, no streams", targets::postMessage).opsPerSecond();
        ratios.add(String.format(
                Locale.ROOT,
                "| T F json with %d streams / without (runs without, with, with, without) | %.0f %% | >= 90 %% |",
                STREAM_CLIENTS,
                100 * followed / alone));
    }

    /**
     * M: the logging services restarted with their members' memory only ({@code HAZELOG_STORE=memory}: nothing else
     * differs between the modes, so the other services stay up and warm, as they were for F), primed, F measured, then
     * restarted as they were and F measured again: what the database behind the map costs, in the same run.
     */
    private void memoryOnly(@Nullable Result withDatabase, @Nullable MessageDatabase database) throws IOException {
        if (options.store().equals("memory")) {
            Phase.progress("M", "skipped: the system runs with its members' memory only already");
            return;
        }
        Phase.progress("M", "restarting the logging services with their members' memory only");
        restartLoggingServices(Map.of("HAZELOG_STORE", "memory"));
        Result memoryOnly;
        try (Targets targets = new Targets(options, null)) {
            prime(targets);
            targets.clear();
            memoryOnly = writes(targets, "F json, memory only", targets::postMessage);
            writes(targets, "F original, memory only", targets::sendToLoggingService);
        } finally {
            Phase.progress("M", "restarting the logging services as they were");
            restartLoggingServices(Map.of());
        }
        // The facade, never restarted, gets faster for minutes: F with the database is taken on both sides of the
        // memory-only F, and their mean compared with it, so that neither mode gains by coming later.
        try (Targets targets = new Targets(options, database)) {
            prime(targets);
            targets.clear();
            Result after = writes(targets, "F json with the database, after M", targets::postMessage);
            double durable = withDatabase == null
                    ? after.opsPerSecond()
                    : (withDatabase.opsPerSecond() + after.opsPerSecond()) / 2;
            ratio("F json with the database (before and after M) / memory only", durable, memoryOnly, ">= 80 %");
        }
    }

    /**
     * Stops the logging services (logging-1, logging-2, ...) together, as {@code ./hazelog down} does: one after the
     * other, each would hand its partitions to the next to go. {@code ./hazelog up} starts them again, the only ones
     * down.
     */
    private void restartLoggingServices(Map<String, String> environment) {
        try (ExecutorService stops = Executors.newVirtualThreadPerTaskExecutor()) {
            CompletableFuture.allOf(IntStream.rangeClosed(
                                    1, options.loggingServices().size())
                            .mapToObj(
                                    i -> CompletableFuture.runAsync(() -> launcher.run("stop", "logging-" + i), stops))
                            .toArray(CompletableFuture[]::new))
                    .join();
        }
        launcher.run(environment, "up");
    }

    /** A closed loop with as many clients as the writes, on a route that stores nothing: the store is left as it is. */
    private Result probe(String workload, LoadRunner.Operation operation) {
        return record(
                LoadRunner.closedLoop(workload, options.clients(), options.warmup(), options.duration(), operation));
    }

    private Result read(Targets targets, String workload, LoadRunner.Operation operation) {
        return record(LoadRunner.closedLoop(
                workload, G_CLIENTS, shortest(options.warmup(), G_WARMUP), options.duration(), operation));
    }

    private static Duration shortest(Duration given, Duration cap) {
        return given.compareTo(cap) < 0 ? given : cap;
    }

    private void startup() {
        StartupTimer timer = new StartupTimer(options, launcher);
        Duration bare = timer.bareCluster();
        Duration hazelog = timer.hazelog();
        ratios.add(String.format(
                Locale.ROOT,
                "| S: ./hazelog up %.1f s / bare cluster %.1f s | %.2f | <= 1.5 |",
                hazelog.toMillis() / 1000.0,
                bare.toMillis() / 1000.0,
                (double) hazelog.toMillis() / bare.toMillis()));
    }

    private void slowest(String name, Result result, int targetMillis) {
        ratios.add(String.format(
                Locale.ROOT,
                "| %s: p99 | %.1f ms | < %d ms |",
                name,
                result.latency().getValueAtPercentile(99) / 1000.0,
                targetMillis));
    }

    private void tail(String name, Result result, Result floor, String target) {
        ratios.add(String.format(
                Locale.ROOT,
                "| %s: p99 / p99 | %.1f | %s |",
                name,
                (double) result.latency().getValueAtPercentile(99)
                        / floor.latency().getValueAtPercentile(99),
                target));
    }

    private void ratio(String name, @Nullable Result numerator, @Nullable Result denominator, String target) {
        if (numerator != null) {
            ratio(name, numerator.opsPerSecond(), denominator, target);
        }
    }

    private void ratio(String name, double numerator, @Nullable Result denominator, String target) {
        if (denominator != null) {
            ratios.add(String.format(
                    Locale.ROOT, "| %s | %.0f %% | %s |", name, 100 * numerator / denominator.opsPerSecond(), target));
        }
    }

    private String table() {
        StringBuilder table =
                new StringBuilder("| workload | mode | clients | requests/s | p50 ms | p99 ms | p99.9 ms | errors |\n"
                        + "|---|---|---:|---:|---:|---:|---:|---:|\n");
        for (Result result : results) {
            table.append(String.format(
                    Locale.ROOT,
                    "| %s | %s | %d | %.0f | %.2f | %.2f | %.2f | %d |%n",
                    result.workload(),
                    result.mode(),
                    result.clients(),
                    result.opsPerSecond(),
                    result.latency().getValueAtPercentile(50) / 1000.0,
                    result.latency().getValueAtPercentile(99) / 1000.0,
                    result.latency().getValueAtPercentile(99.9) / 1000.0,
                    result.errors()));
        }
        if (!ratios.isEmpty()) {
            table.append("\n| ratio | measured | target |\n|---|---:|---|\n");
            ratios.forEach(line -> table.append(line).append('\n'));
        }
        return table.toString();
    }

    private String report(String table) {
        Runtime runtime = Runtime.getRuntime();
        return """
                Run on %s: %d cores, Java %s, services with %s, messages kept %s, the whole system primed with %d s of facade \
                writes, then per workload %d s of warm-up and %d s measured (B: at most %d s each, G: %d s of \
                warm-up), %d clients, messages of %d bytes.

                `%s`

                %s""".formatted(
                        LocalDate.now(),
                        runtime.availableProcessors(),
                        System.getProperty("java.version"),
                        System.getenv().getOrDefault("HAZELOG_JAVA_OPTS", "").isBlank()
                                ? "their default options (./hazelog)"
                                : "`HAZELOG_JAVA_OPTS=" + System.getenv("HAZELOG_JAVA_OPTS") + "`",
                        switch (options.store()) {
                            case "memory" -> "in the members' memory only";
                            case "external" -> "in the database at HAZELOG_STORE_URL";
                            default -> "in the database ./hazelog runs (PostgreSQL)";
                        },
                        options.prime().toSeconds(),
                        options.warmup().toSeconds(),
                        options.duration().toSeconds(),
                        B_PHASE.toSeconds(),
                        G_WARMUP.toSeconds(),
                        options.clients(),
                        options.messageBytes(),
                        options.command(),
                        table);
    }

    /** Progress lines for phases that are not load runs. */
    static final class Phase {
        private Phase() {}

        static void progress(String workload, String message) {
            System.out.printf("  %-8s %s%n", workload, message);
        }
    }
}
