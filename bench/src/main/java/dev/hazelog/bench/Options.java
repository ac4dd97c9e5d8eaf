package dev.hazelog.bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The benchmark's settings, from {@code --name value} arguments. {@code ./hazelog bench} fills in where the system
 * runs; the rest have defaults for a full run, and {@code --smoke} shrinks every phase to seconds.
 */
record Options(
        URI facade,
        List<URI> loggingServices,
        List<String> members,
        String clusterName,
        String writeToken,
        Path launcher,
        String store,
        String database,
        Set<String> workloads,
        int clients,
        int messageBytes,
        Duration prime,
        Duration warmup,
        Duration duration,
        List<Integer> storedForReads,
        int storedForSearches,
        int startupRuns,
        Path report,
        boolean wipe,
        String command) {

    static final List<String> ALL_WORKLOADS = List.of("L0", "L1", "F", "B", "G", "Q", "T", "M", "S");

    static Options parse(String[] args) {
        Map<String, String> given = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--smoke")) {
                given.put("smoke", "true");
            } else if (args[i].startsWith("--") && i + 1 < args.length && !args[i + 1].startsWith("--")) {
                given.put(args[i].substring(2), args[++i]);
            } else if (args[i].startsWith("--")) {
                given.put(args[i].substring(2), "");
            } else {
                throw new IllegalArgumentException("unexpected argument " + args[i] + "; see ./hazelog bench --help");
            }
        }
        boolean smoke = given.containsKey("smoke");
        return new Options(
                URI.create(required(given, "facade")),
                Arrays.stream(required(given, "logging").split(","))
                        .map(URI::create)
                        .toList(),
                List.of(required(given, "members").split(",")),
                given.getOrDefault("cluster", "dev"),
                given.getOrDefault("token", ""),
                Path.of(given.getOrDefault("launcher", "./hazelog")),
                given.getOrDefault("store", "local"),
                given.getOrDefault("database", ""),
                Set.copyOf(List.of(given.getOrDefault("workloads", String.join(",", ALL_WORKLOADS))
                        .split(","))),
                Integer.parseInt(given.getOrDefault("clients", "32")),
                Integer.parseInt(given.getOrDefault("size", "100")),
                Duration.parse("PT" + given.getOrDefault("prime", smoke ? "0s" : "60s")),
                Duration.parse("PT" + given.getOrDefault("warmup", smoke ? "0.5s" : "30s")),
                Duration.parse("PT" + given.getOrDefault("duration", smoke ? "1s" : "20s")),
                Arrays.stream(given.getOrDefault("stored", smoke ? "1000" : "1000,10000,100000")
                                .split(","))
                        .map(Integer::valueOf)
                        .toList(),
                Integer.parseInt(given.getOrDefault("searched", smoke ? "5000" : "1000000")),
                Integer.parseInt(given.getOrDefault("startup-runs", smoke ? "1" : "3")),
                given.containsKey("report") ? Path.of(given.get("report")) : null,
                given.containsKey("wipe"),
                given.getOrDefault("command", "./hazelog bench " + String.join(" ", args)));
    }

    boolean runs(String workload) {
        return workloads.contains(workload);
    }

    private static String required(Map<String, String> given, String name) {
        String value = given.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required (./hazelog bench passes it)");
        }
        return value;
    }
}
