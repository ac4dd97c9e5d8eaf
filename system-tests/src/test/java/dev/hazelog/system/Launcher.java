package dev.hazelog.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hazelog.shared.testing.FreePorts;
import dev.hazelog.shared.testing.HttpProbe;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Drives {@code ./hazelog} exactly as a user does, on free ports, its own run folder and its own cluster name, so
 * it never meets a Hazelog that runs on the defaults. {@link #close()} stops every process it started.
 */
final class Launcher implements AutoCloseable {

    static final ServiceTable TABLE = ServiceTable.read();
    static final List<String> SERVICES = TABLE.names();
    /** A warning or an error as the services (Spring Boot) and PostgreSQL log them. */
    private static final Pattern WARNING = Pattern.compile(" (WARN|ERROR) |(WARNING|ERROR|FATAL|PANIC): ");

    private final Path root = ServiceTable.ROOT;
    private final Path runDir;
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, Integer> secondPorts = new HashMap<>();
    private final Map<String, String> environment = new HashMap<>();
    /** How the start-up times printed name this system: the settings it was given. */
    private final String settings;

    /** @param settings more environment for ./hazelog and the services, e.g. HAZELOG_CLUSTER_BACKUP_COUNT */
    Launcher(Map<String, String> settings) {
        try {
            // The run folder is not created yet, as on a fresh clone: ./hazelog makes it. Others may enter the folder
            // above it: started by root, the database runs as an unprivileged user.
            runDir = Files.createTempDirectory(
                            root.resolve("system-tests/target"),
                            "hazelog-run-",
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")))
                    .resolve("run");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TABLE.withHttp().forEach(service -> ports.put(service.name(), FreePorts.next()));
        environment.put("HAZELOG_RUN_DIR", runDir.toString());
        environment.put("HAZELOG_CLUSTER_NAME", "system-" + UUID.randomUUID());
        // Every run has the write token on: the facade must send it, and nobody else can write to a logging service.
        environment.put("HAZELOG_SECURITY_WRITE_TOKEN", "system-" + UUID.randomUUID());
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        ports.forEach((name, port) -> environment.put(TABLE.get(name).portVariable(), String.valueOf(port)));
        TABLE.withSecondPorts().forEach(service -> {
            int port = FreePorts.next();
            secondPorts.put(service.name(), port);
            environment.put(service.secondPortVariable(), String.valueOf(port));
        });
        environment.putAll(settings);
        this.settings = settings.isEmpty()
                ? "the defaults"
                : settings.keySet().stream()
                        .sorted()
                        .map(key -> key.contains("PASSWORD") ? key : key + "=" + settings.get(key))
                        .collect(Collectors.joining(", "));
    }

    /** The services ./hazelog runs with these settings: the database only when it is the one ./hazelog runs. */
    List<String> services() {
        boolean ownDatabase = environment.getOrDefault("HAZELOG_STORE_URL", "").isEmpty()
                && !"memory".equals(environment.get("HAZELOG_STORE"));
        return ownDatabase
                ? SERVICES
                : SERVICES.stream().filter(name -> !name.equals("database")).toList();
    }

    /** Those of them that are JVMs answering HTTP: every one but the database. */
    List<String> jvmServices() {
        return services().stream().filter(name -> !name.equals("database")).toList();
    }

    String writeToken() {
        return environment.get("HAZELOG_SECURITY_WRITE_TOKEN");
    }

    /** Starts every service that is not running, and prints how long it took: starts are most of the suites' time. */
    String up() {
        long started = System.nanoTime();
        String output = run("up");
        System.out.printf("./hazelog up took %.1f s, %s%n", (System.nanoTime() - started) / 1e9, settings);
        return output;
    }

    void kill(String name) {
        run("kill", name);
    }

    /**
     * SIGKILLs the services in the same instant, which ./hazelog, one service at a time, cannot; the database with every
     * process of it, as a power cut would.
     */
    void killAtOnce(String... names) {
        List<ProcessHandle> processes = Stream.of(names)
                .map(name -> ProcessHandle.of(pid(name)).orElseThrow())
                .flatMap(process -> Stream.concat(Stream.of(process), process.children()))
                .toList();
        processes.forEach(ProcessHandle::destroyForcibly);
        processes.forEach(process -> process.onExit().join());
    }

    void stop(String name) {
        run("stop", name);
    }

    /** SIGSTOP: the service hangs with its connections open, until {@link #thaw}. */
    void freeze(String name) {
        run("freeze", name);
    }

    void thaw(String name) {
        run("thaw", name);
    }

    void start(String name) {
        run("start", name);
    }

    String status() {
        return run("status");
    }

    HttpProbe http(String name) {
        return new HttpProbe(url(name));
    }

    /** Where a service answers, as the config service lists it: the database's is a postgresql:// URL. */
    String url(String name) {
        return name.equals("database")
                ? "postgresql://127.0.0.1:" + secondPorts.get(name)
                : "http://127.0.0.1:" + ports.get(name);
    }

    /** Where ./hazelog keeps this system's PID files, logs and data. */
    Path runDirectory() {
        return runDir;
    }

    /** The PID the launcher recorded for a running service. */
    long pid(String name) {
        try {
            return Long.parseLong(
                    Files.readString(runDir.resolve(name + ".pid")).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The warnings and errors of every service's log, then its last lines, to show why a test failed: a service under
     * load logs a line per message, and the line that says what went wrong scrolls out of the last ones in a second.
     */
    String logTails() {
        StringBuilder tails = new StringBuilder();
        for (String name : SERVICES) {
            Path log = logFile(name);
            try {
                List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
                List<String> warnings = lines.stream()
                        .filter(line -> WARNING.matcher(line).find())
                        .toList();
                tails.append("---- ").append(name).append(", its warnings and errors\n");
                lastOf(warnings, 20).forEach(line -> tails.append(line).append('\n'));
                tails.append("---- ").append(name).append(", its last lines\n");
                lastOf(lines, 10).forEach(line -> tails.append(line).append('\n'));
            } catch (IOException e) {
                tails.append("(cannot read ").append(log).append(")\n");
            }
        }
        return tails.toString();
    }

    private static List<String> lastOf(List<String> lines, int count) {
        return lines.subList(Math.max(0, lines.size() - count), lines.size());
    }

    Path logFile(String name) {
        return runDir.resolve("logs/" + name + ".log");
    }

    String log(String name) {
        try {
            return Files.readString(logFile(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code ./hazelog} with the arguments and returns its output; a non-zero exit fails the test. */
    String run(String... arguments) {
        Result result = tryRun(arguments);
        assertThat(result.exitCode())
                .as("./hazelog %s exited with %d:%n%s", String.join(" ", arguments), result.exitCode(), result.output())
                .isZero();
        return result.output();
    }

    Result tryRun(String... arguments) {
        List<String> command = new ArrayList<>(List.of(root.resolve("hazelog").toString()));
        command.addAll(List.of(arguments));
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(root.toFile())
                    .redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().putAll(environment);
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("./hazelog " + String.join(" ", arguments) + " hung");
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops everything through the launcher, then makes sure with SIGKILL that no process outlives the tests. */
    @Override
    public void close() {
        tryRun("down");
        for (String name : SERVICES) {
            Path pidFile = runDir.resolve(name + ".pid");
            if (Files.exists(pidFile)) {
                ProcessHandle.of(pid(name))
                        .filter(process ->
                                process.info().commandLine().orElse("").contains("-service.jar"))
                        .ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    record Result(int exitCode, String output) {}
}
