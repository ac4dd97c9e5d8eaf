package dev.hazelog.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Starts service jars as processes with whatever addresses a test needs (for example inside a network namespace),
 * the way an operator would on separate machines; {@link #close()} SIGKILLs every one still running.
 */
final class ServiceProcesses implements AutoCloseable {

    private final Path root =
            Path.of(System.getProperty("hazelog.root", "..")).toAbsolutePath().normalize();
    private final Path logs;
    private final Map<String, Process> running = new LinkedHashMap<>();

    ServiceProcesses() {
        try {
            logs = Files.createTempDirectory(root.resolve("system-tests/target"), "processes-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param module e.g. "logging-service"
     * @param wrap turns the java command into the command to run, e.g. prefixing {@code ip netns exec}
     */
    void start(String name, String module, List<String> arguments, UnaryOperator<List<String>> wrap) {
        List<String> java =
                new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx256m"));
        if (module.equals("logging-service")) {
            java.add("@" + root.resolve("logging-service/hazelcast-jvm.args"));
        }
        // The options ./hazelog adds to every service's (CI's choice of compiler among them).
        String options = System.getenv().getOrDefault("HAZELOG_JAVA_OPTS", "").strip();
        if (!options.isEmpty()) {
            java.addAll(List.of(options.split("\\s+")));
        }
        java.addAll(List.of(
                "-jar", root.resolve(module + "/target/" + module + ".jar").toString()));
        java.addAll(arguments);
        try {
            running.put(
                    name,
                    new ProcessBuilder(wrap.apply(java))
                            .redirectErrorStream(true)
                            .redirectOutput(logs.resolve(name + ".log").toFile())
                            .start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String logTails() {
        StringBuilder tails = new StringBuilder();
        for (String name : running.keySet()) {
            try {
                List<String> lines = Files.readAllLines(logs.resolve(name + ".log"));
                tails.append("---- ").append(name).append('\n');
                lines.subList(Math.max(0, lines.size() - 25), lines.size())
                        .forEach(line -> tails.append(line).append('\n'));
            } catch (IOException e) {
                tails.append("(no log for ").append(name).append(")\n");
            }
        }
        return tails.toString();
    }

    @Override
    public void close() {
        running.values().forEach(Process::destroyForcibly);
        running.values().forEach(process -> process.onExit().join());
    }
}
