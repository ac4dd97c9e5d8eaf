package dev.hazelog.bench;

import dev.hazelog.bench.Bench.Phase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Workload S: {@code ./hazelog up} from nothing until every service is healthy, against three bare Hazelcast members
 * started in parallel the same way (same java, same flags) until each sees the other two. Medians of a few runs.
 */
final class StartupTimer {

    private final Options options;
    private final Launcher launcher;
    private final Path root;

    StartupTimer(Options options, Launcher launcher) {
        this.options = options;
        this.launcher = launcher;
        this.root = launcher.root();
    }

    /** Times ./hazelog up after ./hazelog down; leaves the system running. */
    Duration hazelog() {
        List<Duration> runs = new ArrayList<>();
        for (int run = 0; run < options.startupRuns(); run++) {
            launcher.run("down");
            long start = System.nanoTime();
            launcher.run("up");
            runs.add(Duration.ofNanos(System.nanoTime() - start));
            Phase.progress("S", "./hazelog up took " + runs.getLast().toMillis() + " ms");
        }
        return median(runs);
    }

    /** Times three bare members from launch until all see three; the system is stopped meanwhile so it does not compete. */
    Duration bareCluster() {
        launcher.run("down");
        List<Duration> runs = new ArrayList<>();
        try {
            for (int run = 0; run < options.startupRuns(); run++) {
                runs.add(oneBareCluster());
                Phase.progress(
                        "S", "bare 3-member cluster took " + runs.getLast().toMillis() + " ms");
            }
        } finally {
            launcher.run("up");
        }
        return median(runs);
    }

    private Duration oneBareCluster() {
        int[] ports = {freePort(), freePort(), freePort()};
        String members = String.join(
                ",", Arrays.stream(ports).mapToObj(p -> "127.0.0.1:" + p).toList());
        String cluster = "bench-bare-" + System.nanoTime();
        List<Process> processes = new ArrayList<>();
        long start = System.nanoTime();
        try {
            for (int port : ports) {
                processes.add(java("member", String.valueOf(port), members, cluster, "3"));
            }
            for (Process process : processes) {
                awaitReady(process);
            }
            return Duration.ofNanos(System.nanoTime() - start);
        } finally {
            processes.forEach(Process::destroyForcibly);
        }
    }

    private Process java(String... arguments) {
        List<String> command =
                new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        String memberOptions = System.getenv()
                .getOrDefault("HAZELOG_MEMBER_JAVA_OPTS", "@" + root.resolve("logging-service/hazelcast-jvm.args"));
        command.addAll(List.of(memberOptions.strip().split("\\s+")));
        command.addAll(List.of("-jar", root.resolve("bench/target/bench.jar").toString()));
        command.addAll(List.of(arguments));
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void awaitReady(Process process) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream()))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.equals(BareMember.READY)) {
                    return;
                }
            }
            throw new IllegalStateException("a bare member exited before its cluster was whole");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Duration median(List<Duration> runs) {
        List<Duration> sorted = runs.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
