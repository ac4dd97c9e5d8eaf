package dev.hazelog.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hazelog.shared.testing.FreePorts;
import dev.hazelog.shared.testing.HttpProbe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Hazelog across hosts: each logging service on a host of its own in a {@link TestNetwork}, with the same ports on
 * every host as on real machines; config, messages and facade in the test's namespace, on loopback.
 */
final class NetworkedSystem implements AutoCloseable {

    static final int HTTP_PORT = 5002;
    static final int MEMBER_PORT = 5701;

    private final TestNetwork network;
    private final ServiceProcesses processes = new ServiceProcesses();
    private final int configPort = FreePorts.next();
    private final int messagesPort = FreePorts.next();
    private final int facadePort = FreePorts.next();

    NetworkedSystem(TestNetwork network) {
        this.network = network;
    }

    /** @param storeArguments the logging services' arguments that name their database; none for memory only */
    NetworkedSystem start(List<String> storeArguments) {
        String members = String.join(
                ",",
                hosts().mapToObj(host -> network.clusterAddress(host) + ":" + MEMBER_PORT)
                        .toList());
        String cluster = "hosts-" + UUID.randomUUID();
        processes.start(
                "config",
                "config-service",
                List.of("--server.port=" + configPort, "--hazelog.config.instances-file=file:" + instancesFile()),
                UnaryOperator.identity());
        processes.start(
                "messages", "messages-service", List.of("--server.port=" + messagesPort), UnaryOperator.identity());
        hosts().forEach(host -> processes.start(
                "logging-" + host,
                "logging-service",
                Stream.concat(
                                Stream.of(
                                        "--server.address=" + network.serviceAddress(host),
                                        "--server.port=" + HTTP_PORT,
                                        "--hazelog.cluster.name=" + cluster,
                                        "--hazelog.cluster.bind-address=" + network.clusterAddress(host),
                                        "--hazelog.cluster.port=" + MEMBER_PORT,
                                        "--hazelog.cluster.members=" + members,
                                        "--hazelog.cluster.instance-name=logging-" + host),
                                storeArguments.stream())
                        .toList(),
                command -> network.inHost(host, command)));
        processes.start(
                "facade",
                "facade-service",
                List.of(
                        "--server.port=" + facadePort,
                        "--hazelog.facade.config-service-url=http://127.0.0.1:" + configPort),
                UnaryOperator.identity());
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .untilAsserted(() -> {
                    for (HttpProbe service : List.of(http("config"), http("messages"), facade())) {
                        assertThat(service.get("/actuator/health").status()).isEqualTo(200);
                    }
                    hosts().forEach(host -> assertThat(clusterSizeSeenBy(host)).isEqualTo(network.hosts()));
                });
        return this;
    }

    HttpProbe facade() {
        return http("facade");
    }

    String facadeUrl() {
        return "http://127.0.0.1:" + facadePort;
    }

    HttpProbe logging(int host) {
        return new HttpProbe("http://" + network.serviceAddress(host) + ":" + HTTP_PORT, Duration.ofSeconds(5));
    }

    int clusterSizeSeenBy(int host) {
        return logging(host).get("/cluster").json().path("members").size();
    }

    String logTails() {
        return processes.logTails();
    }

    private HttpProbe http(String name) {
        int port = switch (name) {
            case "config" -> configPort;
            case "messages" -> messagesPort;
            default -> facadePort;
        };
        return new HttpProbe("http://127.0.0.1:" + port);
    }

    private IntStream hosts() {
        return IntStream.rangeClosed(1, network.hosts());
    }

    private Path instancesFile() {
        StringBuilder yaml = new StringBuilder("logging-services:\n");
        hosts().forEach(host -> yaml.append("  - http://%s:%d%n".formatted(network.serviceAddress(host), HTTP_PORT)));
        yaml.append("messages-service: http://127.0.0.1:").append(messagesPort).append('\n');
        try {
            Path file = Files.createTempFile(Path.of("target"), "instances-", ".yml");
            return Files.writeString(file, yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        processes.close();
    }
}
