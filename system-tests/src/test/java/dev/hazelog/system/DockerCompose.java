package dev.hazelog.system;

import dev.hazelog.shared.testing.FreePorts;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code deploy/compose/docker-compose.yml} under a project name of its own, with every published port free, on the
 * host's loopback, and a network of its own: the same file and commands a user runs, next to anything else running.
 */
final class DockerCompose {

    private static final Path FILE = ServiceTable.ROOT.resolve("deploy/compose/docker-compose.yml");
    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(6);

    private final String project = "hazelog-it-"
            + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    private final Map<String, String> environment = new HashMap<>();
    private final Map<String, Integer> ports = new HashMap<>();

    /** @param images base images: HAZELOG_BUILD_IMAGE, HAZELOG_RUNTIME_IMAGE, HAZELOG_POSTGRES_IMAGE */
    DockerCompose(Map<String, String> images) {
        environment.putAll(images);
        environment.put(
                "HAZELOG_COMPOSE_NETWORK",
                "172.28." + ThreadLocalRandom.current().nextInt(100, 250));
        // Every service that answers HTTP: the database's port is not published.
        ServiceTable.read().withHttp().forEach(service -> {
            int port = FreePorts.next();
            ports.put(service.name(), port);
            environment.put(service.portVariable(), String.valueOf(port));
        });
    }

    String url(String service) {
        return "http://127.0.0.1:" + ports.get(service);
    }

    /** {@code docker compose ARGS} for this project; its output, or an exception that carries it. */
    String run(String... arguments) {
        List<String> command = new ArrayList<>(List.of("docker", "compose", "-f", FILE.toString(), "-p", project));
        command.addAll(List.of(arguments));
        return Docker.run(environment, command);
    }

    /** The id of a service's container. */
    String container(String service) {
        return run("ps", "-a", "-q", service).strip();
    }

    /** How a service's container last ended. */
    int exitCode(String service) {
        return Integer.parseInt(Docker.run(
                        Map.of(), List.of("docker", "inspect", "--format", "{{.State.ExitCode}}", container(service)))
                .strip());
    }

    /** Everything of this project that Docker still has: containers, volumes and networks. */
    String leftovers() {
        String label = "label=com.docker.compose.project=" + project;
        return String.join(
                        "",
                        Docker.run(Map.of(), List.of("docker", "ps", "-a", "-q", "--filter", label)),
                        Docker.run(Map.of(), List.of("docker", "volume", "ls", "-q", "--filter", label)),
                        Docker.run(Map.of(), List.of("docker", "network", "ls", "-q", "--filter", label)))
                .strip();
    }

    /** Docker's command-line client. */
    static final class Docker {
        private Docker() {}

        /** Why no Docker engine can be used here, or null when one answers. */
        static String unavailable() {
            try {
                run(Map.of(), List.of("docker", "info", "--format", "{{.ServerVersion}}"));
                run(Map.of(), List.of("docker", "compose", "version"));
                return null;
            } catch (IllegalStateException | UncheckedIOException e) {
                return e.getMessage();
            }
        }

        static String run(Map<String, String> environment, List<String> command) {
            return Command.run(ServiceTable.ROOT, environment, command, COMMAND_TIMEOUT)
                    .orThrow();
        }
    }
}
